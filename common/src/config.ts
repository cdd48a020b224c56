import { z } from 'zod';
import { JWT_ALGORITHMS, pemAlgorithms, type JwtAlgorithm, type JwtSettings } from './auth/tokens';
import { AUTHORITIES, DEPARTMENT_NAMES, SUBGRAPH_NAMES, type AuthorityName, type DepartmentName, type SubgraphName } from './departments';
import { DEFAULT_HOST, deploymentSecretProblems, isLoopbackHost } from './deployment';

/**
 * Configuration is read once from the environment at start and validated; a service that is
 * misconfigured refuses to start with one message naming every variable that is wrong.
 * Secrets are never echoed back.
 */
// DEPARTMENT_NAMES, SUBGRAPH_NAMES and AUTHORITIES: common/src/departments.ts.

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway' | 'audit', number> = {
  gateway: 4000,
  hr: 4001,
  poverty: 4002,
  civil: 4003,
  training: 4004,
  partner: 4005,
  situation: 4006,
  /** The access log's reader (the audit subgraph); the gateway alone writes the log. */
  audit: 4007,
};

export const DEVELOPMENT_PSEUDONYM_KEY = 'development-only-pseudonym-key-change-me-in-production';
/** Development only: the key the gateway signs identities for the subgraphs with. */
export const DEVELOPMENT_INTERNAL_SIGNING_KEY = 'development-only-internal-signing-key-change-me';
/** Development only: the HS256 secret `npm run token` signs user tokens with. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-change-me-in-production';
export const DEFAULT_JWT_ISSUER = 'jiuye-dev-identity';
export const DEFAULT_JWT_AUDIENCE = 'jiuye-gateway';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const port = z.coerce
  .number({ message: 'expected a port number' })
  .int('expected a whole port number')
  .min(0, 'expected a port from 0 to 65535')
  .max(65535, 'expected a port from 0 to 65535');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/[^/]+(\/[^/?]+)?(\?.*)?$/, 'expected a URL such as postgres://user:password@host:5432/database');

const environment = z.enum(['development', 'test', 'production'], {
  message: 'expected development, test or production',
});
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  message: 'expected one of fatal, error, warn, info, debug, trace, silent',
});

function envKey(name: string): string {
  return name.toUpperCase();
}

function check<T>(schema: z.ZodType<T>, value: unknown, variable: string, problems: string[], secret = false): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const shown = secret || value === undefined ? '' : ` (got "${String(value)}")`;
  problems.push(`${variable}: ${result.error.issues[0]?.message ?? 'invalid'}${shown}`);
  return undefined as T;
}

export interface CommonConfig {
  environment: 'development' | 'test' | 'production';
  logLevel: string;
  pseudonymKey: string;
  /** Shared by the gateway (signs identities) and the subgraphs (verify them). */
  internalSigningKey: string;
  /** GET /metrics, Prometheus text (METRICS=on|off, default on). */
  metrics?: boolean;
  /** When set, GET /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>` (Prometheus' scrape authorization). */
  metricsToken?: string;
  /** After SIGTERM: how long /ready says draining while requests are still served, before the listener closes (DRAIN_MS, default 5000). */
  drainMs?: number;
}

const onOff = z.enum(['on', 'off'], { message: 'expected on or off' });

function readCommon(env: NodeJS.ProcessEnv, problems: string[]): CommonConfig {
  const environmentValue = check(environment, env.NODE_ENV ?? 'development', 'NODE_ENV', problems);
  const key = env.PSEUDONYM_KEY ?? (environmentValue === 'production' ? undefined : DEVELOPMENT_PSEUDONYM_KEY);
  return {
    environment: environmentValue,
    logLevel: check(logLevel, env.LOG_LEVEL ?? (environmentValue === 'test' ? 'silent' : 'info'), 'LOG_LEVEL', problems),
    pseudonymKey: check(
      z.string({ message: 'required in production: a secret of at least 32 characters shared by all subgraphs' }).min(32, 'must be at least 32 characters'),
      key,
      'PSEUDONYM_KEY',
      problems,
      true,
    ),
    internalSigningKey: check(
      z.string({ message: 'required in production: a secret of at least 32 characters shared by the gateway and the subgraphs' }).min(32, 'must be at least 32 characters'),
      env.INTERNAL_SIGNING_KEY ?? (environmentValue === 'production' ? undefined : DEVELOPMENT_INTERNAL_SIGNING_KEY),
      'INTERNAL_SIGNING_KEY',
      problems,
      true,
    ),
    metrics: check(onOff, env.METRICS ?? 'on', 'METRICS', problems) === 'on',
    metricsToken: env.METRICS_TOKEN ? check(z.string().min(16, 'must be at least 16 characters'), env.METRICS_TOKEN, 'METRICS_TOKEN', problems, true) : undefined,
    drainMs: check(
      z.coerce.number().int('expected whole milliseconds').min(0, 'expected 0 or more milliseconds').max(300_000, 'at most 300000 milliseconds'),
      env.DRAIN_MS ?? 5000,
      'DRAIN_MS',
      problems,
    ),
  };
}

/** Development keys beyond loopback or in production (common/src/deployment.ts): refused, naming each variable. */
function commonSecretProblems(config: CommonConfig & { host: string }, more: Parameters<typeof deploymentSecretProblems>[2] = []): string[] {
  return deploymentSecretProblems(config.host, config.environment, [
    { variable: 'INTERNAL_SIGNING_KEY', value: config.internalSigningKey, developmentValue: DEVELOPMENT_INTERNAL_SIGNING_KEY },
    { variable: 'PSEUDONYM_KEY', value: config.pseudonymKey, developmentValue: DEVELOPMENT_PSEUDONYM_KEY },
    ...more,
  ]);
}

function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://localhost:${DEFAULT_PORTS[name]}/graphql`;
}

const httpUrl = z.string().url('expected an http(s) URL such as http://hr:4001/graphql');

export interface SubgraphConfig extends CommonConfig {
  name: SubgraphName;
  host: string;
  port: number;
  databaseUrl: string;
  /** Where the authorities answer (HR_URL, PARTNER_URL, TRAINING_URL; their /graphql URL). */
  authorityUrls: Record<AuthorityName, string>;
  /** How long an authority's answer is reused (ACCESS_CACHE_SECONDS, default 30; 0: ask every time). */
  accessCacheSeconds?: number;
  /** Days a finished import keeps its rows' cells, the personal data of the rejected-rows file (IMPORT_ROW_RETENTION_DAYS, default 30). */
  importRowRetentionDays?: number;
  /** Minutes without a committed batch after which a running import is marked failed, interrupted (IMPORT_STALE_MINUTES, default 15). */
  importStaleMinutes?: number;
  /**
   * A read replica of the service's database (the situation read model: SITUATION_READ_DATABASE_URL):
   * GraphQL query operations read there; mutations, downloads and background work use databaseUrl.
   */
  readDatabaseUrl?: string;
  /** How long opening a database connection may take (DB_CONNECT_TIMEOUT_MS, default 5000; common/src/database.ts). */
  databaseConnectTimeoutMs?: number;
  /** How long a statement may wait for a pooled connection, opening one included (DB_ACQUIRE_TIMEOUT_MS, default 8000). */
  databaseAcquireTimeoutMs?: number;
}

/** The database a subgraph uses when only a server URL (DATABASE_URL) is given. */
export function defaultDatabaseName(name: SubgraphName): string {
  return `jiuye_${name}`;
}

/** Replaces the database part of a server URL. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** <NAME>_DATABASE_URL, or database jiuye_<name> on the DATABASE_URL server; neither is a problem naming both, and why. */
function readDatabaseUrl(name: SubgraphName, env: NodeJS.ProcessEnv, problems: string[], whyRequired: string): string | undefined {
  const variable = `${envKey(name)}_DATABASE_URL`;
  const own = env[variable];
  if (own) return check(postgresUrl, own, variable, problems, true);
  if (env.DATABASE_URL) {
    const valid = check(postgresUrl, env.DATABASE_URL, 'DATABASE_URL', problems, true);
    return valid ? withDatabase(valid, defaultDatabaseName(name)) : undefined;
  }
  problems.push(`${variable} or DATABASE_URL: ${whyRequired}`);
  return undefined;
}

/**
 * Without these a database that accepts TCP but never answers (a dead host behind a proxy, a
 * black-holing firewall) holds every request until the gateway's SUBGRAPH_TIMEOUT_MS: pg waits
 * for ever to connect, and knex 60 s for a connection. With them a request fails within a few
 * seconds with an error common/src/database-unavailable.ts recognises (DATABASE_UNAVAILABLE).
 */
export const DEFAULT_DB_CONNECT_TIMEOUT_MS = 5000;
/** The services' (DB_ACQUIRE_TIMEOUT_MS); below the gateway's SUBGRAPH_TIMEOUT_MS (10 s), so the department answers first. */
export const DEFAULT_DB_ACQUIRE_TIMEOUT_MS = 8000;

const databaseTimeout = z.coerce
  .number({ message: 'expected whole milliseconds' })
  .int('expected whole milliseconds')
  .min(100, 'at least 100 ms')
  .max(600_000, 'at most 600000 ms');

export function loadSubgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const problems: string[] = [];
  const common = readCommon(env, problems);
  const databaseUrl = readDatabaseUrl(name, env, problems, 'one is required (npm start sets them for the embedded PostgreSQL)');
  const config: SubgraphConfig = {
    ...common,
    name,
    host: env.HOST || DEFAULT_HOST,
    port: check(port, env[`${envKey(name)}_PORT`] ?? DEFAULT_PORTS[name], `${envKey(name)}_PORT`, problems),
    databaseUrl: databaseUrl as string,
    authorityUrls: Object.fromEntries(
      AUTHORITIES.map((authority) => {
        const variable = `${envKey(authority)}_URL`;
        return [authority, check(httpUrl, env[variable] ?? defaultSubgraphUrl(authority), variable, problems)];
      }),
    ) as Record<AuthorityName, string>,
    accessCacheSeconds: check(
      z.coerce.number().int('expected whole seconds').min(0, 'expected 0 or more seconds').max(3600, 'at most 3600 seconds'),
      env.ACCESS_CACHE_SECONDS ?? 30,
      'ACCESS_CACHE_SECONDS',
      problems,
    ),
    importRowRetentionDays: check(
      z.coerce.number().int('expected whole days').min(1, 'at least 1 day').max(3650, 'at most 3650 days'),
      env.IMPORT_ROW_RETENTION_DAYS ?? 30,
      'IMPORT_ROW_RETENTION_DAYS',
      problems,
    ),
    importStaleMinutes: check(
      z.coerce.number().int('expected whole minutes').min(1, 'at least 1 minute').max(1440, 'at most 1440 minutes'),
      env.IMPORT_STALE_MINUTES ?? 15,
      'IMPORT_STALE_MINUTES',
      problems,
    ),
    databaseConnectTimeoutMs: check(databaseTimeout, env.DB_CONNECT_TIMEOUT_MS ?? DEFAULT_DB_CONNECT_TIMEOUT_MS, 'DB_CONNECT_TIMEOUT_MS', problems),
    databaseAcquireTimeoutMs: check(databaseTimeout, env.DB_ACQUIRE_TIMEOUT_MS ?? DEFAULT_DB_ACQUIRE_TIMEOUT_MS, 'DB_ACQUIRE_TIMEOUT_MS', problems),
  };
  problems.push(...commonSecretProblems(config));
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface SituationConfig extends SubgraphConfig {
  name: 'situation';
  /** Where the departments' databases are (read-only use: their outbox and their rows). */
  sourceDatabaseUrls: Record<DepartmentName, string>;
  /** How often the outboxes are polled besides LISTEN/NOTIFY (SITUATION_POLL_MS, default 1000). */
  pollMs: number;
  /** Counts below this are not published to dashboards (SUPPRESSION_THRESHOLD, default 5). */
  suppressionThreshold: number;
  /**
   * How old the data of an indicators answer may be while its tables are computed again after a
   * change (INDICATORS_MAX_STALE_SECONDS, default 0: a request after a change waits for the
   * computation). Above 0, a request meanwhile gets the tables last computed if they were read at
   * most this long ago, with the freshness of that reading; omitted → 0.
   */
  indicatorsMaxStaleSeconds?: number;
  /**
   * The share of the service's time the background refresher of the kept indicators may take
   * (INDICATORS_REFRESH_SHARE, 0 to 0.9, default 0.2): after computing a changed period again it
   * rests (1 / share − 1) × as long. 0 turns it off: after a change the next request computes.
   * Omitted → 0.2.
   */
  indicatorsRefreshShare?: number;
  /** The last day of the ranking week (WEEK_ENDS_ON, default FRIDAY: the Friday ranking covers Saturday–Friday). */
  weekEndsOn: Weekday;
  /** Days a task has before it is overdue (ZERO_EMPLOYMENT_CLEAR_DAYS, TASK_DUE_DAYS_*); omitted → DEFAULT_TASK_DUE_DAYS. */
  taskDueDays?: TaskDueDays;
  /**
   * Whether a zero-employment household's new task goes to its responsible cadre's staff account
   * by itself (TASK_AUTO_ASSIGN, on or off, default on); off: every task waits for an officer.
   */
  taskAutoAssign?: boolean;
}

/** 任务期限 — days from when a task's situation began to its due date. */
export interface TaskDueDays {
  /** A zero-employment household is to be cleared within this many days (ZERO_EMPLOYMENT_CLEAR_DAYS, default 15). */
  zeroEmployment: number;
  /** Warnings by level (TASK_DUE_DAYS_RED / _ORANGE / _YELLOW, default 7 / 15 / 30). */
  red: number;
  orange: number;
  yellow: number;
  /** Conflicts (TASK_DUE_DAYS_CONFLICT, default 30). */
  conflict: number;
}

export const DEFAULT_TASK_DUE_DAYS: TaskDueDays = { zeroEmployment: 15, red: 7, orange: 15, yellow: 30, conflict: 30 };

const TASK_DUE_DAYS_VARIABLES: Record<keyof TaskDueDays, string> = {
  zeroEmployment: 'ZERO_EMPLOYMENT_CLEAR_DAYS',
  red: 'TASK_DUE_DAYS_RED',
  orange: 'TASK_DUE_DAYS_ORANGE',
  yellow: 'TASK_DUE_DAYS_YELLOW',
  conflict: 'TASK_DUE_DAYS_CONFLICT',
};

/** The situation read model: its own database plus where each department's database is. */
export function loadSituationConfig(env: NodeJS.ProcessEnv = process.env): SituationConfig {
  const problems: string[] = [];
  let base: SubgraphConfig | undefined;
  try {
    base = loadSubgraphConfig('situation', env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const sourceDatabaseUrls = {} as Record<DepartmentName, string>;
  for (const name of DEPARTMENT_NAMES) {
    sourceDatabaseUrls[name] = readDatabaseUrl(name, env, problems, "the situation service reads every department's database") as string;
  }
  const pollMs = check(
    z.coerce.number().int('expected whole milliseconds').min(50, 'at least 50 ms').max(60_000, 'at most 60000 ms'),
    env.SITUATION_POLL_MS ?? 1000,
    'SITUATION_POLL_MS',
    problems,
  );
  const suppressionThreshold = check(
    z.coerce.number().int('expected a whole number').min(1, 'at least 1').max(100, 'at most 100'),
    env.SUPPRESSION_THRESHOLD ?? 5,
    'SUPPRESSION_THRESHOLD',
    problems,
  );
  const indicatorsMaxStaleSeconds = check(
    z.coerce.number().int('expected whole seconds').min(0, 'at least 0').max(3600, 'at most 3600 seconds'),
    env.INDICATORS_MAX_STALE_SECONDS ?? 0,
    'INDICATORS_MAX_STALE_SECONDS',
    problems,
  );
  const indicatorsRefreshShare = check(
    z.coerce.number({ message: 'expected a number from 0 to 0.9' }).min(0, 'at least 0 (0: off)').max(0.9, 'at most 0.9'),
    env.INDICATORS_REFRESH_SHARE ?? 0.2,
    'INDICATORS_REFRESH_SHARE',
    problems,
  );
  const weekEndsOn = check(z.enum(WEEKDAYS, { message: `expected one of ${WEEKDAYS.join(', ')}` }), (env.WEEK_ENDS_ON ?? 'FRIDAY').toUpperCase(), 'WEEK_ENDS_ON', problems);
  const days = z.coerce.number().int('expected whole days').min(1, 'at least 1 day').max(365, 'at most 365 days');
  const taskDueDays = Object.fromEntries(
    (Object.keys(TASK_DUE_DAYS_VARIABLES) as (keyof TaskDueDays)[]).map((key) => {
      const variable = TASK_DUE_DAYS_VARIABLES[key];
      return [key, check(days, env[variable] ?? DEFAULT_TASK_DUE_DAYS[key], variable, problems)];
    }),
  ) as unknown as TaskDueDays;
  const taskAutoAssign = check(onOff, env.TASK_AUTO_ASSIGN ?? 'on', 'TASK_AUTO_ASSIGN', problems) === 'on';
  const replicaUrl = env.SITUATION_READ_DATABASE_URL ? check(postgresUrl, env.SITUATION_READ_DATABASE_URL, 'SITUATION_READ_DATABASE_URL', problems, true) : undefined;
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return {
    ...(base as SubgraphConfig),
    name: 'situation',
    sourceDatabaseUrls,
    pollMs,
    suppressionThreshold,
    indicatorsMaxStaleSeconds,
    indicatorsRefreshShare,
    weekEndsOn,
    taskDueDays,
    taskAutoAssign,
    ...(replicaUrl ? { readDatabaseUrl: replicaUrl } : {}),
  };
}

/**
 * What the gateway checks before it plans a query or calls any subgraph (gateway/src/limits.ts).
 * Each operation is checked on its own; maxBatch is how many operations one HTTP request may
 * batch (a JSON array body), and 1 turns batching off.
 */
export interface GatewayLimits {
  /** Deepest nesting of fields (GATEWAY_MAX_DEPTH). */
  maxDepth: number;
  /** Aliased fields in one document (GATEWAY_MAX_ALIASES). */
  maxAliases: number;
  /** Lexical tokens in one document; parsing stops past it (GATEWAY_MAX_TOKENS). */
  maxTokens: number;
  /** Static cost estimate of one operation (GATEWAY_MAX_COST). */
  maxCost: number;
  /** Operations in one batched HTTP request (GATEWAY_MAX_BATCH). */
  maxBatch: number;
  /** Lookups by ID number per account in any minute (ID_LOOKUP_BUDGET_PER_MINUTE); past it, RATE_LIMITED. */
  idLookupsPerMinute: number;
}

export const DEFAULT_GATEWAY_LIMITS: Readonly<GatewayLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2000,
  maxCost: 50_000,
  maxBatch: 5,
  idLookupsPerMinute: 30,
});

/** Requests the gateway serves at once before it sheds load (GATEWAY_MAX_IN_FLIGHT). */
export const DEFAULT_GATEWAY_MAX_IN_FLIGHT = 256;

export interface GatewayConfig extends CommonConfig {
  host: string;
  port: number;
  supergraphPath: string;
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  subgraphTimeoutMs: number;
  /** Requests in flight at once; past it 503 with Retry-After (GATEWAY_MAX_IN_FLIGHT, gateway/src/load-shedding.ts). Absent: DEFAULT_GATEWAY_MAX_IN_FLIGHT. */
  maxInFlight?: number;
  /** Checked before any subgraph is called. */
  limits: GatewayLimits;
  /** How user tokens are verified (JWT_*). */
  jwt: JwtSettings;
  /** The hash-chained access log's database (AUDIT_DATABASE_URL, or jiuye_audit on DATABASE_URL). */
  auditDatabaseUrl: string;
  /** Where the audit service answers (AUDIT_URL, its /graphql URL); absent: the supergraph's URL (http://localhost:4007/graphql). */
  auditUrl?: string;
  /** Sign-in with the identity provider (OIDC_ISSUER, OIDC_CLIENT_ID …), served to the web at GET /auth/config. */
  oidc?: OidcSettings;
  /** The web app served at / and the CORS allow-list; absent: the gateway serves the graph only. */
  web?: WebSettings;
}

/** The OpenID Connect provider the web signs in with: authorization code + PKCE, a public client (no secret). */
export interface OidcSettings {
  /** OIDC_ISSUER: the provider's issuer URL; its /.well-known/openid-configuration is read. */
  issuer: string;
  /** OIDC_CLIENT_ID: the web's client id at the provider. */
  clientId: string;
  /** OIDC_SCOPES (space-separated), default "openid". */
  scopes: string[];
  /** OIDC_REDIRECT_PATH: where the provider sends the browser back (same origin as the web), default /signin/callback. */
  redirectPath: string;
}

export const DEFAULT_OIDC_REDIRECT_PATH = '/signin/callback';

/** The token and sign-in variables, for which an empty value means unset. */
const SIGN_IN_VARIABLES = new Set([
  'JWT_ALGORITHM',
  'JWT_SECRET',
  'JWT_PUBLIC_KEY',
  'JWT_JWKS_URL',
  'JWT_JWKS_TIMEOUT_MS',
  'JWT_JWKS_COOLDOWN_SECONDS',
  'JWT_JWKS_CACHE_SECONDS',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_CLAIMS_NAMESPACE',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_SCOPES',
  'OIDC_REDIRECT_PATH',
]);

/** What the gateway serves besides the graph (gateway/src/web/). */
export interface WebSettings {
  /** The built app (WEB_ROOT, default the repository's web/dist); missing: one warning, the graph still served. */
  root: string;
  /** GraphiQL at /graphiql (GRAPHIQL=on|off; default on outside production). */
  graphiql: boolean;
  /** Origins allowed to call /graphql and GET /exports from another site (CORS_ORIGINS, comma-separated, exact match). */
  corsOrigins: string[];
}

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export function readWebSettings(env: NodeJS.ProcessEnv, environmentValue: CommonConfig['environment'], defaultRoot: string, problems: string[]): WebSettings {
  const graphiql = check(z.enum(['on', 'off'], { message: 'expected on or off' }), env.GRAPHIQL ?? (environmentValue === 'production' ? 'off' : 'on'), 'GRAPHIQL', problems);
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  for (const origin of corsOrigins) {
    if (!ORIGIN.test(origin)) {
      problems.push(`CORS_ORIGINS: "${origin}" is not an origin; expected scheme://host[:port] such as https://screen.example.gov.cn (no path, no *, comma-separated)`);
    }
  }
  return { root: env.WEB_ROOT || defaultRoot, graphiql: graphiql === 'on', corsOrigins: corsOrigins.map((origin) => origin.toLowerCase()) };
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env, defaultSupergraphPath = 'schema/supergraph.graphql', defaultWebRoot = 'web/dist'): GatewayConfig {
  const problems: string[] = [];
  const common = readCommon(env, problems);
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const variable = `${envKey(name)}_URL`;
    if (env[variable] !== undefined) {
      subgraphUrls[name] = check(httpUrl, env[variable], variable, problems);
    }
  }
  const positive = (variable: string, fallback: number) =>
    check(z.coerce.number().int('expected a whole number').positive('expected a positive whole number'), env[variable] ?? fallback, variable, problems);
  const defaults = DEFAULT_GATEWAY_LIMITS;
  // docker-compose passes unset variables as empty strings (JWT_PUBLIC_KEY: ${JWT_PUBLIC_KEY:-}): empty means unset here.
  const signInEnv = Object.fromEntries(Object.entries(env).filter(([name, value]) => !(SIGN_IN_VARIABLES.has(name) && value === '')));
  const config: GatewayConfig = {
    ...common,
    limits: {
      maxDepth: positive('GATEWAY_MAX_DEPTH', defaults.maxDepth),
      maxAliases: positive('GATEWAY_MAX_ALIASES', defaults.maxAliases),
      maxTokens: positive('GATEWAY_MAX_TOKENS', defaults.maxTokens),
      maxCost: positive('GATEWAY_MAX_COST', defaults.maxCost),
      maxBatch: positive('GATEWAY_MAX_BATCH', defaults.maxBatch),
      idLookupsPerMinute: positive('ID_LOOKUP_BUDGET_PER_MINUTE', defaults.idLookupsPerMinute),
    },
    host: env.HOST || DEFAULT_HOST,
    port: check(port, env.GATEWAY_PORT ?? DEFAULT_PORTS.gateway, 'GATEWAY_PORT', problems),
    supergraphPath: env.SUPERGRAPH_PATH ?? defaultSupergraphPath,
    subgraphUrls,
    ...(env.AUDIT_URL !== undefined ? { auditUrl: check(httpUrl, env.AUDIT_URL, 'AUDIT_URL', problems) } : {}),
    subgraphTimeoutMs: check(z.coerce.number().int().positive('expected milliseconds, a positive whole number'), env.SUBGRAPH_TIMEOUT_MS ?? 10000, 'SUBGRAPH_TIMEOUT_MS', problems),
    maxInFlight: positive('GATEWAY_MAX_IN_FLIGHT', DEFAULT_GATEWAY_MAX_IN_FLIGHT),
    jwt: readJwtSettings(signInEnv, common.environment, problems),
    auditDatabaseUrl: readAuditDatabaseUrl(env, problems),
    web: readWebSettings(env, common.environment, defaultWebRoot, problems),
  };
  const oidc = readOidcSettings(signInEnv, common.environment, config.jwt, problems);
  if (oidc) config.oidc = oidc;
  problems.push(...commonSecretProblems(config, [{ variable: 'JWT_SECRET', value: config.jwt.secret, developmentValue: DEVELOPMENT_JWT_SECRET }]));
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * An identity provider's URL (JWKS, issuer): https in production, except on a loopback host
 * (a provider beside the gateway); in development http is accepted.
 */
function providerUrl(variable: string, value: string | undefined, environmentValue: CommonConfig['environment'], problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${variable}: expected an https URL (got "${value.slice(0, 200)}")`);
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${variable}: expected an https URL (got "${value.slice(0, 200)}")`);
    return undefined;
  }
  if (url.protocol === 'http:' && environmentValue === 'production' && !isLoopbackHost(url.hostname)) {
    problems.push(`${variable}: must be https in production (plain http only to a loopback host), got "${value.slice(0, 200)}"`);
    return undefined;
  }
  if (url.username || url.password) {
    problems.push(`${variable}: must not carry a user name or password`);
    return undefined;
  }
  return value;
}

/** Whole milliseconds from a variable in seconds or milliseconds. */
function duration(env: NodeJS.ProcessEnv, variable: string, fallback: number, unitMs: number, max: number, problems: string[]): number {
  const value = check(
    z.coerce.number({ message: 'expected a number' }).int('expected a whole number').min(0, 'expected 0 or more').max(max, `at most ${max}`),
    env[variable] ?? fallback,
    variable,
    problems,
  );
  return value * unitMs;
}

/**
 * How user tokens are verified: one of
 * - HS256 with JWT_SECRET (development, `npm run token`);
 * - the identity provider's public keys: JWT_PUBLIC_KEY (PEM) and/or JWT_JWKS_URL (its key set),
 *   for JWT_ALGORITHM RS256, ES256, PS256 or a comma list of them. With both, a token verifies if
 *   either key does (a PEM key pinned beside the provider's published set).
 * A secret together with public keys is refused: they never verify the same token.
 */
function readJwtSettings(env: NodeJS.ProcessEnv, environmentValue: CommonConfig['environment'], problems: string[]): JwtSettings {
  const pem = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n');
  const jwksUrl = providerUrl('JWT_JWKS_URL', env.JWT_JWKS_URL, environmentValue, problems);
  const providerKeys = Boolean(pem || env.JWT_JWKS_URL);
  const listed = (env.JWT_ALGORITHM ?? (providerKeys ? 'RS256' : 'HS256'))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const algorithms = [
    ...new Set(
      check(
        z.array(z.enum(JWT_ALGORITHMS, { message: `expected ${JWT_ALGORITHMS.join(', ')} (or a comma list of RS256, ES256, PS256)` })).min(1, 'expected an algorithm'),
        listed,
        'JWT_ALGORITHM',
        problems,
      ) ?? [],
    ),
  ] as JwtAlgorithm[];
  const algorithm = algorithms[0] ?? 'HS256';
  const settings: JwtSettings = {
    algorithm,
    ...(algorithms.length > 1 ? { algorithms } : {}),
    issuer: env.JWT_ISSUER ?? env.OIDC_ISSUER ?? DEFAULT_JWT_ISSUER,
    audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE,
  };
  if (env.JWT_CLAIMS_NAMESPACE !== undefined) {
    settings.claimsNamespace = check(
      z.string().min(1, 'expected a prefix such as https://jiuye.gov.cn/').max(200, 'at most 200 characters'),
      env.JWT_CLAIMS_NAMESPACE,
      'JWT_CLAIMS_NAMESPACE',
      problems,
    );
  }
  if (algorithms.includes('HS256')) {
    if (algorithms.length > 1) problems.push('JWT_ALGORITHM: HS256 (a shared secret) cannot be combined with RS256, ES256 or PS256 (the provider keys)');
    if (providerKeys) {
      problems.push(
        `JWT_ALGORITHM: HS256 verifies with JWT_SECRET, not with ${pem ? 'JWT_PUBLIC_KEY' : 'JWT_JWKS_URL'}; set JWT_ALGORITHM to the provider's algorithm (RS256, ES256 or PS256)`,
      );
    }
    const secret = env.JWT_SECRET ?? (environmentValue === 'production' ? undefined : DEVELOPMENT_JWT_SECRET);
    settings.secret = check(
      z.string({ message: 'required in production with HS256 (or set JWT_JWKS_URL / JWT_PUBLIC_KEY for the identity provider)' }).min(32, 'must be at least 32 characters'),
      secret,
      'JWT_SECRET',
      problems,
      true,
    );
    return settings;
  }
  if (env.JWT_SECRET !== undefined) {
    problems.push('JWT_SECRET: set either an HS256 secret or the identity provider keys (JWT_PUBLIC_KEY / JWT_JWKS_URL), not both');
  }
  if (!providerKeys) {
    problems.push(`JWT_JWKS_URL or JWT_PUBLIC_KEY: required for ${algorithms.join(', ')}: the identity provider's key set URL or its public key (PEM)`);
  }
  if (pem !== undefined) {
    settings.publicKey = check(
      z.string().includes('BEGIN PUBLIC KEY', { message: 'expected a PEM public key (-----BEGIN PUBLIC KEY-----)' }),
      pem,
      'JWT_PUBLIC_KEY',
      problems,
      true,
    );
    if (settings.publicKey) {
      try {
        pemAlgorithms(settings.publicKey, algorithms);
      } catch (error) {
        const message = (error as Error).message;
        problems.push(message.startsWith('JWT_PUBLIC_KEY') ? message : 'JWT_PUBLIC_KEY: not a readable PEM public key');
      }
    }
  }
  if (jwksUrl) {
    settings.jwksUrl = jwksUrl;
    settings.jwks = {
      timeoutMs: duration(env, 'JWT_JWKS_TIMEOUT_MS', 5000, 1, 60_000, problems),
      cooldownMs: duration(env, 'JWT_JWKS_COOLDOWN_SECONDS', 30, 1000, 3600, problems),
      cacheMaxAgeMs: duration(env, 'JWT_JWKS_CACHE_SECONDS', 600, 1000, 86_400, problems),
    };
  }
  return settings;
}

/** OIDC_ISSUER + OIDC_CLIENT_ID (both or neither): the web signs in there; its tokens are verified with the provider keys. */
function readOidcSettings(env: NodeJS.ProcessEnv, environmentValue: CommonConfig['environment'], jwt: JwtSettings, problems: string[]): OidcSettings | undefined {
  if (env.OIDC_ISSUER === undefined && env.OIDC_CLIENT_ID === undefined) return undefined;
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) {
    problems.push(
      `${env.OIDC_ISSUER ? 'OIDC_CLIENT_ID' : 'OIDC_ISSUER'}: required with ${env.OIDC_ISSUER ? 'OIDC_ISSUER' : 'OIDC_CLIENT_ID'} (sign-in needs the provider and the web's client id)`,
    );
    return undefined;
  }
  const issuer = providerUrl('OIDC_ISSUER', env.OIDC_ISSUER, environmentValue, problems);
  if (jwt.secret !== undefined && !jwt.jwksUrl && !jwt.publicKey) {
    problems.push("OIDC_ISSUER: the provider's tokens are verified with its keys: set JWT_JWKS_URL (or JWT_PUBLIC_KEY) and JWT_ALGORITHM");
  }
  if (env.JWT_ISSUER !== undefined && env.JWT_ISSUER !== env.OIDC_ISSUER) {
    problems.push(`JWT_ISSUER: must equal OIDC_ISSUER (the gateway verifies the tokens that provider issues), or be left unset`);
  }
  const clientId = check(z.string().min(1).max(200, 'at most 200 characters'), env.OIDC_CLIENT_ID, 'OIDC_CLIENT_ID', problems);
  const scopes = (env.OIDC_SCOPES ?? 'openid').split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) problems.push(`OIDC_SCOPES: must include openid (got "${scopes.join(' ').slice(0, 200)}")`);
  const redirectPath = check(
    z.string().regex(/^\/[A-Za-z0-9/_\-.]*$/, 'expected a path on the web origin such as /signin/callback'),
    env.OIDC_REDIRECT_PATH ?? DEFAULT_OIDC_REDIRECT_PATH,
    'OIDC_REDIRECT_PATH',
    problems,
  );
  if (!issuer) return undefined;
  return { issuer, clientId, scopes, redirectPath };
}

function readAuditDatabaseUrl(env: NodeJS.ProcessEnv, problems: string[]): string {
  if (env.AUDIT_DATABASE_URL) return check(postgresUrl, env.AUDIT_DATABASE_URL, 'AUDIT_DATABASE_URL', problems, true);
  if (env.DATABASE_URL) {
    const valid = check(postgresUrl, env.DATABASE_URL, 'DATABASE_URL', problems, true);
    return valid ? withDatabase(valid, 'jiuye_audit') : (undefined as unknown as string);
  }
  problems.push('AUDIT_DATABASE_URL or DATABASE_URL: one is required (the access log lives there; npm start sets them)');
  return undefined as unknown as string;
}

/**
 * The audit service (gateway/src/audit/main.ts): the access log in the graph, read from its
 * database, for requests the gateway signed. The gateway alone writes the log.
 */
export interface AuditConfig extends CommonConfig {
  host: string;
  /** AUDIT_PORT, default 4007. */
  port: number;
  /** The access log's database (AUDIT_DATABASE_URL, or jiuye_audit on DATABASE_URL); read only, in read-only transactions. */
  auditDatabaseUrl: string;
}

export function loadAuditConfig(env: NodeJS.ProcessEnv = process.env): AuditConfig {
  const problems: string[] = [];
  const common = readCommon(env, problems);
  const config: AuditConfig = {
    ...common,
    host: env.HOST || DEFAULT_HOST,
    port: check(port, env.AUDIT_PORT ?? DEFAULT_PORTS.audit, 'AUDIT_PORT', problems),
    auditDatabaseUrl: readAuditDatabaseUrl(env, problems),
  };
  problems.push(...commonSecretProblems(config));
  if (problems.length) throw new ConfigError(problems);
  return config;
}
