import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { limitRules } from './limits';
import {
  createLogger,
  formatError,
  maskingPlugin,
  serveGraphQL,
  SUBGRAPH_NAMES,
  type GatewayConfig,
  type Logger,
  type SubgraphName,
} from '@jiuye/common';

export interface GatewayContext {
  requestId: string;
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

export async function startGateway(config: GatewayConfig, options: { logger?: Logger; supergraphSdl?: string } = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = options.supergraphSdl ?? readFileSync(config.supergraphPath, 'utf8');
  const urls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService({ name, url }) {
      const target = subgraphUrl(config, name, url ?? '');
      urls.set(name, target);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url: target,
        fetcher: fetchWithTimeout(config.subgraphTimeoutMs),
        willSendRequest({ request, context }) {
          if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
      });
    },
    logger: {
      debug: () => undefined,
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
  });

  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: config.environment !== 'production',
    // Limits are checked before the query is planned, so a bomb never reaches a department.
    validationRules: limitRules(config.limits),
    parseOptions: { maxTokens: config.limits.maxTokens },
    allowBatchedHttpRequests: false,
    logger,
    plugins: [maskingPlugin(logger)],
  });
  await server.start();
  const http = await serveGraphQL(server, {
    port: config.port,
    host: config.host,
    logger,
    async context(_request: IncomingMessage, requestId: string) {
      return { requestId };
    },
    async ready() {
      // Ready when every subgraph answers its own readiness check.
      await Promise.all(
        [...urls.values()].map(async (url) => {
          const response = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(2000) });
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
    },
  };
}

export { SUBGRAPH_NAMES };
