import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  ACCESS_LOG_SERVICE,
  authenticateGatewayIdentity,
  createLogger,
  formatError,
  HttpError,
  maskingPlugin,
  metricsPlugin,
  pgPoolUse,
  serveGraphQL,
  ServiceMetrics,
  type AuditConfig,
  type InternalCaller,
  type Logger,
  type RequestIdentity,
} from '@jiuye/common';
import { AccessLogStore } from './access-log';
import { AUDIT_SUBGRAPH_NAME, buildAuditSchema } from './audit-subgraph';

/**
 * The audit service: the access log in the graph (audit-subgraph.ts) as a service of its own, so
 * that any engine that serves the committed supergraph (our gateway, Hive Gateway, a Rust router)
 * routes to it over HTTP like to a department. It answers only requests carrying the identity
 * the gateway signed (x-jiuye-identity, as every department), and reads the log in read-only
 * sessions: the gateway alone writes it, and holds a person-level answer until its rows are
 * committed.
 */
export interface RunningAuditService {
  url: string;
  port: number;
  store: AccessLogStore;
  /** /ready answers 503 draining from now on; requests are still served until stop(). */
  drain(): void;
  stop(): Promise<void>;
}

interface AuditRequestContext {
  requestId: string;
  identity: RequestIdentity;
}

/**
 * The signed identity, and not the gateway's own service identity: the gateway signs
 * `gateway:access-log` (department auditor) to ask hr where people live; that token reaches hr,
 * and must not read the log if hr replayed it here.
 */
async function authenticate(request: import('node:http').IncomingMessage, signingKey: string): Promise<InternalCaller> {
  const caller = await authenticateGatewayIdentity(request, signingKey);
  if (caller.identity.subject === ACCESS_LOG_SERVICE.subject) {
    throw new HttpError(403, 'the access log answers staff accounts, not the gateway service identity', 'FORBIDDEN', { reason: 'service-identity' });
  }
  return caller;
}

export async function startAuditService(config: AuditConfig, options: { logger?: Logger } = {}): Promise<RunningAuditService> {
  const logger = options.logger ?? createLogger('audit', config.logLevel);
  const store = AccessLogStore.openReader(config.auditDatabaseUrl);
  const metrics = config.metrics === false ? null : new ServiceMetrics(AUDIT_SUBGRAPH_NAME);
  metrics?.watchPool('audit', () => pgPoolUse(store.pool));
  const server = new ApolloServer<AuditRequestContext>({
    schema: buildAuditSchema(store, config.pseudonymKey),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.environment !== 'production',
    logger,
    // main.ts stops the service on SIGINT/SIGTERM, after draining.
    stopOnTerminationSignals: false,
    plugins: [maskingPlugin(logger), metricsPlugin(metrics), ApolloServerPluginInlineTraceDisabled()],
  });
  try {
    await server.start();
    const http = await serveGraphQL<AuditRequestContext, InternalCaller>(server, {
      port: config.port,
      host: config.host,
      logger,
      authenticate: (request) => authenticate(request, config.internalSigningKey),
      metrics,
      metricsToken: config.metricsToken,
      departmentOf: ({ identity }) => identity.department,
      async context(_request, requestId, { identity }) {
        return { requestId, identity };
      },
      /** Ready once the log's tables answer (the gateway creates them when it first starts). */
      async ready() {
        await store.pool.query('select 1 from access_log_head limit 1');
      },
    });
    logger.info({ url: http.url }, 'audit service ready');
    return {
      url: http.url,
      port: http.port,
      store,
      drain: () => http.drain(),
      async stop() {
        await http.close();
        await server.stop();
        await store.close();
      },
    };
  } catch (error) {
    await server.stop().catch(() => undefined);
    await store.close();
    throw error;
  }
}
