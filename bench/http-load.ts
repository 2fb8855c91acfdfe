// A closed-loop HTTP load generator in a worker thread (bench/http-load-worker.mjs), so the server
// under test has the main thread to itself as it would with real clients.
import { Worker } from 'node:worker_threads';
import { percentile } from './types.ts';

export interface LoadOptions {
  url: string;
  connections: number;
  amount: number;
}

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, and requests that failed. */
  failures: number;
}

/** Posts `amount` JSON bodies `{ externalId, name }`, a customer never seen before each. */
export function postNewCustomers(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url), { workerData: options, execArgv: [] });
    worker.once('message', ({ seconds, latencies, failures }: { seconds: number; latencies: number[]; failures: number }) =>
      resolve({ perSecond: options.amount / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures }),
    );
    worker.once('error', reject);
  });
}
