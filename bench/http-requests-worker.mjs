// The worker thread of bench/http-requests.ts (plain JavaScript: a worker does not inherit the
// TypeScript loader). `connections` keep-alive connections work through the given requests (POST
// unless a request names its method; a GET carries no body) in
// order, each sending its next one as soon as its last was answered (or, for a request with `atMs`,
// once that many ms have passed since the start: a replay of arrivals); every request's latency is
// taken from just before it is sent to the end of its response. Timing starts once the worker is up.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

function send(agent, base, { method = 'POST', path, body, headers }) {
  return new Promise((resolve) => {
    const payload = method === 'GET' ? undefined : JSON.stringify(body);
    const length = payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
    const req = request(new URL(path, base), { method, agent, headers: { ...length, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        let parsed = null;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // not JSON: kept as null
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', () => resolve({ status: 0, body: null }));
    req.end(payload);
  });
}

const { base, connections, requests } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const results = new Array(requests.length);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Math.min(connections, requests.length) }, async () => {
    for (let i = next++; i < requests.length; i = next++) {
      // A scheduled request waits for its moment, and its latency counts from that moment: a server
      // that falls behind shows it in the latencies, not in a slower schedule.
      const due = requests[i].atMs === undefined ? undefined : started + requests[i].atMs;
      if (due !== undefined && due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      const t0 = due ?? performance.now();
      const answer = await send(agent, base, requests[i]);
      results[i] = { ...answer, ms: performance.now() - t0 };
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ seconds, results });
