import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDialect } from '../../../test/support/db.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/support/app.ts';
import { seedCustomers } from '../customers/testing/index.ts';
import { DirectoryFixture } from '../directory/testing/index.ts';
import { operatorClient } from '../wallet/testing/index.ts';
import { failuresPage, paperReceivedPair, step, type FailureView, type MigrationView } from './testing/index.ts';

/**
 * What the consoles page through: the 未迁移成功 list of a run beyond its first hundred, the
 * operator's open applications, and the checklist of materials per relationship.
 */
describeEachDialect('数据迁移: the failed list and the operator queue page by cursor; the materials checklist', (use) => {
  let t: TestApp;
  let dataDir: string;
  let operator: Client;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banyan-dmig-pages-'));
    t = await createTestApp(use(), { dataDir });
    operator = await operatorClient(t);
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('未迁移成功 beyond 100: 130 failures come as 100 then 30, to the source, the target and the operator alike; another enterprise gets not_found', async () => {
    const pair = await paperReceivedPair(t, operator);
    // 赵六 has no match in the target: each of his 130 customers fails with no_matching_member.
    const zhao = await (await DirectoryFixture.open(t.deps.db, pair.sourceId, () => t.clock.now())).member('赵六', undefined, { userid: 'zhaoliu' });
    await seedCustomers(t.deps.db, pair.sourceId, zhao, 130, t.clock.now(), 'zhao');
    assert.equal((await step(operator, pair, { step: 'start' })).status, 200);
    await t.deps.jobs.runDue();
    const view = (await pair.client.get<{ items: MigrationView[] }>('/api/v1/data-migrations')).body.items.find((m) => m.id === pair.migrationId)!;
    assert.deepEqual([view.progress?.phase, view.progress?.moved, view.progress?.failed], ['done', 0, 130]);

    const first = await failuresPage(pair, '?limit=100');
    assert.equal(first.items.length, 100);
    assert.deepEqual(first.items[0]!.detail, { members: ['赵六'] });
    assert.equal(first.nextCursor, first.items[99]!.customerId);
    const second = await failuresPage(pair, `?limit=100&cursor=${first.nextCursor}`);
    assert.deepEqual([second.items.length, second.nextCursor], [30, null]);
    const all = [...first.items, ...second.items].map((f) => f.customerId);
    assert.equal(new Set(all).size, 130);
    assert.deepEqual(all, [...all].sort());

    // The default page is 50; the target enterprise (the same admin, switched) reads the same list.
    assert.equal((await failuresPage(pair)).items.length, 50);
    assert.equal((await pair.client.put('/api/v1/me/current-corp', { corpId: pair.targetId })).status, 200);
    assert.deepEqual((await failuresPage(pair, '?limit=100')).items, first.items);
    const byOperator = await operator.get<{ items: FailureView[]; nextCursor: string | null }>(`/api/v1/operator/corps/${pair.sourceId}/data-migrations/${pair.migrationId}/failures?limit=100&cursor=${first.nextCursor}`);
    assert.deepEqual(byOperator.body, second);

    const stranger = await t.register({ corpName: '无关企业有限公司' });
    const foreign = await stranger.get<{ error: { code: string } }>(`/api/v1/data-migrations/${pair.migrationId}/failures`);
    assert.deepEqual([foreign.status, foreign.body.error.code], [404, 'not_found']);
    assert.equal((await operator.get(`/api/v1/operator/corps/${stranger.me.currentCorp!.id}/data-migrations/${pair.migrationId}/failures`)).status, 404);
  });

  it('the operator queue pages oldest first: limit 1 gives one application and a cursor to the next', async () => {
    const a = await paperReceivedPair(t, operator);
    const b = await paperReceivedPair(t, operator);
    const open: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: MigrationView[]; nextCursor: string | null } } = await operator.get(`/api/v1/operator/data-migrations?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(res.body.items.length <= 1);
      open.push(...res.body.items.map((m) => m.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.deepEqual(open.filter((id) => id === a.migrationId || id === b.migrationId), [a.migrationId, b.migrationId]);
    assert.deepEqual(open, [...open].sort());
  });

  it('seed rule "视具体关系提供相关资料": the checklist per relationship, the letter and the licence always, one of two for the trademark', async () => {
    const client = await t.register({ corpName: '清单企业有限公司' });
    const res = await client.get<{ items: { relation: string; required: string[][] }[] }>('/api/v1/data-migration-requirements');
    assert.equal(res.status, 200);
    const base = [['entrustment_letter'], ['business_licence']];
    assert.deepEqual(res.body.items, [
      { relation: 'brand', required: [...base, ['brand_authorization'], ['agency_authorization']] },
      { relation: 'trademark', required: [...base, ['trademark_certificate'], ['trademark_authorization', 'trademark_licence_filing']] },
      { relation: 'software', required: [...base, ['software_copyright'], ['name_authorization']] },
      { relation: 'website', required: [...base, ['icp_screenshot'], ['name_authorization']] },
      { relation: 'app', required: [...base, ['app_ownership_screenshot'], ['name_authorization']] },
      { relation: 'same_name', required: base },
    ]);
  });
});
