import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { systemActor } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { ChargeBatcher } from './charger.ts';
import { checkInvariants, clearingAccount, ensureWallet, post } from './ledger.service.ts';
import { approveCategory, codeOf, key, topUp } from './testing/index.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import type { Db } from '../../platform/db/tables.ts';

/**
 * PostgreSQL with one connection, given whenever it is free to the newest of its waiters. Nothing
 * promises that a connection asked for first comes first (a pool opens new ones, which come up in
 * any order), so charges must not rely on it: here one that did would lose, every run.
 */
async function newestFirst(schema: string | undefined): Promise<{ db: Db; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  const waiting: (() => void)[] = [];
  let busy = false;
  const lent = {
    query: client.query.bind(client),
    release: () => {
      const next = waiting.pop();
      if (next) next();
      else busy = false;
    },
  } as unknown as PostgresPoolClient;
  const pool: PostgresPool = {
    connect: () => {
      if (busy) return new Promise((resolve) => waiting.push(() => resolve(lent)));
      busy = true;
      return Promise.resolve(lent);
    },
    end: () => client.end(),
  };
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) }) as unknown as Db;
  return { db, close: () => db.destroy() };
}

describeEachDialect('wallet group commit (charges batched into one transaction)', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  async function wallet(balance: number, on = true): Promise<string> {
    const { corpId } = await enterprise(t);
    await ensureWallet({ corpId, trx: t.deps.db, now: t.clock.now() });
    if (balance > 0) await t.deps.db.transaction().execute((trx) => post({ corpId, trx, now: t.clock.now(), actor: systemActor }, { type: 'topup', amount: balance, counterAccount: clearingAccount('wechat_pay'), description: '充值' }));
    await tablesOf(t.deps.db).updateTable('wallets').set({ auto_deduct_acquisition: on ? 1 : 0 }).where('corp_id', '=', corpId).execute();
    return corpId;
  }

  it('one batch gives each charge the outcome it would have alone: a refused one in the middle sinks nothing', async () => {
    const a = await wallet(500);
    const off = await wallet(500, false);
    const batcher = new ChargeBatcher(t.deps);
    const charge = (corpId: string, amountFen: number, k: string, description = '获客') =>
      batcher.charge(corpId, systemActor, t.clock.now(), { item: 'acquisition', amountFen, idempotencyKey: k, description }).then(
        (ok) => ok.balanceAfter,
        (error: DomainError) => error.code,
      );
    const dup = key();
    // Submitted in one turn of the event loop: they share one transaction.
    const results = await Promise.all([
      charge(a, 200, key()),
      charge(a, 400, key()),
      charge(a, 100, dup),
      charge(a, 100, dup),
      charge(a, 100, dup, 'another request'),
      charge(off, 100, key()),
      charge(a, 200, key()),
      charge(a, 0, key()),
    ]);
    assert.deepEqual(results, [300, 'wallet.insufficient_balance', 200, 200, 'idempotency.key_reused', 'wallet.auto_deduct_off', 0, 'wallet.amount_invalid']);
    const inv = await checkInvariants(t.deps.db, a);
    assert.deepEqual([inv.balance, inv.ledgerSum, inv.walletEntries, inv.unbalancedTxns, inv.chainBreaks, inv.consumed], [0, 0, 0, 0, 0, 500]);
    // A later batch replays an acknowledged key.
    assert.equal(await charge(a, 100, dup), 200);
  });

  it('charges one after another (on PostgreSQL each a single statement) keep every money rule: replay, reuse, refusals write nothing', async () => {
    const a = await wallet(300);
    const off = await wallet(300, false);
    const batcher = new ChargeBatcher(t.deps);
    const charge = (corpId: string, amountFen: number, k: string, description = '获客') =>
      batcher.charge(corpId, systemActor, t.clock.now(), { item: 'acquisition', amountFen, idempotencyKey: k, description }).then(
        (ok) => ok.balanceAfter,
        (error: DomainError) => error.code,
      );
    const first = key();
    const results = [];
    for (const [corpId, amount, k, description] of [
      [a, 100, first, '获客'],
      [a, 100, first, '获客'],
      [a, 100, first, 'another request'],
      [a, 500, key(), '获客'],
      [off, 100, key(), '获客'],
      [a, 200, key(), '获客'],
      [a, 1, key(), '获客'],
    ] as const) {
      results.push(await charge(corpId, amount, k, description));
    }
    assert.deepEqual(results, [200, 200, 'idempotency.key_reused', 'wallet.insufficient_balance', 'wallet.auto_deduct_off', 0, 'wallet.insufficient_balance']);
    const inv = await checkInvariants(t.deps.db, a);
    assert.deepEqual([inv.balance, inv.ledgerSum, inv.walletEntries, inv.unbalancedTxns, inv.chainBreaks, inv.consumed], [0, 0, 0, 0, 0, 300]);
    const ledger = await tablesOf(t.deps.db).selectFrom('wallet_txns').select(['type', 'item', 'amount', 'balance_after', 'seq', 'invoice_state', 'actor_kind']).where('corp_id', '=', a).orderBy('seq').execute();
    assert.deepEqual(
      ledger.map((r) => [r.type, r.item, Number(r.amount), Number(r.balance_after), Number(r.seq), r.invoice_state, r.actor_kind]),
      [
        ['topup', null, 300, 300, 1, 'none', 'system'],
        ['auto_deduct', 'acquisition', -100, 200, 2, 'open', 'system'],
        ['auto_deduct', 'acquisition', -200, 0, 3, 'open', 'system'],
      ],
    );
    assert.deepEqual(await checkInvariants(t.deps.db, off).then((i) => [i.balance, i.chainBreaks]), [300, 0]);
  });

  it('many callers in flight: exactly the affordable charges succeed and the books balance', async () => {
    const a = await wallet(10_000);
    const batcher = new ChargeBatcher(t.deps);
    const results = await Promise.allSettled(Array.from({ length: 150 }, () => batcher.charge(a, systemActor, t.clock.now(), { item: 'acquisition', amountFen: 100, idempotencyKey: key(), description: '获客' })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 100);
    assert.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as DomainError).code === 'wallet.insufficient_balance'));
    const inv = await checkInvariants(t.deps.db, a);
    assert.deepEqual([inv.balance, inv.ledgerSum, inv.chainBreaks, inv.unbalancedTxns], [0, 0, 0, 0]);
  });

  it('300 deductions at once over HTTP against money for 100: exactly 100 are charged (201), 200 refused 409 wallet.insufficient_balance, the balance ends at 0', async () => {
    const owner = await t.register();
    await topUp(owner, 10_000);
    await approveCategory(t, owner);
    assert.equal((await owner.put('/api/v1/wallet/auto-deduction/acquisition', { enabled: true, quotedFen: 100 })).status, 200);
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => owner.post<{ serialNo: string; balanceAfter: number }>('/api/v1/wallet/deductions', { item: 'acquisition', amountFen: 100, idempotencyKey: key(), description: '获客助手添加客户' })),
    );
    const charged = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    assert.equal(charged.length, 100);
    assert.deepEqual([...new Set(refused.map((a) => `${a.status} ${codeOf(a.body)}`))], ['409 wallet.insufficient_balance']);
    assert.equal(refused.length, 200);
    // Every balance from 9,900 down to 0 fen was answered once: no charge saw a stale balance.
    assert.deepEqual(
      charged.map((a) => a.body.balanceAfter).sort((x, y) => y - x),
      Array.from({ length: 100 }, (_, i) => 9_900 - 100 * i),
    );
    const corpId = owner.me.currentCorp!.id;
    const inv = await checkInvariants(t.deps.db, corpId);
    assert.deepEqual([inv.balance, inv.ledgerSum, inv.walletEntries, inv.unbalancedTxns, inv.chainBreaks, inv.consumed], [0, 0, 0, 0, 0, 10_000]);
  });

  it('one batch over many wallets (SQLite groups every enterprise; PostgreSQL one batch per hot wallet): each wallet decides its charges in submission order, pays exactly what it holds, its ledger positions consecutive', async () => {
    // Charges of 100, 250, 50, 100, 100 fen against 300: only in submission order do they give
    // 200, refused, 150, 50, refused; a later charge decided before an earlier one gives another list.
    const amounts = [100, 250, 50, 100, 100];
    const expected = [200, 'wallet.insufficient_balance', 150, 50, 'wallet.insufficient_balance'];
    // On PostgreSQL through a pool that gives its one connection to the newest waiter: a charge sent
    // on its own and its wallet's batch asked for connections in submission order, and a batch that
    // did not wait for the charge before it took that charge's money (the bug CI once caught).
    for (let round = 0; round < 2; round++) {
      const corps: string[] = [];
      for (let n = 0; n < 8; n++) corps.push(await wallet(300));
      const order = corps.map((_, n) => corps[(n * 3 + round) % corps.length]!);
      const fresh = t.deps.dialect === 'postgres' ? await newestFirst(use().database.pgSchema) : undefined;
      try {
        const batcher = new ChargeBatcher({ ...t.deps, db: fresh?.db ?? t.deps.db });
        // Every charge submitted in one turn, the wallets interleaved.
        const charges = amounts.flatMap((amountFen) => order.map((corpId) => ({ corpId, amountFen })));
        const results = await Promise.all(
          charges.map(({ corpId, amountFen }) =>
            batcher.charge(corpId, systemActor, t.clock.now(), { item: 'acquisition', amountFen, idempotencyKey: key(), description: '获客' }).then(
              (ok) => ok.balanceAfter,
              (error: DomainError) => error.code,
            ),
          ),
        );
        for (const corpId of corps) {
          const label = `round ${round}, wallet ${corps.indexOf(corpId)}`;
          assert.deepEqual(
            results.filter((_, i) => charges[i]!.corpId === corpId),
            expected,
            label,
          );
          const inv = await checkInvariants(t.deps.db, corpId);
          assert.deepEqual([inv.balance, inv.ledgerSum, inv.walletEntries, inv.unbalancedTxns, inv.chainBreaks, inv.consumed], [50, 50, 50, 0, 0, 250], label);
          const ledger = await tablesOf(t.deps.db).selectFrom('wallet_txns').select(['seq', 'amount']).where('corp_id', '=', corpId).orderBy('seq').execute();
          assert.deepEqual(
            ledger.map((r) => [Number(r.seq), Number(r.amount)]),
            [
              [1, 300],
              [2, -100],
              [3, -50],
              [4, -100],
            ],
            label,
          );
        }
      } finally {
        await fresh?.close();
      }
    }
  });
});
