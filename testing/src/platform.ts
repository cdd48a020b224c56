import path from 'node:path';
import {
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
  mintUserToken,
  DEPARTMENT_NAMES,
  SUBGRAPH_NAMES,
  type AuditConfig,
  type AuthorityName,
  type SituationConfig,
  type GatewayConfig,
  type Identity,
  type JwtSettings,
  type Purpose,
  type SubgraphName,
} from '@jiuye/common';
import { DEFAULT_QUERY_LIMITS, startAuditService, type RunningAuditService, type RunningGateway } from '@jiuye/gateway';
import { seedDemoCounty, SUBGRAPH_MODULES, type SeedReport } from '@jiuye/devtools';
import {
  freshDatabaseUrl,
  postGraphQL,
  startTestSubgraph,
  TEST_INTERNAL_SIGNING_KEY,
  TEST_LOG_LEVEL,
  TEST_PSEUDONYM_KEY,
  TEST_SUBGRAPH_TIMEOUT_MS,
  testSubgraphConfig,
  type GraphQLResponse,
  type TestSubgraph,
} from './harness';
import { createDemoCounty, type DemoCounty } from '@jiuye/devtools';
import { gatewayEngine, startEngine, type GatewayEngine } from './engine';

export const TEST_JWT: JwtSettings & { secret: string } = {
  issuer: DEFAULT_JWT_ISSUER,
  audience: DEFAULT_JWT_AUDIENCE,
  algorithm: 'HS256',
  secret: 'test-jwt-secret-for-jest-runs-only-0123456789abcdef',
};

/** The demo county 东川区. */
export const DEMO_COUNTY = '530113';

/** Who platform.query speaks as: an hr officer of the demo county, allowed to reveal. */
export const COUNTY_OFFICER: Identity = { subject: 'test-county-officer', department: 'hr', role: 'officer', region: DEMO_COUNTY, permissions: ['reveal'] };

export function tokenFor(identity: Identity, options: { expiresIn?: string | number; notBefore?: string | number } = {}): Promise<string> {
  return mintUserToken(identity, TEST_JWT, options);
}

/** Headers of a user request: the bearer token and, unless null, the purpose (verification by default). */
export async function userHeaders(identity: Identity | string, purpose: Purpose | null = 'verification'): Promise<Record<string, string>> {
  const token = typeof identity === 'string' ? identity : await tokenFor(identity);
  return { authorization: `Bearer ${token}`, ...(purpose ? { 'x-purpose': purpose } : {}) };
}

export interface TestPlatform {
  gateway: RunningGateway;
  /** The audit service (the access log in the graph), which the gateway routes to over HTTP. */
  audit: RunningAuditService;
  subgraphs: Record<SubgraphName, TestSubgraph>;
  county: DemoCounty;
  seed: SeedReport;
  /** As COUNTY_OFFICER with purpose verification. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** As another identity (or a raw token), with a purpose (null: none). */
  queryAs<T = any>(identity: Identity | string, query: string, variables?: Record<string, unknown>, purpose?: Purpose | null): Promise<GraphQLResponse<T>>;
  auditDatabaseUrl: string;
  /** Runs one gateway request and returns the SQL statements it cost in each subgraph. */
  countStatements<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ response: GraphQLResponse<T>; statements: Record<SubgraphName, number> }>;
  stop(): Promise<void>;
}

/** The situation read model's configuration in tests: the departments' test databases, a quick poll. */
export function situationTestConfig(
  base: ReturnType<typeof testSubgraphConfig>,
  databaseUrls: Record<SubgraphName, string>,
  overrides: Partial<SituationConfig> = {},
): SituationConfig {
  return {
    ...base,
    name: 'situation',
    sourceDatabaseUrls: Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, databaseUrls[name]])) as SituationConfig['sourceDatabaseUrls'],
    pollMs: 200,
    suppressionThreshold: 5,
    weekEndsOn: 'FRIDAY',
    ...overrides,
  };
}

/** The audit service's configuration in tests: the access log's test database, a free port. */
export function auditTestConfig(auditDatabaseUrl: string, overrides: Partial<AuditConfig> = {}): AuditConfig {
  return {
    environment: 'test',
    logLevel: TEST_LOG_LEVEL,
    pseudonymKey: TEST_PSEUDONYM_KEY,
    internalSigningKey: TEST_INTERNAL_SIGNING_KEY,
    host: '127.0.0.1',
    port: 0,
    auditDatabaseUrl,
    ...overrides,
  };
}

/**
 * The whole platform in process: fresh databases (six subgraphs, the access log) seeded with a small demo county, the
 * six subgraphs and the audit service on free ports, and the gateway serving the committed supergraph with its
 * subgraph URLs pointed at them. The gateway is ours, or Hive Gateway with the plugin (engine 'hive', or GATEWAY_ENGINE=hive: testing/src/engine.ts).
 */
export async function startTestPlatform(
  workers = 300,
  gatewayOverrides: Partial<GatewayConfig> = {},
  {
    databaseUrls: databaseOverrides,
    situation: situationOverrides,
    engine = gatewayEngine(),
    ...subgraphOverrides
  }: { accessCacheSeconds?: number; databaseUrls?: Partial<Record<SubgraphName, string>>; situation?: Partial<SituationConfig>; engine?: GatewayEngine } = {},
): Promise<TestPlatform> {
  // A database may live elsewhere (tests/faults: a department's own PostgreSQL, stopped and started again).
  const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, databaseOverrides?.[name] ?? freshDatabaseUrl(name)])) as Record<SubgraphName, string>;
  const seed = await seedDemoCounty({ databaseUrls, pseudonymKey: TEST_PSEUDONYM_KEY, workers, batchSize: 100 });
  const subgraphs = {} as Record<SubgraphName, TestSubgraph>;
  // One object shared by every subgraph's config, filled once all listen: each asks the real authorities.
  const authorityUrls = {} as Record<AuthorityName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const config = { ...testSubgraphConfig(name, databaseUrls[name]), authorityUrls, ...subgraphOverrides };
    subgraphs[name] = await startTestSubgraph(SUBGRAPH_MODULES[name], name === 'situation' ? situationTestConfig(config, databaseUrls, situationOverrides) : config, {
      remoteAuthority: 'http',
    });
  }
  Object.assign(authorityUrls, { hr: subgraphs.hr.url, partner: subgraphs.partner.url, training: subgraphs.training.url });
  const auditDatabaseUrl = freshDatabaseUrl('audit');
  // The audit service reads the log the gateway writes; it listens first, so the gateway is given its URL.
  const audit = await startAuditService(auditTestConfig(auditDatabaseUrl));
  const auditUrl = audit.url;
  const gateway = await startEngine(engine, {
    environment: 'test',
    logLevel: TEST_LOG_LEVEL,
    pseudonymKey: TEST_PSEUDONYM_KEY,
    internalSigningKey: TEST_INTERNAL_SIGNING_KEY,
    jwt: TEST_JWT,
    auditDatabaseUrl,
    host: '127.0.0.1',
    port: 0,
    supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])),
    subgraphTimeoutMs: TEST_SUBGRAPH_TIMEOUT_MS,
    // Suites look the same few people up by ID number over and over; tests/security/03-id-probing.test.ts runs the real budget.
    limits: { ...DEFAULT_QUERY_LIMITS, idLookupsPerMinute: 100_000 },
    auditUrl,
    ...gatewayOverrides,
  });
  const queryAs = async <T>(identity: Identity | string, text: string, variables?: Record<string, unknown>, purpose: Purpose | null = 'verification') =>
    postGraphQL<T>(gateway.url, text, variables, await userHeaders(identity, purpose));
  const query = <T>(text: string, variables?: Record<string, unknown>) => queryAs<T>(COUNTY_OFFICER, text, variables);
  return {
    gateway,
    audit,
    queryAs,
    auditDatabaseUrl,
    subgraphs,
    county: createDemoCounty({ workers }),
    seed,
    query,
    async countStatements<T>(text: string, variables?: Record<string, unknown>) {
      const before = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].database.statements.total]));
      const response = await query<T>(text, variables);
      const statements = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].database.statements.total - before[name]])) as Record<SubgraphName, number>;
      return { response, statements };
    },
    async stop() {
      await gateway.stop();
      await audit.stop();
      await Promise.all(SUBGRAPH_NAMES.map((name) => subgraphs[name].stop()));
    },
  };
}
