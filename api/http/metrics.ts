import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process, served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'countersign_process_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'countersign_http_requests_total',
      help: 'HTTP requests by route kind and status class',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'countersign_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['route'] as const,
      // Fine around 50 ms, the latency goal of each sign-in step.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.04, 0.045, 0.05, 0.06, 0.075, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    adminSignIns: new Counter({
      name: 'countersign_admin_signins_total',
      help: 'Admin dashboard sign-ins by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    signIns: new Counter({
      name: 'countersign_signins_total',
      help: 'End-user sign-ins through the IdP by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'countersign_queue_depth',
      help: 'Jobs waiting or delayed per queue',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    projectionLagEvents: new Gauge({
      name: 'countersign_projection_lag_events',
      help: 'Events in the store not yet applied to this node read models',
      registers: [registry],
    }),
    projectionLagSeconds: new Gauge({
      name: 'countersign_projection_lag_seconds',
      help: 'Time between the newest applied event being recorded and being applied',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
