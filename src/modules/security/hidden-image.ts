/**
 * 暗水印 in images: the payload of the text mark (member and minute) written in the least
 * significant bit of the blue channel, one bit per pixel in raster order. A frame is the magic
 * `BW`, the payload's length, the payload padded to 64 bytes and 4 bytes of its SHA-256 (the
 * checksum): 568 bits, repeated over the whole picture, so a decode takes each bit by a majority
 * of its copies and an edit of a part of the picture leaves the mark readable. The result is a PNG
 * (lossless): re-saving it as PNG keeps the mark, a lossy re-encoding (JPEG) or a resize does not.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { markPayload, readPayload, type HiddenMark } from './hidden-mark.ts';

const MAGIC = Buffer.from('BW');
const SLOT = 64;
const FRAME_BYTES = MAGIC.length + 1 + SLOT + 4;
const FRAME_BITS = FRAME_BYTES * 8;
const BLUE = 2;
const CHANNELS = 4;

const checksum = (payload: Buffer) => createHash('sha256').update(payload).digest().subarray(0, 4);

function frameOf(payload: Buffer): Buffer {
  const frame = Buffer.alloc(FRAME_BYTES);
  MAGIC.copy(frame, 0);
  frame[MAGIC.length] = payload.length;
  payload.copy(frame, MAGIC.length + 1);
  checksum(payload).copy(frame, MAGIC.length + 1 + SLOT);
  return frame;
}

/** Every pixel as RGBA, whatever the source (grey, palette, no alpha). */
async function rgba(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image, { failOn: 'error' }).toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The image with the member and minute hidden in it, as a PNG; undefined when the bytes are no
 * image sharp reads or the picture has fewer pixels than one frame (568, e.g. 24 × 24).
 */
export async function embedImageMark(image: Buffer, memberId: string, at: number): Promise<Buffer | undefined> {
  const payload = markPayload(memberId, at);
  if (payload.length > SLOT) return undefined;
  let pixels: Awaited<ReturnType<typeof rgba>>;
  try {
    pixels = await rgba(image);
  } catch {
    return undefined;
  }
  const count = pixels.width * pixels.height;
  if (count < FRAME_BITS) return undefined;
  const frame = frameOf(payload);
  const { data } = pixels;
  for (let i = 0, bit = 0; i < count; i++, bit = bit + 1 === FRAME_BITS ? 0 : bit + 1) {
    const value = (frame[bit >> 3]! >> (7 - (bit & 7))) & 1;
    const at = i * CHANNELS + BLUE;
    data[at] = (data[at]! & 0xfe) | value;
  }
  return sharp(data, { raw: { width: pixels.width, height: pixels.height, channels: CHANNELS } }).png().toBuffer();
}

/** The mark hidden in an image, if any: the bits taken by majority, the checksum verified. */
export async function readImageMark(image: Buffer): Promise<HiddenMark | undefined> {
  let pixels: Awaited<ReturnType<typeof rgba>>;
  try {
    pixels = await rgba(image);
  } catch {
    return undefined;
  }
  const count = pixels.width * pixels.height;
  if (count < FRAME_BITS) return undefined;
  const ones = new Uint32Array(FRAME_BITS);
  const seen = new Uint32Array(FRAME_BITS);
  for (let i = 0, bit = 0; i < count; i++, bit = bit + 1 === FRAME_BITS ? 0 : bit + 1) {
    ones[bit]! += pixels.data[i * CHANNELS + BLUE]! & 1;
    seen[bit]!++;
  }
  const frame = Buffer.alloc(FRAME_BYTES);
  for (let bit = 0; bit < FRAME_BITS; bit++) if (ones[bit]! * 2 > seen[bit]!) frame[bit >> 3]! |= 1 << (7 - (bit & 7));
  if (!frame.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const length = frame[MAGIC.length]!;
  if (length > SLOT) return undefined;
  const payload = frame.subarray(MAGIC.length + 1, MAGIC.length + 1 + length);
  if (!checksum(payload).equals(frame.subarray(MAGIC.length + 1 + SLOT))) return undefined;
  return readPayload(payload);
}
