import { IMPORTS_PREFIX, pgPoolUse, SUBGRAPH_NAMES, type RequestSummary, type ServiceMetrics } from '@jiuye/common';
import type { AccessLogStore } from '../audit/access-log';
import type { DepartmentStep } from '../department';
import type { InFlightLimit } from '../load-shedding';
import { EXPORTS_PREFIX } from '../exports';

const DEPARTMENTS = new Set<string>(SUBGRAPH_NAMES);

/** 2xx/3xx ok, 4xx refused (the caller's request), 5xx failed. */
function outcomeOf(status: number): 'ok' | 'refused' | 'failed' {
  return status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'ok';
}

/**
 * The gateway's own metrics besides the GraphQL ones every service has (common/src/metrics):
 * each department's fetches (latency, failures), the access log's group commit (append latency,
 * queue depth, its pool) and the exports and imports relayed. Labels: department names and
 * outcomes only.
 */
export class GatewayMetrics {
  private readonly fetchDuration;
  private readonly fetchFailures;
  private readonly exports;
  private readonly imports;

  constructor(readonly metrics: ServiceMetrics) {
    this.fetchDuration = metrics.histogram(
      'subgraph_fetch_duration_seconds',
      'Time of each fetch the gateway sends to a department (after dedupe), by department and outcome (ok, failed)',
      ['department', 'outcome'],
    );
    this.fetchFailures = metrics.counter(
      'subgraph_fetch_failures_total',
      'Fetches to a department that failed (no connection, deadline, 5xx, unreadable answer): its fields answered SUBGRAPH_UNAVAILABLE',
      ['department'],
    );
    this.exports = metrics.counter('exports_total', 'Export downloads relayed (GET /exports/…), by outcome (ok, refused: 4xx, failed: 5xx)', ['outcome']);
    this.imports = metrics.counter('imports_total', 'Spreadsheet imports relayed (POST /imports/<department>/…), by department and outcome', ['department', 'outcome']);
  }

  /** The department step that times each fetch; placed outside translateFailures, so a failure is what became SUBGRAPH_UNAVAILABLE. */
  fetchStep(department: string): DepartmentStep {
    this.fetchFailures.inc({ department }, 0);
    return (next) => async (request) => {
      const stop = this.fetchDuration.startTimer({ department });
      try {
        const response = await next(request);
        stop({ outcome: 'ok' });
        return response;
      } catch (error) {
        stop({ outcome: 'failed' });
        this.fetchFailures.inc({ department });
        throw error;
      }
    };
  }

  watchAccessLog(store: AccessLogStore): void {
    const appendDuration = this.metrics.histogram(
      'access_log_append_duration_seconds',
      'Time from a request handing its reads to the access log until they are durable (group commit), by outcome (ok, failed)',
      ['outcome'],
    );
    store.observeAppends((seconds, ok) => appendDuration.observe({ outcome: ok ? 'ok' : 'failed' }, seconds));
    this.metrics.gauge('access_log_queue_depth', 'Access-log appends not yet durable: waiting for the next group commit or in the one being written', [], (set) =>
      set({}, store.queueDepth),
    );
    this.metrics.watchPool('access_log', () => pgPoolUse(store.pool));
  }

  /** Load shedding (gateway/src/load-shedding.ts): requests in flight against the bound, and those answered 503 OVERLOADED. */
  watchInFlight(limit: InFlightLimit): void {
    this.metrics.gauge('gateway_in_flight_requests', 'Requests the gateway is serving now (health, ready and metrics not counted)', [], (set) => set({}, limit.inFlight));
    this.metrics.gauge('gateway_max_in_flight_requests', 'GATEWAY_MAX_IN_FLIGHT: past it a request is answered 503 OVERLOADED with Retry-After', [], (set) => set({}, limit.max));
    this.metrics.gauge('gateway_shed_requests', 'Requests answered 503 OVERLOADED since the gateway started (load shedding)', [], (set) => set({}, limit.shed));
  }

  /** Every finished HTTP request: counts the exports and imports among them. */
  observe(summary: RequestSummary): void {
    if (summary.path.startsWith(EXPORTS_PREFIX)) {
      this.exports.inc({ outcome: outcomeOf(summary.status) });
    } else if (summary.path.startsWith(IMPORTS_PREFIX) && summary.method === 'POST') {
      const segment = summary.path.slice(IMPORTS_PREFIX.length).split('/')[0];
      this.imports.inc({ department: DEPARTMENTS.has(segment) ? segment : 'other', outcome: outcomeOf(summary.status) });
    }
  }
}
