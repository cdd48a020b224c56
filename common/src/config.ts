import { z } from 'zod';
import type { JwtSettings } from './auth/tokens';
import { AUTHORITIES, DEPARTMENT_NAMES, SUBGRAPH_NAMES, type AuthorityName, type DepartmentName, type SubgraphName } from './departments';
import { DEFAULT_HOST, deploymentSecretProblems } from './deployment';

/**
 * Configuration is read once from the environment at start and validated; a service that is
 * misconfigured refuses to start with one message naming every variable that is wrong.
 * Secrets are never echoed back.
 */
// DEPARTMENT_NAMES, SUBGRAPH_NAMES and AUTHORITIES: common/src/departments.ts.

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  hr: 4001,
  poverty: 4002,
  civil: 4003,
  training: 4004,
  partner: 4005,
  situation: 4006,
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
}

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
  /** The last day of the ranking week (WEEK_ENDS_ON, default FRIDAY: the Friday ranking covers Saturday–Friday). */
  weekEndsOn: Weekday;
}

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
  const weekEndsOn = check(z.enum(WEEKDAYS, { message: `expected one of ${WEEKDAYS.join(', ')}` }), (env.WEEK_ENDS_ON ?? 'FRIDAY').toUpperCase(), 'WEEK_ENDS_ON', problems);
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return { ...(base as SubgraphConfig), name: 'situation', sourceDatabaseUrls, pollMs, suppressionThreshold, weekEndsOn };
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

export interface GatewayConfig extends CommonConfig {
  host: string;
  port: number;
  supergraphPath: string;
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  subgraphTimeoutMs: number;
  /** Checked before any subgraph is called. */
  limits: GatewayLimits;
  /** How user tokens are verified (JWT_*). */
  jwt: JwtSettings;
  /** The hash-chained access log's database (AUDIT_DATABASE_URL, or jiuye_audit on DATABASE_URL). */
  auditDatabaseUrl: string;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env, defaultSupergraphPath = 'schema/supergraph.graphql'): GatewayConfig {
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
    subgraphTimeoutMs: check(z.coerce.number().int().positive('expected milliseconds, a positive whole number'), env.SUBGRAPH_TIMEOUT_MS ?? 10000, 'SUBGRAPH_TIMEOUT_MS', problems),
    jwt: readJwtSettings(env, common.environment, problems),
    auditDatabaseUrl: readAuditDatabaseUrl(env, problems),
  };
  problems.push(...commonSecretProblems(config, [{ variable: 'JWT_SECRET', value: config.jwt.secret, developmentValue: DEVELOPMENT_JWT_SECRET }]));
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function readJwtSettings(env: NodeJS.ProcessEnv, environmentValue: CommonConfig['environment'], problems: string[]): JwtSettings {
  const algorithm = check(
    z.enum(['HS256', 'RS256', 'ES256'], { message: 'expected HS256, RS256 or ES256' }),
    env.JWT_ALGORITHM ?? (env.JWT_PUBLIC_KEY ? 'RS256' : 'HS256'),
    'JWT_ALGORITHM',
    problems,
  );
  const settings: JwtSettings = {
    algorithm,
    issuer: env.JWT_ISSUER ?? DEFAULT_JWT_ISSUER,
    audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE,
  };
  if (algorithm === 'HS256') {
    const secret = env.JWT_SECRET ?? (environmentValue === 'production' ? undefined : DEVELOPMENT_JWT_SECRET);
    settings.secret = check(
      z.string({ message: 'required in production with HS256 (or set JWT_PUBLIC_KEY for RS256/ES256)' }).min(32, 'must be at least 32 characters'),
      secret,
      'JWT_SECRET',
      problems,
      true,
    );
  } else {
    settings.publicKey = check(
      z
        .string({ message: `required for ${algorithm}: the identity provider's public key (PEM)` })
        .includes('BEGIN PUBLIC KEY', { message: 'expected a PEM public key (-----BEGIN PUBLIC KEY-----)' }),
      env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n'),
      'JWT_PUBLIC_KEY',
      problems,
      true,
    );
  }
  return settings;
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
