// Authenticated GET /api/v1/me against a bare Fastify route, in the same run, on SQLite.
// Target: the ratio of requests per second ≥ 0.5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import type { BenchResult } from './types.ts';
import { round } from './types.ts';

const DURATION_S = 5;
// Bare and /me runs alternate and the median of each is reported: the machine is shared.
const ROUNDS = 3;
const CONNECTIONS = 20;

async function load(url: string, headers: Record<string, string> = {}): Promise<{ rps: number; p99: number; errors: number }> {
  // The load generator runs in a worker thread, so the server under test has the main thread to itself.
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers, workers: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

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
    const cookie = register.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const bareRuns: Awaited<ReturnType<typeof load>>[] = [];
    const meRuns: Awaited<ReturnType<typeof load>>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bareRuns.push(await load(`http://127.0.0.1:${bareAddress.port}/bare`));
      meRuns.push(await load(`${server.url}/api/v1/me`, { cookie }));
    }
    const median = (runs: Awaited<ReturnType<typeof load>>[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
    const baseline = median(bareRuns);
    const me = median(meRuns);
    const ratio = me.rps / baseline.rps;
    return {
      name: 'GET /api/v1/me vs a bare Fastify route (SQLite)',
      rows: [
        { case: 'bare Fastify route', 'req/s': round(baseline.rps, 0), 'p99 ms': baseline.p99, errors: baseline.errors },
        { case: 'authenticated GET /api/v1/me', 'req/s': round(me.rps, 0), 'p99 ms': me.p99, errors: me.errors },
      ],
      notes: [
        `ratio /me ÷ bare = ${round(ratio, 2)} (target ≥ 0.5); every round: ${bareRuns.map((b, i) => round(meRuns[i]!.rps / b.rps, 2)).join(', ')}`,
        `median of ${ROUNDS} alternating rounds, ${CONNECTIONS} connections, ${DURATION_S} s each, load generator in a worker thread of the same process`,
      ],
    };
  } finally {
    await server.close();
    await bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
