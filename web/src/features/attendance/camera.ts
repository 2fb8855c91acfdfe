/** The camera for clock-in photos and face enrolment: a still from getUserMedia, drawn on a canvas. */

export async function openCamera(video: HTMLVideoElement): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  video.srcObject = stream;
  await video.play();
  return stream;
}

export function closeCamera(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

function frame(video: HTMLVideoElement, width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0, width, height);
  return context;
}

/** The current frame as a JPEG, base64 without the data-URL prefix, as the clock-in API takes it. */
export function capturePhoto(video: HTMLVideoElement): { contentType: 'image/jpeg'; dataBase64: string; dataUrl: string } {
  const width = Math.min(video.videoWidth || 640, 640);
  const height = Math.round(width * ((video.videoHeight || 480) / (video.videoWidth || 640)));
  const dataUrl = frame(video, width, height).canvas.toDataURL('image/jpeg', 0.8);
  return { contentType: 'image/jpeg', dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1), dataUrl };
}

/**
 * A stand-in face descriptor (docs/decisions.md): the frame shrunk to 16 × 8 grey levels and scaled to
 * unit length — 128 numbers, as the API takes them. It is deterministic for a frame and stable while
 * the picture barely changes, but it does not recognise faces (two people in the same light come out
 * close): a real model (face-api.js) takes its place without any change to the API.
 */
export function captureDescriptor(video: HTMLVideoElement): number[] {
  const { data } = frame(video, 16, 8).getImageData(0, 0, 16, 8);
  const grey: number[] = [];
  for (let i = 0; i < data.length; i += 4) grey.push(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
  const length = Math.sqrt(grey.reduce((a, g) => a + g * g, 0)) || 1;
  return grey.map((g) => Number((g / length).toFixed(6)));
}

/** This browser's install id: the device a clock-in comes from (打卡常用设备). */
export function deviceId(): string {
  const key = 'banyan.attendance.device';
  let id = localStorage.getItem(key);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(key, id);
  }
  return id;
}
