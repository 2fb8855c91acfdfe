// A closed-loop HTTP client in a worker thread (bench/http-requests-worker.mjs) for a given list of
// JSON requests (POST unless one names its method), each with its own path, body and headers (a member's session cookie and CSRF header,
// say), so the server under test has the main thread to itself. Every answer comes back: the caller
// decides which count as done.
import { Worker } from 'node:worker_threads';

export interface HttpRequest {
  /** POST when not given; a GET is sent without a body. */
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  body: unknown;
  headers?: Record<string, string>;
  /** Not sent before this many ms after the run's start (a replayed arrival); its latency counts from then. */
  atMs?: number;
}

export interface HttpAnswer<B = unknown> {
  status: number;
  body: B | null;
  /** From just before the request was sent to the end of its response. */
  ms: number;
}

export interface HttpRun<B = unknown> {
  /** From the first request sent to the last response, in the worker. */
  seconds: number;
  results: HttpAnswer<B>[];
}

export function postAll<B = unknown>(base: string, connections: number, requests: HttpRequest[]): Promise<HttpRun<B>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-requests-worker.mjs', import.meta.url), { workerData: { base, connections, requests }, execArgv: [] });
    worker.once('message', (run: HttpRun<B>) => {
      resolve(run);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
