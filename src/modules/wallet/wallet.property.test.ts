import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { DomainError } from '../../platform/errors.ts';
import { HOUR } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { autoDeduct, payWithBalance } from './index.ts';
import { checkInvariants, clearingAccount, ensureWallet, post } from './ledger.service.ts';
import { refundOrder } from './refunds.service.ts';
import { requestInvoice } from './invoices.service.ts';
import { certify, key } from './testing/index.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';

type Op =
  | { kind: 'topup'; fen: number }
  | { kind: 'buy'; item: 'mail' | 'docs' | 'security'; fen: number }
  | { kind: 'deduct'; fen: number }
  | { kind: 'refund'; pick: number }
  | { kind: 'invoiceOrder'; pick: number }
  | { kind: 'invoiceRange'; fromHour: number; hours: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('topup' as const), fen: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant('buy' as const), item: fc.constantFrom('mail' as const, 'docs' as const, 'security' as const), fen: fc.integer({ min: 1, max: 3_000 }) }),
  fc.record({ kind: fc.constant('deduct' as const), fen: fc.integer({ min: 1, max: 1_000 }) }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('invoiceOrder' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('invoiceRange' as const), fromHour: fc.integer({ min: 0, max: 40 }), hours: fc.integer({ min: 1, max: 20 }) }),
);

/** Refusals the rules allow; anything else (a 500, a broken invariant) fails the property. */
const EXPECTED = new Set(['wallet.insufficient_balance', 'wallet.refund_not_allowed', 'wallet.nothing_to_invoice', 'wallet.invoice_exceeds_consumption']);

describeEachDialect('wallet property: any sequence keeps the books straight', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  it('random top-ups, purchases, deductions, refunds and invoices keep ledger sum = balance ≥ 0 and invoiced ≤ consumed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { owner, corpId } = await enterprise(t);
        await certify(t, corpId);
        await ensureWallet({ corpId, trx: t.deps.db, now: t.clock.now() });
        await tablesOf(t.deps.db).updateTable('wallets').set({ auto_deduct_acquisition: 1 }).where('corp_id', '=', corpId).execute();
        const start = t.clock.now();
        const actor = { kind: 'member' as const, id: owner.me.member!.id, name: owner.me.account.name, accountId: owner.me.account.id };
        const orders: string[] = [];
        let expected = 0;
        for (const [i, o] of ops.entries()) {
          t.clock.set(start + i * HOUR);
          const run = <T>(fn: (ctx: Ctx) => Promise<T>) => t.deps.db.transaction().execute((trx) => fn({ corpId, actor, trx, now: t.clock.now(), log: t.app.log, registry: t.deps.registry }));
          try {
            switch (o.kind) {
              case 'topup':
                await run((ctx) => post(ctx, { type: 'topup', amount: o.fen, counterAccount: clearingAccount('wechat_pay'), description: '充值' }));
                expected += o.fen;
                break;
              case 'buy': {
                const paid = await run((ctx) => payWithBalance(ctx, { item: o.item, amountFen: o.fen, idempotencyKey: key(), description: o.item }));
                orders.push(paid.orderId);
                expected -= o.fen;
                break;
              }
              case 'deduct':
                await run((ctx) => autoDeduct(ctx, { item: 'acquisition', amountFen: o.fen, idempotencyKey: key(), description: '获客' }));
                expected -= o.fen;
                break;
              case 'refund': {
                if (orders.length === 0) break;
                const orderId = orders[o.pick % orders.length]!;
                const order = await tablesOf(t.deps.db).selectFrom('wallet_orders').select('amount').where('corp_id', '=', corpId).where('id', '=', orderId).executeTakeFirstOrThrow();
                await run((ctx) => refundOrder(ctx, orderId, { idempotencyKey: key(), reason: 'p' }));
                expected += Number(order.amount);
                break;
              }
              case 'invoiceOrder':
                if (orders.length === 0) break;
                await run((ctx) => requestInvoice(ctx, { basis: 'order', orderId: orders[o.pick % orders.length]!, type: 'electronic_ordinary', idempotencyKey: key() }));
                break;
              case 'invoiceRange':
                await run((ctx) => requestInvoice(ctx, { basis: 'range', from: start + o.fromHour * HOUR, to: start + (o.fromHour + o.hours) * HOUR, type: 'electronic_special', idempotencyKey: key() }));
                break;
            }
          } catch (error) {
            if (!(error instanceof DomainError) || !EXPECTED.has(error.code)) throw error;
          }
          const inv = await checkInvariants(t.deps.db, corpId);
          assert.equal(inv.balance, expected);
          assert.ok(inv.balance >= 0);
          assert.equal(inv.ledgerSum, inv.balance);
          assert.equal(inv.walletEntries, inv.balance);
          assert.equal(inv.unbalancedTxns, 0);
          assert.equal(inv.chainBreaks, 0);
          assert.ok(inv.invoiced <= inv.consumed, `invoiced ${inv.invoiced} > consumed ${inv.consumed}`);
        }
        const invoices = await tablesOf(t.deps.db).selectFrom('wallet_invoices').select('amount').where('corp_id', '=', corpId).execute();
        const inv = await checkInvariants(t.deps.db, corpId);
        assert.equal(invoices.reduce((s, r) => s + Number(r.amount), 0), inv.invoiced);
      }),
      { numRuns: 30 },
    );
  });
});
