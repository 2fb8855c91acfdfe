import type { ReadCtx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { requireMember } from '../../platform/policy/index.ts';
import { expandRecipients } from '../directory/index.ts';
import { prepared, tables, type Access, type DocsTables } from './docs.tables.ts';

export type FileRow = DocsTables['docs_files'];

const RANK: Record<Access, number> = { view: 1, edit: 2, manage: 3 };
export const atLeast = (access: Access, needed: Access): boolean => RANK[access] >= RANK[needed];
const best = (a: Access | null, b: Access | null): Access | null => (a === null ? b : b === null ? a : RANK[a] >= RANK[b] ? a : b);

/** The member's role in a space, or null when they are outside it. */
export async function spaceRole(ctx: ReadCtx, spaceId: string, memberId: string): Promise<Access | null> {
  const row = await tables(ctx.trx).selectFrom('docs_space_members').select('role').where('corp_id', '=', ctx.corpId).where('space_id', '=', spaceId).where('member_id', '=', memberId).executeTakeFirst();
  return row?.role ?? null;
}

/** What the file's shares give the member: the best of those naming them, their departments or tags. */
async function sharedAccess(ctx: ReadCtx, fileId: string, memberId: string): Promise<Access | null> {
  const shares = await tables(ctx.trx).selectFrom('docs_shares').select(['target_kind', 'target_id', 'access']).where('corp_id', '=', ctx.corpId).where('file_id', '=', fileId).execute();
  let access: Access | null = null;
  for (const level of ['edit', 'view'] as const) {
    const of = shares.filter((s) => s.access === level);
    if (of.length === 0 || access !== null) continue;
    const pick = (kind: string) => of.filter((s) => s.target_kind === kind).map((s) => s.target_id);
    if (pick('member').includes(memberId)) access = level;
    else if (of.some((s) => s.target_kind !== 'member')) {
      const members = await expandRecipients(ctx.trx, ctx.corpId, { departmentIds: pick('department'), tagIds: pick('tag') });
      if (members.includes(memberId)) access = level;
    }
  }
  return access;
}

const fileWithRole = prepared((db, p: { corpId: string; fileId: string; memberId: string }) =>
  db
    .selectFrom('docs_files as f')
    .leftJoin('docs_space_members as m', (join) => join.onRef('m.corp_id', '=', 'f.corp_id').onRef('m.space_id', '=', 'f.space_id').on('m.member_id', '=', p.memberId))
    .select(['f.corp_id', 'f.id', 'f.space_id', 'f.kind', 'f.title', 'f.body', 'f.link_token', 'f.link_access', 'f.created_by', 'f.created_at', 'f.updated_at', 'm.role'])
    .where('f.corp_id', '=', p.corpId)
    .where('f.id', '=', p.fileId),
);

/**
 * What the signed-in member may do with a file: their role in its space, else the best of its
 * shares and (while the link is on and they opened it) its link. A member it gives nothing does not
 * learn the file exists (404): outside the space a file is reached only by a link or a share
 * (the seed's question 2).
 */
export async function fileAccess(ctx: ReadCtx, fileId: string): Promise<{ file: FileRow; access: Access }> {
  const member = requireMember(ctx);
  // The file and the member's role in its space in one query (every cell edit asks this first).
  const found = (await fileWithRole.execute(ctx.trx, { corpId: ctx.corpId, fileId, memberId: member.id })).rows[0];
  if (!found) throw new DomainError('not_found', { fileId });
  const { role, ...file } = found;
  let access: Access | null = role;
  if (access !== 'manage') access = best(access, await sharedAccess(ctx, file.id, member.id));
  if (access === null && file.link_access !== 'off') {
    const visited = await tables(ctx.trx).selectFrom('docs_link_visitors').select('member_id').where('corp_id', '=', ctx.corpId).where('file_id', '=', file.id).where('member_id', '=', member.id).executeTakeFirst();
    if (visited) access = file.link_access;
  }
  if (access === null) throw new DomainError('not_found', { fileId });
  return { file, access };
}

/** The file, when the member may do at least `needed` with it (403 when they may only less). */
export async function requireFile(ctx: ReadCtx, fileId: string, needed: Access): Promise<{ file: FileRow; access: Access }> {
  const found = await fileAccess(ctx, fileId);
  if (!atLeast(found.access, needed)) throw new DomainError('forbidden', { fileId, access: found.access, needed });
  return found;
}
