import type { Actor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, type ScryptParams } from '../../platform/auth/password.ts';
import { checkPassword, type SignInFailure } from '../../platform/auth/lockout.ts';
import { AccountErrors } from '../account/index.ts';
import { tables } from './operator.tables.ts';

export interface OperatorView {
  id: string;
  name: string;
  loginName: string;
}

export async function createOperator(db: Executor, now: number, params: ScryptParams, input: { loginName: string; name: string; password: string }): Promise<OperatorView> {
  const operators = tables(db);
  const taken = await operators.selectFrom('operators').select('id').where('login_name', '=', input.loginName).executeTakeFirst();
  if (taken) throw new DomainError(AccountErrors['account.login_taken']);
  const id = newId('opr', now);
  await operators
    .insertInto('operators')
    .values({ id, login_name: input.loginName, name: input.name, password_hash: await hashPassword(input.password, params), created_at: now, updated_at: now })
    .execute();
  return { id, name: input.name, loginName: input.loginName };
}

/** Signs an operator in; a refusal says why, for the audit log only (the caller answers every refusal alike). */
export async function authenticateOperator(
  db: Executor,
  now: number,
  params: ScryptParams,
  address: string,
  login: string,
  password: string,
): Promise<{ ok: true; operator: OperatorView } | { ok: false; reason: SignInFailure; operatorId: string | null }> {
  const row = await tables(db).selectFrom('operators').selectAll().where('login_name', '=', login).executeTakeFirst();
  const outcome = await checkPassword(db, now, params, { kind: 'operator', subject: row?.id ?? `login:${login}`, address }, row?.password_hash, password);
  if (!outcome.ok) return { ok: false, reason: outcome.reason, operatorId: row?.id ?? null };
  return { ok: true, operator: { id: row!.id, name: row!.name, loginName: row!.login_name } };
}

export async function getOperator(db: Executor, id: string): Promise<OperatorView> {
  const row = await tables(db).selectFrom('operators').select(['id', 'name', 'login_name']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, loginName: row.login_name };
}

/** The operator behind a session, as an actor (the `operatorActor` provider). */
export async function operatorActor(db: Executor, operatorId: string): Promise<Actor | undefined> {
  const row = await tables(db).selectFrom('operators').select(['id', 'name']).where('id', '=', operatorId).executeTakeFirst();
  return row && { kind: 'operator', id: row.id, name: row.name };
}
