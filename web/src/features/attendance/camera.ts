/** The camera for clock-in photos and face enrolment: a still from getUserMedia, drawn on a canvas. */
import { randomId } from '../../api';

export async function openCamera(video: HTMLVideoElement): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
  video.srcObject = stream;
  await video.play();
  return stream;
}

export function closeCamera(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

function frame(source: CanvasImageSource, width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(source, 0, 0, width, height);
  return context;
}

/** A clock-in photo: base64 without the data-URL prefix, as the clock-in API takes it, and the data URL to show it. */
export interface Photo {
  contentType: 'image/jpeg' | 'image/png';
  dataBase64: string;
  dataUrl: string;
}

function photoOf(dataUrl: string, contentType: Photo['contentType']): Photo {
  return { contentType, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1), dataUrl };
}

/** A picture drawn at most `maxWidth` wide, as a JPEG. */
function jpegOf(source: CanvasImageSource, sourceWidth: number, sourceHeight: number, maxWidth: number): Photo {
  const width = Math.min(sourceWidth, maxWidth);
  const height = Math.round(width * (sourceHeight / sourceWidth));
  return photoOf(frame(source, width, height).canvas.toDataURL('image/jpeg', 0.8), 'image/jpeg');
}

/** The current frame as a JPEG. */
export function capturePhoto(video: HTMLVideoElement): Photo {
  return jpegOf(video, video.videoWidth || 640, video.videoHeight || 480, 640);
}

/**
 * The largest picture sent as it is (docs/decisions/att.md): the server's PHOTO_MAX_BYTES, which its
 * clock-in route's body limit makes room for (a phone camera's JPEG, EXIF and all).
 */
export const PHOTO_AS_IS_BYTES = 8_000_000;

/**
 * A picture from the phone's own camera (the file input's `capture`) or its gallery. A JPEG or PNG
 * small enough goes as it is, so its EXIF capture time reaches the server (a rule with 拍照打卡 checks
 * it); anything else is drawn again as a JPEG at most 1280 px wide, which leaves the EXIF behind.
 */
export async function photoFromFile(file: File): Promise<Photo> {
  if ((file.type === 'image/jpeg' || file.type === 'image/png') && file.size <= PHOTO_AS_IS_BYTES) {
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
      reader.readAsDataURL(file);
    });
    return photoOf(dataUrl, file.type);
  }
  const bitmap = await createImageBitmap(file);
  try {
    return jpegOf(bitmap, bitmap.width, bitmap.height, 1280);
  } finally {
    bitmap.close();
  }
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
    id = randomId('web');
    localStorage.setItem(key, id);
  }
  return id;
}
