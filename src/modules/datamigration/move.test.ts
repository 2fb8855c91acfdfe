import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, keepSessions, type Client, type TestApp } from '../../../test/support/app.ts';
import { tablesOf } from '../../../test/support/tables.ts';
import { LEASE_MS, LeaseLost, type JobContext } from '../../platform/jobs.ts';
import { certifyUntil } from '../corp/testing/index.ts';
import { follow, recountServed, seedCustomers, servedCount } from '../customers/testing/index.ts';
import { DirectoryFixture, departMember } from '../directory/testing/index.ts';
import { codeOf, operatorClient } from '../wallet/testing/index.ts';
import { moveJob } from './datamigration.jobs.ts';
import { MOVE_JOB } from './datamigration.service.ts';
import { failuresPage, paperReceivedPair, step, type MigrationView, type Pair } from './testing/index.ts';

describeEachDialect('数据迁移: the move is a job, batch by batch, resumable, each customer exactly once', (use) => {
  let t: TestApp;
  let dataDir: string;
  let operator: Client;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-dmig-move-'));
    t = await createTestApp(use(), { dataDir });
    operator = await operatorClient(t);
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const db = () => tablesOf(t.deps.db);

  /**
   * Source members 张三, 李四 (matched in the target by userid) and 王五 (departed); 张三 20 customers,
   * 李四 6, both 4 more, 王五 3 alone and 1 with 张三, and 2 that 张三 added and never got added back.
   * 31 customers to move, with 35 follow relations.
   */
  async function scene(): Promise<Pair & { members: Record<string, string> }> {
    const pair = await paperReceivedPair(t, operator);
    const now = t.clock.now();
    const source = await DirectoryFixture.open(t.deps.db, pair.sourceId, () => t.clock.now());
    const target = await DirectoryFixture.open(t.deps.db, pair.targetId, () => t.clock.now());
    const zhang = await source.member('张三', undefined, { userid: 'zhangsan' });
    const li = await source.member('李四', undefined, { userid: 'lisi' });
    const wang = await source.member('王五', undefined, { userid: 'wangwu' });
    const zhangT = await target.member('张三', undefined, { userid: 'zhangsan' });
    const liT = await target.member('李四', undefined, { userid: 'lisi' });
    await target.member('王五', undefined, { userid: 'wangwu' });
    await seedCustomers(t.deps.db, pair.sourceId, zhang, 20, now, 'a');
    await seedCustomers(t.deps.db, pair.sourceId, li, 6, now, 'b');
    for (let i = 0; i < 4; i++) {
      await follow(t.deps.db, pair.sourceId, zhang, { externalId: `shared-${i}`, name: `共同客户${i}` }, now);
      await follow(t.deps.db, pair.sourceId, li, { externalId: `shared-${i}`, name: `共同客户${i}` }, now);
    }
    await seedCustomers(t.deps.db, pair.sourceId, wang, 3, now, 'c');
    await follow(t.deps.db, pair.sourceId, wang, { externalId: 'mixed', name: '混合客户' }, now);
    await follow(t.deps.db, pair.sourceId, zhang, { externalId: 'mixed', name: '混合客户' }, now);
    for (let i = 0; i < 2; i++) await follow(t.deps.db, pair.sourceId, zhang, { externalId: `half-${i}`, name: `未通过${i}` }, now, false);
    await t.deps.db.transaction().execute((trx) =>
      departMember({ corpId: pair.sourceId, trx, now: t.clock.now(), log: t.deps.log, registry: t.deps.registry, actor: { kind: 'member', id: pair.client.me.member!.id, name: 'x', accountId: pair.client.me.account.id } }, wang),
    );
    await t.deps.outbox.drain();
    return { ...pair, members: { zhang, li, wang, zhangT, liT } };
  }

  async function start(pair: Pair, batchSize: number): Promise<void> {
    const started = await step(operator, pair, { step: 'start' });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.deepEqual(started.body.progress, { phase: 'listing', total: 0, moved: 0, failed: 0, givenUp: 0, pending: 0, canFinish: false });
    // Small batches, so a run of a few dozen customers has many batches to be interrupted between.
    await db().updateTable('data_migration_runs').set({ batch_size: batchSize }).where('corp_id', '=', pair.sourceId).where('migration_id', '=', pair.migrationId).execute();
  }

  /** Claims the move and runs it until its k-th batch has committed, then loses it as a killed worker would. */
  async function runInterrupted(k: number): Promise<void> {
    const job = await t.deps.jobs.claim(t.clock.now());
    assert.equal(job?.kind, MOVE_JOB);
    let batches = 0;
    const ctx: JobContext = {
      db: t.deps.db,
      now: t.clock.now(),
      clock: t.clock,
      log: t.deps.log,
      registry: t.deps.registry,
      progress: () => (++batches === k ? Promise.reject(new LeaseLost(job!.id)) : Promise.resolve()),
    };
    await assert.rejects(moveJob(job!, ctx), LeaseLost);
    assert.equal(batches, k);
  }

  /** After the dead worker's lease has run out, the next pass takes the job over. */
  async function resume(): Promise<number> {
    t.clock.advance(LEASE_MS + 1);
    return t.deps.jobs.runDue();
  }

  const view = async (pair: Pair) => (await pair.client.get<{ items: MigrationView[] }>('/api/v1/data-migrations')).body.items.find((m) => m.id === pair.migrationId)!;
  const friendships = (corpId: string) => db().selectFrom('friendships').select(['member_id', 'customer_id']).where('corp_id', '=', corpId).execute();

  it('a run interrupted after 12 batches (of 4) resumes from the last committed one and moves every customer exactly once; departed members’ customers and never-answered adds stay', async () => {
    const pair = await scene();
    await start(pair, 4);
    // 34 customers with follow relations listed in 9 batches (王五's 3 alone are left out), then 31 moved 4 at a time.
    await runInterrupted(12);
    const mid = await view(pair);
    assert.deepEqual(mid.progress, { phase: 'moving', total: 31, moved: 12, failed: 0, givenUp: 0, pending: 19, canFinish: false });
    // By id, the 4 shared customers (2 relations each) and 混合客户 come first, then 7 of 张三's.
    assert.equal((await friendships(pair.targetId)).length, 4 * 2 + 1 + 7);
    assert.equal(await resume(), 1);
    const done = await view(pair);
    assert.deepEqual(done.progress, { phase: 'done', total: 31, moved: 31, failed: 0, givenUp: 0, pending: 0, canFinish: true });
    const target = await friendships(pair.targetId);
    assert.equal(target.length, 35);
    assert.deepEqual(
      [...new Set(target.map((f) => f.member_id))].sort(),
      [pair.members.zhangT, pair.members.liT].sort(),
    );
    const targetCustomers = await db().selectFrom('customers').select(['external_id', 'holders']).where('corp_id', '=', pair.targetId).orderBy('external_id').execute();
    assert.equal(targetCustomers.length, 31);
    assert.equal(targetCustomers.find((c) => c.external_id === 'shared-0')?.holders, 2);
    assert.equal(new Set(targetCustomers.map((c) => c.external_id)).size, 31);
    assert.deepEqual([await servedCount(t.deps.db, pair.targetId), await recountServed(t.deps.db, pair.targetId)], [31, 31]);
    // What stays with the source: 王五's 4 relations (waiting for reassignment) and 张三's 2 unanswered adds.
    const left = await friendships(pair.sourceId);
    assert.deepEqual([left.filter((f) => f.member_id === pair.members.wang).length, left.filter((f) => f.member_id === pair.members.zhang).length, left.length], [4, 2, 6]);
    assert.deepEqual([await servedCount(t.deps.db, pair.sourceId), await recountServed(t.deps.db, pair.sourceId)], [6, 6]);
    const items = await db().selectFrom('data_migration_items').select(['status', 'follows']).where('corp_id', '=', pair.sourceId).where('migration_id', '=', pair.migrationId).execute();
    assert.deepEqual([items.length, items.every((i) => i.status === 'moved'), items.reduce((n, i) => n + Number(i.follows), 0)], [31, true, 35]);
    const finished = await step(operator, pair, { step: 'finish' });
    assert.equal(finished.status, 200, JSON.stringify(finished.body));
    assert.equal(finished.body.status, 'done');
  });

  it('a batch re-run after a crash writes nothing twice (the item is the idempotency key): a rewound cursor moves nothing again', async () => {
    const pair = await scene();
    await start(pair, 5);
    await t.deps.jobs.runDue();
    const before = { target: (await friendships(pair.targetId)).length, source: (await friendships(pair.sourceId)).length, served: await servedCount(t.deps.db, pair.targetId) };
    assert.deepEqual(before, { target: 35, source: 6, served: 31 });
    // As if the cursor of the last batches had never been committed, with the items they moved.
    await db().updateTable('data_migration_runs').set({ phase: 'moving', move_cursor: '' }).where('corp_id', '=', pair.sourceId).where('migration_id', '=', pair.migrationId).execute();
    await db().updateTable('jobs').set({ status: 'queued', run_at: t.clock.now() }).where('kind', '=', MOVE_JOB).where('payload_json', 'like', `%${pair.migrationId}%`).execute();
    assert.equal(await t.deps.jobs.runDue(), 1);
    const again = { target: (await friendships(pair.targetId)).length, source: (await friendships(pair.sourceId)).length, served: await servedCount(t.deps.db, pair.targetId) };
    assert.deepEqual(again, before);
    assert.deepEqual((await view(pair)).progress?.moved, 31);
  });

  it('未迁移成功 is listed with the reason; finish is refused until every failure moved on retry or was given up', async () => {
    const pair = await scene();
    const source = await DirectoryFixture.open(t.deps.db, pair.sourceId, () => t.clock.now());
    const zhao = await source.member('赵六', undefined, { userid: 'zhaoliu' });
    const qian = await source.member('钱七', undefined, { userid: 'qianqi' });
    const now = t.clock.now();
    const z1 = await follow(t.deps.db, pair.sourceId, zhao, { externalId: 'zhao-1', name: '赵的客户1' }, now);
    const z2 = await follow(t.deps.db, pair.sourceId, zhao, { externalId: 'zhao-2', name: '赵的客户2' }, now);
    const q1 = await follow(t.deps.db, pair.sourceId, qian, { externalId: 'qian-1', name: '钱的客户' }, now);
    await start(pair, 10);
    await t.deps.jobs.runDue();
    const failedView = await view(pair);
    assert.deepEqual(failedView.progress, {
      phase: 'done',
      total: 34,
      moved: 31,
      failed: 3,
      givenUp: 0,
      pending: 0,
      canFinish: false,
    });
    assert.deepEqual((await failuresPage(pair)).items, [
        { customerId: z1, name: '赵的客户1', reason: 'no_matching_member', givenUp: false, detail: { members: ['赵六'] } },
        { customerId: z2, name: '赵的客户2', reason: 'no_matching_member', givenUp: false, detail: { members: ['赵六'] } },
        { customerId: q1, name: '钱的客户', reason: 'no_matching_member', givenUp: false, detail: { members: ['钱七'] } },
      ].sort((a, b) => (a.customerId < b.customerId ? -1 : 1)));
    const refused = await step(operator, pair, { step: 'finish' });
    assert.equal(refused.status, 409);
    assert.deepEqual((refused.body as unknown as { error: { code: string; details: unknown } }).error, {
      code: 'datamigration.not_finished',
      message: 'The migration can finish only when every customer has moved or its failure was given up; details give the pending and failed counts.',
      details: { pending: 0, failed: 3, phase: 'done' },
    });
    // The target adds 赵六; a retry moves his two, 钱七's one fails again.
    await (await DirectoryFixture.open(t.deps.db, pair.targetId, () => t.clock.now())).member('赵六', undefined, { userid: 'zhaoliu' });
    const retried = await step(operator, pair, { step: 'retry' });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.deepEqual([retried.body.progress?.phase, retried.body.progress?.pending], ['moving', 3]);
    await t.deps.jobs.runDue();
    const after = await view(pair);
    assert.deepEqual([after.progress?.moved, after.progress?.failed, (await failuresPage(pair)).items.map((f) => f.name)], [33, 1, ['钱的客户']]);
    const gaveUp = await step(operator, pair, { step: 'give_up' });
    assert.deepEqual(gaveUp.body.progress, { phase: 'done', total: 34, moved: 33, failed: 0, givenUp: 1, pending: 0, canFinish: true });
    assert.deepEqual((await failuresPage(pair)).items, [{ customerId: q1, name: '钱的客户', reason: 'no_matching_member', givenUp: true, detail: { members: ['钱七'] } }]);
    assert.equal(codeOf((await step(operator, pair, { step: 'give_up' })).body), 'datamigration.nothing_failed');
    const finished = await step(operator, pair, { step: 'finish' });
    assert.equal(finished.body.status, 'done');
    // 钱七's customer stays with the source.
    assert.deepEqual(await db().selectFrom('friendships').select('member_id').where('corp_id', '=', pair.sourceId).where('customer_id', '=', q1).execute(), [{ member_id: qian }]);
    const audits = await db().selectFrom('audit_log').select('action').where('corp_id', '=', pair.targetId).where('action', 'in', ['datamigration.retry', 'datamigration.give_up']).orderBy('id').execute();
    assert.deepEqual(audits.map((a) => a.action), ['datamigration.retry', 'datamigration.give_up']);
  });

  it('a customer new to the target is refused when the target’s quota is full (quota_exceeded, with the limit); one it already has moves', async () => {
    const pair = await paperReceivedPair(t, operator);
    const source = await DirectoryFixture.open(t.deps.db, pair.sourceId, () => t.clock.now());
    const target = await DirectoryFixture.open(t.deps.db, pair.targetId, () => t.clock.now());
    const zhang = await source.member('张三', undefined, { userid: 'zhangsan' });
    const zhangT = await target.member('张三', undefined, { userid: 'zhangsan' });
    const now = t.clock.now();
    await seedCustomers(t.deps.db, pair.targetId, zhangT, 2_000, now, 'full');
    const fresh = await follow(t.deps.db, pair.sourceId, zhang, { externalId: 'new-one', name: '新客户' }, now);
    await follow(t.deps.db, pair.sourceId, zhang, { externalId: 'full-7', name: '已有客户' }, now);
    await start(pair, 10);
    await t.deps.jobs.runDue();
    const v = await view(pair);
    assert.deepEqual([v.progress?.moved, (await failuresPage(pair)).items], [1, [{ customerId: fresh, name: '新客户', reason: 'quota_exceeded', givenUp: false, detail: { limit: 2000 } }]]);
    assert.equal(await servedCount(t.deps.db, pair.targetId), 2_000);
  });

  it('rejected while migrating: the run stops at its next batch, what moved stays moved, and nothing can finish it', async () => {
    const pair = await scene();
    await start(pair, 4);
    await runInterrupted(10);
    const rejected = await step(operator, pair, { step: 'reject', reason: '企业撤回申请' });
    assert.deepEqual([rejected.body.status, rejected.body.reason, rejected.body.progress?.moved], ['rejected', { code: 'operator', params: { text: '企业撤回申请' } }, 4]);
    assert.equal(await resume(), 1);
    const after = await view(pair);
    assert.deepEqual([after.progress?.phase, after.progress?.moved, after.progress?.pending, after.progress?.canFinish], ['moving', 4, 27, false]);
    // The first 4 by id: the shared customers, 2 relations each.
    assert.equal((await friendships(pair.targetId)).length, 4 * 2);
    assert.equal(codeOf((await step(operator, pair, { step: 'finish' })).body), 'datamigration.wrong_step');
    assert.equal(codeOf((await step(operator, pair, { step: 'retry' })).body), 'datamigration.wrong_step');
  });

  it('seed rule "参与迁移的企业均需要在认证有效期内": the target’s certification lapsing mid-run halts the migration at the next batch, with the reason', async () => {
    const pair = await scene();
    await start(pair, 4);
    await runInterrupted(11);
    await certifyUntil(t.deps.db, pair.targetId, t.clock.now() + LEASE_MS);
    await keepSessions(t);
    await resume();
    const halted = await view(pair);
    assert.deepEqual([halted.status, halted.reason, halted.progress?.phase, halted.progress?.moved], ['halted', { code: 'target_not_certified', params: { corp: '唐云网络有限公司' } }, 'halted', 8]);
    assert.equal((await friendships(pair.targetId)).length, 4 * 2 + 1 + 3);
    // The system halted it: no one's name on that step.
    assert.deepEqual(halted.steps.map((s) => [s.status, s.actor]), [
      ['submitted', pair.client.me.account.name],
      ['approved', '运营小王'],
      ['paper_received', '运营小王'],
      ['migrating', '运营小王'],
      ['halted', null],
    ]);
    assert.equal(codeOf((await step(operator, pair, { step: 'finish' })).body), 'datamigration.wrong_step');
  });
  it('seed rule "不能在迁移期间变更认证主体": the source’s full name changing mid-run halts the migration at the next batch, with the rule', async () => {
    const pair = await scene();
    await start(pair, 4);
    await runInterrupted(10);
    assert.equal((await pair.client.patch('/api/v1/corp', { name: '唐云控股有限公司' })).status, 200);
    await resume();
    const halted = await view(pair);
    assert.deepEqual([halted.status, halted.reason, halted.progress?.phase, halted.progress?.moved], ['halted', { code: 'source_subject_changed', params: {} }, 'halted', 4]);
  });
});
