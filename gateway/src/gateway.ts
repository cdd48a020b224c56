import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import {
  createLogger,
  DEFAULT_GATEWAY_MAX_IN_FLIGHT,
  metricsPlugin,
  serveGraphQL,
  ServiceMetrics,
  SUBGRAPH_NAMES,
  type GatewayConfig,
  type Logger,
  type SubgraphName,
} from '@jiuye/common';
import { correlationIdOf } from './correlation';
import { DEFAULT_QUERY_LIMITS, limitRules, type QueryLimits } from './limits';
import { formatGatewayError, gatewayErrorPlugin } from './errors';
import { createAuthenticator, forwardedIdentity, personalDataPlugin, type Caller } from './auth';
import { textGuardPlugin } from './text-guard';
import { exportsProxy } from './exports';
import { importsProxy } from './imports';
import { reportsProxy } from './reports';
import { SIGN_IN_CONFIG_PATH, signInConfig } from './sign-in';
import { AccessLogStore } from './audit/access-log';
import { accessLogPlugin } from './audit/access-log-plugin';
import { LookupBudget } from './audit/lookup-budget';
import { residenceAuthority } from './audit/villages';
import { AUDIT_SUBGRAPH_NAME } from './audit/audit-subgraph';
import { auditSource, departmentSource, FetchCounts } from './department';
import { GatewayServer } from './server';
import { webFront } from './web';
import { GatewayMetrics } from './metrics';
import { InFlightLimit } from './load-shedding';
import type { GatewayContext } from './context';

export type { GatewayContext } from './context';

export interface RunningGateway {
  url: string;
  port: number;
  /** /ready answers 503 draining from now on; requests are still served until stop(). */
  drain(): void;
  stop(): Promise<void>;
}

/** Subgraph URLs: the supergraph's defaults unless the environment names others (HR_URL, …, AUDIT_URL). */
export function subgraphUrl(config: GatewayConfig, name: string, fromSupergraph: string): string {
  if (name === AUDIT_SUBGRAPH_NAME) return config.auditUrl ?? fromSupergraph;
  return config.subgraphUrls[name as SubgraphName] ?? fromSupergraph;
}

export async function startGateway(config: GatewayConfig, options: { logger?: Logger; supergraphSdl?: string } = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = options.supergraphSdl ?? readFileSync(config.supergraphPath, 'utf8');
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...config.limits };
  const production = config.environment === 'production';
  const urls = new Map<string, string>();
  const fetchCounts = new FetchCounts();
  const authenticate = await createAuthenticator(config.jwt, logger);
  const accessLog = await AccessLogStore.open(config.auditDatabaseUrl);
  // GET /metrics (METRICS=off: none): the GraphQL operations, the departments' fetches, the access log.
  const metrics = config.metrics === false ? null : new ServiceMetrics('gateway');
  const gatewayMetrics = metrics ? new GatewayMetrics(metrics) : null;
  gatewayMetrics?.watchAccessLog(accessLog);
  // Partner cities and institutions report reads without a village: hr (residence) places them before they are written.
  accessLog.placeWith(
    residenceAuthority(() => urls.get('hr'), config.internalSigningKey, config.subgraphTimeoutMs),
    (error) => logger.warn({ error: (error as Error).message }, 'access log: the residence authority did not answer; entries written without a village'),
  );
  const lookupBudget = new LookupBudget(limits.idLookupsPerMinute);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const target = subgraphUrl(config, name, url ?? '');
      urls.set(name, target);
      // The access log is read from the audit service (gateway/src/audit/service.ts); the gateway alone writes it.
      if (name === AUDIT_SUBGRAPH_NAME) return auditSource(target, config.subgraphTimeoutMs, fetchCounts, gatewayMetrics?.fetchStep(name));
      return departmentSource(name, target, config.subgraphTimeoutMs, fetchCounts, gatewayMetrics?.fetchStep(name));
    },
    // The query plan (header Apollo-Query-Plan-Experimental) shows how the departments are called; not in production.
    __exposeQueryPlanExperimental: !production,
    logger: {
      debug: () => undefined,
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
  });

  const server = new GatewayServer<GatewayContext>(
    {
      gateway,
      formatError: formatGatewayError,
      includeStacktraceInErrorResponses: false,
      introspection: !production,
      // No "Did you mean …?" schema hints in validation errors when introspection is off.
      hideSchemaDetailsFromClientErrors: production,
      nodeEnv: config.environment,
      // main.ts stops the gateway on SIGINT/SIGTERM.
      stopOnTerminationSignals: false,
      // Limits are checked before the query is planned, so a bomb never reaches a department.
      validationRules: limitRules(limits),
      parseOptions: { maxTokens: limits.maxTokens },
      // Batches of up to maxBatch operations (each checked on its own); 1 turns batching off.
      allowBatchedHttpRequests: limits.maxBatch > 1,
      logger,
      plugins: [
        gatewayErrorPlugin(logger),
        textGuardPlugin(),
        personalDataPlugin(),
        accessLogPlugin(accessLog, logger, { budget: lookupBudget, pseudonymKey: config.pseudonymKey }),
        metricsPlugin(metrics),
      ],
    },
    limits.maxBatch,
  );
  try {
    await server.start();
  } catch (error) {
    await accessLog.close();
    throw error;
  }
  const inFlight = new InFlightLimit(config.maxInFlight ?? DEFAULT_GATEWAY_MAX_IN_FLIGHT);
  gatewayMetrics?.watchInFlight(inFlight);
  const web = webFront(config, logger);
  const http = await serveGraphQL<GatewayContext, Caller>(server, {
    port: config.port,
    host: config.host,
    logger,
    authenticate: (request) => authenticate(request),
    metrics,
    metricsToken: config.metricsToken,
    departmentOf: (caller) => caller.identity.department,
    observe: gatewayMetrics ? (summary) => gatewayMetrics.observe(summary) : undefined,
    // How the web signs in (OpenID Connect, the development role picker, or none): read before any token exists.
    publicRoutes: { [SIGN_IN_CONFIG_PATH]: signInConfig(config, logger) },
    // Streamed xlsx/CSV exports of rosters and lists, served by the situation read model.
    // Spreadsheet imports into a department's records (POST /imports/<department>/<kind>), beside them.
    downloads: [
      exportsProxy(() => urls.get('situation'), config.internalSigningKey, logger, accessLog),
      importsProxy((name) => urls.get(name), config.internalSigningKey, logger, accessLog, lookupBudget),
      // Aggregate tables as files (the quarterly assessment 通报): no person in them, nothing to log per person.
      reportsProxy(() => urls.get('situation'), config.internalSigningKey, logger),
    ],
    stats: production ? undefined : () => ({ fetches: fetchCounts.toJSON(), rss: process.memoryUsage().rss, inFlight: inFlight.inFlight, shed: inFlight.shed }),
    // The request id is always the gateway's own; the client's x-request-id is kept as a correlation id.
    trustRequestId: false,
    // The web app at /, CORS for CORS_ORIGINS, the development sign-in (gateway/src/web/); then
    // load shedding for everything else but the probes (gateway/src/load-shedding.ts).
    front: async (request, response, url) => (web && (await web(request, response, url))) || inFlight.admit(request, response, url),
    async context(request: IncomingMessage, requestId: string, caller: Caller): Promise<GatewayContext> {
      const correlationId = correlationIdOf(request);
      return { requestId, ...(correlationId ? { correlationId } : {}), caller, identity: forwardedIdentity(caller, requestId), reads: [], signingKey: config.internalSigningKey };
    },
    /**
     * Ready means this process can serve: the supergraph is loaded (the server started before it
     * listens) and the access log's database answers (without it person-level answers are
     * withheld). A department being down is not the gateway's unreadiness: its fields answer
     * SUBGRAPH_UNAVAILABLE and the rest of the graph answers; a load balancer must not take every
     * gateway replica out for it.
     */
    async ready() {
      await accessLog.pool.query('select 1');
    },
  });
  logger.info({ url: http.url, subgraphs: Object.fromEntries(urls) }, 'gateway ready');
  return {
    url: http.url,
    port: http.port,
    drain: () => http.drain(),
    async stop() {
      await http.close();
      await server.stop();
      await accessLog.close();
    },
  };
}

export { SUBGRAPH_NAMES };
