import type { Executor } from '../../platform/db/tables.ts';
import type { Recipients } from './directory.service.ts';
import { tables } from './directory.tables.ts';

/** An id of a recipient selection that names nothing in the enterprise, with where it stood in the request. */
export interface UnknownRecipient {
  field: 'memberIds' | 'departmentIds' | 'tagIds';
  /** Its position in that list, as the request gave it. */
  index: number;
  id: string;
}

const CHUNK = 500;

async function existing(db: Executor, corpId: string, table: 'members' | 'departments' | 'tags', ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  const found = new Set<string>();
  for (let at = 0; at < unique.length; at += CHUNK) {
    const rows = await tables(db).selectFrom(table).select('id').where('corp_id', '=', corpId).where('id', 'in', unique.slice(at, at + CHUNK)).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/**
 * The ids of a selection of members, departments and tags (提醒对象 and the like) that are not the
 * enterprise's own: another enterprise's, or none at all. A member of the enterprise counts whatever
 * their status (a departed one simply receives nothing), so a form saved again after someone left
 * still saves. In list order: memberIds, departmentIds, tagIds, each by position.
 */
export async function unknownRecipients(db: Executor, corpId: string, selection: Recipients): Promise<UnknownRecipient[]> {
  const lists = [
    ['memberIds', 'members', selection.memberIds ?? []],
    ['departmentIds', 'departments', selection.departmentIds ?? []],
    ['tagIds', 'tags', selection.tagIds ?? []],
  ] as const;
  const out: UnknownRecipient[] = [];
  for (const [field, table, ids] of lists) {
    if (ids.length === 0) continue;
    const found = await existing(db, corpId, table, ids);
    ids.forEach((id, index) => {
      if (!found.has(id)) out.push({ field, index, id });
    });
  }
  return out;
}
