import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../test/support/db.ts';
import { commandRunner, eachInSavepoint, GroupCommit, type Outcome } from './group-commit.ts';
import type { Db, Executor } from './tables.ts';

describeEachDialect('group commit', (use) => {
  let db: Db;
  before(async () => {
    db = use().database.db;
    await sql`create table gc_probe (id text primary key, at integer not null)`.execute(db);
  });

  const ids = async (prefix: string) => (await sql<{ id: string }>`select id from gc_probe where id like ${`${prefix}%`} order by id`.execute(db)).rows.map((r) => r.id);
  // `x#note` inserts the row `x`: a second `a1#again` breaks the primary key.
  const insert = (trx: Executor, id: string) => sql`insert into gc_probe (id, at) values (${id.replace(/#.*/, '')}, 1)`.execute(trx).then(() => id);

  it('items submitted in one turn share one transaction; one that fails is undone alone and only its caller hears of it', async () => {
    const batches: string[][] = [];
    const run = eachInSavepoint(db, insert);
    const group = new GroupCommit<string, string>((items) => {
      batches.push(items);
      return run(items);
    });
    const results = await Promise.allSettled(['a1', 'a2', 'a1#again', 'a3'].map((id) => group.submit(id)));
    assert.deepEqual(batches, [['a1', 'a2', 'a1#again', 'a3']]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(await ids('a'), ['a1', 'a2', 'a3']);
  });

  it('items arriving while a batch commits wait and go together in the next one, at most maxBatch at a time', async () => {
    const batches: string[][] = [];
    const later: Promise<string>[] = [];
    const run = eachInSavepoint(db, insert);
    const group: GroupCommit<string, string> = new GroupCommit<string, string>(
      (items) => {
        batches.push(items);
        // Five more arrive while the first batch is being written.
        if (batches.length === 1) for (let i = 1; i <= 5; i++) later.push(group.submit(`b${i}`));
        return run(items);
      },
      { maxBatch: 3 },
    );
    assert.equal(await group.submit('b0'), 'b0');
    assert.deepEqual(await Promise.all(later), ['b1', 'b2', 'b3', 'b4', 'b5']);
    assert.deepEqual(batches, [['b0'], ['b1', 'b2', 'b3'], ['b4', 'b5']]);
    assert.deepEqual(await ids('b'), ['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
  });

  it('a batch that fails as a whole rejects its own callers and the next batch still runs', async () => {
    let calls = 0;
    const group = new GroupCommit<string, string>(async (items): Promise<Outcome<string>[]> => {
      calls++;
      if (calls === 1) throw new Error('disk full');
      return items.map((value) => ({ ok: true, value }));
    });
    const first = await Promise.allSettled([group.submit('c1'), group.submit('c2')]);
    assert.deepEqual(
      first.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.value)),
      ['disk full', 'disk full'],
    );
    assert.equal(await group.submit('c3'), 'c3');
  });

  it('commands run as if each had its own transaction: a failing one undoes only its own writes and only its caller hears of it', async () => {
    const command = commandRunner(db, use().dialect);
    const results = await Promise.allSettled([
      command((trx) => insert(trx, 'd1')),
      command(async (trx) => {
        await insert(trx, 'd2');
        throw new Error('refused after writing');
      }),
      command((trx) => insert(trx, 'd3')),
    ]);
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
      ['d1', 'refused after writing', 'd3'],
    );
    assert.deepEqual(await ids('d'), ['d1', 'd3']);
  });
});
