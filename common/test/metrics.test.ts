import { ConfigError, loadSubgraphConfig } from '../src/config';
import { ANONYMOUS_OPERATION, UNRESOLVED_OPERATION, errorCodeLabels, operationLabels, ServiceMetrics } from '../src/metrics';
import { parseScrape } from '@jiuye/testing/prometheus';

describe('bounded labels', () => {
  it('keeps the first names, then counts the rest as "other"; a name that is not a GraphQL name is "other" at once', () => {
    const labels = operationLabels(3);
    expect(['A', 'B', 'A', 'C', 'D', 'B'].map((name) => labels.of(name))).toEqual(['A', 'B', 'A', 'C', 'other', 'B']);
    expect(labels.size).toBe(3);
    // Reserved names are never crowded out.
    expect([labels.of(ANONYMOUS_OPERATION), labels.of(UNRESOLVED_OPERATION)]).toEqual(['anonymous', 'unresolved']);
    const fresh = operationLabels(10);
    for (const name of ['a b', '', '1abc', 'x'.repeat(81), 'name"} 1\nfake_metric{', '张三']) expect({ name, label: fresh.of(name) }).toEqual({ name, label: 'other' });
    expect(fresh.size).toBe(0);
  });

  it('error codes: UPPER_SNAKE only, bounded, else OTHER', () => {
    const codes = errorCodeLabels(2);
    expect(['FORBIDDEN', 'not a code', 'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'].map((code) => codes.of(code))).toEqual([
      'FORBIDDEN',
      'OTHER',
      'BAD_USER_INPUT',
      'OTHER',
      'FORBIDDEN',
    ]);
  });

  it('a registry given 100,000 random operation names holds at most the bound of series', async () => {
    const metrics = new ServiceMetrics('test');
    for (let i = 0; i < 100_000; i++) metrics.observeOperation(metrics.operations.of(`Op${i}`), 'ok', 0.001, i % 2 ? [`CODE_${i}`] : []);
    metrics.observeOperation(metrics.operations.of(ANONYMOUS_OPERATION), 'ok', 0.001, []);
    const scrape = parseScrape(await metrics.text());
    const operations = new Set(scrape.samples.filter((s) => s.name === 'jiuye_graphql_requests_total').map((s) => s.labels.operation));
    expect(operations.size).toBeLessThanOrEqual(102);
    expect(operations.has(ANONYMOUS_OPERATION)).toBe(true);
    expect(operations.has('other')).toBe(true);
    const codes = new Set(scrape.samples.filter((s) => s.name === 'jiuye_graphql_errors_total').map((s) => s.labels.code));
    expect(codes.size).toBeLessThanOrEqual(41);
  });
});

describe('configuration', () => {
  it('METRICS on by default, off when asked; DRAIN_MS 5000 by default; METRICS_TOKEN optional', () => {
    expect(loadSubgraphConfig('hr', { HR_DATABASE_URL: 'postgres://u:p@localhost:5432/hr' })).toMatchObject({ metrics: true, drainMs: 5000, metricsToken: undefined });
    expect(loadSubgraphConfig('hr', { HR_DATABASE_URL: 'postgres://u:p@localhost:5432/hr', METRICS: 'off', DRAIN_MS: '0', METRICS_TOKEN: 'x'.repeat(20) })).toMatchObject({
      metrics: false,
      drainMs: 0,
      metricsToken: 'x'.repeat(20),
    });
  });

  it('refuses a bad value, naming the variable, never echoing the token', () => {
    let refused: unknown;
    try {
      loadSubgraphConfig('hr', { HR_DATABASE_URL: 'postgres://u:p@localhost:5432/hr', METRICS: 'yes', DRAIN_MS: '-1', METRICS_TOKEN: 'short-secret' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    const problems = (refused as ConfigError).problems;
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['DRAIN_MS', 'METRICS', 'METRICS_TOKEN']);
    expect(problems.join('\n')).not.toContain('short-secret');
  });
});
