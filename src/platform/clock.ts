/** The only source of "now" in Banyan: services read it once per transaction, tests set it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until told to move, so tests can stand at an exact instant. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: number | string | Date = '2026-01-05T09:00:00+08:00') {
    this.#now = new Date(start).getTime();
  }

  now(): number {
    return this.#now;
  }

  set(at: number | string | Date): void {
    this.#now = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function toIso(ms: number): string;
export function toIso(ms: number | null): string | null;
export function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** China time (UTC+8, no daylight saving), as the console and the exports show it: 2026-01-05 09:00:00. */
export function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
}
