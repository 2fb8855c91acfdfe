// The worker thread of bench/http-load.ts (plain JavaScript: a worker does not inherit the
// TypeScript loader). Each of `connections` keep-alive connections sends its next request as soon as
// the last one is answered, until `amount` requests were answered; timing starts here, once the
// worker is up, so its start-up is not counted. With `durationS`, no request is sent after that many
// seconds (those in flight are still waited for). A POST carries `{ externalId, name }`, a customer
// never seen before each; a GET carries the next cookie of `cookies` (round robin), when given.
// Only 2xx answers are successes: their count and their latencies are reported, failures apart.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

function send(agent, url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const { url, connections, amount, method = 'POST', cookies = [], headers: fixedHeaders = {}, durationS } = workerData;
const deadline = durationS === undefined ? Infinity : durationS * 1000;
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const run = globalThis.crypto.randomUUID().slice(0, 8);
const latencies = [];
let next = 0;
let succeeded = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    for (let i = next++; i < amount && performance.now() - started < deadline; i = next++) {
      const headers = cookies.length > 0 ? { ...fixedHeaders, cookie: cookies[i % cookies.length] } : fixedHeaders;
      const body = method === 'POST' ? JSON.stringify({ externalId: `wx-${run}-${i}`, name: `客户${i}` }) : undefined;
      const t0 = performance.now();
      const status = await send(agent, target, method, headers, body).catch(() => 0);
      if (status >= 200 && status <= 299) {
        succeeded++;
        latencies.push(performance.now() - t0);
      } else {
        failures++;
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ seconds, latencies, succeeded, failures });
