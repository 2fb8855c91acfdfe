import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. 15 in production (32 MiB, ~100 ms); tests use a cheap value. */
  logN: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 1 };

const KEY_LENGTH = 32;

/**
 * A self-describing PHC-style string, `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, so parameters can be
 * raised later without breaking old hashes.
 */
export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, scryptOptions(params));
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) return false;
  const params = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const expected = Buffer.from(match[5]!, 'base64url');
  const key = await scrypt(password, Buffer.from(match[4]!, 'base64url'), expected.length, scryptOptions(params));
  return timingSafeEqual(key, expected);
}

function scryptOptions(params: ScryptParams): ScryptOptions {
  const N = 2 ** params.logN;
  return { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
}
