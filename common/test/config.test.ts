import { ConfigError, loadGatewayConfig, loadSubgraphConfig } from '@jiuye/common';

describe('configuration', () => {
  it('derives each subgraph database from a server URL', () => {
    const config = loadSubgraphConfig('hr', { DATABASE_URL: 'postgres://u:p@db:5432/postgres' });
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/jiuye_hr');
    expect(config.port).toBe(4001);
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

  it('requires a database', () => {
    expect(() => loadSubgraphConfig('poverty', {})).toThrow(/POVERTY_DATABASE_URL or DATABASE_URL/);
  });

  it('reads gateway overrides for subgraph URLs', () => {
    const config = loadGatewayConfig({ HR_URL: 'http://hr:4001/graphql', GATEWAY_PORT: '8080' });
    expect(config.subgraphUrls).toEqual({ hr: 'http://hr:4001/graphql' });
    expect(config.port).toBe(8080);
    expect(() => loadGatewayConfig({ HR_URL: 'not a url' })).toThrow(/HR_URL/);
  });

  it('reads the gateway query limits and refuses nonsense', () => {
    expect(loadGatewayConfig({ GATEWAY_MAX_DEPTH: '8' }).limits).toEqual({ maxDepth: 8, maxAliases: 30, maxTokens: 2000, maxCost: 50000 });
    expect(() => loadGatewayConfig({ GATEWAY_MAX_COST: '-1', GATEWAY_MAX_ALIASES: 'many' })).toThrow(/GATEWAY_MAX_ALIASES[\s\S]*GATEWAY_MAX_COST|GATEWAY_MAX_COST[\s\S]*GATEWAY_MAX_ALIASES/);
  });
});
