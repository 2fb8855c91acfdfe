import type { Actor, Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob, jobState, type JobHandler } from '../../platform/jobs.ts';
import { audit } from '../../platform/audit.ts';
import { can } from '../../platform/policy/index.ts';
import { importRows, type ImportKind, type ImportOutcome } from './import.service.ts';
import { manageScope } from './scope.ts';
import { readSheet, type FileFormat } from './sheet.ts';
import { tables } from './directory.tables.ts';
import { DirectoryErrors } from './directory.errors.ts';

export const IMPORT_JOB = 'directory.import';

export interface ImportStatus {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number | null;
  result: { created: number } | null;
  error: { code: string; message: string; rows: { row: number; field: string; reason: string }[] } | null;
}

/**
 * Progress of imports running in this process. Rows written inside the import's transaction are
 * counted here (writing them to the jobs table would need a second write on SQLite's one connection);
 * validation progress is also stored on the job, which any server can read.
 */
const live = new Map<string, { done: number; total: number }>();

/** An uploaded file (directory.routes.ts reads it from a multipart stream, upload.ts). */
export interface ImportUpload {
  kind: ImportKind;
  format: FileFormat;
  content: Buffer;
}

/** Stores the uploaded file and queues its import; the job re-checks the actor's rights when it runs. */

export async function submitImport(ctx: Ctx, input: ImportUpload): Promise<string> {
  const id = newId('imp', ctx.now);
  const jobId = await enqueueJob(ctx.trx, ctx.now, { kind: IMPORT_JOB, payload: { corpId: ctx.corpId, importId: id }, dedupeKey: `${IMPORT_JOB}:${id}` });
  await tables(ctx.trx)
    .insertInto('directory_imports')
    .values({
      corp_id: ctx.corpId,
      id,
      job_id: jobId!,
      kind: input.kind,
      format: input.format,
      actor_json: JSON.stringify(ctx.actor),
      content_base64: input.content.toString('base64'),
      outcome_json: null,
      created_at: ctx.now,
    })
    .execute();
  await audit(ctx, { action: 'contacts.import.submit', target: { type: 'import', id }, after: { kind: input.kind, format: input.format } });
  return id;
}

function outcomeError(outcome: ImportOutcome | { ok: false; code: string; message: string }): ImportStatus['error'] {
  if (outcome.ok) return null;
  if ('code' in outcome) return { code: outcome.code, message: outcome.message, rows: [] };
  return { code: 'directory.import_invalid', message: 'The file has invalid rows; nothing was imported.', rows: outcome.errors };
}

export async function importStatus(ctx: ReadCtx, id: string): Promise<ImportStatus> {
  const row = await tables(ctx.trx).selectFrom('directory_imports').select(['id', 'job_id', 'outcome_json']).where('corp_id', '=', ctx.corpId).where('id', '=', id).executeTakeFirst();
  const job = row && (await jobState(ctx.trx, row.job_id));
  if (!row || !job) throw new DomainError(DirectoryErrors['directory.import_not_found'], { importId: id });
  const outcome = row.outcome_json === null ? null : (JSON.parse(row.outcome_json) as ImportOutcome | { ok: false; code: string; message: string });
  const memory = live.get(id);
  const done = Math.max(job.done, memory?.done ?? 0);
  const total = memory?.total ?? job.total;
  if (outcome) {
    return { id, status: outcome.ok ? 'done' : 'failed', done: total ?? done, total, result: outcome.ok ? { created: outcome.created } : null, error: outcomeError(outcome) };
  }
  if (job.status === 'failed') return { id, status: 'failed', done, total, result: null, error: { code: 'internal', message: job.lastError ?? 'The import failed.', rows: [] } };
  return { id, status: job.status, done, total, result: null, error: null };
}

/** The job: reads the file, checks the actor may still manage the contacts, imports all or nothing. */
export const importJob: JobHandler = async (job, jobCtx) => {
  const db = jobCtx.db;
  const { corpId, importId } = job.payload as { corpId: string; importId: string };
  const row = await tables(db).selectFrom('directory_imports').selectAll().where('corp_id', '=', corpId).where('id', '=', importId).executeTakeFirst();
  if (!row || row.outcome_json !== null) return null;
  const finish = async (outcome: ImportOutcome | { ok: false; code: string; message: string }) => {
    await tables(db).updateTable('directory_imports').set({ outcome_json: JSON.stringify(outcome), content_base64: '' }).where('corp_id', '=', corpId).where('id', '=', importId).execute();
    live.delete(importId);
    return outcome.ok ? { created: outcome.created } : { failed: true };
  };
  const actor = JSON.parse(row.actor_json) as Actor;
  const base = { corpId, actor, now: jobCtx.now, log: jobCtx.log, registry: jobCtx.registry };
  const scope = await db.transaction().execute(async (trx) => {
    const ctx: Ctx = { ...base, trx };
    return (await can(ctx, 'contacts.manage')) ? manageScope(ctx) : undefined;
  });
  if (!scope || scope.kind === 'none') return finish({ ok: false, code: 'forbidden', message: 'You do not have the right to do this.' });
  let rows: string[][];
  try {
    rows = await readSheet(Buffer.from(row.content_base64, 'base64'), row.format);
  } catch (error) {
    if (error instanceof DomainError) return finish({ ok: false, code: error.code, message: error.message });
    throw error;
  }
  try {
    const outcome = await importRows(
      db,
      (run) => db.transaction().execute(run),
      base,
      scope,
      row.kind,
      rows,
      async (done, total, phase) => {
        live.set(importId, { done, total });
        if (phase !== 'write') await jobCtx.progress(done, total);
      },
    );
    return finish(outcome);
  } catch (error) {
    live.delete(importId);
    if (error instanceof DomainError) return finish({ ok: false, code: error.code, message: error.message });
    throw error;
  }
};
