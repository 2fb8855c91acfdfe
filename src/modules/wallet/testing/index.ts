import assert from 'node:assert/strict';
import type { Client, RegisteredClient, TestApp } from '../../../../test/support/app.ts';
import { TEST_SCRYPT } from '../../../../test/support/app.ts';
import { systemActor } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/tables.ts';
import { setCategory } from '../../category/testing/index.ts';
import { certifyUntil } from '../../corp/testing/index.ts';
import { createOperator } from '../../operator/index.ts';
import { clearingAccount, post } from '../ledger.service.ts';
import { paymentSecret, signCallback } from '../channels.ts';

/** Test helpers for the wallet: top-ups through the sandbox, an operator client, short ids. */
let counter = 0;

export const key = (label = 'k') => `${label}-${process.pid}-${++counter}`;

export interface TopupResponse {
  id: string;
  channel: string;
  amountFen: number;
  status: string;
  code: string | null;
  createdBy: string;
  agreementVersion: number | null;
  closedAt: string | null;
  pendingReason: string | null;
  instructions: { kind: string; code?: string; payPage?: string; qrText?: string };
}

/** Tops up through an online channel's sandbox: the top-up, then the signed callback. */
export async function topUp(client: Client, amountFen: number, channel = 'wechat_pay'): Promise<TopupResponse> {
  const created = await client.post<TopupResponse>('/api/v1/wallet/topups', { channel, amountFen, idempotencyKey: key('top'), agreementVersion: await agreedVersion(client) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const paid = await client.post<{ result: string }>(`/api/v1/wallet/topups/${created.body.id}/sandbox-pay`);
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
  assert.equal(paid.body.result, 'credited');
  return created.body;
}

/** The 充值服务协议 version in force, as the top-up dialog shows it before 我已阅读并同意. */
export async function agreedVersion(client: Client): Promise<number> {
  const res = await client.get<{ version: number }>('/api/v1/wallet/agreement');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.version;
}

/** The callback a real online channel would send once the payer paid, signed with the server's payment secret. */
export async function channelCallback(db: Db, corpId: string, topup: { id: string; channel: string; amountFen: number }, now: number) {
  const body = { corpId, topupId: topup.id, amountFen: topup.amountFen, tradeNo: key('trade'), timestamp: now };
  return { ...body, signature: signCallback(await paymentSecret(db, undefined, now), topup.channel, body) };
}

/** Credits the balance straight through the ledger (a top-up without its channel), for tests that only need money. */
export async function credit(t: TestApp, corpId: string, fen: number): Promise<void> {
  await creditWallet(t.deps.db, corpId, fen, t.clock.now());
}

/** The same on a bare database handle (benchmarks, browser tests). */
export async function creditWallet(db: Db, corpId: string, fen: number, now: number): Promise<void> {
  await db.transaction().execute((trx) => post({ corpId, trx, now, actor: systemActor }, { type: 'topup', amount: fen, counterAccount: clearingAccount('wechat_pay'), description: 'test top-up' }));
}

export async function balanceOf(client: Client): Promise<number> {
  const res = await client.get<{ balanceFen: number }>('/api/v1/wallet');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.balanceFen;
}

/** A signed-in platform operator. */
export async function operatorClient(t: TestApp): Promise<Client> {
  const login = `op${process.pid}x${++counter}`;
  await createOperator(t.deps.db, t.clock.now(), TEST_SCRYPT, { loginName: login, name: '运营小王', password: 'password123' });
  const client = t.client();
  const res = await client.post('/api/v1/operator/auth/sign-in', { login, password: 'password123' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return client;
}

/** Creates and pays an order with the balance; returns the order id. */
export async function buy(client: Client, item: string, quantity = 1): Promise<{ orderId: string; status: number; body: unknown }> {
  const order = await client.post<{ id: string }>('/api/v1/wallet/orders', { item, quantity });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  const paid = await client.post(`/api/v1/wallet/orders/${order.body.id}/pay`, { method: 'balance', idempotencyKey: key('pay') });
  return { orderId: order.body.id, status: paid.status, body: paid.body };
}

export type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
export const codeOf = (body: unknown) => (body as ErrorBody).error?.code;

/** Certified for a year, as the operator's review would (invoices need it). */
export async function certify(t: TestApp, corpId: string): Promise<void> {
  await certifyUntil(t.deps.db, corpId, t.clock.now() + 365 * 86_400_000);
}

/** The business-category gate (经营类目, another module) must allow auto-deduction: choose and approve one. */
export async function approveCategory(t: TestApp, client: RegisteredClient): Promise<void> {
  await setCategory(t.deps.db, client.me.currentCorp!.id, 'approved', t.clock.now());
}

/** A refund through the wallet's service, for the tests of what listens to `order.refunded`. */
export { refundOrder } from '../refunds.service.ts';

/** The group-committed charger, for the benchmark that compares it with one charge per transaction. */
export { ChargeBatcher } from '../charger.ts';
