import type { Ctx, ReadCtx } from '../../platform/context.ts';
import { DomainError, requireKnownIds } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import { newId } from '../../platform/ids.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { activeMemberIds } from '../directory/index.ts';
import { requireFile } from './access.ts';
import { DocsErrors } from './docs.errors.ts';
import { DocsEvents } from './docs.events.ts';
import { tables, type DocsTables } from './docs.tables.ts';

export interface CommentView {
  id: string;
  threadId: string;
  sheetId: string | null;
  row: number | null;
  col: number | null;
  authorId: string | null;
  authorName: string;
  body: string;
  mentions: string[];
  resolvedAt: number | null;
  createdAt: number;
}
export interface ThreadView extends CommentView {
  replies: CommentView[];
}

type CommentRow = DocsTables['docs_comments'];
const view = (c: CommentRow): CommentView => ({
  id: c.id,
  threadId: c.thread_id,
  sheetId: c.sheet_id,
  row: c.row,
  col: c.col,
  authorId: c.author_id,
  authorName: c.author_name,
  body: c.body,
  mentions: JSON.parse(c.mentions_json) as string[],
  resolvedAt: c.resolved_at === null ? null : Number(c.resolved_at),
  createdAt: Number(c.created_at),
});

/** Whether the admin switch 禁止仅浏览成员发表动态 is on. */
export async function viewOnlyCommentsBanned(ctx: ReadCtx): Promise<boolean> {
  const row = await tables(ctx.trx).selectFrom('docs_settings').select('view_only_comments_banned').where('corp_id', '=', ctx.corpId).executeTakeFirst();
  return row?.view_only_comments_banned === 1;
}

/** Sets 禁止仅浏览成员发表动态, with its audit row in the same transaction. */
export async function saveSettings(ctx: Ctx, input: { viewOnlyCommentsBanned: boolean }): Promise<{ viewOnlyCommentsBanned: boolean }> {
  const before = { viewOnlyCommentsBanned: await viewOnlyCommentsBanned(ctx) };
  const value = input.viewOnlyCommentsBanned ? 1 : 0;
  await tables(ctx.trx)
    .insertInto('docs_settings')
    .values({ corp_id: ctx.corpId, view_only_comments_banned: value, updated_at: ctx.now })
    .onConflict((oc) => oc.column('corp_id').doUpdateSet({ view_only_comments_banned: value, updated_at: ctx.now }))
    .execute();
  await audit(ctx, { action: 'docs.settings', target: { type: 'docs_settings', id: 'comments' }, before, after: input });
  return input;
}

/**
 * May this member comment on the file? Editors always; view-only members unless the admin switch
 * 禁止仅浏览成员发表动态 is on (the seed's question 3), then 403 saying so.
 */
async function requireCommenter(ctx: ReadCtx, fileId: string) {
  const found = await requireFile(ctx, fileId, 'view');
  if (found.access === 'view' && (await viewOnlyCommentsBanned(ctx))) throw new DomainError(DocsErrors['docs.comments_banned']);
  return found;
}

export async function listComments(ctx: ReadCtx, fileId: string): Promise<{ threads: ThreadView[]; canComment: boolean }> {
  const { access } = await requireFile(ctx, fileId, 'view');
  const rows = await tables(ctx.trx).selectFrom('docs_comments').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).orderBy('created_at').orderBy('id').execute();
  const threads = new Map<string, ThreadView>();
  for (const r of rows) if (r.id === r.thread_id) threads.set(r.id, { ...view(r), replies: [] });
  for (const r of rows) if (r.id !== r.thread_id) threads.get(r.thread_id)?.replies.push(view(r));
  return { threads: [...threads.values()], canComment: access !== 'view' || !(await viewOnlyCommentsBanned(ctx)) };
}

export interface NewComment {
  body: string;
  mentions: string[];
  /** A reply names its thread; a new thread may name its cell. */
  threadId?: string | undefined;
  cell?: { sheetId: string; row: number; col: number } | undefined;
}

/** Adds a thread or a reply; the members it @-mentions hear of it in their inbox. */
export async function addComment(ctx: Ctx, fileId: string, input: NewComment): Promise<CommentView> {
  const member = requireMember(ctx);
  const { file } = await requireCommenter(ctx, fileId);
  const mentions = [...new Set(input.mentions)];
  requireKnownIds(mentions, await activeMemberIds(ctx.trx, ctx.corpId, mentions), '/mentions');
  const db = tables(ctx.trx);
  let at = input.cell ?? null;
  let threadId: string | null = null;
  if (input.threadId !== undefined) {
    const thread = await db.selectFrom('docs_comments').selectAll().where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', input.threadId).executeTakeFirst();
    if (!thread || thread.thread_id !== thread.id) throw new DomainError('request.unknown_id', { in: 'body', field: '/threadId', id: input.threadId });
    threadId = thread.id;
    at = thread.sheet_id === null ? null : { sheetId: thread.sheet_id, row: thread.row!, col: thread.col! };
  } else if (at) {
    const sheet = await db.selectFrom('docs_sheets').select('id').where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).where('id', '=', at.sheetId).executeTakeFirst();
    if (!sheet) throw new DomainError('request.unknown_id', { in: 'body', field: '/cell/sheetId', id: at.sheetId });
  }
  const id = newId('cmt', ctx.now);
  const row: CommentRow = {
    corp_id: ctx.corpId,
    id,
    file_id: fileId,
    thread_id: threadId ?? id,
    sheet_id: at?.sheetId ?? null,
    row: at?.row ?? null,
    col: at?.col ?? null,
    author_id: member.id,
    author_name: member.name,
    body: input.body,
    mentions_json: JSON.stringify(mentions),
    resolved_at: null,
    created_at: ctx.now,
  };
  await db.insertInto('docs_comments').values(row).execute();
  const others = mentions.filter((m) => m !== member.id);
  if (others.length > 0) {
    await publish(ctx, DocsEvents['docs.mentioned'], { memberIds: others, title: `${member.name} 在「${file.title}」中提到了你`, body: input.body, text: { key: 'docs.mentioned', params: { member: member.name, file: file.title, comment: input.body } }, link: `/app/docs/${fileId}`, dedupeKey: `docs-mention:${id}` });
  }
  return view(row);
}

/** Resolves or reopens a thread (commenters may). */
export async function resolveThread(ctx: Ctx, fileId: string, threadId: string, resolved: boolean): Promise<void> {
  await requireCommenter(ctx, fileId);
  const result = await tables(ctx.trx)
    .updateTable('docs_comments')
    .set({ resolved_at: resolved ? ctx.now : null })
    .where('corp_id', '=', ctx.corpId)
    .where('file_id', '=', fileId)
    .where('id', '=', threadId)
    .whereRef('thread_id', '=', 'id')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new DomainError('not_found', { threadId });
}

/** Comments an import brings (批注 and threaded comments): authors are names from the file. */
export async function importComments(ctx: Ctx, fileId: string, comments: { sheetId: string; row: number; col: number; author: string; text: string; replies: { author: string; text: string }[] }[]): Promise<void> {
  const rows: CommentRow[] = [];
  for (const c of comments) {
    const id = newId('cmt', ctx.now);
    const base = { corp_id: ctx.corpId, file_id: fileId, thread_id: id, sheet_id: c.sheetId, row: c.row, col: c.col, author_id: null, mentions_json: '[]', resolved_at: null, created_at: ctx.now };
    rows.push({ ...base, id, author_name: c.author, body: c.text });
    for (const r of c.replies) rows.push({ ...base, id: newId('cmt', ctx.now), author_name: r.author, body: r.text });
  }
  for (let at = 0; at < rows.length; at += 500) await tables(ctx.trx).insertInto('docs_comments').values(rows.slice(at, at + 500)).execute();
}
