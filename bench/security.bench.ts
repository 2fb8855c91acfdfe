// 安全管理's check on every request to a governed surface (IP 访问限制 on mail and drive).
// 1. In process: decideIp over an allow list of 1,000 ranges (IPv4 and IPv6) with 10,000 exempt
//    members, and restricts() over a client policy scoped to 10,000 members; each call timed alone.
//    Baseline in the same run: the exempt-set lookup alone. Target: p99 ≤ 50 µs.
// 2. Over HTTP (SQLite): GET /api/v1/security/access/mail of an enterprise whose policy is on
//    (1,000 ranges, 10,000 exempt members in a department, the caller not exempt so every request
//    walks the list) against the same route of an enterprise without the feature. Target: ≤ 10% fewer req/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/server.ts';
import { testConfig } from '../test/support/app.ts';
import { DAY } from '../src/platform/clock.ts';
import { certifyUntil } from '../src/modules/corp/testing/index.ts';
import { DirectoryFixture } from '../src/modules/directory/testing/index.ts';
import { creditWallet } from '../src/modules/wallet/testing/index.ts';
import { compileIpPolicy, decideIp, IpAllowList, parseRange, restricts, type CompiledIpPolicy, type ParsedRange } from '../src/modules/security/testing/index.ts';
import { getMany, type LoadResult } from './http-load.ts';
import { register, send } from './http-session.ts';
import type { BenchResult } from './types.ts';
import { percentile, round } from './types.ts';

const RANGES = 1_000;
const MEMBERS = 10_000;
const CALLS = 200_000;
const DURATION_S = 5;
const ROUNDS = 3;
const CONNECTIONS = 20;

/** 900 IPv4 /24s spread over 10.0.0.0/8 and 100 IPv6 /48s, plus loopback (where the load comes from). */
function ranges(): string[] {
  const out: string[] = [];
  for (let i = 0; i < RANGES - 101; i++) out.push(`10.${(i * 7) % 256}.${(i * 13) % 256}.0/24`);
  for (let i = 0; i < 100; i++) out.push(`2001:db8:${(i * 97).toString(16)}::/48`);
  out.push('127.0.0.0/8');
  return out;
}

function timeEach(calls: number, work: (i: number) => unknown): number[] {
  const times = new Array<number>(calls);
  let sink = 0;
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    if (work(i)) sink++;
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  if (sink < 0) console.log(sink);
  return times;
}

function inProcess(): BenchResult['rows'] {
  const exempt = new Set(Array.from({ length: MEMBERS }, (_, i) => `mem_${String(i).padStart(26, '0')}`));
  const list = new IpAllowList(ranges().map((r) => parseRange(r) as ParsedRange));
  const policy: CompiledIpPolicy = { activeUntil: Number.MAX_SAFE_INTEGER, enabled: true, lists: { mail: list, drive: null }, exempt };
  const client = { activeUntil: Number.MAX_SAFE_INTEGER, enabled: true, scope: exempt, whitelist: new Set<string>() };
  const addresses = Array.from({ length: 1024 }, (_, i) => (i % 4 === 0 ? `2001:db8:${(i * 31).toString(16)}::${i}` : i % 4 === 1 ? `::ffff:10.${i % 256}.${(i * 3) % 256}.9` : `10.${i % 256}.${(i * 5) % 256}.${i % 200}`));
  const callers = Array.from({ length: 1024 }, (_, i) => (i % 2 === 0 ? `mem_${String(i).padStart(26, '0')}` : `mem_outsider${i}`));
  const now = Date.now();
  // Warm-up, so the JIT has compiled what is timed.
  timeEach(20_000, (i) => decideIp(policy, 'mail', callers[i & 1023]!, addresses[i & 1023]!, now).allowed);
  const rows = [
    { check: 'baseline: exempt-set lookup alone', times: timeEach(CALLS, (i) => exempt.has(callers[i & 1023]!)) },
    { check: `decideIp: ${RANGES.toLocaleString('en')} ranges, ${MEMBERS.toLocaleString('en')} exempt members`, times: timeEach(CALLS, (i) => decideIp(policy, 'mail', callers[i & 1023]!, addresses[i & 1023]!, now).allowed) },
    { check: `decideIp, caller never exempt (every call walks the list)`, times: timeEach(CALLS, (i) => decideIp(policy, 'mail', 'mem_outsider', addresses[i & 1023]!, now).allowed) },
    { check: `restricts: scope of ${MEMBERS.toLocaleString('en')} members`, times: timeEach(CALLS, (i) => restricts(client, callers[i & 1023]!, now)) },
  ];
  return rows.map((r) => ({ case: r.check, 'p50 µs': round(percentile(r.times, 50), 2), 'p99 µs': round(percentile(r.times, 99), 2), 'p99.9 µs': round(percentile(r.times, 99.9), 2) }));
}

export async function run(): Promise<BenchResult> {
  const rows = inProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'banyan-bench-security-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, workers: false, rateLimitPerMinute: 0 }));
  try {
    const off = await register(server.url, 'benchoff');
    const on = await register(server.url, 'benchon');
    const now = Date.now();
    await certifyUntil(server.deps.db, on.corpId, now + 365 * DAY);
    await creditWallet(server.deps.db, on.corpId, 1_000_000, now);
    const quote = (await (await fetch(`${server.url}/api/v1/features/security/quote?seats=1`, { headers: { cookie: on.cookie } })).json()) as { priceFen: number };
    await send(server.url, on, 'POST', '/api/v1/features/security/purchases', { seats: 1, quotedFen: quote.priceFen, idempotencyKey: 'bench-security-1' });
    const departmentId = await server.deps.db.transaction().execute(async (trx) => {
      const contacts = await DirectoryFixture.open(trx, on.corpId, () => now);
      const dept = await contacts.department('豁免部门');
      for (let i = 0; i < MEMBERS; i++) await contacts.member(`成员${i}`, [dept]);
      return dept;
    });
    await send(server.url, on, 'PUT', '/api/v1/security/ip-policy', { enabled: true, mail: ranges(), drive: [], exempt: { memberIds: [], departmentIds: [departmentId], tagIds: [] } });

    // What a cache miss costs: reading the policy, parsing 1,000 ranges, expanding 10,000 exempt members.
    const compiles: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await compileIpPolicy(server.deps.db, on.corpId);
      compiles.push(performance.now() - t0);
    }
    const load = (who: { cookie: string }) => getMany({ url: `${server.url}/api/v1/security/access/mail`, connections: CONNECTIONS, amount: Number.MAX_SAFE_INTEGER, durationS: DURATION_S, cookies: [who.cookie] });
    const runs: { off: LoadResult[]; on: LoadResult[] } = { off: [], on: [] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.off.push(await load(off));
      runs.on.push(await load(on));
    }
    const median = (list: LoadResult[]) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)]!;
    const base = median(runs.off);
    const governed = median(runs.on);
    const row = (name: string, r: LoadResult) => ({ case: name, 'req/s': round(r.perSecond, 0), 'p50 ms': round(r.p50, 2), 'p99 ms': round(r.p99, 2), failures: r.failures, 'vs off': round(r.perSecond / base.perSecond, 3) });
    const perRound = runs.on.map((r, i) => round(r.perSecond / runs.off[i]!.perSecond, 3)).join(', ');
    return {
      name: '安全管理 policy check: in process, and on a governed HTTP route vs the feature off (SQLite)',
      rows: [...rows, row('GET /api/v1/security/access/mail, feature off', base), row(`same route, IP limit on (${RANGES.toLocaleString('en')} ranges, ${MEMBERS.toLocaleString('en')} exempt)`, governed)],
      notes: [
        `In process: each of ${CALLS.toLocaleString('en')} calls timed alone with process.hrtime (so the figures include the timer's own cost, about the baseline's); addresses cycle through 1,024 IPv4, IPv4-mapped and IPv6 ones, callers half exempt. Target p99 ≤ 50 µs.`,
        `A cache miss (compileIpPolicy: policy read, ${RANGES.toLocaleString('en')} ranges parsed, ${MEMBERS.toLocaleString('en')} exempt members expanded) takes ${round(percentile(compiles, 50), 1)} ms (median of 5); it happens at most once a second per enterprise, or after a write request.`,
        `HTTP: ${CONNECTIONS} keep-alive connections from a worker thread for ${DURATION_S} s, each enterprise's creator signed in; the two cases alternate over ${ROUNDS} rounds, median round shown; per-round on ÷ off: ${perRound}. The compiled policy sits in the one-second read cache, so about once a second a request recompiles it. Target: on ÷ off ≥ 0.90 (measured ${round(governed.perSecond / base.perSecond, 3)}).`,
      ],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
