import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { statementsSent } from './db/index.ts';

export type Metrics = {
  registry: Registry;
  httpRequests: Histogram<'method' | 'route' | 'status'>;
  jobsProcessed: Counter<'kind' | 'outcome'>;
  dbStatements: Counter;
};

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'ombud_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    dbStatements: new Counter({
      name: 'ombud_db_statements_total',
      help: 'SQL statements this process sent to PostgreSQL, BEGIN and COMMIT included',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(statementsSent());
      },
    }),
    jobsProcessed: new Counter({
      name: 'ombud_jobs_processed_total',
      help: 'Jobs run by the worker, by kind and outcome (done, retry, dead)',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
  };
}
