import { ConfigError, DEFAULT_GATEWAY_LIMITS, DEFAULT_TASK_DUE_DAYS, loadAuditConfig, loadGatewayConfig, loadSituationConfig, loadSubgraphConfig } from '@jiuye/common';

const SERVER = 'postgres://jiuye:jiuye@localhost:5432/postgres';

describe('configuration', () => {
  it('derives each subgraph database from a server URL', () => {
    const config = loadSubgraphConfig('hr', { DATABASE_URL: 'postgres://u:p@db:5432/postgres' });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/jiuye_hr');
    expect(config.port).toBe(4001);
  });

  it('reads how long import rows keep their cells and when a running import counts as interrupted (defaults 30 days, 15 minutes)', () => {
    expect(loadSubgraphConfig('hr', { DATABASE_URL: SERVER })).toMatchObject({ importRowRetentionDays: 30, importStaleMinutes: 15 });
    expect(loadSubgraphConfig('hr', { DATABASE_URL: SERVER, IMPORT_ROW_RETENTION_DAYS: '7', IMPORT_STALE_MINUTES: '60' })).toMatchObject({
      importRowRetentionDays: 7,
      importStaleMinutes: 60,
    });
    expect(() => loadSubgraphConfig('hr', { DATABASE_URL: SERVER, IMPORT_ROW_RETENTION_DAYS: '0', IMPORT_STALE_MINUTES: 'soon' })).toThrow(
      /IMPORT_ROW_RETENTION_DAYS: at least 1 day[\s\S]*IMPORT_STALE_MINUTES/,
    );
  });

  it('reads the database connect and acquire timeouts (defaults 5000 and 8000 ms), refusing what is not milliseconds', () => {
    expect(loadSubgraphConfig('hr', { DATABASE_URL: SERVER })).toMatchObject({ databaseConnectTimeoutMs: 5000, databaseAcquireTimeoutMs: 8000 });
    expect(loadSubgraphConfig('hr', { DATABASE_URL: SERVER, DB_CONNECT_TIMEOUT_MS: '1500', DB_ACQUIRE_TIMEOUT_MS: '3000' })).toMatchObject({
      databaseConnectTimeoutMs: 1500,
      databaseAcquireTimeoutMs: 3000,
    });
    expect(() => loadSubgraphConfig('hr', { DATABASE_URL: SERVER, DB_CONNECT_TIMEOUT_MS: '5s', DB_ACQUIRE_TIMEOUT_MS: '10' })).toThrow(
      /DB_CONNECT_TIMEOUT_MS: expected whole milliseconds[\s\S]*DB_ACQUIRE_TIMEOUT_MS: at least 100 ms/,
    );
  });

  it('reads how stale an indicators answer may be while it is computed again (INDICATORS_MAX_STALE_SECONDS, default 0: never)', () => {
    expect(loadSituationConfig({ DATABASE_URL: SERVER }).indicatorsMaxStaleSeconds).toBe(0);
    expect(loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_MAX_STALE_SECONDS: '30' }).indicatorsMaxStaleSeconds).toBe(30);
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_MAX_STALE_SECONDS: '-1' })).toThrow(/INDICATORS_MAX_STALE_SECONDS: at least 0/);
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_MAX_STALE_SECONDS: 'soon' })).toThrow(/INDICATORS_MAX_STALE_SECONDS/);
  });

  it('reads the share of time the kept indicators may be computed again in the background (INDICATORS_REFRESH_SHARE, default 0.2, 0: off)', () => {
    expect(loadSituationConfig({ DATABASE_URL: SERVER }).indicatorsRefreshShare).toBe(0.2);
    expect(loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_REFRESH_SHARE: '0' }).indicatorsRefreshShare).toBe(0);
    expect(loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_REFRESH_SHARE: '0.5' }).indicatorsRefreshShare).toBe(0.5);
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_REFRESH_SHARE: '1' })).toThrow(/INDICATORS_REFRESH_SHARE: at most 0.9/);
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_REFRESH_SHARE: '-0.1' })).toThrow(/INDICATORS_REFRESH_SHARE: at least 0/);
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, INDICATORS_REFRESH_SHARE: 'half' })).toThrow(/INDICATORS_REFRESH_SHARE: expected a number from 0 to 0.9/);
  });

  it('reads the days tasks have before they are overdue (ZERO_EMPLOYMENT_CLEAR_DAYS default 15, warnings by level, conflicts)', () => {
    expect(loadSituationConfig({ DATABASE_URL: SERVER }).taskDueDays).toEqual(DEFAULT_TASK_DUE_DAYS);
    expect(DEFAULT_TASK_DUE_DAYS).toEqual({ zeroEmployment: 15, red: 7, orange: 15, yellow: 30, conflict: 30 });
    expect(loadSituationConfig({ DATABASE_URL: SERVER, ZERO_EMPLOYMENT_CLEAR_DAYS: '10', TASK_DUE_DAYS_RED: '3', TASK_DUE_DAYS_CONFLICT: '60' }).taskDueDays).toEqual({
      zeroEmployment: 10,
      red: 3,
      orange: 15,
      yellow: 30,
      conflict: 60,
    });
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, ZERO_EMPLOYMENT_CLEAR_DAYS: '0', TASK_DUE_DAYS_YELLOW: 'a month' })).toThrow(
      /ZERO_EMPLOYMENT_CLEAR_DAYS: at least 1 day[\s\S]*TASK_DUE_DAYS_YELLOW/,
    );
  });

  it('names every wrong variable at once and never echoes secrets', () => {
    let error: unknown;
    try {
      loadSubgraphConfig('civil', { NODE_ENV: 'production', CIVIL_PORT: 'abc', CIVIL_DATABASE_URL: 'mysql://hunter2@x/y' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/CIVIL_PORT/);
    expect(message).toMatch(/CIVIL_DATABASE_URL/);
    expect(message).toMatch(/PSEUDONYM_KEY: required in production/);
    expect(message).not.toContain('hunter2');
  });

  it('requires the signing key and the token secret in production, and a PEM key for RS256', () => {
    const production = () => loadGatewayConfig({ NODE_ENV: 'production', DATABASE_URL: SERVER, PSEUDONYM_KEY: 'p'.repeat(40) });
    expect(production).toThrow(/INTERNAL_SIGNING_KEY: required in production/);
    expect(production).toThrow(/JWT_SECRET: required in production/);
    expect(() => loadSubgraphConfig('hr', { NODE_ENV: 'production', DATABASE_URL: SERVER, PSEUDONYM_KEY: 'p'.repeat(40) })).toThrow(/INTERNAL_SIGNING_KEY/);
    const rs = () => loadGatewayConfig({ DATABASE_URL: SERVER, JWT_ALGORITHM: 'RS256', JWT_PUBLIC_KEY: 'not a key' });
    expect(rs).toThrow(/JWT_PUBLIC_KEY: expected a PEM public key/);
    expect(() => loadGatewayConfig({ DATABASE_URL: SERVER, JWT_ALGORITHM: 'none' })).toThrow(/JWT_ALGORITHM: expected HS256, RS256, ES256, PS256/);
    const development = loadGatewayConfig({ DATABASE_URL: SERVER });
    expect(development.jwt).toMatchObject({ algorithm: 'HS256', issuer: 'jiuye-dev-identity', audience: 'jiuye-gateway' });
    expect(development.auditDatabaseUrl).toBe('postgres://jiuye:jiuye@localhost:5432/jiuye_audit');
    expect(loadSubgraphConfig('civil', { DATABASE_URL: SERVER, HR_URL: 'http://hr:4001/graphql' }).authorityUrls).toEqual({
      hr: 'http://hr:4001/graphql',
      partner: 'http://localhost:4005/graphql',
      training: 'http://localhost:4004/graphql',
    });
  });

  it('requires a database', () => {
    expect(() => loadSubgraphConfig('poverty', {})).toThrow(/POVERTY_DATABASE_URL or DATABASE_URL/);
  });

  it('reads gateway overrides for subgraph URLs', () => {
    const config = loadGatewayConfig({ DATABASE_URL: SERVER, HR_URL: 'http://hr:4001/graphql', GATEWAY_PORT: '8080' });
    expect(config.subgraphUrls).toEqual({ hr: 'http://hr:4001/graphql' });
    expect(config.port).toBe(8080);
    expect(() => loadGatewayConfig({ DATABASE_URL: SERVER, HR_URL: 'not a url' })).toThrow(/HR_URL/);
  });

  it('reads where the gateway finds the audit service (AUDIT_URL), and the audit service its port and the access log', () => {
    expect(loadGatewayConfig({ DATABASE_URL: SERVER }).auditUrl).toBeUndefined();
    expect(loadGatewayConfig({ DATABASE_URL: SERVER, AUDIT_URL: 'http://audit:4007/graphql' }).auditUrl).toBe('http://audit:4007/graphql');
    expect(() => loadGatewayConfig({ DATABASE_URL: SERVER, AUDIT_URL: 'not a url' })).toThrow(/AUDIT_URL: expected an http\(s\) URL/);
    const audit = loadAuditConfig({ DATABASE_URL: SERVER });
    expect(audit).toMatchObject({ port: 4007, auditDatabaseUrl: 'postgres://jiuye:jiuye@localhost:5432/jiuye_audit', host: '127.0.0.1' });
    expect(loadAuditConfig({ AUDIT_DATABASE_URL: 'postgres://r:p@pg-audit:5432/jiuye_audit', AUDIT_PORT: '5007' })).toMatchObject({
      port: 5007,
      auditDatabaseUrl: 'postgres://r:p@pg-audit:5432/jiuye_audit',
    });
    let refused: unknown;
    try {
      loadAuditConfig({ AUDIT_PORT: 'x', NODE_ENV: 'production', AUDIT_DATABASE_URL: 'mysql://secret-password@db/audit' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['AUDIT_DATABASE_URL', 'AUDIT_PORT', 'INTERNAL_SIGNING_KEY', 'PSEUDONYM_KEY']);
    expect((refused as Error).message).not.toContain('secret-password');
  });

  it('reads the read model’s read replica (SITUATION_READ_DATABASE_URL), never echoing it when wrong', () => {
    expect(loadSituationConfig({ DATABASE_URL: SERVER }).readDatabaseUrl).toBeUndefined();
    expect(loadSituationConfig({ DATABASE_URL: SERVER, SITUATION_READ_DATABASE_URL: 'postgres://r:p@standby:5432/jiuye_situation' }).readDatabaseUrl).toBe(
      'postgres://r:p@standby:5432/jiuye_situation',
    );
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, SITUATION_READ_DATABASE_URL: 'standby-secret-password' })).toThrow(/SITUATION_READ_DATABASE_URL: expected a URL/);
    expect(() => loadSituationConfig({ DATABASE_URL: SERVER, SITUATION_READ_DATABASE_URL: 'standby-secret-password' })).not.toThrow(/standby-secret-password/);
  });

  it('reads the gateway query limits and refuses nonsense', () => {
    expect(loadGatewayConfig({ DATABASE_URL: SERVER }).limits).toEqual(DEFAULT_GATEWAY_LIMITS);
    expect(DEFAULT_GATEWAY_LIMITS).toEqual({ maxDepth: 12, maxAliases: 30, maxTokens: 2000, maxCost: 50000, maxBatch: 5, idLookupsPerMinute: 30 });
    expect(loadGatewayConfig({ DATABASE_URL: SERVER, GATEWAY_MAX_DEPTH: '8' }).limits).toEqual({
      maxDepth: 8,
      maxAliases: 30,
      maxTokens: 2000,
      maxCost: 50000,
      maxBatch: 5,
      idLookupsPerMinute: 30,
    });
    expect(
      loadGatewayConfig({
        DATABASE_URL: SERVER,
        GATEWAY_MAX_DEPTH: '20',
        GATEWAY_MAX_ALIASES: '5',
        GATEWAY_MAX_TOKENS: '800',
        GATEWAY_MAX_COST: '1000',
        GATEWAY_MAX_BATCH: '1',
        ID_LOOKUP_BUDGET_PER_MINUTE: '120',
      }).limits,
    ).toEqual({ maxDepth: 20, maxAliases: 5, maxTokens: 800, maxCost: 1000, maxBatch: 1, idLookupsPerMinute: 120 });
    expect(() => loadGatewayConfig({ DATABASE_URL: SERVER, GATEWAY_MAX_COST: '-1', GATEWAY_MAX_ALIASES: 'many' })).toThrow(
      /GATEWAY_MAX_ALIASES[\s\S]*GATEWAY_MAX_COST|GATEWAY_MAX_COST[\s\S]*GATEWAY_MAX_ALIASES/,
    );
    expect(() => loadGatewayConfig({ DATABASE_URL: SERVER, ID_LOOKUP_BUDGET_PER_MINUTE: '0' })).toThrow(/ID_LOOKUP_BUDGET_PER_MINUTE/);
  });

  it('names every wrong gateway limit with the value it got', () => {
    let message = '';
    try {
      loadGatewayConfig({ DATABASE_URL: SERVER, GATEWAY_MAX_DEPTH: '0', GATEWAY_MAX_TOKENS: '2.5', GATEWAY_MAX_BATCH: 'lots' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/GATEWAY_MAX_DEPTH: expected a positive whole number \(got "0"\)/);
    expect(message).toMatch(/GATEWAY_MAX_TOKENS: expected a whole number \(got "2.5"\)/);
    expect(message).toMatch(/GATEWAY_MAX_BATCH: .* \(got "lots"\)/);
  });
});
