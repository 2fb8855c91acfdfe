import './operator.tables.ts';
import type { Actor } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { toIso } from '../../platform/clock.ts';
import { like } from '../../platform/db/sql.ts';
import { hashPassword, type ScryptParams } from '../../platform/auth/password.ts';
import { checkPassword } from '../../platform/auth/lockout.ts';
import { AccountErrors } from '../account/account.errors.ts';
import { getCorp, type CorpView } from '../corp/corp.service.ts';

export interface OperatorView {
  id: string;
  name: string;
  loginName: string;
}

export async function createOperator(db: Executor, now: number, params: ScryptParams, input: { loginName: string; name: string; password: string }): Promise<OperatorView> {
  const taken = await db.selectFrom('operators').select('id').where('login_name', '=', input.loginName).executeTakeFirst();
  if (taken) throw new DomainError(AccountErrors['account.login_taken']);
  const id = newId('opr', now);
  await db
    .insertInto('operators')
    .values({ id, login_name: input.loginName, name: input.name, password_hash: await hashPassword(input.password, params), failed_sign_ins: 0, locked_until: null, created_at: now, updated_at: now })
    .execute();
  return { id, name: input.name, loginName: input.loginName };
}

export async function authenticateOperator(db: Executor, now: number, params: ScryptParams, login: string, password: string): Promise<OperatorView> {
  const row = await db.selectFrom('operators').selectAll().where('login_name', '=', login).executeTakeFirst();
  const outcome = await checkPassword(db, 'operators', row, password, now, params);
  if (outcome === 'locked') throw new DomainError(AccountErrors['auth.locked']);
  if (outcome === 'invalid' || !row) throw new DomainError(AccountErrors['auth.invalid_credentials']);
  return { id: row.id, name: row.name, loginName: row.login_name };
}

export async function getOperator(db: Executor, id: string): Promise<OperatorView> {
  const row = await db.selectFrom('operators').select(['id', 'name', 'login_name']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, loginName: row.login_name };
}

export async function listCorps(db: Executor, query: { cursor?: string | undefined; limit: number; q?: string | undefined }): Promise<{ items: (CorpView & { createdAt: string })[]; nextCursor: string | null }> {
  let q = db.selectFrom('corps').selectAll();
  if (query.cursor) q = q.where('id', '<', query.cursor);
  if (query.q) q = q.where((eb) => eb.or([like('name', 'contains', query.q!), like('short_name', 'contains', query.q!)]));
  const rows = await q.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, industry: r.industry, certifiedUntil: toIso(r.certified_until), createdAt: toIso(r.created_at) })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

/** The operator certifies an enterprise until a date, or withdraws it (null). Audited in the enterprise's log. */
export async function setCertification(trx: Executor, now: number, operator: Actor, corpId: string, certifiedUntil: number | null, ip?: string): Promise<CorpView> {
  const before = await getCorp(trx, corpId);
  await trx.updateTable('corps').set({ certified_until: certifiedUntil, updated_at: now }).where('id', '=', corpId).execute();
  const after = await getCorp(trx, corpId);
  await audit({ corpId, actor: operator, trx, now, ip }, { action: 'corp.certification', target: { type: 'corp', id: corpId }, before: { certifiedUntil: before.certifiedUntil }, after: { certifiedUntil: after.certifiedUntil } });
  return after;
}
