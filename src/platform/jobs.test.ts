import { it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { describeEachDialect } from '../../test/support/db.ts';
import { ManualClock } from './clock.ts';
import { enqueueJob, JobRunner, type JobHandler } from './jobs.ts';
import { registryWith } from '../../test/support/registry.ts';
import { tablesOf } from '../../test/support/tables.ts';

const log = pino({ level: 'silent' });

/** A server's job runner that knows one job kind, run by `handler`. */
const runnerFor = (database: { db: Parameters<typeof enqueueJob>[0]; dialect: 'sqlite' | 'postgres' }, clock: ManualClock, kind: string, handler: JobHandler = async () => undefined) =>
  new JobRunner(database.db, database.dialect, clock, log, registryWith({ jobs: [{ kind, run: handler }] }));

describeEachDialect('jobs', (use) => {
  it('with two servers claiming at once, every job runs exactly once', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const ran: string[] = [];
    const count: JobHandler = async (job) => {
      ran.push((job.payload as { n: string }).n);
    };
    const runners = [runnerFor(database, clock, 'test.count', count), runnerFor(database, clock, 'test.count', count)];
    for (let i = 0; i < 30; i++) await enqueueJob(database.db, clock.now(), { kind: 'test.count', payload: { n: `job${i}` } });
    await Promise.all([runners[0]!.runDue(), runners[1]!.runDue()]);
    assert.equal(ran.length, 30);
    assert.equal(new Set(ran).size, 30);
  });

  it('a scheduled slot is queued once however many servers enqueue it', async () => {
    const { database } = use();
    const clock = new ManualClock();
    // Due next year, so the other tests of this suite never meet it.
    const runAt = clock.now() + 365 * 24 * 3600_000;
    const first = await enqueueJob(database.db, clock.now(), { kind: 'test.slot', payload: {}, dedupeKey: 'test.slot@1', runAt });
    const second = await enqueueJob(database.db, clock.now(), { kind: 'test.slot', payload: {}, dedupeKey: 'test.slot@1', runAt });
    assert.match(first!, /^job_/);
    assert.equal(second, null);
  });

  it('two servers whose timers fire milliseconds apart in the same minute queue the slot once', async () => {
    const { database } = use();
    const clock = new ManualClock('2026-03-02T10:17:00.004+08:00');
    const runs: number[] = [];
    const minute: JobHandler = async (job) => void runs.push((job.payload as { slot: number }).slot);
    const runners = [runnerFor(database, clock, 'test.minute', minute), runnerFor(database, clock, 'test.minute', minute)];
    await runners[0]!.enqueueSlot('test.minute', clock.now());
    clock.advance(900);
    await runners[1]!.enqueueSlot('test.minute', clock.now());
    await Promise.all(runners.map((r) => r.runDue()));
    assert.deepEqual(runs, [Date.parse('2026-03-02T10:17:00+08:00')]);
  });

  it('a job whose server died is claimed again once its lease runs out', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const crashed = runnerFor(database, clock, 'test.lease');
    await enqueueJob(database.db, clock.now(), { kind: 'test.lease', payload: {} });
    const claimed = await crashed.claim(clock.now());
    assert.equal(claimed?.kind, 'test.lease');
    let runs = 0;
    const survivor = runnerFor(database, clock, 'test.lease', async () => {
      runs++;
    });
    await survivor.runDue();
    assert.equal(runs, 0, 'not while the lease holds');
    clock.advance(5 * 60_000 + 1);
    await survivor.runDue();
    assert.equal(runs, 1);
  });

  it('a long job reports its progress, and a failing job is retried later', async () => {
    const { database } = use();
    const clock = new ManualClock();
    let attempts = 0;
    const runner = runnerFor(database, clock, 'test.progress', async (_job, ctx) => {
      attempts++;
      await ctx.progress(50, 100);
      if (attempts === 1) throw new Error('disk full');
      await ctx.progress(100);
      return { imported: 100 };
    });
    const id = await enqueueJob(database.db, clock.now(), { kind: 'test.progress', payload: {} });
    await runner.runDue();
    let row = await tablesOf(database.db).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.progress_done, row.progress_total, row.last_error], ['queued', 50, 100, 'disk full']);
    clock.advance(2000);
    await runner.runDue();
    row = await tablesOf(database.db).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.progress_done, row.result_json], ['done', 100, '{"imported":100}']);
  });
});
