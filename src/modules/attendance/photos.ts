/**
 * 拍照打卡 photos: the capture time read from EXIF, the watermark of place and server time burned
 * into the picture (sharp, an SVG overlay), and the files, content-addressed under the data directory.
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { MINUTE } from '../../platform/clock.ts';
import { ContentStore } from '../../platform/content-store.ts';
import { outlineText } from '../../platform/text-outline.ts';
import { shanghaiTime } from './evaluation.ts';

/** A photo the rule requires must have been taken at most this long before or after the server's time. */
export const PHOTO_MAX_SKEW = 10 * MINUTE;

/** When a photo was taken, by its camera: the instant, and the EXIF tags that said it. */
export interface CaptureTime {
  at: number;
  exif: { DateTimeOriginal: string; OffsetTimeOriginal?: string };
}

/**
 * When the photo was taken, from EXIF DateTimeOriginal (with OffsetTimeOriginal when the camera
 * wrote one, else read as Asia/Shanghai time); undefined when the photo has none or is not an image
 * exifr reads.
 */
export async function captureTime(photo: Buffer): Promise<CaptureTime | undefined> {
  const tags = (await exifr.parse(photo, { pick: ['DateTimeOriginal', 'OffsetTimeOriginal'], reviveValues: false }).catch(() => undefined)) as { DateTimeOriginal?: unknown; OffsetTimeOriginal?: unknown } | undefined;
  const original = typeof tags?.DateTimeOriginal === 'string' ? tags.DateTimeOriginal.trim() : '';
  const taken = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(original);
  if (!taken) return undefined;
  const written = typeof tags?.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal) ? tags.OffsetTimeOriginal : undefined;
  const at = Date.parse(`${taken[1]}-${taken[2]}-${taken[3]}T${taken[4]}:${taken[5]}:${taken[6]}${written ?? '+08:00'}`);
  return Number.isNaN(at) ? undefined : { at, exif: { DateTimeOriginal: original, ...(written ? { OffsetTimeOriginal: written } : {}) } };
}

/** The watermark's text: the place, then the server's time in Asia/Shanghai (YYYY-MM-DD HH:mm:ss). */
export function watermarkText(place: string, at: number): string {
  const local = shanghaiTime(at);
  const seconds = Math.floor(local.msOfDay / 1000);
  const hms = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return `${place} ${local.day} ${hms}`.trim();
}

/**
 * The photo upright (EXIF orientation applied), with a dark band along the bottom carrying `text`
 * drawn as outlines (text-outline.ts: the same glyphs whatever fonts the server has), shrunk to fit
 * the width, as a JPEG whose only metadata is the capture time the camera wrote (`taken`; the rest —
 * place, camera, orientation — is left behind). Throws when the bytes are no image sharp decodes.
 */
export async function burnWatermark(photo: Buffer, text: string, taken?: CaptureTime): Promise<Buffer> {
  const upright = await sharp(photo, { failOn: 'error' }).rotate().toBuffer({ resolveWithObject: true });
  const { width, height } = upright.info;
  const band = Math.min(height, Math.max(16, Math.round(Math.min(width, height) * 0.08)));
  const margin = Math.round(band * 0.3);
  const natural = outlineText(text, band * 0.6);
  const size = natural.width > width - 2 * margin ? (band * 0.6 * (width - 2 * margin)) / natural.width : band * 0.6;
  const { d } = outlineText(text, size, margin, Math.round(band * 0.5 + size * 0.35));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${band}"><rect width="100%" height="100%" fill="#000" fill-opacity="0.55"/><path d="${d}" fill="#fff"/></svg>`;
  const marked = sharp(upright.data)
    .composite([{ input: Buffer.from(svg), gravity: 'south' }])
    .jpeg({ quality: 85 });
  return (taken ? marked.withExif({ IFD2: taken.exif }) : marked).toBuffer();
}

/** Photo files under `<data dir>/attendance-photos/<first two hex>/<sha-256>.jpg`: the same picture is one file. */
export type PhotoStore = ContentStore;
export const photoStoreUnder = (dataDir: string): PhotoStore => ContentStore.under(dataDir, 'attendance-photos', '.jpg');
