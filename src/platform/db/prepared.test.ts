import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { it } from 'node:test';
import { describeEachDialect } from '../../../test/support/db.ts';
import { preparedFor, preparedRowsFor } from './prepared.ts';
import type { Executor } from './tables.ts';
import { tables, type PlatformTables } from '../platform.tables.ts';

const prepared = preparedFor<PlatformTables>();
const preparedRows = preparedRowsFor<PlatformTables>();

describeEachDialect('prepared queries', (use) => {
  it('built once, each run with its own values: affected rows, rows and returning', async () => {
    const db = use().database.db;
    let builds = 0;
    const claim = prepared((q, p: { corpId: string; key: string; now: number }) => {
      builds++;
      return q.insertInto('idempotency_keys').values({ corp_id: p.corpId, key: p.key, request_hash: 'h', response_json: '', created_at: p.now }).onConflict((oc) => oc.doNothing());
    });
    const claimed = [];
    for (const [key, now] of [['a', 1], ['b', 20], ['a', 300]] as const) claimed.push(Number((await claim.execute(db, { corpId: 'c1', key, now })).numAffectedRows));
    assert.deepEqual(claimed, [1, 1, 0]);

    const since = prepared((q, p: { corpId: string; min: number }) => {
      builds++;
      return q.selectFrom('idempotency_keys').select(['key', 'created_at']).where('corp_id', '=', p.corpId).where('created_at', '>=', p.min).orderBy('key');
    });
    const read = async (min: number, on: Executor = db) => (await since.execute(on, { corpId: 'c1', min })).rows.map((r) => [r.key, Number(r.created_at)]);
    assert.deepEqual(await read(0), [['a', 1], ['b', 20]]);
    assert.deepEqual(await read(5), [['b', 20]]);
    // Inside a transaction too: the same compiled SQL, run on the transaction's connection.
    assert.deepEqual(await db.transaction().execute((trx) => read(21, trx)), []);
    assert.equal(builds, 2);
  });

  it('on PostgreSQL a prepared query runs as a named statement, prepared once per connection; other SQL stays unnamed', async (test) => {
    const { database, dialect } = use();
    if (dialect !== 'postgres') return test.skip('PostgreSQL only');
    const count = prepared((q, p: { corpId: string }) => q.selectFrom('idempotency_keys').select((eb) => eb.fn.countAll<number>().as('n')).where('corp_id', '=', p.corpId));
    const statements = await database.db.transaction().execute(async (trx) => {
      for (const corpId of ['c1', 'c2', 'c3']) await count.execute(trx, { corpId });
      await sql`select ${1} as one`.execute(trx);
      return (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx)).rows.map((r) => r.statement);
    });
    assert.equal(statements.filter((s) => s.includes('count(*)') && s.includes('idempotency_keys')).length, 1);
    assert.equal(statements.filter((s) => s.includes('as "one"')).length, 0);
  });

  it('a missing value is refused, not bound as NULL', async () => {
    const db = use().database.db;
    const since = prepared((q, p: { corpId: string; min: number }) => q.selectFrom('idempotency_keys').select('key').where('corp_id', '=', p.corpId).where('created_at', '>=', p.min));
    await assert.rejects(since.execute(db, { corpId: 'c1' } as { corpId: string; min: number }), { message: 'prepared query: no value for parameter min' });
  });

  it('a statement of a fixed number of rows is built once and binds each run\'s rows in order; another number of rows, or a row missing a value, is refused', async () => {
    const db = use().database.db;
    let builds = 0;
    const insertTwo = preparedRows(2, (q, rows: { corpId: string; key: string; now: number }[]) => {
      builds++;
      return q.insertInto('idempotency_keys').values(rows.map((r) => ({ corp_id: r.corpId, key: r.key, request_hash: 'h', response_json: '', created_at: r.now })));
    });
    await insertTwo.execute(db, [{ corpId: 'r1', key: 'x', now: 1 }, { corpId: 'r1', key: 'y', now: 2 }]);
    await insertTwo.execute(db, [{ corpId: 'r1', key: 'z', now: 3 }, { corpId: 'r2', key: 'x', now: 4 }]);
    const rows = await tables(db).selectFrom('idempotency_keys').select(['corp_id', 'key', 'created_at']).where('corp_id', 'in', ['r1', 'r2']).orderBy('created_at').execute();
    assert.deepEqual(rows.map((r) => [r.corp_id, r.key, Number(r.created_at)]), [['r1', 'x', 1], ['r1', 'y', 2], ['r1', 'z', 3], ['r2', 'x', 4]]);
    assert.equal(builds, 1);
    await assert.rejects(insertTwo.execute(db, [{ corpId: 'r3', key: 'x', now: 5 }]), { message: 'prepared rows: 1 rows given to a statement of 2' });
    await assert.rejects(insertTwo.execute(db, [{ corpId: 'r3', key: 'x', now: 5 }, { corpId: 'r3', key: 'y' } as { corpId: string; key: string; now: number }]), { message: 'prepared query: no value for parameter now of row 1' });
  });
});
