/**
 * Fixtures for data-migration tests: two certified enterprises of one admin (唐云科技有限公司, the
 * source, signed in, and 唐云网络有限公司) with an application the operator has taken to the step
 * before the move, built through the API as an admin and the operator would.
 */
import assert from 'node:assert/strict';
import type { Client, Me, TestApp } from '../../../../test/support/app.ts';
import { DAY } from '../../../platform/clock.ts';
import { certifyUntil } from '../../corp/testing/index.ts';

/** Customers per batch of a run (tests and benchmarks make a run's batches smaller or read it). */
export { BATCH_SIZE } from '../datamigration.service.ts';

/** Why an application was rejected or halted: a code and its values (an operator's text is `operator`, `params.text`). */
export interface Reason {
  code: string;
  params: Record<string, string>;
}

export interface MigrationView {
  id: string;
  status: string;
  reason: Reason | null;
  steps: { status: string; actor: string | null; reason: Reason | null }[];
  progress: {
    phase: string;
    total: number;
    moved: number;
    failed: number;
    givenUp: number;
    pending: number;
    canFinish: boolean;
  } | null;
}

export interface FailureView {
  customerId: string;
  name: string;
  reason: string;
  givenUp: boolean;
  detail: { members?: string[]; limit?: number };
}

/** One page of the application's 未迁移成功 list, as the enterprise sees it. */
export async function failuresPage(pair: Pick<Pair, 'client' | 'migrationId'>, query = ''): Promise<{ items: FailureView[]; nextCursor: string | null }> {
  const res = await pair.client.get<{ items: FailureView[]; nextCursor: string | null }>(`/api/v1/data-migrations/${pair.migrationId}/failures${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

export interface Pair {
  client: Client & { me: Me };
  sourceId: string;
  targetId: string;
  migrationId: string;
}

let scans = 0;

async function upload(client: Client): Promise<string> {
  const form = new FormData();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`material-${process.pid}-${++scans}`)]);
  form.append('file', new Blob([new Uint8Array(png)]), '材料.png');
  const res = await client.postForm<{ id: string }>('/api/v1/certification/files', form);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** The operator's step on the pair's application. */
export const step = (operator: Client, pair: Pick<Pair, 'sourceId' | 'migrationId'>, body: { step: string; reason?: string }) =>
  operator.post<MigrationView>(`/api/v1/operator/corps/${pair.sourceId}/data-migrations/${pair.migrationId}/steps`, body);

/** An application (网站 relationship) approved and with its paper copies received: the next step starts the move. */
export async function paperReceivedPair(t: TestApp, operator: Client): Promise<Pair> {
  const client = await t.register({ corpName: '唐云科技有限公司' });
  const sourceId = client.me.currentCorp!.id;
  await client.patch('/api/v1/corp', { shortName: '唐云科技' });
  const created = await client.post<{ me: Me }>('/api/v1/corps', { name: '唐云网络有限公司', shortName: '唐云', industry: 'general' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const targetId = created.body.me.currentCorp!.id;
  await client.put('/api/v1/me/current-corp', { corpId: sourceId });
  await certifyUntil(t.deps.db, sourceId, t.clock.now() + 365 * DAY);
  await certifyUntil(t.deps.db, targetId, t.clock.now() + 365 * DAY);
  const materials: Record<string, string> = {};
  for (const k of ['entrustment_letter', 'business_licence', 'icp_screenshot', 'name_authorization']) materials[k] = await upload(client);
  const applied = await client.post<MigrationView>('/api/v1/data-migrations', { targetCorpId: targetId, relation: 'website', materials });
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const pair = { client, sourceId, targetId, migrationId: applied.body.id };
  for (const s of ['approve', 'paper_received']) assert.equal((await step(operator, pair, { step: s })).status, 200, s);
  return pair;
}
