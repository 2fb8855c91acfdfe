import type { FastifyInstance } from 'fastify';

/**
 * Prometheus text exposition of request counts and durations per route, plus process gauges.
 * Hand-written: a dozen lines do not need a client library.
 */
export function installMetrics(app: FastifyInstance): void {
  // Keyed by the route's own options object, so the hot path builds no strings; labels are made
  // when /metrics is scraped.
  const routes = new Map<object, { method: string; url: string; statuses: Map<number, number>; seconds: number; count: number }>();

  app.addHook('onResponse', (request, reply, done) => {
    const options = request.routeOptions.config;
    let stats = routes.get(options);
    if (!stats) {
      stats = { method: request.method, url: request.routeOptions.url ?? 'unmatched', statuses: new Map(), seconds: 0, count: 0 };
      routes.set(options, stats);
    }
    stats.statuses.set(reply.statusCode, (stats.statuses.get(reply.statusCode) ?? 0) + 1);
    stats.seconds += reply.elapsedTime / 1000;
    stats.count += 1;
    done();
  });

  app.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const memory = process.memoryUsage();
    const all = [...routes.values()];
    const lines = [
      '# HELP banyan_http_requests_total HTTP requests by method, route and status.',
      '# TYPE banyan_http_requests_total counter',
      ...all.flatMap((r) => [...r.statuses].map(([status, n]) => `banyan_http_requests_total{method="${r.method}",route="${r.url}",status="${status}"} ${n}`)),
      '# HELP banyan_http_request_duration_seconds Time spent answering, per route.',
      '# TYPE banyan_http_request_duration_seconds summary',
      ...all.flatMap((r) => [
        `banyan_http_request_duration_seconds_sum{method="${r.method}",route="${r.url}"} ${r.seconds}`,
        `banyan_http_request_duration_seconds_count{method="${r.method}",route="${r.url}"} ${r.count}`,
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
