import { randomBytes, randomUUID } from 'node:crypto';
import {
  INTERNAL_IDENTITY_HEADER,
  signInternalIdentity,
  startSubgraph,
  type Identity,
  type Purpose,
  type RequestIdentity,
  type RunningSubgraph,
  type SubgraphConfig,
  type SubgraphModule,
  workerPseudonym,
  withDatabase,
} from '@jiuye/common';

export const TEST_PSEUDONYM_KEY = 'test-pseudonym-key-for-jest-runs-only-0123456789';
export const TEST_INTERNAL_SIGNING_KEY = 'test-internal-signing-key-for-jest-runs-only-0123';
/** The demo county (东川区) lies in province 53. */
export const TEST_REGION = '53';

/** Who a test speaks as: the subgraph's own department, province-wide, allowed to reveal, with a purpose. */
export function officerOf(department: Identity['department'], overrides: Partial<Identity & { purpose?: Purpose }> = {}): Identity & { purpose?: Purpose } {
  return { subject: `test-${department}-officer`, department, role: 'officer', region: TEST_REGION, permissions: ['reveal'], purpose: 'verification', ...overrides };
}

/** The header the gateway would add: the identity signed with the internal key. */
export async function gatewayHeaders(identity: Identity & { purpose?: Purpose }, key = TEST_INTERNAL_SIGNING_KEY): Promise<Record<string, string>> {
  const requestIdentity: RequestIdentity = { ...identity, requestId: randomUUID() };
  return { [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity(requestIdentity, key) };
}

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error('TEST_DATABASE_SERVER_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  return url;
}

/** A fresh, empty database on the test server, unique to this test file. */
export function freshDatabaseUrl(label: string): string {
  const name = `t_${label}_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  return withDatabase(testServerUrl(), name);
}

/** TEST_LOG_LEVEL=warn (or info…) lets the in-process services of a test log to its output; silent by default. */
export const TEST_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';

/**
 * The wall-clock limits of the in-process services. In a test every service of the platform
 * shares one event loop, and two test files share the machine's two cores: the production
 * limits (a connection in 5 s, a pooled one in 8 s, a department's answer in 10 s), tuned for a
 * service in a process of its own, would time the harness's CPU contention instead of the
 * database. The tests of those limits set their own (tests/faults/database-black-hole.test.ts,
 * gateway-faults, resilience, postgres-restart).
 */
export const TEST_DATABASE_TIMEOUT_MS = 20_000;
export const TEST_SUBGRAPH_TIMEOUT_MS = 30_000;

export function testSubgraphConfig(name: SubgraphConfig['name'], databaseUrl = freshDatabaseUrl(name)): SubgraphConfig {
  return {
    name,
    environment: 'test',
    logLevel: TEST_LOG_LEVEL,
    databaseConnectTimeoutMs: TEST_DATABASE_TIMEOUT_MS,
    databaseAcquireTimeoutMs: TEST_DATABASE_TIMEOUT_MS,
    pseudonymKey: TEST_PSEUDONYM_KEY,
    internalSigningKey: TEST_INTERNAL_SIGNING_KEY,
    host: '127.0.0.1',
    port: 0,
    databaseUrl,
    authorityUrls: { hr: 'http://127.0.0.1:9/graphql', partner: 'http://127.0.0.1:9/graphql', training: 'http://127.0.0.1:9/graphql' },
  };
}

export function pseudonymOf(idNumber: string): string {
  return workerPseudonym(idNumber, TEST_PSEUDONYM_KEY);
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export async function postGraphQL<T = any>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export interface TestSubgraph extends RunningSubgraph {
  config: SubgraphConfig;
  /** As the gateway would send it, for the subgraph's own officer (officerOf(name)). */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The same, for another identity. */
  queryAs<T = any>(identity: Identity & { purpose?: Purpose }, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs a request and returns how many SQL statements it cost. */
  countStatements<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ response: GraphQLResponse<T>; statements: number }>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface TestSubgraphOptions {
  /**
   * Who answers for workers this subgraph cannot place itself. One subgraph alone has no peers
   * to ask, so by default every worker is visible; tests/security.test.ts runs the real ones.
   */
  remoteAuthority?: ((identity: RequestIdentity, workerIds: readonly string[]) => Promise<Set<string>>) | 'http';
}

export async function startTestSubgraph(module: SubgraphModule<any>, config = testSubgraphConfig(module.name), options: TestSubgraphOptions = {}): Promise<TestSubgraph> {
  const remoteAuthority =
    options.remoteAuthority === 'http' ? undefined : (options.remoteAuthority ?? (async (_identity: RequestIdentity, ids: readonly string[]) => new Set(ids)));
  const running = await startSubgraph(module, config, { remoteAuthority });
  const queryAs = async <T>(identity: Identity & { purpose?: Purpose }, text: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(running.url, text, variables, await gatewayHeaders(identity, config.internalSigningKey));
  const query = <T>(text: string, variables?: Record<string, unknown>) => queryAs<T>(officerOf(module.name === 'situation' ? 'hr' : module.name), text, variables);
  return {
    ...running,
    config,
    query,
    queryAs,
    async countStatements<T>(text: string, variables?: Record<string, unknown>) {
      const before = running.database.statements.total;
      const response = await query<T>(text, variables);
      return { response, statements: running.database.statements.total - before };
    },
    async sql<T>(text: string, params: unknown[] = []) {
      return (await running.database.orm.em.getConnection().execute(text, params)) as T[];
    },
  };
}

/** An _entities request as the gateway sends it. */
export const ENTITIES_QUERY = (selection: string) => `query($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;

/**
 * A request's SQL cost must not grow with the number of parents: the small and the large
 * request both stay within a bound that does not depend on how many parents there are (N+1
 * would cost one statement per parent). Exactly equal counts are not required: when two
 * upstream queries finish in different event-loop turns, a dependent batch can split in two;
 * that is timing, not growth.
 */
export function expectFlatCost(small: number, large: number, bound: number): void {
  expect(small).toBeLessThanOrEqual(bound);
  expect(large).toBeLessThanOrEqual(bound);
}
