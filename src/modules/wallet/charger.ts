import { sql } from 'kysely';
import type { Actor, Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/tables.ts';
import type { Deps } from '../../platform/deps.ts';
import type { DialectName } from '../../platform/db/database.ts';
import { GroupCommit, type Outcome } from '../../platform/db/group-commit.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isKeyTaken, keyedStatement, requestHash, storedResults, storeResults } from '../../platform/idempotency.ts';
import { autoDeduct, deductionKey, deductionRefusal, type AutoDeductInput, type Deduction } from './autodeduct.service.ts';
import { entryPair, ledgerRow, revenueAccount, serialDay, serialNumber, WALLET_ACCOUNT } from './ledger.service.ts';
import { checkAlert } from './alerts.service.ts';
import { WalletErrors } from './wallet.errors.ts';
import { prepared, tables, type WalletTables } from './wallet.tables.ts';

/**
 * Metered charges that arrive on their own (the HTTP deduction API). On SQLite they are
 * group-committed: one commit (one fsync) covers many charges, across enterprises. On PostgreSQL a
 * charge is one statement (`chargeStatement`: one round trip, the wallet row locked for that one
 * call); only while another charge of the same enterprise is already in flight in this process (a hot
 * wallet) does it join that enterprise's batch, one transaction per enterprise (on Citus a batch
 * across enterprises would be a distributed transaction). The charges of one enterprise are decided
 * in the order they were submitted: its batches start only once the charge that made the wallet hot
 * has settled, and run one after another (two connections would otherwise race for the wallet row,
 * and a later charge could take the money of an earlier one). In a batch each charge keeps its own
 * idempotency claim and its own check against the balance, so one that is refused (too little
 * balance, key reused) is left out without sinking the others. A charge is answered only after the
 * commit that holds it.
 */
interface Pending {
  corpId: string;
  actor: Actor;
  now: number;
  input: AutoDeductInput;
}

/**
 * An enterprise with charges in flight (PostgreSQL): the charge that found its wallet idle, sent on
 * its own, and the group that batches the ones submitted after it.
 */
interface HotWallet {
  inFlight: number;
  first: Promise<unknown>;
  group: GroupCommit<Pending, Deduction>;
}

/** What the batcher is built with: the server's database and the modules' registry. */
export type BatcherDeps = Pick<Deps, 'db' | 'dialect' | 'log' | 'registry'>;

export class ChargeBatcher {
  /** SQLite: the one group of every enterprise. */
  #group: GroupCommit<Pending, Deduction> | undefined;
  /** PostgreSQL: the enterprises with a charge in flight (hot wallets). */
  readonly #hot = new Map<string, HotWallet>();

  constructor(private readonly deps: BatcherDeps) {}

  charge(corpId: string, actor: Actor, now: number, input: AutoDeductInput): Promise<Deduction> {
    const p = { corpId, actor, now, input };
    if (this.deps.dialect !== 'postgres') return (this.#group ??= this.#newGroup()).submit(p);
    let hot = this.#hot.get(corpId);
    let charged: Promise<Deduction>;
    if (!hot) {
      charged = this.#chargeOnce(p);
      hot = { inFlight: 0, first: charged, group: this.#newGroup() };
      this.#hot.set(corpId, hot);
    } else {
      // Queued behind the charge that made the wallet hot: callbacks on one promise run in the order
      // they were attached, so the group receives its charges in submission order, and only once that
      // first charge has written (or been refused).
      const group = hot.group;
      const submit = () => group.submit(p);
      charged = hot.first.then(submit, submit);
    }
    const entry = hot;
    entry.inFlight += 1;
    return charged.finally(() => {
      entry.inFlight -= 1;
      if (entry.inFlight === 0) this.#hot.delete(corpId);
    });
  }

  #newGroup(): GroupCommit<Pending, Deduction> {
    return new GroupCommit((batch) => this.#run(batch), { maxBatch: 256 });
  }

  #ctx(p: Pending, trx: Tx): Ctx {
    return { corpId: p.corpId, actor: p.actor, trx, now: p.now, log: this.deps.log, registry: this.deps.registry };
  }

  /**
   * One charge as one statement. When it writes nothing (a key already used, too little balance,
   * auto-deduction off) the charge is run again the ordinary way, which replays the stored result or
   * says why it is refused. The balance alert is checked after the commit, in its own transaction.
   */
  async #chargeOnce(p: Pending): Promise<Deduction> {
    const refusal = deductionRefusal(p.input);
    if (refusal) throw refusal;
    const { key, request } = deductionKey(p.input);
    let row: ChargedRow | undefined;
    try {
      const params = { corpId: p.corpId, key, requestHash: requestHash(request), now: p.now, amount: p.input.amountFen, txnId: newId('txn', p.now), serialDay: serialDay(p.now), item: p.input.item };
      row = (await chargeStatement.execute(this.deps.db, { ...params, description: p.input.description, revenue: revenueAccount(p.input.item), actorKind: p.actor.kind, actorId: p.actor.id, actorName: p.actor.name })).rows[0];
    } catch (error) {
      if (!isKeyTaken(error)) throw error;
    }
    if (!row) return this.deps.db.transaction().execute((trx) => autoDeduct(this.#ctx(p, trx), p.input));
    const balanceAfter = Number(row.balance);
    if (row.alert_enabled === 1 && balanceAfter < Number(row.alert_fen)) await this.deps.db.transaction().execute((trx) => checkAlert(this.#ctx(p, trx)));
    return { serialNo: serialNumber(p.now, Number(row.seq)), balanceAfter };
  }

  async #run(batch: Pending[]): Promise<Outcome<Deduction>[]> {
    try {
      return await this.deps.db.transaction().execute((trx) => chargeBatch(trx, this.deps.dialect, batch, (p) => this.#ctx(p, trx)));
    } catch (error) {
      // Something unexpected sank the whole batch (on PostgreSQL: a key claimed meanwhile by another
      // server): run each charge alone, through the one-at-a-time path, so only the guilty one fails.
      if (batch.length === 1) return [await this.#runAlone(batch[0]!, error)];
      const outcomes: Outcome<Deduction>[] = [];
      for (const p of batch) outcomes.push(...(await this.#run([p])));
      return outcomes;
    }
  }

  async #runAlone(p: Pending, batchError: unknown): Promise<Outcome<Deduction>> {
    try {
      return { ok: true, value: await this.deps.db.transaction().execute((trx) => autoDeduct(this.#ctx(p, trx), p.input)) };
    } catch (error) {
      return { ok: false, error: error instanceof DomainError ? error : batchError };
    }
  }
}

type ChargedRow = { balance: number; seq: number; alert_enabled: number; alert_fen: number; response: string };

/**
 * An auto-deduction as one PostgreSQL statement: the compare-and-set on the balance (enough money,
 * auto-deduction on), the ledger row, the double entries, and the idempotency key with the result
 * (`keyedStatement`) — what `autoDeduct` does in five. Nothing is written when a guard refuses.
 */
/** `serialNumber` in SQL, from the wallet's new position (never cut short past six digits). */
const serialSql = (day: string) => sql`${day}::text || lpad(seq::text, greatest(6, length(seq::text)), '0')`;

const chargeStatement = prepared(
  (
    _db,
    p: { corpId: string; key: string; requestHash: string; now: number; amount: number; txnId: string; serialDay: string; item: string; description: string; revenue: string; actorKind: string; actorId: string; actorName: string },
  ) =>
    keyedStatement<ChargedRow>(
      { corpId: p.corpId, key: p.key, requestHash: p.requestHash, now: p.now },
      sql`moved as (
        update wallets set balance = balance - ${p.amount}::bigint, seq = seq + 1, consumed = consumed + ${p.amount}::bigint, updated_at = ${p.now}::bigint
        where corp_id = ${p.corpId} and balance >= ${p.amount}::bigint and auto_deduct_acquisition = 1
        returning balance, seq, alert_enabled, alert_fen
      ), txn as (
        insert into wallet_txns (corp_id, id, serial_no, seq, type, item, description, amount, balance_after, order_id, invoice_state, invoice_id, actor_kind, actor_id, actor_name, created_at)
        select ${p.corpId}, ${p.txnId}, ${serialSql(p.serialDay)}, seq, 'auto_deduct', ${p.item}, ${p.description}, -${p.amount}::bigint, balance, null, 'open', null, ${p.actorKind}, ${p.actorId}, ${p.actorName}, ${p.now}::bigint from moved
      ), entries as (
        insert into wallet_entries (corp_id, txn_id, line, account, amount, created_at)
        select ${p.corpId}, ${p.txnId}, l.line, l.account, l.amount, ${p.now}::bigint
        from moved cross join (values (0, ${WALLET_ACCOUNT}, -${p.amount}::bigint), (1, ${p.revenue}::text, ${p.amount}::bigint)) as l(line, account, amount)
      )`,
      sql`select balance, seq, alert_enabled, alert_fen, json_build_object('serialNo', ${serialSql(p.serialDay)}, 'balanceAfter', balance)::text as response from moved`,
    ),
);

/**
 * One transaction for many charges, with a handful of statements whatever its size and however many
 * wallets it touches: one read of the keys already used, one read of the wallets (locked on
 * PostgreSQL, in enterprise order), then each charge is checked in arrival order against the running
 * balance of its wallet (one that does not fit is refused and changes nothing), one `update … from
 * (values …)` moves every wallet with a compare-and-set on the balance and position it was read at,
 * and one multi-row insert each writes the ledger rows, the double entries and the idempotency keys.
 * The same outcome, charge by charge, as calling `autoDeduct` one after another. If anything moved
 * underneath (the compare-and-set or a key claimed meanwhile), the batch throws and the batcher
 * replays its charges one at a time.
 */
async function chargeBatch(trx: Tx, dialect: DialectName, batch: Pending[], ctxOf: (p: Pending) => Ctx): Promise<Outcome<Deduction>[]> {
  const outcomes: Outcome<Deduction>[] = new Array(batch.length);
  const deductions = batch.map((p) => deductionKey(p.input));
  const storedKey = (i: number) => deductions[i]!.key;
  const hashes = deductions.map((d) => requestHash(d.request));

  const known = await storedResults(
    trx,
    batch.map((p, i) => ({ corpId: p.corpId, key: storedKey(i) })),
  );
  const corpIds = [...new Set(batch.map((p) => p.corpId))].sort();
  // Wallets are locked in one order (by enterprise id), so two batches never wait on each other in a cycle.
  let read = tables(trx).selectFrom('wallets').select(['corp_id', 'balance', 'seq', 'auto_deduct_acquisition', 'alert_enabled', 'alert_fen']).where('corp_id', 'in', corpIds).orderBy('corp_id');
  if (dialect === 'postgres') read = read.forUpdate();
  const wallets = new Map<string, { balance: number; seq: number; readBalance: number; readSeq: number; on: boolean; alertFen: number | null; spent: number; count: number; now: number }>();
  for (const w of await read.execute()) {
    const balance = Number(w.balance);
    const seq = Number(w.seq);
    wallets.set(w.corp_id, { balance, seq, readBalance: balance, readSeq: seq, on: w.auto_deduct_acquisition === 1, alertFen: w.alert_enabled === 1 ? Number(w.alert_fen) : null, spent: 0, count: 0, now: 0 });
  }

  const txns: WalletTables['wallet_txns'][] = [];
  const entries: WalletTables['wallet_entries'][] = [];
  const keys: Parameters<typeof storeResults>[1][number][] = [];
  const firstInBatch = new Map<string, number>();
  for (const [i, p] of batch.entries()) {
    const id = `${p.corpId}|${storedKey(i)}`;
    const seen = known.get(id);
    if (seen) {
      outcomes[i] = seen.hash === hashes[i] && seen.response !== '' ? { ok: true, value: JSON.parse(seen.response) as Deduction } : { ok: false, error: new DomainError('idempotency.key_reused', { key: storedKey(i) }) };
      continue;
    }
    const earlier = firstInBatch.get(id);
    if (earlier !== undefined) {
      outcomes[i] = hashes[earlier] !== hashes[i] ? { ok: false, error: new DomainError('idempotency.key_reused', { key: storedKey(i) }) } : outcomes[earlier]!;
      continue;
    }
    const amount = p.input.amountFen;
    const refusal = deductionRefusal(p.input);
    if (refusal) {
      outcomes[i] = { ok: false, error: refusal };
      continue;
    }
    const wallet = wallets.get(p.corpId);
    if (!wallet?.on) {
      outcomes[i] = { ok: false, error: new DomainError(WalletErrors['wallet.auto_deduct_off'], { item: 'acquisition' }) };
      continue;
    }
    // This charge's own check against the balance left by the ones before it.
    if (wallet.balance < amount) {
      outcomes[i] = { ok: false, error: new DomainError(WalletErrors['wallet.insufficient_balance'], { required: amount }) };
      continue;
    }
    wallet.balance -= amount;
    wallet.seq += 1;
    wallet.spent += amount;
    wallet.count += 1;
    wallet.now = Math.max(wallet.now, p.now);
    firstInBatch.set(id, i);
    const txnId = newId('txn', p.now);
    const serialNo = serialNumber(p.now, wallet.seq);
    txns.push(ledgerRow(p, { id: txnId, serialNo, seq: wallet.seq, type: 'auto_deduct', item: 'acquisition', description: p.input.description, amount: -amount, balanceAfter: wallet.balance, orderId: null, invoiceState: 'open' }));
    entries.push(...entryPair(p.corpId, txnId, p.now, revenueAccount('acquisition'), -amount));
    const result: Deduction = { serialNo, balanceAfter: wallet.balance };
    keys.push({ corpId: p.corpId, key: storedKey(i), requestHash: hashes[i]!, response: result, at: p.now });
    outcomes[i] = { ok: true, value: result };
  }

  const moves = [...wallets].filter(([, w]) => w.count > 0);
  if (moves.length > 0) {
    // Compare-and-set on what was read: nothing else moved these wallets in between, or the batch is undone.
    const rows = moves.map(([corpId, w]) => sql`(${corpId}, cast(${w.spent} as bigint), cast(${w.count} as bigint), cast(${w.now} as bigint), cast(${w.readBalance} as bigint), cast(${w.readSeq} as bigint))`);
    const moved = await sql`update wallets set balance = wallets.balance - v.spent, seq = wallets.seq + v.charges, consumed = wallets.consumed + v.spent, updated_at = v.at
      from (select column1 as corp_id, column2 as spent, column3 as charges, column4 as at, column5 as read_balance, column6 as read_seq from (values ${sql.join(rows)}) as moves) as v
      where wallets.corp_id = v.corp_id and wallets.balance = v.read_balance and wallets.seq = v.read_seq and wallets.balance >= v.spent`.execute(trx);
    if (Number(moved.numAffectedRows) !== moves.length) throw new Error('a wallet moved during the batch');
  }
  // SQLite allows 32,766 bound values per statement: chunks stay well below.
  for (let at = 0; at < txns.length; at += 500) await tables(trx).insertInto('wallet_txns').values(txns.slice(at, at + 500)).execute();
  for (let at = 0; at < entries.length; at += 1000) await tables(trx).insertInto('wallet_entries').values(entries.slice(at, at + 1000)).execute();
  // A key another transaction claimed after our read (PostgreSQL, several servers): undo the batch.
  if (!(await storeResults(trx, keys))) throw new Error('an idempotency key was claimed concurrently');
  for (const [corpId, w] of wallets) {
    if (w.count === 0 || w.alertFen === null || w.balance >= w.alertFen) continue;
    const last = [...batch].reverse().find((p) => p.corpId === corpId)!;
    await checkAlert({ ...ctxOf(last), now: w.now });
  }
  return outcomes;
}

const batchers = new WeakMap<Db, ChargeBatcher>();

/** One batcher per database handle: every request of a server shares it. */
export function chargeBatcher(deps: BatcherDeps): ChargeBatcher {
  let batcher = batchers.get(deps.db);
  if (!batcher) {
    batcher = new ChargeBatcher(deps);
    batchers.set(deps.db, batcher);
  }
  return batcher;
}
