import type { Db, Executor, Tx } from '../../platform/db/tables.ts';
import { isUniqueViolation } from '../../platform/db/unique.ts';
import { allApps } from '../apps/index.ts';
import { departmentTree, listTags } from '../directory/index.ts';
import { tables } from './wecom.tables.ts';

/**
 * WeCom names departments, tags and apps (`agentid`) by integers; Banyan by `dept_…` / `tag_…` /
 * `app_…` ids. Each enterprise gets a mapping that never changes: the root department is 1, the
 * others are numbered in the order the facade first sees them (max + 1, never reused after a
 * deletion); apps count from 1000002 as WeCom's agentids do. A client that asks for an id on create
 * gets it when it is free.
 */
export interface IdMap {
  toWecom: Map<string, number>;
  toBanyan: Map<number, string>;
}

export type Kind = 'department' | 'tag' | 'app';

const TABLES = { department: 'wecom_department_ids', tag: 'wecom_tag_ids', app: 'wecom_app_ids' } as const;
/** The number before the first one handed out. */
const FLOOR: Record<Kind, number> = { department: 1, tag: 1, app: 1000001 };

async function readMap(db: Executor, corpId: string, kind: Kind): Promise<IdMap> {
  const rows =
    kind === 'department'
      ? await tables(db).selectFrom('wecom_department_ids').select(['wecom_id', 'department_id as id']).where('corp_id', '=', corpId).execute()
      : kind === 'tag'
        ? await tables(db).selectFrom('wecom_tag_ids').select(['wecom_id', 'tag_id as id']).where('corp_id', '=', corpId).execute()
        : await tables(db).selectFrom('wecom_app_ids').select(['wecom_id', 'app_id as id']).where('corp_id', '=', corpId).execute();
  return { toWecom: new Map(rows.map((r) => [r.id, Number(r.wecom_id)])), toBanyan: new Map(rows.map((r) => [Number(r.wecom_id), r.id])) };
}

/** Maps one Banyan id to the wanted integer, or the next free one. */
export async function assignId(trx: Tx, corpId: string, kind: Kind, banyanId: string, wanted?: number): Promise<number> {
  const max = await tables(trx).selectFrom(TABLES[kind]).select((eb) => eb.fn.max('wecom_id').as('max')).where('corp_id', '=', corpId).executeTakeFirst();
  const id = wanted ?? Math.max(FLOOR[kind], Number(max?.max ?? 0)) + 1;
  if (kind === 'department') await tables(trx).insertInto('wecom_department_ids').values({ corp_id: corpId, wecom_id: id, department_id: banyanId }).execute();
  else if (kind === 'tag') await tables(trx).insertInto('wecom_tag_ids').values({ corp_id: corpId, wecom_id: id, tag_id: banyanId }).execute();
  else await tables(trx).insertInto('wecom_app_ids').values({ corp_id: corpId, wecom_id: id, app_id: banyanId }).execute();
  return id;
}

/** Whether an integer is already some department's, tag's or app's. */
export async function idTaken(db: Executor, corpId: string, kind: Kind, id: number): Promise<boolean> {
  return (await tables(db).selectFrom(TABLES[kind]).select('wecom_id').where('corp_id', '=', corpId).where('wecom_id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * The integers of the given ids inside the caller's transaction, numbering those that have none yet
 * (a callback names a department the facade never saw); the root department takes 1 when free.
 */
export async function wecomIdsIn(trx: Tx, corpId: string, kind: Kind, ids: readonly string[], rootId?: string): Promise<Map<string, number>> {
  const known = (await readMap(trx, corpId, kind)).toWecom;
  const out = new Map<string, number>();
  for (const id of new Set(ids)) {
    out.set(id, known.get(id) ?? (await assignId(trx, corpId, kind, id, id === rootId && !(await idTaken(trx, corpId, kind, 1)) ? 1 : undefined)));
  }
  return out;
}

async function banyanIds(db: Db, corpId: string, kind: Kind): Promise<{ id: string; root: boolean }[]> {
  if (kind === 'department') return (await departmentTree(db, corpId)).map((d) => ({ id: d.id, root: d.parentId === null }));
  if (kind === 'tag') return (await listTags(db, corpId)).map((t) => ({ id: t.id, root: false }));
  return (await allApps(db, corpId)).map((a) => ({ id: a.id, root: false }));
}

/**
 * The enterprise's mapping, with an integer for every department, tag or app that has none yet
 * (made through REST or the console). Numbering runs in its own short transaction; two requests
 * numbering at once on PostgreSQL collide on the key, and the loser reads the winner's numbers.
 */
export async function idMap(db: Db, corpId: string, kind: Kind): Promise<IdMap> {
  const table = TABLES[kind];
  for (let attempt = 0; ; attempt++) {
    const map = await readMap(db, corpId, kind);
    const missing = (await banyanIds(db, corpId, kind)).filter((d) => !map.toWecom.has(d.id));
    if (missing.length === 0) return map;
    try {
      await db.transaction().execute(async (trx) => {
        for (const d of missing) await assignId(trx, corpId, kind, d.id, d.root && !(await idTaken(trx, corpId, kind, 1)) ? 1 : undefined);
      });
    } catch (error) {
      const raced = isUniqueViolation(error, `${table}_pk`, `${table}.corp_id, ${table}.wecom_id`) || isUniqueViolation(error, `${table}_banyan`, `${table}.corp_id, ${table}.${kind}_id`);
      if (!raced || attempt >= 3) throw error;
    }
  }
}
