// 审批数据 (issue 12): the admin's request list and its .xlsx export over HTTP, on SQLite, with
// 20,000 requests of 10 templates in the enterprise. Each page query is timed 200 times over HTTP
// (session, authorizer, scope, names of the page's people, serialisation) and, in the same run, the
// same SELECT run directly on the same database (the baseline: what the rows alone cost). The export
// streams one template's 2,000 requests; its baseline reads the same rows in one SELECT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../src/platform/ids.ts';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import { tablesOf } from '../test/support/tables.ts';
import { register } from './http-session.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const REQUESTS = 20_000;
const TEMPLATES = 10;
const ROUNDS = 200;
const STATUSES = ['running', 'approved', 'rejected', 'withdrawn'] as const;

async function timed(rounds: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times;
}

export async function run(): Promise<BenchResult> {
  const rows: Record<string, string | number>[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-apprdata-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  try {
    const who = await register(server.url, 'benchapprdata');
    const db = tablesOf(server.deps.db);
    const { id: memberId } = await db.selectFrom('members').select('id').where('corp_id', '=', who.corpId).executeTakeFirstOrThrow();
    const templateIds: string[] = [];
    for (let i = 0; i < TEMPLATES; i++) {
      const res = await fetch(`${server.url}/api/v1/approvals/templates`, {
        method: 'POST',
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `模板${i}`, form: [{ id: 'reason', type: 'text', label: '事由', required: true }], flow: [{ id: 'a', kind: 'approver', name: '审批', assignee: { type: 'members', memberIds: [memberId], mode: 'all' } }] }),
      });
      templateIds.push(((await res.json()) as { id: string }).id);
    }
    // The requests go in directly: the list reads them, it does not care how they were made.
    const start = Date.parse('2026-01-01T00:00:00+08:00');
    for (let batch = 0; batch < REQUESTS; batch += 500) {
      const values = Array.from({ length: 500 }, (_, k) => {
        const i = batch + k;
        const at = start + i * 60_000;
        return { corp_id: who.corpId, id: newId('apr', at), template_id: templateIds[i % TEMPLATES]!, template_name: `模板${i % TEMPLATES}`, builtin_kind: null, snapshot_json: '{}', applicant_id: memberId, submitter_id: memberId, status: STATUSES[i % 4]!, form_json: '{}', path_json: '[]', mentions_json: '[]', current_step: 0, version: 1, created_at: at, updated_at: at, finished_at: i % 4 === 0 ? null : at };
      });
      await db.insertInto('approval_instances').values(values).execute();
    }

    const from = start + 5 * 86_400_000;
    const to = from + 86_400_000;
    const cases: { name: string; query: string; sql: () => Promise<unknown> }[] = [
      { name: 'first page (50), no filter', query: 'limit=50', sql: () => db.selectFrom('approval_instances').selectAll().where('corp_id', '=', who.corpId).orderBy('id', 'desc').limit(51).execute() },
      {
        name: 'one template (50)',
        query: `limit=50&templateId=${templateIds[3]}`,
        sql: () => db.selectFrom('approval_instances').selectAll().where('corp_id', '=', who.corpId).where('template_id', 'in', [templateIds[3]!]).orderBy('id', 'desc').limit(51).execute(),
      },
      {
        name: 'approved, one day (50)',
        query: `limit=50&status=approved&from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`,
        sql: () => db.selectFrom('approval_instances').selectAll().where('corp_id', '=', who.corpId).where('status', '=', 'approved').where('created_at', '>=', from).where('created_at', '<', to).orderBy('id', 'desc').limit(51).execute(),
      },
    ];
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: who.cookie } }).then(async (res) => {
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.arrayBuffer();
    });
    for (const c of cases) {
      // Both take turns by round, so a change in the machine's load touches them alike.
      const http: number[] = [];
      const sql: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        http.push(...(await timed(1, () => get(`/api/v1/approvals/data?${c.query}`))));
        sql.push(...(await timed(1, c.sql)));
      }
      const [h, s] = [percentile(http, 50), percentile(sql, 50)];
      rows.push({ case: c.name, sqlMedianMs: round(s, 2), httpMedianMs: round(h, 2), httpP99Ms: round(percentile(http, 99), 2), ratio: round(h / s, 1) });
    }

    const exportQuery = `lang=zh-CN&templateId=${templateIds[3]}`;
    const exportTimes: number[] = [];
    const exportSql: number[] = [];
    for (let i = 0; i < 10; i++) {
      exportTimes.push(...(await timed(1, () => get(`/api/v1/approvals/data/export?${exportQuery}`))));
      exportSql.push(...(await timed(1, () => db.selectFrom('approval_instances').selectAll().where('corp_id', '=', who.corpId).where('template_id', '=', templateIds[3]!).orderBy('id', 'desc').execute())));
    }
    const [e, es] = [percentile(exportTimes, 50), percentile(exportSql, 50)];
    rows.push({ case: `export .xlsx, one template (${REQUESTS / TEMPLATES} rows)`, sqlMedianMs: round(es, 2), httpMedianMs: round(e, 1), httpP99Ms: round(percentile(exportTimes, 99), 1), ratio: round(e / es, 1) });
    return {
      name: 'approval-data',
      rows,
      notes: [`${REQUESTS} requests of ${TEMPLATES} templates; ${ROUNDS} rounds per page query, 10 exports; the HTTP client (fetch) shares the server's process.`],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
