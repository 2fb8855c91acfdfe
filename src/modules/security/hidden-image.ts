/**
 * 暗水印 in images: the member and the minute hidden in the brightness of the picture's 8 × 8
 * blocks, the blocks a JPEG encoder works on. A block's mean brightness (its DCT DC coefficient,
 * which JPEG at quality 75 keeps to within half a level) is moved to the nearest point of a lattice
 * of step STEP: the even points say 0, the odd ones 1 (quantisation index modulation). A frame of
 * 192 bits (member id, minute, checksum) is written block after block in raster order and repeated
 * over the whole picture; a decode sums each bit's copies (soft majority vote) and accepts the frame
 * only if its checksum matches, so a damaged mark decodes to nothing, never to a wrong member.
 *
 * Survives: PNG re-saves, JPEG re-encoding at quality 75 or more, painting over a part of the
 * picture. Does not survive: resizing, cropping by an offset that is not a multiple of 8, rotation.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { HiddenMark } from './hidden-mark.ts';

const BLOCK = 8;
const PIXELS = BLOCK * BLOCK;
/**
 * Lattice step of a block's mean brightness: a block moves by at most STEP / 2 (2.5 levels of 255),
 * or STEP where it cannot move the nearer way (white or black pixels).
 */
const STEP = 5;
const MINUTE = 60_000;
const ID_BYTES = 16;
const PAYLOAD_BYTES = ID_BYTES + 4;
const FRAME_BYTES = PAYLOAD_BYTES + 4;
/** Blocks of one frame: a picture needs at least this many whole blocks (e.g. 128 × 96) to be marked. */
const FRAME_BITS = FRAME_BYTES * 8;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MEMBER_ID = /^mem_([0-7][0-9A-HJKMNP-TV-Z]{25})$/;

const checksum = (payload: Buffer) => createHash('sha256').update('banyan.hidden-image').update(payload).digest().subarray(0, 4);

/** The frame of a member id (`mem_` and a ULID: 128 bits) and a minute; undefined for an id of another shape. */
function frameOf(memberId: string, at: number): Buffer | undefined {
  const ulid = MEMBER_ID.exec(memberId)?.[1];
  if (!ulid) return undefined;
  let value = 0n;
  for (const char of ulid) value = (value << 5n) | BigInt(CROCKFORD.indexOf(char));
  const frame = Buffer.alloc(FRAME_BYTES);
  for (let i = ID_BYTES - 1; i >= 0; i--, value >>= 8n) frame[i] = Number(value & 0xffn);
  frame.writeUInt32BE(Math.floor(at / MINUTE), ID_BYTES);
  checksum(frame.subarray(0, PAYLOAD_BYTES)).copy(frame, PAYLOAD_BYTES);
  return frame;
}

function markOf(frame: Buffer): HiddenMark | undefined {
  if (!checksum(frame.subarray(0, PAYLOAD_BYTES)).equals(frame.subarray(PAYLOAD_BYTES))) return undefined;
  let value = 0n;
  for (let i = 0; i < ID_BYTES; i++) value = (value << 8n) | BigInt(frame[i]!);
  let ulid = '';
  for (let i = 0; i < 26; i++, value >>= 5n) ulid = CROCKFORD[Number(value & 31n)] + ulid;
  return { memberId: `mem_${ulid}`, at: frame.readUInt32BE(ID_BYTES) * MINUTE };
}

const bitOf = (frame: Buffer, bit: number) => (frame[bit >> 3]! >> (7 - (bit & 7))) & 1;

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/**
 * Every pixel as sRGB (with the alpha channel when the source has one), whatever the source (grey,
 * palette), upright: the marked image carries no EXIF orientation, so it is turned as it was shown.
 */
async function pixelsOf(image: Buffer): Promise<{ pixels: Pixels; format: string | undefined }> {
  const source = sharp(image, { failOn: 'error' });
  const { format, hasAlpha } = await source.metadata();
  const srgb = source.rotate().toColourspace('srgb');
  const { data, info } = await (hasAlpha ? srgb.ensureAlpha() : srgb.removeAlpha()).raw().toBuffer({ resolveWithObject: true });
  return { pixels: { data, width: info.width, height: info.height, channels: info.channels }, format };
}

/** Brightness as JPEG's encoder computes it (ITU-R BT.601); adding k to R, G and B adds k to it. */
const luma = (d: Buffer, at: number) => 0.299 * d[at]! + 0.587 * d[at + 1]! + 0.114 * d[at + 2]!;

/** The offsets (in bytes) of one block's pixels. */
function blockPixels(p: Pixels, bx: number, by: number, out: Int32Array): void {
  for (let y = 0; y < BLOCK; y++) for (let x = 0; x < BLOCK; x++) out[y * BLOCK + x] = ((by * BLOCK + y) * p.width + bx * BLOCK + x) * p.channels;
}

function blockMean(d: Buffer, offsets: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < PIXELS; i++) sum += luma(d, offsets[i]!);
  return sum / PIXELS;
}

/** Whether a block of this mean can be brightened by `up` and darkened by `down` (summed over its pixels) to `target`. */
const reachable = (target: number, mean: number, up: number, down: number) => target - mean <= up / PIXELS && mean - target <= down / PIXELS;

/**
 * Moves the block's mean brightness to the lattice point of `bit` nearest to it that the block can
 * reach: the same whole number added to R, G and B of a pixel (its colour stays), spread over the
 * block, and taken up by the other pixels where one would leave 0–255.
 */
function embedBlock(d: Buffer, offsets: Int32Array, room: Int32Array, bit: number): void {
  const mean = blockMean(d, offsets);
  let up = 0;
  let down = 0;
  for (let i = 0; i < PIXELS; i++) {
    const at = offsets[i]!;
    up += 255 - Math.max(d[at]!, d[at + 1]!, d[at + 2]!);
    down += Math.min(d[at]!, d[at + 1]!, d[at + 2]!);
  }
  const above = Math.ceil((mean - (bit * STEP) / 2) / STEP) * STEP + (bit * STEP) / 2;
  const nearer = above - mean <= STEP / 2 ? above : above - STEP;
  const target = reachable(nearer, mean, up, down) ? nearer : nearer === above ? above - STEP : above;
  if (!reachable(target, mean, up, down)) return;
  let rest = Math.round((target - mean) * PIXELS);
  for (let pass = 0; pass < 4 && rest !== 0; pass++) {
    const sign = Math.sign(rest);
    let open = 0;
    for (let i = 0; i < PIXELS; i++) {
      const at = offsets[i]!;
      room[i] = sign > 0 ? 255 - Math.max(d[at]!, d[at + 1]!, d[at + 2]!) : Math.min(d[at]!, d[at + 1]!, d[at + 2]!);
      if (room[i]! > 0) open++;
    }
    if (open === 0) break;
    const each = Math.floor(Math.abs(rest) / open);
    let extra = Math.abs(rest) - each * open;
    for (let i = 0; i < PIXELS; i++) {
      let step = Math.min(room[i]!, each);
      if (step < room[i]! && extra > 0) {
        step++;
        extra--;
      }
      if (step === 0) continue;
      const at = offsets[i]!;
      for (let c = 0; c < 3; c++) d[at + c] = d[at + c]! + sign * step;
      rest -= sign * step;
    }
  }
}

function blocks(p: Pixels): { across: number; count: number } {
  const across = Math.floor(p.width / BLOCK);
  return { across, count: across * Math.floor(p.height / BLOCK) };
}

/**
 * The image with the member and minute hidden in it, in the source's format (a JPEG stays a JPEG, at
 * quality 90; anything else becomes a PNG); undefined when the bytes are no image sharp reads, the
 * picture holds fewer whole 8 × 8 blocks than one frame has bits (192, e.g. 128 × 96), or the id is
 * not a member id.
 */
export async function embedImageMark(image: Buffer, memberId: string, at: number): Promise<Buffer | undefined> {
  const frame = frameOf(memberId, at);
  if (!frame) return undefined;
  let read: Awaited<ReturnType<typeof pixelsOf>>;
  try {
    read = await pixelsOf(image);
  } catch {
    return undefined;
  }
  const { pixels, format } = read;
  const { across, count } = blocks(pixels);
  if (count < FRAME_BITS) return undefined;
  const offsets = new Int32Array(PIXELS);
  const room = new Int32Array(PIXELS);
  for (let i = 0; i < count; i++) {
    blockPixels(pixels, i % across, Math.floor(i / across), offsets);
    embedBlock(pixels.data, offsets, room, bitOf(frame, i % FRAME_BITS));
  }
  const out = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels as 3 | 4 } });
  return (format === 'jpeg' ? out.jpeg({ quality: 90 }) : out.png()).toBuffer();
}

/** The mark hidden in an image, if any: each bit's copies summed, the checksum verified. */
export async function readImageMark(image: Buffer): Promise<HiddenMark | undefined> {
  let pixels: Pixels;
  try {
    pixels = (await pixelsOf(image)).pixels;
  } catch {
    return undefined;
  }
  const { across, count } = blocks(pixels);
  if (count < FRAME_BITS) return undefined;
  // +1 on a point of 0, -1 on a point of 1, in between on the way from one to the other.
  const votes = new Float64Array(FRAME_BITS);
  const offsets = new Int32Array(PIXELS);
  for (let i = 0; i < count; i++) {
    blockPixels(pixels, i % across, Math.floor(i / across), offsets);
    votes[i % FRAME_BITS]! += Math.cos((2 * Math.PI * blockMean(pixels.data, offsets)) / STEP);
  }
  const frame = Buffer.alloc(FRAME_BYTES);
  votes.forEach((vote, bit) => {
    if (vote < 0) frame[bit >> 3]! |= 1 << (7 - (bit & 7));
  });
  return markOf(frame);
}
