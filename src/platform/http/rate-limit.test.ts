import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';

/** A client address nobody else uses in this run (Redis counters outlive a test file). */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function statuses(t: TestApp, count: number, forwardedFor?: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await t.app.inject({ method: 'GET', url: '/healthz', headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })).statusCode);
  return out;
}

describe('rate limits behind a load balancer (--trust-proxy)', () => {
  let database: TestDatabase & { close(): Promise<void> };
  before(async () => {
    database = await openTestDatabase('sqlite');
  });
  after(() => database.close());

  it('with --trust-proxy 1 each client behind the proxy has its own counter; by default every client counts as the proxy', async () => {
    const trusting = await createTestApp(database, { rateLimitPerMinute: 3, trustProxy: 1 });
    const plain = await createTestApp(database, { rateLimitPerMinute: 3 });
    try {
      const [alice, bob] = [someAddress(), someAddress()];
      assert.deepEqual(await statuses(trusting, 4, alice), [200, 200, 200, 429]);
      assert.deepEqual(await statuses(trusting, 1, bob), [200]);
      // Not trusted: the header is ignored and both are the proxy's address.
      assert.deepEqual(await statuses(plain, 2, alice), [200, 200]);
      assert.deepEqual(await statuses(plain, 2, bob), [200, 429]);
    } finally {
      await Promise.all([trusting.close(), plain.close()]);
    }
  });
});

// Counters every process of a deployment sees: two apps on one database stand for two processes.
const postgres = process.env.TEST_DATABASE_URL;
const redis = process.env.TEST_REDIS_URL;
if (!postgres && process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
if (!redis && process.env.REQUIRE_REDIS === '1') throw new Error('REQUIRE_REDIS=1 but TEST_REDIS_URL is not set');

describe('rate-limit counters shared by every server process', { skip: postgres ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  let database: TestDatabase & { close(): Promise<void> };
  before(async () => {
    database = await openTestDatabase('postgres');
  });
  after(() => database.close());

  it('on PostgreSQL without Redis: two servers on one database allow the limit once between them, per client', async () => {
    const servers = [await createTestApp(database, { rateLimitPerMinute: 4, trustProxy: 1 }), await createTestApp(database, { rateLimitPerMinute: 4, trustProxy: 1 })];
    try {
      const client = someAddress();
      const seen = [...(await statuses(servers[0]!, 2, client)), ...(await statuses(servers[1]!, 2, client)), ...(await statuses(servers[0]!, 1, client)), ...(await statuses(servers[1]!, 1, client))];
      assert.deepEqual(seen, [200, 200, 200, 200, 429, 429]);
      assert.deepEqual(await statuses(servers[1]!, 1, someAddress()), [200]);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it('with Redis (BANYAN_REDIS_URL): the counters are in Redis, shared the same way', { skip: redis ? false : 'needs TEST_REDIS_URL' }, async () => {
    const servers = [await createTestApp(database, { rateLimitPerMinute: 4, trustProxy: 1, redisUrl: redis }), await createTestApp(database, { rateLimitPerMinute: 4, trustProxy: 1, redisUrl: redis })];
    try {
      const client = someAddress();
      const seen = [...(await statuses(servers[0]!, 3, client)), ...(await statuses(servers[1]!, 2, client))];
      assert.deepEqual(seen, [200, 200, 200, 200, 429]);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
