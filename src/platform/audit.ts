import type { Ctx, ReadCtx } from './context.ts';
import { tables, type AuditOutcome } from './platform.tables.ts';
import { newId } from './ids.ts';
import { toIso } from './clock.ts';
import { like } from './db/sql.ts';

export interface AuditEntry {
  action: string;
  target: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  /** 'refused' for an attempt that was refused (nothing else of it was written); default 'done'. */
  outcome?: AuditOutcome;
}

/** Writes the audit row in the caller's transaction, so a rolled-back change leaves no trace. */
export async function audit(ctx: Pick<Ctx, 'corpId' | 'actor' | 'trx' | 'now' | 'ip'>, entry: AuditEntry): Promise<void> {
  await tables(ctx.trx)
    .insertInto('audit_log')
    .values({
      corp_id: ctx.corpId,
      id: newId('aud', ctx.now),
      actor_kind: ctx.actor.kind,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      action: entry.action,
      target_type: entry.target.type,
      target_id: entry.target.id,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: ctx.ip ?? null,
      at: ctx.now,
      outcome: entry.outcome ?? 'done',
    })
    .execute();
}

export interface AuditQuery {
  cursor?: string | undefined;
  limit: number;
  action?: string | undefined;
  actorId?: string | undefined;
  outcome?: AuditOutcome | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export interface AuditRecord {
  id: string;
  at: string;
  actor: { kind: string; id: string; name: string };
  action: string;
  target: { type: string; id: string };
  ip: string | null;
  outcome: AuditOutcome;
  before: unknown;
  after: unknown;
}

/** Newest first; the cursor is the last id seen (ids sort by time). */
export async function searchAudit(ctx: ReadCtx, query: AuditQuery): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  let q = tables(ctx.trx).selectFrom('audit_log').selectAll().where('corp_id', '=', ctx.corpId);
  if (query.cursor) q = q.where('id', '<', query.cursor);
  if (query.action) q = q.where(like('action', 'prefix', query.action));
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.from !== undefined) q = q.where('at', '>=', query.from);
  if (query.to !== undefined) q = q.where('at', '<', query.to);
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: toIso(row.at),
      actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
      action: row.action,
      target: { type: row.target_type, id: row.target_id },
      ip: row.ip,
      outcome: row.outcome,
      before: row.before_json === null ? null : JSON.parse(row.before_json),
      after: row.after_json === null ? null : JSON.parse(row.after_json),
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}
