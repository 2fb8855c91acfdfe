import { it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { Type } from 'typebox';
import { describeEachDialect } from '../../test/support/db.ts';
import { registryWith } from '../../test/support/registry.ts';
import { tablesOf } from '../../test/support/tables.ts';
import { ManualClock } from './clock.ts';
import { systemActor, type Ctx } from './context.ts';
import type { Db, Tx } from './db/tables.ts';
import { afterCommit, defineEvents, publish, type Subscriber } from './events.ts';
import type { Registry } from './module.ts';
import { Outbox } from './outbox.ts';

const log = pino({ level: 'silent' });
const TestEvents = defineEvents({
  'test.rollback': Type.Object({ n: Type.Integer() }),
  'test.once': Type.Object({ i: Type.Integer() }),
  'test.retry': Type.Object({}),
  'test.corp': Type.Object({ i: Type.Integer() }),
});

const registryOf = (subscribers: Subscriber[]) => registryWith({ events: TestEvents, subscribers });
const ctxIn = (registry: Registry, corpId: string, trx: Tx, clock: ManualClock): Ctx => ({ corpId, actor: systemActor, trx, now: clock.now(), log, registry });
/** Publishes in a transaction of its own, as a command would. */
const publishOne = (db: Db, registry: Registry, clock: ManualClock, corpId: string, type: keyof typeof TestEvents, payload: object) =>
  db.transaction().execute((trx) => publish(ctxIn(registry, corpId, trx, clock), TestEvents[type], payload as never));

describeEachDialect('outbox', (use) => {
  it('an event published in a rolled-back transaction is never delivered', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const seen: string[] = [];
    const registry = registryOf([afterCommit(TestEvents['test.rollback'], 'collector', async (_ctx, _payload, meta) => void seen.push(meta.eventId))]);
    const outbox = new Outbox(database.db, database.dialect, clock, log, registry);
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await publish(ctxIn(registry, 'corp_a', trx, clock), TestEvents['test.rollback'], { n: 1 });
        throw new Error('abort');
      }),
    );
    await outbox.drain();
    assert.deepEqual(seen, []);
  });

  it('two servers draining at once deliver each event to each handler exactly once', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const effects: string[] = [];
    const registry = registryOf([
      afterCommit(TestEvents['test.once'], 'audit-copy', async (ctx, _payload, meta) => {
        // The effect is a row written in the handler's transaction, so it commits with its receipt.
        await tablesOf(ctx.trx).insertInto('outbox_receipts').values({ corp_id: ctx.corpId, handler: 'effect', event_id: meta.eventId, at: 0 }).execute();
        effects.push(meta.eventId);
      }),
    ]);
    const servers = [new Outbox(database.db, database.dialect, clock, log, registry), new Outbox(database.db, database.dialect, clock, log, registry)];
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await publishOne(database.db, registry, clock, 'corp_b', 'test.once', { i }));
    await Promise.all([servers[0]!.drain(), servers[1]!.drain(), servers[0]!.drain()]);
    assert.deepEqual([...effects].sort(), [...ids].sort());
    const pending = await tablesOf(database.db).selectFrom('outbox').select('id').where('type', '=', 'test.once').where('delivered_at', 'is', null).execute();
    assert.equal(pending.length, 0);
  });

  it('a failing handler is retried after a back-off and succeeds once; a handler that already succeeded is not run again', async () => {
    const { database } = use();
    const clock = new ManualClock();
    let flakyCalls = 0;
    let steadyCalls = 0;
    const registry = registryOf([
      afterCommit(TestEvents['test.retry'], 'steady', async () => {
        steadyCalls++;
      }),
      afterCommit(TestEvents['test.retry'], 'flaky', async () => {
        flakyCalls++;
        if (flakyCalls === 1) throw new Error('mail server down');
      }),
    ]);
    const outbox = new Outbox(database.db, database.dialect, clock, log, registry);
    await publishOne(database.db, registry, clock, 'corp_c', 'test.retry', {});
    await outbox.drain();
    assert.deepEqual([steadyCalls, flakyCalls], [1, 1]);
    await outbox.drain();
    assert.deepEqual([steadyCalls, flakyCalls], [1, 1], 'not retried before the back-off');
    clock.advance(1000);
    await outbox.drain();
    assert.deepEqual([steadyCalls, flakyCalls], [1, 2]);
    await outbox.drain();
    assert.deepEqual([steadyCalls, flakyCalls], [1, 2]);
  });

  it('events are delivered one enterprise per transaction, each with its enterprise on the context and its receipts', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const seen: { corpId: string; i: number; trx: Tx }[] = [];
    const registry = registryOf([afterCommit(TestEvents['test.corp'], 'per-corp', async (ctx, payload) => void seen.push({ corpId: ctx.corpId, i: payload.i, trx: ctx.trx }))]);
    const outbox = new Outbox(database.db, database.dialect, clock, log, registry);
    for (const [i, corpId] of ['corp_x', 'corp_y', 'corp_x', 'corp_z', 'corp_y'].entries()) await publishOne(database.db, registry, clock, corpId, 'test.corp', { i });
    await outbox.drain();
    const byCorp = (corpId: string) => seen.filter((s) => s.corpId === corpId);
    assert.deepEqual(seen.map((s) => [s.corpId, s.i]).sort(), [['corp_x', 0], ['corp_x', 2], ['corp_y', 1], ['corp_y', 4], ['corp_z', 3]]);
    for (const corpId of ['corp_x', 'corp_y']) assert.equal(new Set(byCorp(corpId).map((s) => s.trx)).size, 1, `${corpId}'s events share one transaction`);
    assert.equal(new Set(seen.map((s) => s.trx)).size, 3, 'one transaction per enterprise');
    const receipts = await tablesOf(database.db).selectFrom('outbox_receipts').select('corp_id').where('handler', '=', 'per-corp').orderBy('corp_id').execute();
    assert.deepEqual(receipts.map((r) => r.corp_id), ['corp_x', 'corp_x', 'corp_y', 'corp_y', 'corp_z']);
  });
});
