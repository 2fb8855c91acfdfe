// user/get through the WeCom-compatible facade (GET /cgi-bin/user/get with the contacts-sync
// secret's token) against the same read over REST (GET /api/v1/contacts/members/:id with an API
// token holding contacts.read), in the same run on SQLite, alternating. Both run the directory's
// one `members.get` command; the facade adds its token check, the userid lookup and the integer
// department ids. Target: facade ÷ REST ≥ 0.8.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import { getMany, type LoadResult } from './http-load.ts';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const DURATION_S = 5;
const ROUNDS = 3;
const CONNECTIONS = 20;

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-wecom-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, wecomPort: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  try {
    const register = await fetch(`${server.url}/api/v1/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: { name: '压测', loginName: 'bench', password: 'password123' }, corp: { name: '压测企业', shortName: '压测', industry: 'general' } }),
    });
    const { me } = (await register.json()) as { me: { currentCorp: { id: string } } };
    const cookies = register.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const csrf = cookies.find((c) => c.startsWith('banyan_csrf='))!.split('=')[1]!;
    const asOwner = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${server.url}${path}`, { method, headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      return (await res.json()) as T;
    };
    const root = (await (await fetch(`${server.url}/api/v1/contacts/departments`, { headers: { cookie: cookies.join('; ') } })).json()) as { items: { id: string }[] };
    const member = await asOwner<{ id: string }>('POST', '/api/v1/contacts/members', { name: '张三', userid: 'zhangsan', phone: '13800000001', departmentIds: [root.items[0]!.id] });
    const bearer = (await asOwner<{ secret: string }>('POST', '/api/v1/api-tokens', { name: 'bench', rights: ['contacts.read'] })).secret;
    const sync = (await asOwner<{ secret: string }>('POST', '/api/v1/wecom/sync-secret')).secret;
    const token = ((await (await fetch(`${server.url}/cgi-bin/gettoken?corpid=${me.currentCorp.id}&corpsecret=${sync}`)).json()) as { access_token: string }).access_token;

    const facadeUrl = `${server.url}/cgi-bin/user/get?access_token=${token}&userid=zhangsan`;
    const restUrl = `${server.url}/api/v1/contacts/members/${member.id}`;
    // The facade answers errors with HTTP 200 too: check both answer the member before timing them.
    const facadeAnswer = (await (await fetch(facadeUrl)).json()) as { errcode: number; name: string };
    const restAnswer = (await (await fetch(restUrl, { headers: { authorization: `Bearer ${bearer}` } })).json()) as { name: string };
    if (facadeAnswer.errcode !== 0 || facadeAnswer.name !== '张三' || restAnswer.name !== '张三') throw new Error(`unexpected answers ${JSON.stringify({ facadeAnswer, restAnswer })}`);

    const runs: { rest: LoadResult[]; facade: LoadResult[] } = { rest: [], facade: [] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.rest.push(await getMany({ url: restUrl, connections: CONNECTIONS, amount: Number.MAX_SAFE_INTEGER, durationS: DURATION_S, headers: { authorization: `Bearer ${bearer}` } }));
      runs.facade.push(await getMany({ url: facadeUrl, connections: CONNECTIONS, amount: Number.MAX_SAFE_INTEGER, durationS: DURATION_S }));
    }
    const after = (await (await fetch(facadeUrl)).json()) as { errcode: number };
    const median = (list: LoadResult[]) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)]!;
    const rest = median(runs.rest);
    const facade = median(runs.facade);
    const row = (name: string, r: LoadResult) => ({ case: name, 'req/s': round(r.perSecond, 0), 'p50 ms': round(r.p50, 2), 'p99 ms': round(r.p99, 2), failures: r.failures, 'vs REST': round(r.perSecond / rest.perSecond, 2) });
    return {
      name: 'WeCom user/get through the facade vs the same read over REST (SQLite)',
      rows: [row('GET /api/v1/contacts/members/:id (REST, API token)', rest), row('GET /cgi-bin/user/get (facade, sync-secret token)', facade)],
      notes: [
        `req/s = 2xx answers ÷ wall time from the first request to the last answer; ${CONNECTIONS} keep-alive connections, closed loop, ${DURATION_S} s per run, load generator in a worker thread; the two alternate over ${ROUNDS} rounds and each row is the median round (per round: ${runs.facade.map((r, i) => round(r.perSecond / runs.rest[i]!.perSecond, 2)).join(', ')}).`,
        `Both answered the member before the runs; the facade still answered errcode ${after.errcode} after them (it answers HTTP 200 even on errors, so this check is what makes its 2xx count honest).`,
        `Target: facade ÷ REST ≥ 0.8 (this run: ${round(facade.perSecond / rest.perSecond, 2)}).`,
      ],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
