import type { Db, Executor, Tx } from '../../platform/db/tables.ts';
import { isUniqueViolation } from '../../platform/db/unique.ts';
import { departmentTree, listTags } from '../directory/index.ts';
import { tables } from './wecom.tables.ts';

/**
 * WeCom names departments and tags by integers; Banyan by `dept_…` / `tag_…` ids. Each enterprise
 * gets a mapping that never changes: the root department is 1, the others are numbered in the
 * order the facade first sees them (max + 1, never reused after a deletion). A client that asks for
 * an id on create gets it when it is free.
 */
export interface IdMap {
  toWecom: Map<string, number>;
  toBanyan: Map<number, string>;
}

type Kind = 'department' | 'tag';

async function readMap(db: Executor, corpId: string, kind: Kind): Promise<IdMap> {
  const rows =
    kind === 'department'
      ? (await tables(db).selectFrom('wecom_department_ids').select(['wecom_id', 'department_id as id']).where('corp_id', '=', corpId).execute())
      : (await tables(db).selectFrom('wecom_tag_ids').select(['wecom_id', 'tag_id as id']).where('corp_id', '=', corpId).execute());
  return { toWecom: new Map(rows.map((r) => [r.id, Number(r.wecom_id)])), toBanyan: new Map(rows.map((r) => [Number(r.wecom_id), r.id])) };
}

/** Maps one Banyan id to the wanted integer, or the next free one (never below 2: 1 is the root). */
export async function assignId(trx: Tx, corpId: string, kind: Kind, banyanId: string, wanted?: number): Promise<number> {
  const table = kind === 'department' ? 'wecom_department_ids' : 'wecom_tag_ids';
  const max = await tables(trx).selectFrom(table).select((eb) => eb.fn.max('wecom_id').as('max')).where('corp_id', '=', corpId).executeTakeFirst();
  const id = wanted ?? Math.max(1, Number(max?.max ?? 0)) + 1;
  if (kind === 'department') await tables(trx).insertInto('wecom_department_ids').values({ corp_id: corpId, wecom_id: id, department_id: banyanId }).execute();
  else await tables(trx).insertInto('wecom_tag_ids').values({ corp_id: corpId, wecom_id: id, tag_id: banyanId }).execute();
  return id;
}

/** Whether an integer is already some department's or tag's. */
export async function idTaken(db: Executor, corpId: string, kind: Kind, id: number): Promise<boolean> {
  const table = kind === 'department' ? 'wecom_department_ids' : 'wecom_tag_ids';
  return (await tables(db).selectFrom(table).select('wecom_id').where('corp_id', '=', corpId).where('wecom_id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * The enterprise's mapping, with an integer for every department or tag that has none yet (made
 * through REST or the console). Numbering runs in its own short transaction; two requests numbering
 * at once on PostgreSQL collide on the key, and the loser reads the winner's numbers.
 */
export async function idMap(db: Db, corpId: string, kind: Kind): Promise<IdMap> {
  for (let attempt = 0; ; attempt++) {
    const map = await readMap(db, corpId, kind);
    const ids =
      kind === 'department'
        ? (await departmentTree(db, corpId)).map((d) => ({ id: d.id, root: d.parentId === null }))
        : (await listTags(db, corpId)).map((t) => ({ id: t.id, root: false }));
    const missing = ids.filter((d) => !map.toWecom.has(d.id));
    if (missing.length === 0) return map;
    try {
      await db.transaction().execute(async (trx) => {
        for (const d of missing) await assignId(trx, corpId, kind, d.id, d.root && !(await idTaken(trx, corpId, kind, 1)) ? 1 : undefined);
      });
    } catch (error) {
      const table = kind === 'department' ? 'wecom_department_ids' : 'wecom_tag_ids';
      const raced = isUniqueViolation(error, `${table}_pk`, `${table}.corp_id, ${table}.wecom_id`) || isUniqueViolation(error, `${table}_banyan`, `${table}.corp_id, ${table}.${kind}_id`);
      if (!raced || attempt >= 3) throw error;
    }
  }
}
