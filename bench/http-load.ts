// A closed-loop HTTP load generator in a worker thread (bench/http-load-worker.mjs), so the server
// under test has the main thread to itself as it would with real clients.
import { Worker } from 'node:worker_threads';
import { percentile } from './types.ts';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Requests sent in all (successes and failures), at most. */
  amount: number;
  /** Stop sending after this many seconds (the answers in flight are still counted). */
  durationS?: number;
}

export interface LoadResult {
  /** Successful (2xx) requests per second of the run: failures never count as throughput. */
  perSecond: number;
  /** 2xx answers. */
  succeeded: number;
  /** Latency percentiles of the successful requests, in ms. */
  p50: number;
  p99: number;
  /** Answers other than 2xx, and requests that failed. */
  failures: number;
  /** Wall time from the first request sent to the last answer, in seconds. */
  seconds: number;
}

function runWorker(options: LoadOptions & { method: 'GET' | 'POST'; cookies?: readonly string[]; headers?: Record<string, string> }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), { workerData: options, execArgv: [] });
    worker.once('message', ({ seconds, latencies, succeeded, failures }: { seconds: number; latencies: number[]; succeeded: number; failures: number }) =>
      resolve({ perSecond: succeeded / seconds, succeeded, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures, seconds }),
    );
    worker.once('error', reject);
  });
}

/** Posts `amount` JSON bodies `{ externalId, name }`, a customer never seen before each. */
export function postNewCustomers(options: LoadOptions): Promise<LoadResult> {
  return runWorker({ ...options, method: 'POST' });
}

/** Sends `amount` GETs; with `cookies`, request i carries cookies[i % cookies.length] (one session each, in turn); `headers` go with every one. */
export function getMany(options: LoadOptions & { cookies?: readonly string[]; headers?: Record<string, string> }): Promise<LoadResult> {
  return runWorker({ ...options, method: 'GET' });
}
