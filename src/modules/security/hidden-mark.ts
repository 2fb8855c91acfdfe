/**
 * 暗水印 in text: the member and the minute written as zero-width characters, invisible when the
 * text is shown, kept when it is copied or exported. A mark is framed by U+2060 (word joiner) and
 * its bits are U+200B (0) and U+200C (1), 8 per byte of `memberId.minute` (minute in base 36).
 */
const FRAME = '\u2060';
const ZERO = '\u200B';
const ONE = '\u200C';
const MINUTE = 60_000;
const MARK = new RegExp(`${FRAME}([${ZERO}${ONE}]+)${FRAME}`, 'gu');

export interface HiddenMark {
  memberId: string;
  at: number;
}

/** The bytes a text 暗水印 carries: `memberId.minute`, the minute in base 36 (images pack the same in 20 bytes: hidden-image.ts). */
export function markPayload(memberId: string, at: number): Buffer {
  return Buffer.from(`${memberId}.${Math.floor(at / MINUTE).toString(36)}`, 'utf8');
}

/** The member and minute of a payload; undefined when the bytes are no payload. */
export function readPayload(bytes: Buffer): HiddenMark | undefined {
  const [memberId, minute] = bytes.toString('utf8').split('.');
  const minutes = minute === undefined ? Number.NaN : parseInt(minute, 36);
  return memberId && Number.isFinite(minutes) ? { memberId, at: minutes * MINUTE } : undefined;
}

export function encodeMark(memberId: string, at: number): string {
  let bits = '';
  for (const byte of markPayload(memberId, at)) bits += byte.toString(2).padStart(8, '0');
  return FRAME + bits.replace(/0/g, ZERO).replace(/1/g, ONE) + FRAME;
}

/** Every mark in a text, in order; pieces that are not a whole mark are ignored. */
export function decodeMarks(text: string): HiddenMark[] {
  const out: HiddenMark[] = [];
  for (const match of text.matchAll(MARK)) {
    const bits = match[1]!.replace(new RegExp(ZERO, 'g'), '0').replace(new RegExp(ONE, 'g'), '1');
    if (bits.length % 8 !== 0) continue;
    const mark = readPayload(Buffer.from(Array.from({ length: bits.length / 8 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2))));
    if (mark) out.push(mark);
  }
  return out;
}
