import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { errorCodeLabels, operationLabels, type BoundedLabel } from './labels';
import { setPoolGauges, type PoolUse } from './pools';

/** Every metric this platform defines starts with this (the process and Node.js defaults keep prom-client's names). */
export const METRIC_PREFIX = 'jiuye_';

/** Seconds; from a cached field (1 ms) to the gateway's subgraph deadline and a slow export. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type Outcome = 'ok' | 'partial' | 'error';

/**
 * One service's metrics: its own registry (one per service; in production one service per
 * process), prom-client's default process metrics (event-loop lag, heap, GC, RSS, CPU) and the
 * GraphQL request metrics every service shares. Labels never carry personal data: operation
 * names and error codes (both bounded, labels.ts), departments and pool names only.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operations: BoundedLabel = operationLabels();
  readonly errorCodes: BoundedLabel = errorCodeLabels();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly duration: Histogram<'operation'>;
  readonly errors: Counter<'code'>;
  private readonly poolConnections: Gauge<'pool' | 'state'>;
  private readonly poolMax: Gauge<'pool'>;
  private readonly pools = new Map<string, () => PoolUse | null>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({
      name: `${METRIC_PREFIX}graphql_requests_total`,
      help: 'GraphQL operations answered, by operation name (bounded; "anonymous", "unresolved", "other") and outcome (ok, partial: data and errors, error: no data)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}graphql_request_duration_seconds`,
      help: 'Time from receiving a GraphQL operation to sending its answer, by operation name',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: `${METRIC_PREFIX}graphql_errors_total`,
      help: 'Errors in GraphQL answers by extensions.code (as the client sees it; unknown codes: OTHER)',
      labelNames: ['code'],
      registers,
    });
    const pools = this.pools;
    this.poolConnections = new Gauge({
      name: `${METRIC_PREFIX}db_pool_connections`,
      help: 'Database pool connections by pool and state (used, idle, waiting: callers queued for a connection)',
      labelNames: ['pool', 'state'],
      registers,
      collect: () => {
        for (const [name, use] of pools) setPoolGauges(this.poolConnections, this.poolMax, name, use());
      },
    });
    this.poolMax = new Gauge({ name: `${METRIC_PREFIX}db_pool_max_connections`, help: 'Largest size of each database pool', labelNames: ['pool'], registers });
  }

  /** A counter of this service's own (name without the jiuye_ prefix). */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter<L>({ name: `${METRIC_PREFIX}${name}`, help, labelNames, registers: [this.registry] });
  }

  /** A latency histogram of this service's own, in seconds (LATENCY_BUCKETS). */
  histogram<L extends string>(name: string, help: string, labelNames: readonly L[]): Histogram<L> {
    return new Histogram<L>({ name: `${METRIC_PREFIX}${name}`, help, labelNames, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }

  /** A gauge read at every scrape: `collect` sets its values (a service's own figures, e.g. the read model's lag). */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (set: (labels: Record<L, string>, value: number) => void) => void): Gauge<L> {
    const gauge: Gauge<L> = new Gauge<L>({
      name: `${METRIC_PREFIX}${name}`,
      help,
      labelNames,
      registers: [this.registry],
      collect: () => {
        gauge.reset();
        collect((labels, value) => gauge.set(labels as never, value));
      },
    });
    return gauge;
  }

  /** Reports a pool's use at every scrape. */
  watchPool(name: string, use: () => PoolUse | null): void {
    this.pools.set(name, use);
  }

  /** One GraphQL operation answered. */
  observeOperation(operation: string, outcome: Outcome, seconds: number, codes: readonly string[]): void {
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation }, seconds);
    for (const code of codes) this.errors.inc({ code: this.errorCodes.of(code) });
  }

  contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
