import { randomFillSync } from 'node:crypto';

/**
 * Prefixed, time-sortable ids (`mem_01J9...`): a ULID body after the prefix, so ids sort by
 * creation time in both engines and a reader can tell an id's kind at a glance.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom: Uint8Array = new Uint8Array(10);

// Random bytes are drawn from the system a page at a time: one call per id cost more than the rest
// of making the id.
const pool = new Uint8Array(4096);
let poolAt = pool.length;

function randomTen(): Uint8Array {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 10;
  return pool.slice(poolAt - 10, poolAt);
}

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 base32 characters, five bits at a time.
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Within one millisecond the random part is incremented, so ids made in a burst keep their order. */
function nextRandom(now: number): Uint8Array {
  if (now === lastTime) {
    const next = Uint8Array.from(lastRandom);
    for (let i = next.length - 1; i >= 0; i--) {
      if (next[i] !== 255) {
        next[i]! += 1;
        break;
      }
      next[i] = 0;
    }
    lastRandom = next;
  } else {
    lastTime = now;
    lastRandom = randomTen();
  }
  return lastRandom;
}

export function newId(prefix: string, now: number = Date.now()): string {
  return `${prefix}_${encodeTime(now)}${encodeRandom(nextRandom(now))}`;
}
