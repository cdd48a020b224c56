import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { createLogger, DEFAULT_GATEWAY_MAX_IN_FLIGHT, SUBGRAPH_NAMES, type GatewayConfig, type Logger } from '@jiuye/common';
import {
  AccessLogStore,
  AUDIT_SUBGRAPH_NAME,
  createCallerVerifier,
  DEFAULT_QUERY_LIMITS,
  InFlightLimit,
  LookupBudget,
  residenceAuthority,
  type QueryLimits,
} from '@jiuye/gateway/duties';
import { jiuyePlugin } from './plugin';

/** What startHiveGateway returns: the shape of our gateway's RunningGateway. */
export interface RunningHiveGateway {
  url: string;
  port: number;
  /** /ready answers 503 draining from now on; requests are still served until stop(). */
  drain(): void;
  stop(): Promise<void>;
}

/** Where Hive sends each subgraph's requests: the configuration's URL (HR_URL … AUDIT_URL) or the supergraph's. */
function transportEntries(config: GatewayConfig): Record<string, { location?: string; options: { deduplicateInflightRequests: false } }> {
  const entries: Record<string, { location?: string; options: { deduplicateInflightRequests: false } }> = {};
  for (const name of [...SUBGRAPH_NAMES, AUDIT_SUBGRAPH_NAME]) {
    const location = name === AUDIT_SUBGRAPH_NAME ? config.auditUrl : config.subgraphUrls[name as keyof GatewayConfig['subgraphUrls']];
    // Hive's in-flight dedupe keys on URL and body; the signed identity is added after it, so
    // concurrent requests of different callers would share one answer (BENCHMARKS.md finding 1). Off.
    entries[name] = { ...(location ? { location } : {}), options: { deduplicateInflightRequests: false } };
  }
  return entries;
}

/**
 * Hive Gateway (its runtime, @graphql-hive/gateway-runtime, what @graphql-hive/gateway runs) on the committed supergraph with jiuyePlugin: the same
 * configuration as our gateway (loadGatewayConfig: JWT_*, INTERNAL_SIGNING_KEY, PSEUDONYM_KEY,
 * AUDIT_DATABASE_URL, HR_URL … AUDIT_URL, the limits, GATEWAY_MAX_IN_FLIGHT) and the same duties.
 * Served on Node's http with our load shedding in front, /health and /ready as ours.
 * Not served by Hive: /exports, /imports, /reports, /auth/config, the web app, /metrics.
 */
export async function startHiveGateway(config: GatewayConfig, options: { logger?: Logger; supergraphSdl?: string } = {}): Promise<RunningHiveGateway> {
  const logger = options.logger ?? createLogger('hive-gateway', config.logLevel);
  const supergraph = options.supergraphSdl ?? readFileSync(config.supergraphPath, 'utf8');
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...config.limits };
  const production = config.environment === 'production';
  const verifyCaller = await createCallerVerifier(config.jwt, logger);
  const store = await AccessLogStore.open(config.auditDatabaseUrl);
  const hrUrl = config.subgraphUrls.hr;
  store.placeWith(
    residenceAuthority(() => hrUrl, config.internalSigningKey, config.subgraphTimeoutMs),
    (error) => logger.warn({ error: (error as Error).message }, 'access log: the residence authority did not answer; entries written without a village'),
  );
  const budget = new LookupBudget(limits.idLookupsPerMinute);
  const runtime = createGatewayRuntime({
    supergraph,
    transportEntries: transportEntries(config),
    logging: config.logLevel === 'silent' ? false : 'warn',
    // The plugin makes the request id (our gateway's own; a client's x-request-id is only a correlation id).
    requestId: false,
    graphiql: false,
    landingPage: false,
    ...(production ? { disableIntrospection: {} } : {}),
    // Batches of up to maxBatch operations, each checked and logged on its own (the plugin keeps reads per operation).
    // The plugin refuses past maxBatch (TOO_MANY_OPERATIONS, as ours, and any batch when it is 1); Yoga's own limit,
    // which would answer first with its own message (413), is set out of reach: the plugin's check is the limit.
    batching: { limit: Number.MAX_SAFE_INTEGER },
    upstreamTimeout: config.subgraphTimeoutMs,
    plugins: () => [
      jiuyePlugin({ verifyCaller, store, budget, limits, signingKey: config.internalSigningKey, pseudonymKey: config.pseudonymKey, logger, hideSchemaHints: production }),
    ],
  });
  const inFlight = new InFlightLimit(config.maxInFlight ?? DEFAULT_GATEWAY_MAX_IN_FLIGHT);
  let draining = false;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return void json(response, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      // Ready: not draining and the access log's database answers (without it person-level answers are withheld).
      if (draining) return void json(response, 503, { status: 'draining' });
      store.pool.query('select 1').then(
        () => json(response, 200, { status: 'ready' }),
        () => json(response, 503, { status: 'unavailable' }),
      );
      return;
    }
    if (inFlight.admit(request, response, url)) return;
    void runtime(request, response);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/graphql`;
  logger.info({ url }, 'hive gateway ready');
  return {
    url,
    port,
    drain: () => {
      draining = true;
    },
    async stop() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
      await store.close();
    },
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}
