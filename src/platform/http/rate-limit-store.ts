import { sql } from 'kysely';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/tables.ts';
import { tables } from '../platform.tables.ts';

/** The store as @fastify/rate-limit calls it (its published types omit the window and the route). */
type Increment = (key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) => void;

/**
 * @fastify/rate-limit's counters in PostgreSQL, so every server process on the database counts the
 * same requests (used when no Redis is configured). One statement per request: an upsert that
 * starts a new window when the old one is over, or counts one more in it.
 */
export function postgresRateLimitStore(db: Db, clock: () => number = Date.now): FastifyRateLimitStoreCtor {
  class PostgresStore {
    constructor(private readonly prefix = 'global:') {}

    incr: Increment = (key, callback, timeWindow) => {
      const now = clock();
      const expired = sql<boolean>`rate_limits.window_start + ${timeWindow} <= ${now}`;
      tables(db)
        .insertInto('rate_limits')
        .values({ key: this.prefix + key, window_start: now, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
            window_start: sql<number>`case when ${expired} then ${now} else rate_limits.window_start end`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow()
        .then((row) => callback(null, { current: Number(row.count), ttl: Number(row.window_start) + timeWindow - now }))
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    };

    child(routeOptions: { routeInfo: { method: string; url: string } }): PostgresStore {
      return new PostgresStore(`${routeOptions.routeInfo.method}${routeOptions.routeInfo.url}:`);
    }
  }
  return PostgresStore as unknown as FastifyRateLimitStoreCtor;
}

export const RATE_LIMIT_SWEEP_JOB = 'platform.rate_limits.sweep';

/** Counters of windows over an hour ago: no limit Banyan sets is longer than a minute. */
export async function deleteStaleRateLimits(db: Db, now: number): Promise<number> {
  const done = await tables(db).deleteFrom('rate_limits').where('window_start', '<', now - 3600_000).executeTakeFirst();
  return Number(done.numDeletedRows);
}
