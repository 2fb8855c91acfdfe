/** Fixtures for the attendance tests and benchmark: a rule body with every field, overridable. */
import type { Sharp } from 'sharp';
import type { RuleInputValue } from '../attendance.schema.ts';

export function ruleBody(overrides: Partial<RuleInputValue> = {}): RuleInputValue {
  return {
    name: '总部打卡',
    members: { memberIds: [], departmentIds: [], tagIds: [] },
    workDays: [1, 2, 3, 4, 5],
    shift: { start: '09:00', end: '18:00', lateGraceMinutes: 5, earlyGraceMinutes: 5 },
    holidays: [],
    places: [],
    wifi: [],
    photo: false,
    face: false,
    machines: false,
    usualDeviceLimit: 0,
    overLimit: 'photo_note',
    ...overrides,
  };
}

/** The job that writes 未打卡 at the end of each shift, for tests that run it at an instant. */
export { CLOSE_SHIFTS_JOB } from '../missed.service.ts';

/** The summary service, for the benchmark of a month of 10,000 members. */
export { summarise } from '../summary.service.ts';

/**
 * A JPEG as a phone camera makes it, with EXIF DateTimeOriginal `takenAt` ('YYYY:MM:DD HH:MM:SS',
 * Shanghai time unless `offset` says otherwise) and the camera's make; without `takenAt`, a picture
 * with no EXIF at all. 320 × 240 of one colour; `full` makes it a full-size photo instead: 1200 × 900
 * of noise (a seeded LCG), which barely compresses (≈ 900 KB, its base64 over 1 MiB).
 */
export async function cameraPhoto(takenAt?: string, offset?: string, full = false): Promise<{ contentType: 'image/jpeg'; dataBase64: string }> {
  const { default: sharp } = await import('sharp');
  let image: Sharp;
  if (full) {
    const pixels = Buffer.alloc(1200 * 900 * 3);
    for (let i = 0, x = 7; i < pixels.length; i++) pixels[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    image = sharp(pixels, { raw: { width: 1200, height: 900, channels: 3 } }).jpeg({ quality: 90 });
  } else {
    image = sharp({ create: { width: 320, height: 240, channels: 3, background: '#4a7ab0' } }).jpeg();
  }
  if (takenAt) image = image.withExif({ IFD0: { Make: 'Banyan Phone' }, IFD2: { DateTimeOriginal: takenAt, ...(offset ? { OffsetTimeOriginal: offset } : {}) } });
  return { contentType: 'image/jpeg', dataBase64: (await image.toBuffer()).toString('base64') };
}
