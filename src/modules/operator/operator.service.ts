import { sql } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword, type ScryptParams } from '../../platform/auth/password.ts';
import { checkPassword, type CredentialStore } from '../../platform/auth/lockout.ts';
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
    .values({ id, login_name: input.loginName, name: input.name, password_hash: await hashPassword(input.password, params), failed_sign_ins: 0, locked_until: null, created_at: now, updated_at: now })
    .execute();
  return { id, name: input.name, loginName: input.loginName };
}

function credentialStore(db: Executor): CredentialStore {
  const operators = tables(db);
  return {
    countFailure: async (id) =>
      (await operators.updateTable('operators').set({ failed_sign_ins: sql<number>`failed_sign_ins + 1` }).where('id', '=', id).returning('failed_sign_ins').executeTakeFirstOrThrow()).failed_sign_ins,
    lock: async (id, until) => {
      await operators.updateTable('operators').set({ failed_sign_ins: 0, locked_until: until }).where('id', '=', id).execute();
    },
    reset: async (id) => {
      await operators.updateTable('operators').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', id).execute();
    },
  };
}

export async function authenticateOperator(db: Executor, now: number, params: ScryptParams, login: string, password: string): Promise<OperatorView> {
  const row = await tables(db).selectFrom('operators').selectAll().where('login_name', '=', login).executeTakeFirst();
  const outcome = await checkPassword(credentialStore(db), row, password, now, params);
  if (outcome === 'locked') throw new DomainError(AccountErrors['auth.locked']);
  if (outcome === 'invalid' || !row) throw new DomainError(AccountErrors['auth.invalid_credentials']);
  return { id: row.id, name: row.name, loginName: row.login_name };
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
