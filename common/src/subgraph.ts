import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLError, parse, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { SubgraphConfig, SubgraphName } from './config';
import { ensureDatabaseExists, migrate, openDatabase, type Database } from './database';
import { isUserFacing } from './errors';
import { createLogger, scrubPersonalData, type Logger } from './logger';
import { serveGraphQL, type RunningHttpServer } from './http';

/** What every resolver receives: one forked EntityManager and fresh loaders per request. */
export interface SubgraphContext<TLoaders = unknown> {
  em: EntityManager;
  loaders: TLoaders;
  config: SubgraphConfig;
  requestId: string;
  logger: Logger;
}

type ReferenceResolver<TLoaders> = (reference: any, context: SubgraphContext<TLoaders>) => unknown;

/** Everything that makes one department's subgraph; each subgraph's index.ts exports one. */
export interface SubgraphModule<TLoaders = unknown> {
  name: SubgraphName;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  /** `__resolveReference` per federated entity type; must go through a DataLoader. */
  referenceResolvers: Record<string, ReferenceResolver<TLoaders>>;
  entities: EntityClass<unknown>[];
  migrations: MigrationObject[];
  createLoaders(em: EntityManager, config: SubgraphConfig): TLoaders;
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
  return buildSubgraphSchema({ typeDefs, resolvers });
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
            const detail = original instanceof Error ? original.stack ?? original.message : String(original);
            logger.error({ requestId: contextValue.requestId, path: error.path, error: scrubPersonalData(detail) }, 'unexpected error');
          }
        },
      };
    },
  };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isUserFacing(error) || isUserFacing(original)) {
    const { stacktrace: _dropped, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal error; quote the request id to the operators',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  port: number;
  database: Database;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Run committed migrations before serving (default true). */
  migrate?: boolean;
  logger?: Logger;
}

export async function startSubgraph<TLoaders>(
  module: SubgraphModule<TLoaders>,
  config: SubgraphConfig,
  options: StartOptions = {},
): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(`subgraph-${module.name}`, config.logLevel);
  await ensureDatabaseExists(config.databaseUrl);
  const database = await openDatabase({
    url: config.databaseUrl,
    entities: module.entities,
    migrations: module.migrations,
    logSql: process.env.LOG_SQL === '1',
  });
  try {
    if (options.migrate !== false) {
      const applied = await migrate(database.orm);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    const schema = await buildFederatedSchema(module);
    const server = new ApolloServer<SubgraphContext<TLoaders>>({
      schema,
      formatError,
      includeStacktraceInErrorResponses: false,
      introspection: config.environment !== 'production',
      logger,
      // Inline traces are for Apollo GraphOS reporting, which this platform does not use.
      plugins: [maskingPlugin(logger), ApolloServerPluginInlineTraceDisabled()],
    });
    await server.start();
    const http: RunningHttpServer = await serveGraphQL(server, {
      port: config.port,
      host: config.host,
      logger,
      async context(_request: IncomingMessage, requestId: string) {
        const em = database.orm.em.fork() as EntityManager;
        return { em, loaders: module.createLoaders(em, config), config, requestId, logger };
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
      async stop() {
        await http.close();
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
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
  startSubgraph(module, config, { logger })
    .then((running) => {
      const stop = () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error) => {
      logger.fatal({ error: scrubPersonalData(String((error as Error).stack ?? error)) }, `${module.name} subgraph failed to start`);
      process.exit(1);
    });
}
