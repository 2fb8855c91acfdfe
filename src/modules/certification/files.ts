import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { toIso } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { CertificationErrors } from './certification.errors.ts';
import { tables } from './certification.tables.ts';

/**
 * Scans (licences, letters, screenshots) an enterprise uploads for its applications: stored once per
 * content under the data directory (`files/ab/abcdef…`, by SHA-256), listed per enterprise, so an
 * application can name only a file its own enterprise uploaded.
 */
export const SCAN_LIMIT = 5 * 1024 * 1024;

export type ScanType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The file's type by its first bytes (what it claims to be is not trusted). */
export function sniffScan(content: Buffer): ScanType | undefined {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return undefined;
}

export interface FileStore {
  /** Stores the content (once: a second upload of the same bytes writes nothing) and returns its SHA-256. */
  put(content: Buffer): string;
  read(sha256: string): Buffer;
}

export function fileStore(dataDir: string): FileStore {
  const pathOf = (sha: string) => join(dataDir, 'files', sha.slice(0, 2), sha);
  return {
    put(content) {
      const sha = createHash('sha256').update(content).digest('hex');
      const path = pathOf(sha);
      if (!existsSync(path)) {
        mkdirSync(join(dataDir, 'files', sha.slice(0, 2)), { recursive: true });
        // Written aside and renamed: a reader never sees half a file.
        const partial = `${path}.${randomBytes(6).toString('hex')}.part`;
        writeFileSync(partial, content, { mode: 0o600 });
        renameSync(partial, path);
      }
      return sha;
    },
    read: (sha) => readFileSync(pathOf(sha)),
  };
}

export interface ScanView {
  id: string;
  name: string;
  mime: string;
  size: number;
  uploadedAt: string;
}

/** Checks and stores an uploaded scan and lists it under the enterprise. */
export async function addScan(ctx: Ctx, store: FileStore, upload: { content: Buffer; filename: string }): Promise<ScanView> {
  const mime = sniffScan(upload.content);
  if (!mime) throw new DomainError(CertificationErrors['certification.file_type'], { accepted: ['image/jpeg', 'image/png', 'application/pdf'] });
  const sha = store.put(upload.content);
  const name = upload.filename.slice(0, 200) || sha;
  await tables(ctx.trx)
    .insertInto('certification_files')
    .values({ corp_id: ctx.corpId, sha256: sha, mime, size: upload.content.length, name, uploaded_by_name: ctx.actor.name, created_at: ctx.now })
    .onConflict((oc) => oc.columns(['corp_id', 'sha256']).doNothing())
    .execute();
  return (await scansOf(ctx.trx, ctx.corpId, [sha])).get(sha)!;
}

/** The enterprise's scans among the ids (an id another enterprise uploaded matches nothing). */
export async function scansOf(db: Executor, corpId: string, ids: readonly string[]): Promise<Map<string, ScanView>> {
  if (ids.length === 0) return new Map();
  const rows = await tables(db).selectFrom('certification_files').selectAll().where('corp_id', '=', corpId).where('sha256', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.sha256, { id: r.sha256, name: r.name, mime: r.mime, size: Number(r.size), uploadedAt: toIso(r.created_at) }]));
}

/** Refuses ids the enterprise did not upload, naming the field. */
export async function assertScans(db: Executor, corpId: string, files: Record<string, string>): Promise<void> {
  const found = await scansOf(db, corpId, Object.values(files));
  for (const [field, id] of Object.entries(files)) {
    if (!found.has(id)) throw new DomainError(CertificationErrors['certification.file_unknown'], { field, id });
  }
}

/** A scan's bytes for download, by the enterprise that uploaded it. */
export async function readScan(ctx: ReadCtx, store: FileStore, id: string): Promise<{ view: ScanView; content: Buffer }> {
  const view = (await scansOf(ctx.trx, ctx.corpId, [id])).get(id);
  if (!view) throw new DomainError('not_found', { id });
  return { view, content: store.read(id) };
}
