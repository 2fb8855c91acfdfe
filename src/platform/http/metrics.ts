import type { FastifyInstance } from 'fastify';

/**
 * Prometheus text exposition of request counts and durations per route, plus process gauges.
 * Hand-written: a dozen lines do not need a client library.
 */
export function installMetrics(app: FastifyInstance): void {
  const requests = new Map<string, number>();
  const durations = new Map<string, { sum: number; count: number }>();

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `method="${request.method}",route="${route}",status="${reply.statusCode}"`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    const timing = durations.get(route) ?? { sum: 0, count: 0 };
    timing.sum += reply.elapsedTime / 1000;
    timing.count += 1;
    durations.set(route, timing);
    done();
  });

  app.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const memory = process.memoryUsage();
    const lines = [
      '# HELP banyan_http_requests_total HTTP requests by method, route and status.',
      '# TYPE banyan_http_requests_total counter',
      ...[...requests].map(([labels, n]) => `banyan_http_requests_total{${labels}} ${n}`),
      '# HELP banyan_http_request_duration_seconds Time spent answering, per route.',
      '# TYPE banyan_http_request_duration_seconds summary',
      ...[...durations].flatMap(([route, t]) => [
        `banyan_http_request_duration_seconds_sum{route="${route}"} ${t.sum}`,
        `banyan_http_request_duration_seconds_count{route="${route}"} ${t.count}`,
      ]),
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${memory.rss}`,
      '# TYPE process_heap_used_bytes gauge',
      `process_heap_used_bytes ${memory.heapUsed}`,
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${process.uptime()}`,
    ];
    return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });
}
