import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from './tokens.ts';

/**
 * A link's token is `<corpId>.<id>.<secret>`: the enterprise and the row are found by the first two
 * parts (every query starts with corpId), the secret proves the holder got the link. Only the
 * secret's SHA-256 is stored, so neither the database nor a log line holds a working link.
 */
export interface LinkToken {
  token: string;
  secret: string;
  hash: string;
}

export function newLinkToken(corpId: string, id: string): LinkToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${corpId}.${id}.${secret}`, secret, hash: sha256(secret) };
}

/** The console's page for a link: its path, and the address mail carries (--public-url, never the Host header). */
export function linkAddress(publicUrl: string, page: 'activate' | 'join' | 'reset', token: string): { path: string; url: string } {
  const path = `/${page}/${token}`;
  return { path, url: `${publicUrl}${path}` };
}

export function parseLinkToken(token: string): { corpId: string; id: string; secret: string } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]{1,64}$/.test(p))) return undefined;
  return { corpId: parts[0]!, id: parts[1]!, secret: parts[2]! };
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
