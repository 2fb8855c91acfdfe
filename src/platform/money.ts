/** Money is integer fen (分) everywhere; yuan exist only at the edges. */
export type Fen = number;

export function assertFen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of fen: ${value}`);
  return value;
}

/** Divides with half-up rounding (away from zero on .5), the rounding Chinese invoices use. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const remainder = n - quotient * d;
  return sign * (remainder * 2 >= d ? quotient + 1 : quotient);
}

export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

/** 123456 → "1234.56"; -5 → "-0.05". */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1,234.56" style for display, with the yuan sign. */
export function displayYuan(fen: Fen): string {
  const [whole, cents] = formatYuan(Math.abs(fen)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${cents}`;
}
