import { it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { describeEachDialect } from '../../test/support/db.ts';
import { ManualClock } from './clock.ts';
import { enqueueJob, JobRunner, LeaseLost, type JobHandler } from './jobs.ts';
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

  it('a job longer than its lease, with two workers: its progress reports renew the lease, so the other worker never takes it and it runs once', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const step = gate();
    let runs = 0;
    const slow: JobHandler = async (_job, ctx) => {
      runs++;
      step.enter();
      await step.reached;
      await ctx.progress(1, 2);
      await step.resumed;
      return { done: true };
    };
    const [first, second] = [runnerFor(database, clock, 'test.slow', slow), runnerFor(database, clock, 'test.slow', slow)];
    const id = await enqueueJob(database.db, clock.now(), { kind: 'test.slow', payload: {} });
    const running = first.runDue();
    await step.entered;
    clock.advance(4 * 60_000); // 4 of the 5 minutes, then a progress report
    step.reach();
    await step.reported(database, id);
    clock.advance(4 * 60_000); // 8 minutes since the claim, 4 since the report
    assert.equal(await second.runDue(), 0);
    step.resume();
    assert.equal(await running, 1);
    const row = await tablesOf(database.db).selectFrom('jobs').select(['status', 'attempts', 'result_json']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.attempts, row.result_json, runs], ['done', 1, '{"done":true}', 1]);
  });

  it('a worker silent past its lease loses the job: the other worker runs it, and the first one\'s next report stops it and its ending changes nothing', async () => {
    const { database } = use();
    const clock = new ManualClock();
    const step = gate();
    let stoppedBy: unknown;
    const silent = runnerFor(database, clock, 'test.silent', async (_job, ctx) => {
      step.enter();
      await step.reached;
      try {
        await ctx.progress(1);
      } catch (error) {
        stoppedBy = error;
        throw error;
      }
      return { by: 'silent' };
    });
    const other = runnerFor(database, clock, 'test.silent', async () => ({ by: 'other' }));
    const id = await enqueueJob(database.db, clock.now(), { kind: 'test.silent', payload: {} });
    const running = silent.runDue();
    await step.entered;
    clock.advance(5 * 60_000 + 1);
    assert.equal(await other.runDue(), 1);
    step.reach();
    await running;
    assert.ok(stoppedBy instanceof LeaseLost);
    const row = await tablesOf(database.db).selectFrom('jobs').select(['status', 'attempts', 'result_json', 'last_error', 'progress_done']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'done', attempts: 2, result_json: '{"by":"other"}', last_error: null, progress_done: 0 });
  });
});

/** Lets a test hold a job's handler at a point and release it. */
function gate() {
  let enter!: () => void;
  let reach!: () => void;
  let resume!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  return {
    /** The handler has started: the job is claimed. */
    entered,
    reached,
    resumed,
    enter,
    reach,
    resume,
    /** Until the handler's progress report is in the row (a handler runs on its own promise chain). */
    async reported(database: { db: Parameters<typeof enqueueJob>[0] }, id: string | null) {
      for (;;) {
        const row = await tablesOf(database.db).selectFrom('jobs').select('progress_done').where('id', '=', id!).executeTakeFirstOrThrow();
        if (row.progress_done === 1) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
