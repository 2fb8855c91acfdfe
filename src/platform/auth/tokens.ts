import { createHash, randomBytes } from 'node:crypto';

/** Secrets are stored as their SHA-256: they are long and random, so no salt or slow hash is needed. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function randomToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
