import path from 'node:path';
import { createDemoCounty, SUBGRAPH_NAMES, type DemoCounty, type GatewayConfig, type SubgraphName } from '@jiuye/common';
import { DEFAULT_QUERY_LIMITS, startGateway, type RunningGateway } from '@jiuye/gateway';
import { seedDemoCounty, type SeedReport } from '../../scripts/src/seed-lib';
import { SUBGRAPH_MODULES } from '../../scripts/src/subgraphs';
import { freshDatabaseUrl, postGraphQL, startTestSubgraph, TEST_PSEUDONYM_KEY, testSubgraphConfig, type GraphQLResponse, type TestSubgraph } from './harness';

export interface TestPlatform {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, TestSubgraph>;
  county: DemoCounty;
  seed: SeedReport;
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs one gateway request and returns the SQL statements it cost in each subgraph. */
  countStatements<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ response: GraphQLResponse<T>; statements: Record<SubgraphName, number> }>;
  stop(): Promise<void>;
}

/**
 * The whole platform in process: five fresh databases seeded with a small demo county, the
 * five subgraphs on free ports, and the gateway serving the committed supergraph with its
 * subgraph URLs pointed at them.
 */
export async function startTestPlatform(workers = 300, gatewayOverrides: Partial<GatewayConfig> = {}): Promise<TestPlatform> {
  const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, freshDatabaseUrl(name)])) as Record<SubgraphName, string>;
  const seed = await seedDemoCounty({ databaseUrls, pseudonymKey: TEST_PSEUDONYM_KEY, workers, batchSize: 100 });
  const subgraphs = {} as Record<SubgraphName, TestSubgraph>;
  for (const name of SUBGRAPH_NAMES) {
    subgraphs[name] = await startTestSubgraph(SUBGRAPH_MODULES[name], testSubgraphConfig(name, databaseUrls[name]));
  }
  const gateway = await startGateway({
    environment: 'test',
    logLevel: 'silent',
    pseudonymKey: TEST_PSEUDONYM_KEY,
    host: '127.0.0.1',
    port: 0,
    supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])),
    subgraphTimeoutMs: 10_000,
    limits: DEFAULT_QUERY_LIMITS,
    ...gatewayOverrides,
  });
  const query = <T>(text: string, variables?: Record<string, unknown>) => postGraphQL<T>(gateway.url, text, variables);
  return {
    gateway,
    subgraphs,
    county: createDemoCounty({ workers }),
    seed,
    query,
    async countStatements<T>(text: string, variables?: Record<string, unknown>) {
      const before = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].database.statements.total]));
      const response = await query<T>(text, variables);
      const statements = Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].database.statements.total - before[name]]),
      ) as Record<SubgraphName, number>;
      return { response, statements };
    },
    async stop() {
      await gateway.stop();
      await Promise.all(SUBGRAPH_NAMES.map((name) => subgraphs[name].stop()));
    },
  };
}
