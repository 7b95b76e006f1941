import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConnectionStatus } from '../platforms/types.js';

const CONNECTION_STATES: ReadonlyArray<ConnectionStatus['state']> = ['connecting', 'connected', 'standby', 'refused', 'stopped'];

/** Prometheus metrics for one app instance (its own registry, so tests can create many apps). */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'yishi_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'yishi_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly messages = new Counter({
    name: 'yishi_messages_total',
    help: 'Chat messages by platform and outcome',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly outboxDepth = new Gauge({
    name: 'yishi_outbox_depth',
    help: 'Outbox items waiting to be sent',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean; connections?: () => ConnectionStatus[] } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'yishi_' });
    const connections = options.connections;
    if (connections)
      new Gauge({
        name: 'yishi_platform_connection_state',
        help: 'Outward platform connections: 1 for the state each is in on this instance, 0 for the others',
        labelNames: ['platform', 'state'] as const,
        registers: [this.registry],
        collect() {
          this.reset();
          for (const connection of connections())
            for (const state of CONNECTION_STATES) this.set({ platform: connection.name, state }, connection.state === state ? 1 : 0);
        },
      });
  }
}
