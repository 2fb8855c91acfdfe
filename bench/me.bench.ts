// Authenticated GET /api/v1/me against a bare Fastify route, in the same run, on SQLite, twice: with
// one session, which the one-second read cache answers (the session and the /me answer), and with
// many sessions taken in turn, so each request finds neither in the cache and pays the uncached path
// (the session read, then about ten queries for the account, its enterprises, member and roles).
// Target: the ratio of requests per second ≥ 0.5 (the cached figure, as a console reloading pages sees it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { startServer } from '../src/server.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { COOKIES } from '../src/platform/http/auth.ts';
import { testConfig } from '../test/support/app.ts';
import { getMany, type LoadResult } from './http-load.ts';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const DURATION_S = 5;
// The three cases alternate and the median of each is reported: the machine is shared.
const ROUNDS = 3;
const CONNECTIONS = 20;
/** Sessions for the uncached case: one comes round again only after this many requests, long after its second in the cache. */
const SESSIONS = 20_000;

export async function run(): Promise<BenchResult> {
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareAddress = bare.server.address() as { port: number };

  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-me-'));
  // Rate limiting is off: it would turn most of the load into 429s.
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  try {
    const register = await fetch(`${server.url}/api/v1/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: { name: '压测', loginName: 'bench', password: 'password123' }, corp: { name: '压测企业', shortName: '压测', industry: 'general' } }),
    });
    const { me } = (await register.json()) as { me: { account: { id: string }; currentCorp: { id: string } } };
    const cookie = register.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    // The same account signed in from many browsers: each session has its own cache entries.
    const now = Date.now();
    const cookies = await server.deps.db.transaction().execute(async (trx) => {
      const out: string[] = [];
      for (let i = 0; i < SESSIONS; i++) out.push(`${COOKIES.session}=${(await createSession(trx, now, { kind: 'account', id: me.account.id, corpId: me.currentCorp.id })).cookie}`);
      return out;
    });

    const load = (url: string, sessionCookies?: string[]) => getMany({ url, connections: CONNECTIONS, amount: Number.MAX_SAFE_INTEGER, durationS: DURATION_S, ...(sessionCookies ? { cookies: sessionCookies } : {}) });
    const runs: { bare: LoadResult[]; cached: LoadResult[]; uncached: LoadResult[] } = { bare: [], cached: [], uncached: [] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.bare.push(await load(`http://127.0.0.1:${bareAddress.port}/bare`));
      runs.cached.push(await load(`${server.url}/api/v1/me`, [cookie]));
      runs.uncached.push(await load(`${server.url}/api/v1/me`, cookies));
    }
    const median = (list: LoadResult[]) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)]!;
    const baseline = median(runs.bare);
    const cached = median(runs.cached);
    const uncached = median(runs.uncached);
    const row = (name: string, r: LoadResult) => ({ case: name, 'req/s': round(r.perSecond, 0), 'p50 ms': round(r.p50, 2), 'p99 ms': round(r.p99, 2), failures: r.failures, 'vs bare': round(r.perSecond / baseline.perSecond, 2) });
    const perRound = (list: LoadResult[]) => list.map((r, i) => round(r.perSecond / runs.bare[i]!.perSecond, 2)).join(', ');
    const busiest = Math.max(...runs.uncached.map((r) => r.perSecond));
    return {
      name: 'GET /api/v1/me vs a bare Fastify route (SQLite), cached and uncached',
      rows: [
        row('bare Fastify route', baseline),
        row('GET /api/v1/me, one session (read cache answers)', cached),
        row(`GET /api/v1/me, ${SESSIONS.toLocaleString('en')} sessions in turn (uncached)`, uncached),
      ],
      notes: [
        `What each figure times: req/s = successful (2xx) answers ÷ the wall time from the first request sent to the last answer; failures (non-2xx or broken connections) are counted apart and never as throughput; p50/p99 are of the successful requests. ${CONNECTIONS} keep-alive connections, a new request as soon as one is answered, for ${DURATION_S} s, from a load generator in a worker thread of the same process.`,
        `The three cases alternate over ${ROUNDS} rounds and each row is the median round. vs bare = the row's req/s ÷ the bare route's median; per round, cached: ${perRound(runs.cached)}; uncached: ${perRound(runs.uncached)}.`,
        `One session: every request carries the same cookie, so after the first in each second the session and the /me answer come from the one-second read cache. Many sessions: request i carries session i mod ${SESSIONS.toLocaleString('en')} of the same account, so a session comes round again only after ${SESSIONS.toLocaleString('en')} requests (≥ ${round(SESSIONS / busiest, 1)} s at the fastest uncached round), and each request reads its session and builds /me from the database.`,
        `Target: /me ÷ bare ≥ 0.5 (cached ${round(cached.perSecond / baseline.perSecond, 2)}, uncached ${round(uncached.perSecond / baseline.perSecond, 2)}).`,
      ],
    };
  } finally {
    await server.close();
    await bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
