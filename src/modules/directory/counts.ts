import { sql } from 'kysely';
import type { Executor } from '../../platform/db/tables.ts';
import { tables } from './directory.tables.ts';

export interface DirectoryCounts {
  /** Active members who have signed in with an account (已激活). */
  activated: number;
  /** Active members who have not yet (未激活). */
  notActivated: number;
  departments: number;
}

/** The enterprise's members by activation and its number of departments, for the overview. */
export async function directoryCounts(db: Executor, corpId: string): Promise<DirectoryCounts> {
  const members = await tables(db)
    .selectFrom('members')
    .select([sql<number>`sum(case when account_id is not null then 1 else 0 end)`.as('activated'), sql<number>`sum(case when account_id is null then 1 else 0 end)`.as('not_activated')])
    .where('corp_id', '=', corpId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const departments = await tables(db).selectFrom('departments').select(sql<number>`count(*)`.as('n')).where('corp_id', '=', corpId).executeTakeFirstOrThrow();
  return { activated: Number(members.activated ?? 0), notActivated: Number(members.not_activated ?? 0), departments: Number(departments.n) };
}
