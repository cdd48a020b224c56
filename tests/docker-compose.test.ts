import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DEFAULT_PORTS, SUBGRAPH_NAMES } from '@jiuye/common';

/** No Docker engine runs in CI, so the compose file is checked by reading it. */
const root = path.resolve(__dirname, '..');
const compose = yaml.load(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, any>;
  volumes?: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  it('names PostgreSQL, the five subgraphs and the gateway', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', ...SUBGRAPH_NAMES, 'gateway']));
  });

  it('gives every long-running service a health check', () => {
    for (const name of ['postgres', ...SUBGRAPH_NAMES, 'gateway']) {
      const test = compose.services[name].healthcheck?.test;
      expect(Array.isArray(test) && test.length > 1).toBe(true);
    }
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
  });

  it.each(SUBGRAPH_NAMES)('runs the %s subgraph from its built main on its own port, after PostgreSQL is healthy', (name) => {
    const service = compose.services[name];
    const port = DEFAULT_PORTS[name];
    expect(service.command).toEqual(['node', `subgraphs/${name}/dist/main.js`]);
    expect(existsSync(path.join(root, 'subgraphs', name, 'src', 'main.ts'))).toBe(true);
    expect(service.environment[`${name.toUpperCase()}_PORT`]).toBe(String(port));
    expect(service.environment.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(service.environment.PSEUDONYM_KEY).toBeDefined();
    // Verifies the gateway's signed identity; asks the authorities who may see a worker.
    expect(service.environment.INTERNAL_SIGNING_KEY).toMatch(/^\$\{INTERNAL_SIGNING_KEY:\?/);
    for (const authority of ['hr', 'partner', 'training']) {
      expect(service.environment[`${authority.toUpperCase()}_URL`]).toBe(`http://${authority}:${DEFAULT_PORTS[authority as 'hr']}/graphql`);
    }
    expect(service.ports).toContain(`${port}:${port}`);
    expect(service.healthcheck.test.join(' ')).toContain(`localhost:${port}/ready`);
    expect(service.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('starts the gateway after every subgraph is healthy and points it at them', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(['node', 'gateway/dist/main.js']);
    expect(gateway.ports).toContain('4000:4000');
    expect(gateway.environment.AUDIT_DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\/jiuye_audit$/);
    expect(gateway.environment.JWT_ISSUER).toBeDefined();
    for (const name of SUBGRAPH_NAMES) {
      expect(gateway.depends_on[name].condition).toBe('service_healthy');
      expect(gateway.environment[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
    }
  });

  it('starts the situation read model after every department it reads is healthy', () => {
    const situation = compose.services.situation;
    for (const name of ['hr', 'poverty', 'civil', 'training', 'partner']) expect(situation.depends_on[name].condition).toBe('service_healthy');
    expect(Number(situation.environment.SUPPRESSION_THRESHOLD)).toBeGreaterThanOrEqual(1);
    expect(situation.environment.WEEK_ENDS_ON).toBe('FRIDAY');
  });

  it('builds the image it uses from the Dockerfile in the repository', () => {
    expect(existsSync(path.join(root, 'Dockerfile'))).toBe(true);
    for (const name of [...SUBGRAPH_NAMES, 'gateway']) expect(compose.services[name].build).toBe('.');
    expect(compose.volumes).toHaveProperty('pgdata');
  });
});
