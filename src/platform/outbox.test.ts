import { it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { describeEachDialect } from '../../test/support/db.ts';
import { ManualClock } from './clock.ts';
import { Outbox, publish, type OutboxEvent } from './outbox.ts';

const log = pino({ level: 'silent' });

describeEachDialect('outbox', (use) => {
  it('an event published in a rolled-back transaction is never delivered', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const outbox = new Outbox(database.db, clock, log);
    const seen: string[] = [];
    outbox.on('test.rollback', 'collector', async (_trx, event) => {
      seen.push(event.id);
    });
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await publish({ corpId: 'corp_a', trx, now: clock.now() }, 'test.rollback', { n: 1 });
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
    const servers = [new Outbox(database.db, clock, log), new Outbox(database.db, clock, log)];
    for (const server of servers) {
      server.on('test.once', 'audit-copy', async (trx, event: OutboxEvent) => {
        // The effect is a row written in the handler's transaction, so it commits with its receipt.
        await trx.insertInto('outbox_receipts').values({ handler: 'effect', event_id: event.id, at: 0 }).execute();
        effects.push(event.id);
      });
    }
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await publish({ corpId: 'corp_b', trx: database.db, now: clock.now() }, 'test.once', { i }));
    await Promise.all([servers[0]!.drain(), servers[1]!.drain(), servers[0]!.drain()]);
    assert.deepEqual([...effects].sort(), [...ids].sort());
    const pending = await database.db.selectFrom('outbox').select('id').where('type', '=', 'test.once').where('delivered_at', 'is', null).execute();
    assert.equal(pending.length, 0);
  });

  it('a failing handler is retried after a back-off and succeeds once; a handler that already succeeded is not run again', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const outbox = new Outbox(database.db, clock, log);
    let flakyCalls = 0;
    let steadyCalls = 0;
    outbox.on('test.retry', 'steady', async () => {
      steadyCalls++;
    });
    outbox.on('test.retry', 'flaky', async () => {
      flakyCalls++;
      if (flakyCalls === 1) throw new Error('mail server down');
    });
    await publish({ corpId: 'corp_c', trx: database.db, now: clock.now() }, 'test.retry', {});
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
});
