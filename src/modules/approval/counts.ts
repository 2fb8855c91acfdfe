import { sql } from 'kysely';
import type { Executor } from '../../platform/db/tables.ts';
import { tables } from './approval.tables.ts';

/** Requests still in progress in the enterprise, and the tasks waiting for this member (待我处理), for the overview. */
export async function approvalCounts(db: Executor, corpId: string, memberId: string | null): Promise<{ running: number; todoForMe: number }> {
  const running = await tables(db).selectFrom('approval_instances').select(sql<number>`count(*)`.as('n')).where('corp_id', '=', corpId).where('status', '=', 'running').executeTakeFirstOrThrow();
  if (memberId === null) return { running: Number(running.n), todoForMe: 0 };
  const todo = await tables(db).selectFrom('approval_tasks').select(sql<number>`count(*)`.as('n')).where('corp_id', '=', corpId).where('assignee_id', '=', memberId).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return { running: Number(running.n), todoForMe: Number(todo.n) };
}
