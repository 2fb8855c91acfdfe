import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where one stored content of one enterprise lives. */
export interface BlobKey {
  corpId: string;
  sha256: string;
  confidential: boolean;
}

/** Bytes streamed and hashed into a temporary file, waiting to be settled under their digest. */
export interface PendingBlob {
  sha256: string;
  size: number;
  partial: string;
}

/**
 * The bytes of the file store, by content, per enterprise: `<data>/drive/<corp>/ab/abcdef…` (SHA-256),
 * and 文件防泄漏's confidential files apart under `<data>/confidential/<corp>/ab/…`. An enterprise's
 * own area means removing a blob no file of it lists can never take bytes another enterprise (or
 * the certification scans under `<data>/files`) still uses. A file is streamed to a temporary file
 * while it is hashed and renamed into place only once its row is being written: a reader never sees
 * half a file, and two uploads of the same bytes end as one.
 */
export class BlobStore {
  constructor(private readonly dataDir: string) {}

  #root(corpId: string, confidential: boolean): string {
    return join(this.dataDir, confidential ? 'confidential' : 'drive', corpId);
  }

  pathOf(key: BlobKey): string {
    return join(this.#root(key.corpId, key.confidential), key.sha256.slice(0, 2), key.sha256);
  }

  /**
   * Writes the stream to a temporary file and returns its digest and size. `cutShort` tells after
   * the stream ended whether the multipart reader stopped it at the size limit: then nothing is kept.
   */
  async put(corpId: string, source: Readable, confidential: boolean, cutShort: () => boolean): Promise<PendingBlob | undefined> {
    const tmpDir = join(this.#root(corpId, confidential), 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const partial = join(tmpDir, `${randomBytes(8).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(partial, { mode: 0o600 }),
      );
    } catch (error) {
      await this.discard(partial);
      throw error;
    }
    if (cutShort()) {
      await this.discard(partial);
      return undefined;
    }
    return { sha256: hash.digest('hex'), size, partial };
  }

  /** Moves a pending blob into place (same content, same name: over an earlier copy changes nothing a reader sees). */
  async settle(key: BlobKey, partial: string): Promise<void> {
    await mkdir(join(this.#root(key.corpId, key.confidential), key.sha256.slice(0, 2)), { recursive: true });
    await rename(partial, this.pathOf(key));
  }

  /** Drops a pending blob that was not settled (already gone is fine). */
  async discard(partial: string): Promise<void> {
    await unlink(partial).catch(() => undefined);
  }

  /** Removes a blob no file lists any more (already gone is fine). */
  async remove(key: BlobKey): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /**
   * A file uploaded before the enterprises had areas of their own is read where it was stored,
   * `<data>/files/ab/…` or `<data>/confidential/ab/…`; those bytes are never removed (the
   * certification scans share that directory), so its deletion leaves them on the disk.
   */
  read(key: BlobKey): Readable {
    const path = this.pathOf(key);
    return createReadStream(existsSync(path) ? path : join(this.dataDir, key.confidential ? 'confidential' : 'files', key.sha256.slice(0, 2), key.sha256));
  }
}
