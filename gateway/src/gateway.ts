import { readFileSync } from 'node:fs';
import { correlationIdOf } from './correlation';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, HeaderMap, type ApolloServerOptions, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { batchLimitError, DEFAULT_QUERY_LIMITS, limitRules, type QueryLimits } from './limits';
import { formatGatewayError, gatewayErrorPlugin, subgraphUnavailable, withRequestIdInBody } from './errors';
import {
  authenticatedAs,
  createLogger,
  INTERNAL_IDENTITY_HEADER,
  serveGraphQL,
  serviceUrl,
  signInternalIdentity,
  SUBGRAPH_NAMES,
  type AccessReportEntry,
  type GatewayConfig,
  type Logger,
  type RequestIdentity,
  type SubgraphName,
} from '@jiuye/common';
import { createAuthenticator, personalDataPlugin, type Caller } from './auth';
import { textGuardPlugin } from './text-guard';
import { exportsProxy } from './exports';
import { AccessLogStore, type DepartmentAccess } from './audit/access-log';
import { accessLogPlugin } from './audit/access-log-plugin';
import type { IdNumberLookup } from './audit/id-lookups';
import { LookupBudget } from './audit/lookup-budget';
import { residenceAuthority } from './audit/villages';
import { AUDIT_SUBGRAPH_NAME, buildAuditSchema } from './audit/audit-subgraph';

export interface GatewayContext {
  requestId: string;
  caller?: Caller;
  /** The identity the departments receive: the caller's, with purpose and request id. */
  identity?: RequestIdentity;
  /** The client's own x-request-id, if any: logged as the correlation id, never as the request id. */
  correlationId?: string;
  /** What the departments said this operation read, for the access log (one array per operation: accessLogPlugin). */
  reads: DepartmentAccess[];
  /** This operation's lookups by ID number (accessLogPlugin). */
  lookups?: IdNumberLookup[];
  /** The signed identity header, made once per request. */
  signedIdentity?: Promise<string>;
  signingKey: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** fetch with a per-subgraph deadline: a hung subgraph costs its fields, not the whole request. */
type Fetcher = RemoteGraphQLDataSource['fetcher'];

function fetchWithTimeout(timeoutMs: number): Fetcher {
  return ((url: string, init?: RequestInit) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

/** Subgraph URLs: the supergraph's defaults unless the environment names others (HR_URL, …). */
export function subgraphUrl(config: GatewayConfig, name: string, fromSupergraph: string): string {
  return config.subgraphUrls[name as SubgraphName] ?? fromSupergraph;
}

/** The GraphQL body of a 4xx answer, as @apollo/gateway keeps it in the error it throws; null otherwise. */
function graphqlRefusal(error: unknown): { data?: Record<string, unknown> | null; errors: GraphQLFormattedError[] } | null {
  const response = (error as GraphQLError | undefined)?.extensions?.response as { status?: unknown; body?: unknown } | undefined;
  if (typeof response?.status !== 'number' || response.status < 400 || response.status >= 500) return null;
  const body = response.body as { data?: unknown; errors?: unknown } | undefined;
  if (!body || typeof body !== 'object' || !Array.isArray(body.errors) || body.errors.length === 0) return null;
  const errors = body.errors.filter((e): e is GraphQLFormattedError => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string');
  if (errors.length === 0) return null;
  return { errors, ...(body.data && typeof body.data === 'object' ? { data: body.data as Record<string, unknown> } : {}) };
}

/**
 * One department's subgraph. Whatever goes wrong on the way there and back (no connection, the
 * deadline, a 5xx or a 4xx without GraphQL errors, a body that is not JSON) becomes
 * SUBGRAPH_UNAVAILABLE for that department's fields, with the real error kept for the log
 * (@apollo/gateway's own error would carry the subgraph URL and response body); the query plan
 * goes on with the other departments.
 */
export class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Requests sent to this department so far (GET /stats, for npm run bench). */
  fetches = 0;

  constructor(
    readonly department: string,
    url: string,
    readonly timeoutMs: number,
  ) {
    super({ url, fetcher: fetchWithTimeout(timeoutMs) });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // The department logs under the same request id as the gateway.
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    // The identity the gateway vouches for; departments answer nothing without it.
    if (context?.identity) {
      context.signedIdentity ??= signInternalIdentity(context.identity, context.signingKey);
      request.http?.headers.set(INTERNAL_IDENTITY_HEADER, await context.signedIdentity);
    }
  }

  /**
   * Identical queries in flight to this department for callers with the same rights share one
   * fetch. The key holds everything the department decides access by (department, role, scope,
   * permissions, purpose), never just the query: two callers with different rights always get
   * their own answers. Each caller still gets its own copy, and its own access-log entries.
   */
  private readonly inflight = new Map<string, Promise<GatewayResponse>>();

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    const identity = options.context?.identity;
    const operation = 'incomingRequestContext' in options ? options.incomingRequestContext.operation?.operation : undefined;
    let response: GatewayResponse;
    if (operation === 'query' && identity && options.request.query) {
      const key = `${rightsKey(identity)}\n${options.request.query}\n${JSON.stringify(options.request.variables ?? {})}`;
      let shared = this.inflight.get(key);
      const first = !shared;
      if (!shared) {
        shared = this.fetchOnce(options);
        this.inflight.set(key, shared);
        const forget = () => this.inflight.delete(key);
        shared.then(forget, forget);
      }
      response = first ? await shared : structuredClone(await shared);
    } else {
      response = await this.fetchOnce(options);
    }
    // What the department read for whom goes to the access log, not to the client.
    const reads = response.extensions?.accessLog as AccessReportEntry[] | undefined;
    if (!reads) return response;
    if (Array.isArray(reads) && options.context?.reads) {
      for (const read of reads) options.context.reads.push({ ...read, subgraph: this.department });
    }
    const { accessLog: _removed, ...rest } = response.extensions!;
    return { ...response, extensions: rest };
  }

  private async fetchOnce(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    this.fetches += 1;
    try {
      return await super.process(options);
    } catch (error) {
      // A 4xx with a GraphQL body is the department refusing what it was sent (a DivisionCode
      // literal its scalar rejects, say): its errors are the answer, not an outage.
      const refusal = graphqlRefusal(error);
      if (refusal) return refusal as GatewayResponse;
      throw subgraphUnavailable(this.department, error, {
        timeoutMs: this.timeoutMs,
        path: 'pathInIncomingRequest' in options ? options.pathInIncomingRequest : undefined,
        query: options.request.query,
      });
    }
  }
}

type GatewayResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** What a department's answer depends on besides the query: never the staff account or the request id. */
function rightsKey(identity: RequestIdentity): string {
  return JSON.stringify([identity.department, identity.role, identity.region ?? null, identity.partnerCity ?? null, identity.institution ?? null, [...identity.permissions].sort(), identity.purpose ?? null]);
}

/**
 * Apollo Server with the batch limit checked on the HTTP body, before any operation in it is
 * parsed; and the request id in the errors Apollo Server answers without a request pipeline.
 */
class GatewayServer<TContext extends BaseContext & { requestId?: string }> extends ApolloServer<TContext> {
  constructor(
    config: ApolloServerOptions<TContext>,
    private readonly maxBatch: number,
  ) {
    super(config);
  }

  override async executeHTTPGraphQLRequest(request: {
    httpGraphQLRequest: HTTPGraphQLRequest;
    context: () => Promise<TContext>;
  }): Promise<HTTPGraphQLResponse> {
    const refused = request.httpGraphQLRequest.method === 'POST' ? batchLimitError(request.httpGraphQLRequest.body, this.maxBatch) : null;
    if (refused) {
      const { requestId } = await request.context();
      this.logger.warn({ requestId, limit: refused.limit, max: refused.extensions.max, found: refused.extensions.found, msg: 'query refused by a limit' });
      return {
        status: 400,
        headers: new HeaderMap([['content-type', 'application/json; charset=utf-8']]),
        body: {
          kind: 'complete',
          string: JSON.stringify({ errors: [{ message: refused.message, extensions: { ...refused.extensions, ...(requestId ? { requestId } : {}) } }] }),
        },
      };
    }
    const response = await super.executeHTTPGraphQLRequest(request);
    if ((response.status ?? 200) >= 400 && response.body.kind === 'complete') {
      const { requestId } = await request.context();
      if (requestId) response.body = { kind: 'complete', string: withRequestIdInBody(response.body.string, requestId) };
    }
    return response;
  }
}

export async function startGateway(config: GatewayConfig, options: { logger?: Logger; supergraphSdl?: string } = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = options.supergraphSdl ?? readFileSync(config.supergraphPath, 'utf8');
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...config.limits };
  const production = config.environment === 'production';
  const urls = new Map<string, string>();
  const sources = new Map<string, DepartmentDataSource>();
  const authenticate = await createAuthenticator(config.jwt);
  const accessLog = await AccessLogStore.open(config.auditDatabaseUrl);
  // Partner cities and institutions report reads without a village: hr (residence) places them before they are written.
  accessLog.placeWith(residenceAuthority(() => urls.get('hr'), config.internalSigningKey, config.subgraphTimeoutMs), (error) =>
    logger.warn({ error: (error as Error).message }, 'access log: the residence authority did not answer; entries written without a village'),
  );
  const lookupBudget = new LookupBudget(limits.idLookupsPerMinute);
  const auditSchema = buildAuditSchema(accessLog, config.pseudonymKey);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      // The access log is served from inside the gateway, which alone writes it.
      if (name === AUDIT_SUBGRAPH_NAME) return new LocalGraphQLDataSource(auditSchema);
      const target = subgraphUrl(config, name, url ?? '');
      urls.set(name, target);
      const source = new DepartmentDataSource(name, target, config.subgraphTimeoutMs);
      sources.set(name, source);
      return source;
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
      plugins: [gatewayErrorPlugin(logger), textGuardPlugin(), personalDataPlugin(), accessLogPlugin(accessLog, logger, { budget: lookupBudget, pseudonymKey: config.pseudonymKey })],
    },
    limits.maxBatch,
  );
  try {
    await server.start();
  } catch (error) {
    await accessLog.close();
    throw error;
  }
  const http = await serveGraphQL(server, {
    port: config.port,
    host: config.host,
    logger,
    authenticate: (request) => authenticate(request),
    // Streamed xlsx/CSV exports of rosters and lists, served by the situation read model.
    downloads: exportsProxy(() => urls.get('situation'), config.internalSigningKey, logger, accessLog),
    stats: production ? undefined : () => ({ fetches: Object.fromEntries([...sources].map(([name, source]) => [name, source.fetches])), rss: process.memoryUsage().rss }),
    // The request id is always the gateway's own; the client's x-request-id is kept as a correlation id.
    trustRequestId: false,
    async context(request: IncomingMessage, requestId: string): Promise<GatewayContext> {
      const caller = authenticatedAs<Caller>(request);
      const identity: RequestIdentity | undefined = caller && { ...caller.identity, ...(caller.purpose ? { purpose: caller.purpose } : {}), requestId };
      const correlationId = correlationIdOf(request);
      return { requestId, ...(correlationId ? { correlationId } : {}), caller, identity, reads: [], signingKey: config.internalSigningKey };
    },
    async ready() {
      await accessLog.pool.query('select 1');
      // Ready when every subgraph answers its own readiness check.
      await Promise.all(
        [...urls.values()].map(async (url) => {
          const response = await fetch(serviceUrl(url, '/ready'), { signal: AbortSignal.timeout(2000) });
          if (!response.ok) throw new Error(`subgraph at ${url} is not ready`);
        }),
      );
    },
  });
  logger.info({ url: http.url, subgraphs: Object.fromEntries(urls) }, 'gateway ready');
  return {
    url: http.url,
    port: http.port,
    async stop() {
      await http.close();
      await server.stop();
      await accessLog.close();
    },
  };
}

export { SUBGRAPH_NAMES };
export { correlationIdOf };
