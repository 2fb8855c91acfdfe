// The worker thread of bench/http-load.ts (plain JavaScript: a worker does not inherit the
// TypeScript loader). Each of `connections` keep-alive connections sends its next POST as soon as
// the last one is answered, until `amount` requests were answered; timing starts here, once the
// worker is up, so its start-up is not counted.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

function post(agent, url, body) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const { url, connections, amount } = workerData;
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const run = globalThis.crypto.randomUUID().slice(0, 8);
const latencies = [];
let next = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    for (let i = next++; i < amount; i = next++) {
      const t0 = performance.now();
      const status = await post(agent, target, JSON.stringify({ externalId: `wx-${run}-${i}`, name: `客户${i}` })).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status < 200 || status > 299) failures++;
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ seconds, latencies, failures });
