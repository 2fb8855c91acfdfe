import type { Executor } from '../../platform/db/tables.ts';
import { requireKnownIds } from '../../platform/errors.ts';
import { departmentPaths, membersByIds, type Recipients } from './directory.service.ts';
import { tables } from './directory.tables.ts';

/** The ids among `ids` that name a tag of the enterprise. */
export async function existingTagIds(db: Executor, corpId: string, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await tables(db).selectFrom('tags').select('id').where('corp_id', '=', corpId).where('id', 'in', unique).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * A selection of members, departments and tags (an app's 可见范围, a message's recipients, the
 * balance alert's 提醒对象): every id it names must be the enterprise's own. The first that is not is
 * refused as `request.unknown_id` at its place under `field` (`/visibleRange/departmentIds/1`),
 * before anything is written. A departed or disabled member is still a member of the enterprise: a
 * saved selection may keep naming them (a form saved again after someone left still saves), and
 * deliveries reach only active members anyway.
 */
export async function checkRecipients(db: Executor, corpId: string, range: Recipients, field: string): Promise<void> {
  const memberIds = range.memberIds ?? [];
  const departmentIds = range.departmentIds ?? [];
  const tagIds = range.tagIds ?? [];
  requireKnownIds(memberIds, await membersByIds(db, corpId, memberIds), `${field}/memberIds`);
  requireKnownIds(departmentIds, await departmentPaths(db, corpId, departmentIds), `${field}/departmentIds`);
  requireKnownIds(tagIds, await existingTagIds(db, corpId, tagIds), `${field}/tagIds`);
}
