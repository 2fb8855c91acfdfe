// user/get through the WeCom-compatible facade (GET /cgi-bin/user/get with the contacts-sync
// secret's token) against the same read over REST (GET /api/v1/contacts/members/:id with an API
// token holding contacts.read), in the same run on SQLite, alternating. Both run the directory's
// one `members.get` command; the facade adds its token check, the userid lookup and the integer
// department ids. Then message/send through the facade (an app secret's token) against the same
// send over REST (POST /api/v1/apps/:appId/messages as the creator's session), in the same run,
// alternating: both run the apps module's one send command. Target for both: facade ÷ REST ≥ 0.8.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import { getMany, type LoadResult } from './http-load.ts';
import { postAll, type HttpRequest } from './http-requests.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const DURATION_S = 5;
const ROUNDS = 3;
const CONNECTIONS = 20;
/** Sends per run of message/send (each a new message, so each is delivered). */
const SENDS = 1500;

interface SendRun {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

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

    // message/send: one app whose visible range is the root department, one recipient named.
    const app = await asOwner<{ app: { id: string }; secret: string }>('POST', '/api/v1/apps', { name: '压测应用', description: '', visibleRange: { memberIds: [], departmentIds: [root.items[0]!.id], tagIds: [] } });
    const appToken = ((await (await fetch(`${server.url}/cgi-bin/gettoken?corpid=${me.currentCorp.id}&corpsecret=${app.secret}`)).json()) as { access_token: string }).access_token;
    const agentid = ((await (await fetch(`${server.url}/cgi-bin/agent/list?access_token=${appToken}`)).json()) as { agentlist: { agentid: number }[] }).agentlist[0]!.agentid;
    const session = { cookie: cookies.join('; '), 'x-csrf-token': csrf };
    const sends = { rest: [] as SendRun[], facade: [] as SendRun[] };
    const timed = async (requests: HttpRequest[], ok: (status: number, body: unknown) => boolean) => {
      const done = await postAll(server.url, CONNECTIONS, requests);
      const good = done.results.filter((r) => ok(r.status, r.body));
      const ms = good.map((r) => r.ms);
      return { perSecond: good.length / done.seconds, p50: percentile(ms, 50), p99: percentile(ms, 99), failures: done.results.length - good.length };
    };
    for (let i = 0; i < ROUNDS; i++) {
      const restSends = Array.from({ length: SENDS }, (_, n) => ({ path: `/api/v1/apps/${app.app.id}/messages`, headers: session, body: { recipients: { memberIds: [member.id] }, title: '压测', body: `第 ${n} 条`, idempotencyKey: `bench-${i}-${n}` } }));
      sends.rest.push(await timed(restSends, (status) => status === 200));
      const facadeSends = Array.from({ length: SENDS }, (_, n) => ({ path: `/cgi-bin/message/send?access_token=${appToken}`, body: { touser: 'zhangsan', msgtype: 'text', agentid, text: { content: `第 ${n} 条` } } }));
      sends.facade.push(await timed(facadeSends, (status, body) => status === 200 && (body as { errcode?: number } | null)?.errcode === 0));
    }
    const medianSend = (list: typeof sends.rest) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)]!;
    const restSend = medianSend(sends.rest);
    const facadeSend = medianSend(sends.facade);
    const sendRow = (name: string, r: typeof restSend) => ({ case: name, 'req/s': round(r.perSecond, 0), 'p50 ms': round(r.p50, 2), 'p99 ms': round(r.p99, 2), failures: r.failures, 'vs REST': round(r.perSecond / restSend.perSecond, 2) });
    const median = (list: LoadResult[]) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)]!;
    const rest = median(runs.rest);
    const facade = median(runs.facade);
    const row = (name: string, r: LoadResult) => ({ case: name, 'req/s': round(r.perSecond, 0), 'p50 ms': round(r.p50, 2), 'p99 ms': round(r.p99, 2), failures: r.failures, 'vs REST': round(r.perSecond / rest.perSecond, 2) });
    return {
      name: 'WeCom user/get and message/send through the facade vs the same operations over REST (SQLite)',
      rows: [
        row('GET /api/v1/contacts/members/:id (REST, API token)', rest),
        row('GET /cgi-bin/user/get (facade, sync-secret token)', facade),
        sendRow('POST /api/v1/apps/:appId/messages (REST, session)', restSend),
        sendRow('POST /cgi-bin/message/send (facade, app token)', facadeSend),
      ],
      notes: [
        `req/s = 2xx answers ÷ wall time from the first request to the last answer; ${CONNECTIONS} keep-alive connections, closed loop, ${DURATION_S} s per run, load generator in a worker thread; the two alternate over ${ROUNDS} rounds and each row is the median round (per round: ${runs.facade.map((r, i) => round(r.perSecond / runs.rest[i]!.perSecond, 2)).join(', ')}).`,
        `Both answered the member before the runs; the facade still answered errcode ${after.errcode} after them (it answers HTTP 200 even on errors, so this check is what makes its 2xx count honest).`,
        `Target: facade ÷ REST ≥ 0.8 (this run: ${round(facade.perSecond / rest.perSecond, 2)}).`,
        `message/send: ${SENDS} sends per run (each a new message to one member, counted when REST answers 200 / the facade errcode 0), ${CONNECTIONS} connections, alternating over ${ROUNDS} rounds, median round; per round facade ÷ REST ${sends.facade.map((r, i) => round(r.perSecond / sends.rest[i]!.perSecond, 2)).join(', ')}; this run ${round(facadeSend.perSecond / restSend.perSecond, 2)} (target ≥ 0.8).`,
      ],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
