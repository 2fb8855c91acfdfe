import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The bytes of the file store, by content: `<data>/files/ab/abcdef…` (SHA-256), and 文件防泄漏's
 * confidential files apart under `<data>/confidential/ab/…`. A file is streamed to a temporary file
 * in its area while it is hashed, then renamed into place: a reader never sees half a file, and two
 * uploads of the same bytes end as one.
 */
export class BlobStore {
  constructor(private readonly dataDir: string) {}

  #root(confidential: boolean): string {
    return join(this.dataDir, confidential ? 'confidential' : 'files');
  }

  pathOf(sha256: string, confidential: boolean): string {
    return join(this.#root(confidential), sha256.slice(0, 2), sha256);
  }

  /**
   * Writes the stream and returns its digest and size. `cutShort` tells after the stream ended
   * whether the multipart reader stopped it at the size limit: then nothing is kept.
   */
  async put(source: Readable, confidential: boolean, cutShort: () => boolean): Promise<{ sha256: string; size: number } | undefined> {
    const tmpDir = join(this.#root(confidential), 'tmp');
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
      await unlink(partial).catch(() => undefined);
      throw error;
    }
    if (cutShort()) {
      await unlink(partial).catch(() => undefined);
      return undefined;
    }
    const sha256 = hash.digest('hex');
    const path = this.pathOf(sha256, confidential);
    await mkdir(join(this.#root(confidential), sha256.slice(0, 2)), { recursive: true });
    // Same content, same name: renaming over an earlier copy changes nothing a reader could see.
    await rename(partial, path);
    return { sha256, size };
  }

  read(sha256: string, confidential: boolean): Readable {
    return createReadStream(this.pathOf(sha256, confidential));
  }
}
