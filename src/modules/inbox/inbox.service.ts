import { sql } from 'kysely';
import type { TxCtx } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { newId } from '../../platform/ids.ts';
import { toIso } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import type { NoticeText } from '../../platform/notice.ts';
import { customAppNames } from '../apps/index.ts';
import { prepared, tables, type InboxTables } from './inbox.tables.ts';

export interface InboxMessage {
  app: string;
  title: string;
  body: string;
  link?: string | undefined;
  /** A module's notice: what the console shows in the reader's language. An app's message has none. */
  text?: NoticeText | undefined;
  /**
   * Producers that may run twice (a redelivered event, an alert per period) pass a key; the same key
   * for the same member is delivered once.
   */
  dedupeKey?: string | undefined;
}

/** Puts one message in each member's inbox; returns how many were new. */
const insertMessage = prepared((db, p: InboxTables['inbox_messages']) =>
  db
    .insertInto('inbox_messages')
    .values({ corp_id: p.corp_id, id: p.id, member_id: p.member_id, app: p.app, title: p.title, body: p.body, link: p.link, notice_key: p.notice_key, notice_params: p.notice_params, dedupe_key: p.dedupe_key, created_at: p.created_at, read_at: p.read_at })
    .onConflict((oc) => oc.columns(['corp_id', 'dedupe_key']).doNothing()),
);

export async function deliver(ctx: Pick<TxCtx, 'corpId' | 'now'> & { trx: Executor }, memberIds: readonly string[], message: InboxMessage): Promise<number> {
  let delivered = 0;
  for (const memberId of new Set(memberIds)) {
    const result = await insertMessage.execute(ctx.trx, {
      corp_id: ctx.corpId,
      id: newId('msg', ctx.now),
      member_id: memberId,
      app: message.app,
      title: message.title,
      body: message.body,
      link: message.link ?? null,
      notice_key: message.text?.key ?? null,
      notice_params: message.text ? JSON.stringify(message.text.params) : null,
      dedupe_key: message.dedupeKey ? `${message.dedupeKey}:${memberId}` : null,
      created_at: ctx.now,
      read_at: null,
    });
    delivered += Number(result.numAffectedRows ?? 0);
  }
  return delivered;
}

/** Takes a delivered message (its producer's `dedupeKey`) out of every inbox it reached; returns how many. */
export async function withdraw(ctx: Pick<TxCtx, 'corpId'> & { trx: Executor }, app: string, dedupeKey: string): Promise<number> {
  const prefix = `${dedupeKey}:`;
  const result = await tables(ctx.trx)
    .deleteFrom('inbox_messages')
    .where('corp_id', '=', ctx.corpId)
    .where('app', '=', app)
    .where(sql<string>`substr(dedupe_key, 1, ${sql.lit(prefix.length)})`, '=', prefix)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface InboxItem {
  id: string;
  app: string;
  /** A custom app's name as the enterprise wrote it; null for a built-in app (the console names it by `app`) or a deleted one. */
  appName: string | null;
  title: string;
  body: string;
  link: string | null;
  text: NoticeText | null;
  createdAt: string;
  readAt: string | null;
}

export async function listInbox(db: Executor, corpId: string, memberId: string, page: { cursor?: string | undefined; limit: number }): Promise<{ items: InboxItem[]; nextCursor: string | null; unread: number }> {
  let q = tables(db).selectFrom('inbox_messages').selectAll().where('corp_id', '=', corpId).where('member_id', '=', memberId);
  if (page.cursor) q = q.where('id', '<', page.cursor);
  const rows = await q.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit);
  const appNames = await customAppNames(db, corpId, items.map((r) => r.app));
  return {
    items: items.map((r) => ({ id: r.id, app: r.app, appName: appNames.get(r.app) ?? null, title: r.title, body: r.body, link: r.link, text: r.notice_key === null ? null : { key: r.notice_key, params: JSON.parse(r.notice_params ?? '{}') as NoticeText['params'] }, createdAt: toIso(r.created_at), readAt: toIso(r.read_at) })),
    nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null,
    unread: await unreadCount(db, corpId, memberId),
  };
}

export async function unreadCount(db: Executor, corpId: string, memberId: string): Promise<number> {
  const row = await tables(db)
    .selectFrom('inbox_messages')
    .select(sql<number>`count(*)`.as('n'))
    .where('corp_id', '=', corpId)
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(ctx: TxCtx, memberId: string, messageId: string): Promise<void> {
  const found = await tables(ctx.trx).selectFrom('inbox_messages').select('read_at').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).where('id', '=', messageId).executeTakeFirst();
  if (!found) throw new DomainError('not_found', { messageId });
  if (found.read_at === null) {
    await tables(ctx.trx).updateTable('inbox_messages').set({ read_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('id', '=', messageId).execute();
  }
}

export async function markAllRead(ctx: TxCtx, memberId: string): Promise<void> {
  await tables(ctx.trx).updateTable('inbox_messages').set({ read_at: ctx.now }).where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).where('read_at', 'is', null).execute();
}
