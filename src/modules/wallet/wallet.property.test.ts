import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { DomainError } from '../../platform/errors.ts';
import { DAY, HOUR } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { autoDeduct, payWithBalance } from './index.ts';
import { checkInvariants, clearingAccount, ensureWallet, post } from './ledger.service.ts';
import { refundOrder } from './refunds.service.ts';
import { requestInvoice } from './invoices.service.ts';
import { REFUND_WINDOW_DAYS, catalogItem } from './catalog.ts';
import { WalletErrors } from './wallet.errors.ts';
import { certify, key } from './testing/index.ts';
import { enterprise } from '../../../test/support/enterprise.ts';
import { tablesOf } from '../../../test/support/tables.ts';

/**
 * The wallet against a model. For every step the model says what must happen (it succeeds, or it is
 * refused with this code and reason) and what the books then hold; the wallet must do exactly that.
 * A wrongful refusal fails the property as surely as a wrongful success: the last tests below run it
 * against a wallet that wrongly asks twice the money a debit needs, and watch it fail.
 */
type Item = 'mail' | 'docs' | 'security';
type Op =
  | { kind: 'topup'; fen: number }
  | { kind: 'buy'; item: Item; fen: number }
  | { kind: 'deduct'; fen: number }
  | { kind: 'refund'; pick: number }
  | { kind: 'invoiceOrder'; pick: number }
  | { kind: 'invoiceRange'; backHours: number; hours: number }
  | { kind: 'wait'; hours: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('topup' as const), fen: fc.integer({ min: 1, max: 5_000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('buy' as const), item: fc.constantFrom<Item>('mail', 'docs', 'security'), fen: fc.integer({ min: 1, max: 3_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deduct' as const), fen: fc.integer({ min: 1, max: 1_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invoiceOrder' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invoiceRange' as const), backHours: fc.integer({ min: 0, max: 200 }), hours: fc.integer({ min: 1, max: 200 }) }) },
  // Long enough for the 7-day refund window to pass within a sequence.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 120 }) }) },
);
const sequences = fc.array(op, { minLength: 1, maxLength: 30, size: 'medium' });

/** What a step must come to: success, or a refusal with its code and (for refunds) its reason. */
type Outcome = { ok: true } | { ok: false; code: string; reason?: string };

/** A consumption row as the model sees it (a purchase or an auto-deduction). */
interface Row {
  at: number;
  fen: number;
  item: string;
  state: 'open' | 'invoiced' | 'refunded';
  orderId?: string;
}

/** The books as they must be. Each method answers what the step must come to and applies it on success. */
class Model {
  balance = 0;
  consumed = 0;
  invoiced = 0;
  readonly rows: Row[] = [];
  /** Purchases in the order they were made (refunds and order invoices pick among them). */
  readonly orders: Row[] = [];

  topup(fen: number): Outcome {
    this.balance += fen;
    return { ok: true };
  }

  /** A debit succeeds exactly when the balance covers it (the owner is the creator: every item is theirs to buy). */
  debit(fen: number, at: number, item: string): Outcome {
    if (this.balance < fen) return { ok: false, code: WalletErrors['wallet.insufficient_balance'].code };
    this.balance -= fen;
    this.consumed += fen;
    const row: Row = { at, fen, item, state: 'open' };
    this.rows.push(row);
    if (item !== 'acquisition') this.orders.push(row);
    return { ok: true };
  }

  /** 退款说明: a paid, refundable, uninvoiced order within 7 days of payment, in the wallet's order of checks. */
  refund(order: Row, now: number): Outcome {
    const refuse = (reason: string): Outcome => ({ ok: false, code: WalletErrors['wallet.refund_not_allowed'].code, reason });
    if (order.state === 'refunded') return refuse('not_paid');
    if (!catalogItem(order.item)!.refundable) return refuse('non_refundable_item');
    if (now - order.at > REFUND_WINDOW_DAYS * DAY) return refuse('refund_window_passed');
    if (order.state === 'invoiced') return refuse('invoiced');
    order.state = 'refunded';
    this.balance += order.fen;
    this.consumed -= order.fen;
    return { ok: true };
  }

  /** 发票: the open consumption rows chosen; nothing open is a refusal. */
  invoice(chosen: Row[]): Outcome {
    const open = chosen.filter((r) => r.state === 'open');
    if (open.length === 0) return { ok: false, code: WalletErrors['wallet.nothing_to_invoice'].code };
    for (const r of open) r.state = 'invoiced';
    this.invoiced += open.reduce((s, r) => s + r.fen, 0);
    return { ok: true };
  }
}

/** The wallet operations a step runs, each in its own transaction; the real ones unless a test swaps one. */
interface WalletUnderTest {
  buy(ctx: Ctx, item: Item, fen: number): Promise<{ orderId: string }>;
  deduct(ctx: Ctx, fen: number): Promise<unknown>;
}

const realWallet: WalletUnderTest = {
  buy: (ctx, item, fen) => payWithBalance(ctx, { item, amountFen: fen, quotedFen: fen, idempotencyKey: key(), description: item }),
  deduct: (ctx, fen) => autoDeduct(ctx, { item: 'acquisition', amountFen: fen, idempotencyKey: key(), description: '获客' }),
};

/** The mutation the old property let pass: a debit refused unless the balance holds twice its amount. */
async function refuseUnlessDouble(ctx: Ctx, fen: number): Promise<void> {
  const row = await tablesOf(ctx.trx).selectFrom('wallets').select('balance').where('corp_id', '=', ctx.corpId).executeTakeFirstOrThrow();
  if (Number(row.balance) < 2 * fen) throw new DomainError(WalletErrors['wallet.insufficient_balance']);
}
const doublingWallet: WalletUnderTest = {
  buy: async (ctx, item, fen) => {
    await refuseUnlessDouble(ctx, fen);
    return realWallet.buy(ctx, item, fen);
  },
  deduct: async (ctx, fen) => {
    await refuseUnlessDouble(ctx, fen);
    return realWallet.deduct(ctx, fen);
  },
};

function describeOp(o: Op): string {
  const { kind, ...rest } = o;
  return `${kind} ${JSON.stringify(rest)}`;
}

function describeOutcome(o: Outcome): string {
  return o.ok ? 'success' : `${o.code}${o.reason ? ` (${o.reason})` : ''}`;
}

describeEachDialect('wallet property: any sequence does what the model says and keeps the books straight', (use) => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp(use());
  });
  after(() => t.close());

  /** Runs one sequence against `wallet` on a fresh enterprise; throws at the first step that departs from the model. */
  async function runSequence(ops: Op[], wallet: WalletUnderTest): Promise<void> {
    const { owner, corpId } = await enterprise(t);
    await certify(t, corpId);
    await ensureWallet({ corpId, trx: t.deps.db, now: t.clock.now() });
    await tablesOf(t.deps.db).updateTable('wallets').set({ auto_deduct_acquisition: 1 }).where('corp_id', '=', corpId).execute();
    const actor = { kind: 'member' as const, id: owner.me.member!.id, name: owner.me.account.name, accountId: owner.me.account.id };
    const model = new Model();
    for (const [i, o] of ops.entries()) {
      t.clock.advance(HOUR);
      const now = t.clock.now();
      const balanceBefore = model.balance;
      const run = <T>(fn: (ctx: Ctx) => Promise<T>) => t.deps.db.transaction().execute((trx) => fn({ corpId, actor, trx, now, log: t.app.log, registry: t.deps.registry }));
      let expected: Outcome = { ok: true };
      let work: (() => Promise<unknown>) | undefined;
      switch (o.kind) {
        case 'topup':
          expected = model.topup(o.fen);
          work = () => run((ctx) => post(ctx, { type: 'topup', amount: o.fen, counterAccount: clearingAccount('wechat_pay'), description: '充值' }));
          break;
        case 'buy': {
          expected = model.debit(o.fen, now, o.item);
          const row = model.orders.at(-1);
          work = async () => {
            const paid = await run((ctx) => wallet.buy(ctx, o.item, o.fen));
            if (expected.ok) row!.orderId = paid.orderId;
          };
          break;
        }
        case 'deduct':
          expected = model.debit(o.fen, now, 'acquisition');
          work = () => run((ctx) => wallet.deduct(ctx, o.fen));
          break;
        case 'refund': {
          const order = model.orders[o.pick % Math.max(1, model.orders.length)];
          if (!order) break;
          expected = model.refund(order, now);
          work = () => run((ctx) => refundOrder(ctx, order.orderId!, { idempotencyKey: key(), reason: 'p' }));
          break;
        }
        case 'invoiceOrder': {
          const order = model.orders[o.pick % Math.max(1, model.orders.length)];
          if (!order) break;
          expected = model.invoice([order]);
          work = () => run((ctx) => requestInvoice(ctx, { basis: 'order', orderId: order.orderId!, type: 'electronic_ordinary', idempotencyKey: key() }));
          break;
        }
        case 'invoiceRange': {
          const from = now - o.backHours * HOUR;
          const to = from + o.hours * HOUR;
          expected = model.invoice(model.rows.filter((r) => r.at >= from && r.at < to));
          work = () => run((ctx) => requestInvoice(ctx, { basis: 'range', from, to, type: 'electronic_special', idempotencyKey: key() }));
          break;
        }
        case 'wait':
          t.clock.advance(o.hours * HOUR);
          break;
      }
      let actual: Outcome = { ok: true };
      try {
        await work?.();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        actual = { ok: false, code: error.code, ...(typeof error.details.reason === 'string' ? { reason: error.details.reason } : {}) };
      }
      const where = `step ${i + 1} (${describeOp(o)}) with a balance of ${balanceBefore} fen before it`;
      assert.deepEqual(actual, expected, `${where}: the model says ${describeOutcome(expected)}, the wallet answered ${describeOutcome(actual)}`);
      const inv = await checkInvariants(t.deps.db, corpId);
      assert.deepEqual({ balance: inv.balance, consumed: inv.consumed, invoiced: inv.invoiced }, { balance: model.balance, consumed: model.consumed, invoiced: model.invoiced }, `${where}: the books`);
      assert.equal(inv.ledgerSum, inv.balance, where);
      assert.equal(inv.walletEntries, inv.balance, where);
      assert.equal(inv.unbalancedTxns, 0, where);
      assert.equal(inv.chainBreaks, 0, where);
    }
    const invoices = await tablesOf(t.deps.db).selectFrom('wallet_invoices').select('amount').where('corp_id', '=', corpId).execute();
    assert.equal(invoices.reduce((s, r) => s + Number(r.amount), 0), model.invoiced);
  }

  it('random top-ups, purchases, deductions, refunds, invoices and waits: each step succeeds or is refused exactly as the model says, and the books match it', async () => {
    await fc.assert(
      fc.asyncProperty(sequences, (ops) => runSequence(ops, realWallet)),
      { numRuns: 50 },
    );
  });

  it('the property sees a wrongful refusal: a recorded counterexample against a wallet that asks twice the money a debit needs', async () => {
    const ops: Op[] = [
      { kind: 'topup', fen: 100 },
      { kind: 'buy', item: 'mail', fen: 60 },
    ];
    await runSequence(ops, realWallet);
    await assert.rejects(runSequence(ops, doublingWallet), {
      name: 'AssertionError',
      message: /^step 2 \(buy \{"item":"mail","fen":60\}\) with a balance of 100 fen before it: the model says success, the wallet answered wallet\.insufficient_balance\n/,
    });
  });

  it('the property finds that mutation by itself, from a fixed seed, within 10 random sequences', async () => {
    const result = await fc.check(
      fc.asyncProperty(sequences, (ops) => runSequence(ops, doublingWallet)),
      { seed: 20_261_126, numRuns: 10, endOnFailure: true },
    );
    assert.equal(result.failed, true, 'the mutant passed the property');
    assert.ok(result.numRuns <= 10);
    assert.match(String(result.errorInstance), /the model says success, the wallet answered wallet\.insufficient_balance/);
  });
});
