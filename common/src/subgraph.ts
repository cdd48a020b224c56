import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLError, parse, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { DEFAULT_DB_ACQUIRE_TIMEOUT_MS, type SubgraphConfig } from './config';
import type { SubgraphName } from './departments';
import { ensureDatabaseExists, migrate, openDatabase, type Database } from './database';
import { databaseUnavailableError, databaseUnavailableLog } from './database-unavailable';
import { hasErrorCode, isUserFacing, type ErrorCode } from './errors';
import { applyTextGuard } from './text-guard';
import { createLogger, scrubPersonalData, type Logger } from './logger';
import { HttpError, serveGraphQL, serviceUrl, type RunningHttpServer } from './http';
import { AccessControl, type WorkerAuthority } from './auth/access';
import { accessReportPlugin, applyAccessRules, type AccessRules } from './auth/guard';
import { placementKind, type RequestIdentity, type ScopeKind } from './auth/identity';
import { INTERNAL_IDENTITY_HEADER, InternalIdentityVerifier, TokenError, verifyInternalIdentity } from './auth/tokens';
import { VisibilityCache } from './auth/visibility-cache';
import { forkWithChangeContext, type ChangeContext } from './history';
import { DEFAULT_IMPORT_ROW_RETENTION_DAYS, DEFAULT_IMPORT_STALE_MINUTES, startImportMaintenance } from './import/maintenance';
import type { DepartmentHistory } from './history-read';
import type { AuthorityName } from './departments';
import { knexPoolUse, metricsPlugin, ServiceMetrics } from './metrics';

/** What every resolver receives: one forked EntityManager and fresh loaders per request. */
export interface SubgraphContext<TLoaders = unknown> {
  em: EntityManager;
  loaders: TLoaders;
  config: SubgraphConfig;
  requestId: string;
  logger: Logger;
  /** Who asks (verified from the gateway's signature) and for what purpose. */
  identity: RequestIdentity;
  /** What this identity may see and write, decided per record (common/src/auth/access.ts). */
  access: AccessControl;
  /**
   * Who writes and from where, for the change history: set once the operation is known
   * (changeContextPlugin), applied to every transaction `em` starts (common/src/history.ts).
   */
  change: { current: ChangeContext | null };
  /** Set once the operation is resolved (changeContextPlugin): a query may read from the read replica (LoaderRequest). */
  operation: { kind: 'query' | 'mutation' | 'subscription' | null };
  /**
   * Asks an authority department (hr, partner, training) on one of its internal routes, with the
   * caller's own signed identity (as the access checks do): e.g. whether the postings a service
   * record names exist there (common/src/service-record). JSON in and out; SUBGRAPH_UNAVAILABLE
   * when it does not answer.
   */
  askDepartment(department: AuthorityName, path: string, body: unknown): Promise<unknown>;
}

/**
 * A department that can tell, from its own records, which workers an identity of one kind may
 * see: hr for region staff (residence), partner for partner-city staff (transfers), training
 * for institution staff (trainees). The others ask it over /internal/visible-workers.
 */
export interface LocalAuthority<TLoaders = any> {
  kind: Exclude<ScopeKind, 'none'>;
  /** Gets the request's EntityManager and loaders, so it can share their caches with the fields. */
  visibleWorkers(request: { em: EntityManager; loaders: TLoaders }, identity: RequestIdentity, workerIds: readonly string[]): Promise<Set<string>>;
}

export const AUTHORITY_FOR: Record<Exclude<ScopeKind, 'none'>, AuthorityName> = {
  region: 'hr',
  'partner-city': 'partner',
  institution: 'training',
};

export const VISIBLE_WORKERS_PATH = '/internal/visible-workers';

/** hr's residence lookup for the gateway's access log: worker pseudonyms → village codes (subgraphs/hr/src/worker/worker-villages.ts). */
export const WORKER_VILLAGES_PATH = '/internal/worker-villages';
/**
 * The identity the gateway signs when it asks for villages; the route answers no other. No user
 * request reaches that route: the gateway sends users' requests to /graphql only, and subgraphs
 * forward a caller's identity only to /internal/visible-workers.
 */
export const ACCESS_LOG_SERVICE = { subject: 'gateway:access-log', department: 'auditor', role: 'viewer', permissions: [] } as const;

/** What createLoaders may ask of the request it serves. */
export interface LoaderRequest {
  /** True once the request is known to be a GraphQL query operation; false for mutations, downloads, routes and until the operation is resolved. */
  readOnly(): boolean;
  /**
   * True once the request is known to be a GraphQL mutation. Loaders that read plain rows
   * (leanRows) load entities then: the mutation's transactions keep the request's entities
   * current (merged back into its EntityManager), never a plain row read before the write.
   */
  writes(): boolean;
}

const NOT_READ_ONLY: LoaderRequest = { readOnly: () => false, writes: () => false };

type ReferenceResolver<TLoaders> = (reference: any, context: SubgraphContext<TLoaders>) => unknown;

/** Everything that makes one department's subgraph; each subgraph's index.ts exports one. */
export interface SubgraphModule<TLoaders = unknown> {
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes resolver classes as NonEmptyArray<Function>
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's orphanedTypes is Function[]
  orphanedTypes?: Function[];
  /** `__resolveReference` per federated entity type; must go through a DataLoader. */
  referenceResolvers: Record<string, ReferenceResolver<TLoaders>>;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  /**
   * `request.readOnly()` tells, when a statement runs, whether it serves a GraphQL query (not a
   * mutation, a download or an internal route): such statements may go to the read replica
   * (`em.getConnection('read')`, SubgraphConfig.readDatabaseUrl).
   */
  createLoaders(em: EntityManager, config: SubgraphConfig, request: LoaderRequest): TLoaders;
  /** Which types hold personal data and which fields are sensitive (the subgraph's access.ts). */
  access: AccessRules;
  /** The change history: how each captured table reads in the graph, and the tables left out (common/src/history-read.ts). */
  history?: DepartmentHistory;
  authority?: LocalAuthority<TLoaders>;
  /** Work the service does besides answering (the situation read model's change feed); started after migrations, stopped first. */
  background?(config: SubgraphConfig, logger: Logger): Promise<BackgroundWork>;
  /** The module's own metrics (the read model's lag and outbox depth), given its background work; not called with METRICS=off. */
  metrics?(metrics: ServiceMetrics, background: BackgroundWork | null): void;
  /** Extra internal POST routes (JSON in and out), with the same per-request context as a GraphQL request. */
  routes?: Record<string, (context: SubgraphContext<TLoaders>, body: unknown) => Promise<unknown>>;
  /** GET downloads under a prefix (exports), with the same per-request context as a GraphQL request. */
  downloads?: {
    prefix: string;
    handle(context: SubgraphContext<TLoaders>, url: URL, response: ServerResponse): Promise<void>;
  };
  /** Spreadsheet imports under IMPORTS_PREFIX: POST /imports/<kind> (the file as the body) and GET /imports/runs/<id>/rejected.xlsx; same context as a GraphQL request. */
  imports?: {
    handle(context: SubgraphContext<TLoaders>, request: IncomingMessage, url: URL, response: ServerResponse): Promise<void>;
  };
}

/** Where a department serves its imports, and the gateway its proxy to them (followed by the department's name). */
export const IMPORTS_PREFIX = '/imports/';

export interface BackgroundWork {
  stop(): Promise<void>;
}

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

export async function buildFederatedSchema(module: SubgraphModule<any>): Promise<GraphQLSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: module.resolvers,
    orphanedTypes: module.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(typeGraphQLSchema) as Record<string, any>;
  for (const [typeName, resolveReference] of Object.entries(module.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphQLSchema)}`);
  // Text checks wrap outside the access rules: bad input is refused before anything is looked up.
  return applyTextGuard(applyAccessRules(buildSubgraphSchema({ typeDefs, resolvers }), module.access));
}

/** The subgraph's SDL as composition sees it (committed under schema/). */
export async function printSubgraphSdl(module: SubgraphModule<any>): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(module)) + '\n';
}

/**
 * Errors users can act on pass through; anything else becomes "internal error" with the
 * request id, and the real error (scrubbed of ID numbers and phones) goes to the log.
 */
export function maskingPlugin(logger: Logger): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (isUserFacing(error) || isUserFacing(original)) continue;
            const detail = original instanceof Error ? (original.stack ?? original.message) : String(original);
            logger.error({ requestId: contextValue.requestId, path: error.path, error: scrubPersonalData(detail) }, 'unexpected error');
          }
        },
      };
    },
  };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  // Also passed on: a department this one had to ask (an access authority) did not answer — the
  // error names the department and nothing personal, and the gateway treats it as its own.
  if (isUserFacing(error) || isUserFacing(original) || hasErrorCode(original, 'SUBGRAPH_UNAVAILABLE') || hasErrorCode(error, 'SUBGRAPH_UNAVAILABLE')) {
    const { stacktrace: _dropped, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal error; quote the request id to the operators',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode },
  };
}

/**
 * The change history's context for a GraphQL write, in one place: once the operation is resolved,
 * a mutation's transactions are recorded as written by the signed identity's account id (never a
 * name or ID number), origin 'mutation', detail its root field names. Other operations write
 * nothing; if one did, its change would be recorded as 'direct'.
 */
export function changeContextPlugin(): ApolloServerPlugin<Pick<SubgraphContext, 'identity' | 'change'> & Partial<Pick<SubgraphContext, 'operation'>>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.operation && operation) contextValue.operation.kind = operation.operation;
          if (operation?.operation !== 'mutation' || !contextValue.change) return;
          const fields = operation.selectionSet.selections.flatMap((selection) => (selection.kind === 'Field' ? [selection.name.value] : []));
          contextValue.change.current = { actor: contextValue.identity.subject, origin: 'mutation', detail: [...new Set(fields)].join(',') || null };
        },
      };
    },
  };
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  port: number;
  database: Database;
  background: BackgroundWork | null;
  /** This service's metrics (GET /metrics); null with METRICS=off. */
  metrics: ServiceMetrics | null;
  /** /ready answers 503 draining from now on; requests are still served until stop(). */
  drain(): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Run committed migrations before serving (default true). */
  migrate?: boolean;
  logger?: Logger;
  /** Replaces the remote authorities (tests of one subgraph alone); the local authority still answers its own kind. */
  remoteAuthority?: WorkerAuthority;
  /** Start the module's background work (default true). */
  background?: boolean;
}

const MAX_AUTHORITY_BATCH = 5000;

/** Asks the department that knows (see LocalAuthority), forwarding the gateway's signed identity. */
function remoteAuthority(config: SubgraphConfig, token: string, cache: VisibilityCache): WorkerAuthority {
  return async (identity, allWorkerIds) => {
    const kind = placementKind(identity);
    if (kind === 'none') return new Set();
    const { visible: known, unknown: workerIds } = cache.lookup(identity, allWorkerIds);
    if (workerIds.length === 0) return known;
    const authority = AUTHORITY_FOR[kind];
    const url = serviceUrl(config.authorityUrls[authority], VISIBLE_WORKERS_PATH);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_IDENTITY_HEADER]: token, 'x-request-id': identity.requestId },
        body: JSON.stringify({ workerIds }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      throw new GraphQLError(`cannot check access: the ${authority} department does not answer`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' satisfies ErrorCode, department: authority },
        originalError: error as Error,
      });
    }
    if (!response.ok) {
      throw new GraphQLError(`cannot check access: the ${authority} department refused the check (${response.status})`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' satisfies ErrorCode, department: authority },
      });
    }
    const body = (await response.json()) as { visible?: unknown };
    const visible = new Set(Array.isArray(body.visible) ? body.visible.filter((id): id is string => typeof id === 'string') : []);
    cache.remember(identity, workerIds, visible);
    for (const id of known) visible.add(id);
    return visible;
  };
}

/** POSTs to an authority's internal route with the caller's signed identity (SubgraphContext.askDepartment). */
function askDepartment(config: SubgraphConfig, token: string, requestId: string): SubgraphContext['askDepartment'] {
  return async (department, path, body) => {
    let response: Response;
    try {
      response = await fetch(serviceUrl(config.authorityUrls[department], path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_IDENTITY_HEADER]: token, 'x-request-id': requestId },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      throw new GraphQLError(`the ${department} department does not answer`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' satisfies ErrorCode, department },
        originalError: error as Error,
      });
    }
    if (!response.ok) {
      throw new GraphQLError(`the ${department} department refused the request (${response.status})`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' satisfies ErrorCode, department },
      });
    }
    return response.json();
  };
}

/** Who calls a subgraph: the identity the gateway signed, and the signed token itself (passed on to the authorities). */
export interface InternalCaller {
  identity: RequestIdentity;
  token: string;
}

/**
 * The identity the gateway signed (x-jiuye-identity), verified with INTERNAL_SIGNING_KEY (the
 * departments through an InternalIdentityVerifier, which verifies each token once): every
 * service behind the gateway (the departments, the audit service) answers nothing without it,
 * 401 UNAUTHENTICATED naming why (no-gateway-identity, expired, bad signature …).
 */
export async function authenticateGatewayIdentity(request: IncomingMessage, signingKey: string | InternalIdentityVerifier): Promise<InternalCaller> {
  const header = request.headers[INTERNAL_IDENTITY_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) {
    throw new HttpError(401, 'departments answer requests that come through the gateway only', 'UNAUTHENTICATED', { reason: 'no-gateway-identity' });
  }
  try {
    const identity = typeof signingKey === 'string' ? await verifyInternalIdentity(token, signingKey) : await signingKey.verify(token);
    return { identity, token };
  } catch (error) {
    const reason = error instanceof TokenError ? error.reason : 'invalid';
    throw new HttpError(401, 'the identity did not come from the gateway', 'UNAUTHENTICATED', { reason });
  }
}

export async function startSubgraph<TLoaders>(module: SubgraphModule<TLoaders>, config: SubgraphConfig, options: StartOptions = {}): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(`subgraph-${module.name}`, config.logLevel);
  await ensureDatabaseExists(config.databaseUrl);
  const database = await openDatabase({
    url: config.databaseUrl,
    entities: module.entities,
    migrations: module.migrations,
    logSql: process.env.LOG_SQL === '1',
    ...(config.readDatabaseUrl ? { replicaUrl: config.readDatabaseUrl } : {}),
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    acquireTimeoutMs: config.databaseAcquireTimeoutMs ?? DEFAULT_DB_ACQUIRE_TIMEOUT_MS,
    logger,
  });
  let background: BackgroundWork | null = null;
  let maintenance: BackgroundWork | null = null;
  try {
    if (options.migrate !== false) {
      const applied = await migrate(database.orm, { onWait: () => logger.info('another process is migrating this database; waiting for it') });
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    background = module.background && options.background !== false ? await module.background(config, logger) : null;
    // A department that imports: runs left 'running' by a killed process are marked failed at start and every few minutes, and old rows' cells are cleared.
    if (module.imports) {
      maintenance = await startImportMaintenance(
        database.orm.em as EntityManager,
        { retentionDays: config.importRowRetentionDays ?? DEFAULT_IMPORT_ROW_RETENTION_DAYS, staleMinutes: config.importStaleMinutes ?? DEFAULT_IMPORT_STALE_MINUTES },
        logger,
      );
    }
    const metrics = config.metrics === false ? null : new ServiceMetrics(module.name);
    if (metrics) {
      metrics.watchPool(module.name, () => knexPoolUse(database.orm.em.getConnection().getKnex()));
      module.metrics?.(metrics, background);
    }
    const schema = await buildFederatedSchema(module);
    const logUnavailable = databaseUnavailableLog(logger, module.name);
    const server = new ApolloServer<SubgraphContext<TLoaders>>({
      schema,
      // A field that failed because the database is down says so (SUBGRAPH_UNAVAILABLE), not "internal error"; the cause goes to the log.
      formatError: (formatted, error) => {
        const unavailable = databaseUnavailableError(module.name, formatted, error);
        if (!unavailable) return formatError(formatted, error);
        logUnavailable(error);
        return unavailable;
      },
      includeStacktraceInErrorResponses: false,
      introspection: config.environment !== 'production',
      logger,
      // runSubgraphMain stops the service on SIGINT/SIGTERM, after draining (stopOnSignals); Apollo Server's own handler would stop it at once.
      stopOnTerminationSignals: false,
      // Inline traces are for Apollo GraphOS reporting, which this platform does not use.
      plugins: [maskingPlugin(logger), accessReportPlugin(), changeContextPlugin(), metricsPlugin(metrics), ApolloServerPluginInlineTraceDisabled()],
    });
    await server.start();
    const localAuthority = module.authority;
    const visibilityCache = new VisibilityCache(config.accessCacheSeconds ?? 30);
    const identities = new InternalIdentityVerifier(config.internalSigningKey);
    const authorityFor = (token: string, em: EntityManager, loaders: TLoaders): WorkerAuthority => {
      const remote = options.remoteAuthority ?? remoteAuthority(config, token, visibilityCache);
      return (identity, workerIds) =>
        localAuthority && localAuthority.kind === placementKind(identity) ? localAuthority.visibleWorkers({ em, loaders }, identity, workerIds) : remote(identity, workerIds);
    };
    const contextFor = async (_request: IncomingMessage, requestId: string, { identity, token }: InternalCaller): Promise<SubgraphContext<TLoaders>> => {
      const change: SubgraphContext['change'] = { current: null };
      const operation: SubgraphContext['operation'] = { kind: null };
      const em = forkWithChangeContext(database.orm.em as EntityManager, () => change.current);
      const loaders = module.createLoaders(em, config, { readOnly: () => operation.kind === 'query', writes: () => operation.kind === 'mutation' });
      const access = new AccessControl(identity, authorityFor(token, em, loaders));
      return { em, loaders, config, requestId, logger, identity, access, change, operation, askDepartment: askDepartment(config, token, requestId) };
    };
    const http: RunningHttpServer = await serveGraphQL<SubgraphContext<TLoaders>, InternalCaller>(server, {
      port: config.port,
      host: config.host,
      logger,
      // Each signed identity verified once per department (it comes several times per gateway request).
      authenticate: (request) => authenticateGatewayIdentity(request, identities),
      metrics,
      metricsToken: config.metricsToken,
      departmentOf: ({ identity }) => identity.department,
      // SQL statements so far and memory, for npm run bench; not in production.
      stats: config.environment === 'production' ? undefined : () => ({ statements: database.statements.total, rss: process.memoryUsage().rss }),
      context: contextFor,
      downloads: [
        ...(module.downloads
          ? [
              {
                prefix: module.downloads.prefix,
                handle: async (request: IncomingMessage, response: ServerResponse, url: URL, requestId: string, caller: InternalCaller) =>
                  module.downloads!.handle(await contextFor(request, requestId, caller), url, response),
              },
            ]
          : []),
        ...(module.imports
          ? [
              {
                prefix: IMPORTS_PREFIX,
                methods: ['GET', 'POST'] as const,
                handle: async (request: IncomingMessage, response: ServerResponse, url: URL, requestId: string, caller: InternalCaller) =>
                  module.imports!.handle(await contextFor(request, requestId, caller), request, url, response),
              },
            ]
          : []),
      ],
      routes: {
        ...Object.fromEntries(
          Object.entries(module.routes ?? {}).map(([path, handle]) => [
            path,
            async (request: IncomingMessage, body: unknown, requestId: string, caller: InternalCaller) => handle(await contextFor(request, requestId, caller), body),
          ]),
        ),
        async [VISIBLE_WORKERS_PATH](_request, body, _requestId, { identity }) {
          const workerIds = (body as { workerIds?: unknown })?.workerIds;
          if (!Array.isArray(workerIds) || workerIds.length > MAX_AUTHORITY_BATCH || !workerIds.every((id) => typeof id === 'string' && id.length <= 64)) {
            throw new HttpError(400, `workerIds: expected up to ${MAX_AUTHORITY_BATCH} worker ids`);
          }
          if (!localAuthority || localAuthority.kind !== placementKind(identity)) {
            throw new HttpError(400, `the ${module.name} department does not decide access for this kind of account`);
          }
          const em = database.orm.em.fork() as EntityManager;
          const visible = await localAuthority.visibleWorkers({ em, loaders: module.createLoaders(em, config, NOT_READ_ONLY) }, identity, workerIds);
          return { visible: [...visible] };
        },
      },
      async ready() {
        await database.orm.em.getConnection().execute('select 1');
      },
    });
    logger.info({ url: http.url }, `${module.name} subgraph ready`);
    return {
      name: module.name,
      url: http.url,
      port: http.port,
      database,
      background,
      metrics,
      drain: () => http.drain(),
      async stop() {
        await background?.stop();
        await maintenance?.stop();
        await http.close();
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await background?.stop().catch(() => undefined);
    await maintenance?.stop().catch(() => undefined);
    await database.close();
    throw error;
  }
}

export { GraphQLError };

/** The body of every subgraph's main.ts: config → database → server, stopped cleanly on a signal. */
export function runSubgraphMain<TLoaders>(module: SubgraphModule<TLoaders>, readConfig: () => SubgraphConfig): void {
  let config: SubgraphConfig;
  try {
    config = readConfig();
  } catch (error) {
    console.error(`${module.name} subgraph cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
  const logger = createLogger(`subgraph-${module.name}`, config.logLevel);
  exitOnCrash(logger, `${module.name} subgraph`);
  startSubgraph(module, config, { logger })
    .then((running) => stopOnSignals(running, config.drainMs ?? 0, logger))
    .catch((error) => {
      logger.fatal({ error: scrubPersonalData(String((error as Error).stack ?? error)) }, `${module.name} subgraph failed to start`);
      process.exit(1);
    });
}

/**
 * A crash (an exception nothing caught, a promise rejected with nobody waiting) ends the process
 * with exit code 1, as Node would, but says so in the service's log first, as one fatal line
 * whose message and stack are scrubbed of ID and phone numbers: Node's own report goes to stderr
 * unscrubbed and outside the log, where neither an operator's log search nor a test sees it.
 */
export function exitOnCrash(logger: Logger, service: string): void {
  const crash = (kind: string) => (error: unknown) => {
    try {
      logger.fatal({ kind, error: scrubPersonalData(String((error as Error)?.stack ?? error)) }, `${service} crashed: ${kind}; exiting`);
      logger.flush?.();
    } finally {
      process.exit(1);
    }
  };
  process.on('uncaughtException', crash('an exception nothing caught'));
  process.on('unhandledRejection', crash('a promise rejected with nothing waiting for it'));
}

/**
 * SIGTERM (or SIGINT): /ready turns 503 (draining) so load balancers stop sending work, requests
 * keep being served for `drainMs`, then the service stops listening, finishes what is under way
 * and exits. A second signal exits at once.
 */
export function stopOnSignals(running: { drain(): void; stop(): Promise<void> }, drainMs: number, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    running.drain();
    logger.info({ signal, drainMs }, 'draining: /ready answers 503; stopping once the drain time is over and requests under way have finished');
    setTimeout(() => {
      running.stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ error: scrubPersonalData(String((error as Error).stack ?? error)) }, 'stopping failed');
          process.exit(1);
        },
      );
    }, drainMs);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
