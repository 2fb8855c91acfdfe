/**
 * Face descriptors (防止他人代打卡): computed by the device or browser (128 numbers, as face-api.js
 * gives), sealed with AES-256-GCM under a key kept in the data directory (`face.key`, made on first
 * use, readable by the server's user only), so the database alone never holds a face.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DESCRIPTOR_LENGTH = 128;
/** Euclidean distance at or under which two descriptors are the same face (face-api.js uses 0.6; stricter here). */
export const FACE_THRESHOLD = 0.5;

export interface FaceKey {
  seal(descriptor: readonly number[], aad: string): string;
  open(sealed: string, aad: string): number[];
}

/** The key of this data directory, read (or made) on first use. */
export function faceKey(dataDir: string): FaceKey {
  let key: Buffer | undefined;
  const load = (): Buffer => {
    if (key) return key;
    const file = join(dataDir, 'face.key');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} must hold a 32-byte key in base64`);
    return key;
  };
  return {
    seal(descriptor, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', load(), iv).setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(Buffer.from(new Float64Array(descriptor).buffer)), cipher.final()]);
      return `v1.${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${body.toString('base64')}`;
    },
    open(sealed, aad) {
      const [, iv, tag, body] = sealed.split('.');
      const decipher = createDecipheriv('aes-256-gcm', load(), Buffer.from(iv!, 'base64')).setAAD(Buffer.from(aad)).setAuthTag(Buffer.from(tag!, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(body!, 'base64')), decipher.final()]);
      // A fresh copy starts at offset 0, as a Float64Array needs.
      return [...new Float64Array(new Uint8Array(plain).buffer)];
    },
  };
}

export function faceDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}
