import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files held by their content, under `<data dir>/<area>/<first two hex>/<sha-256><extension>`: the
 * same bytes are one file, and a reader never sees half of one (a temporary file renamed into place).
 */
export class ContentStore {
  constructor(
    private readonly dir: string,
    private readonly extension = '',
  ) {}

  static under(dataDir: string, area: string, extension = ''): ContentStore {
    return new ContentStore(join(dataDir, area), extension);
  }

  #path(digest: string): string {
    return join(this.dir, digest.slice(0, 2), `${digest}${this.extension}`);
  }

  /** Writes the bytes once and returns their SHA-256, hex. */
  async put(bytes: Buffer): Promise<string> {
    const digest = createHash('sha256').update(bytes).digest('hex');
    const path = this.#path(digest);
    await mkdir(join(this.dir, digest.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
    return digest;
  }

  get(digest: string): Promise<Buffer> {
    return readFile(this.#path(digest));
  }
}
