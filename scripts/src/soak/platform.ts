import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DEVELOPMENT_PSEUDONYM_KEY, SUBGRAPH_NAMES, withDatabase, type SubgraphName } from '@jiuye/common';
import { freePort, seedDemoCounty, startEmbeddedPostgres, type RunningPostgres } from '@jiuye/devtools';
import { databaseEnv, stopChild, waitUntilReady } from '../services';
import { PROJECT_ROOT } from '../local-databases';

/**
 * The whole platform for the long runs (npm run soak, npm run chaos): a demo county in an
 * embedded PostgreSQL of its own (.data/<name>-<workers>, seeded once, then reused), the six
 * subgraphs and the gateway as child processes from their built dist/, as in production.
 * Optionally one department's database on a second PostgreSQL (`ownServerFor`), so that it can
 * be stopped while the rest runs. Every server keeps its port, so a restart finds it again.
 */
export type ServiceName = SubgraphName | 'gateway' | 'audit';

export interface PlatformOptions {
  /** The data directory's name: .data/<name>-<workers>. */
  name: string;
  workers: number;
  /** A department whose database lives on a PostgreSQL of its own. */
  ownServerFor?: SubgraphName;
  /** Extra variables for every service (their logs: .data/<name>-<workers>/logs/). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

interface Server {
  directory: string;
  port: number;
  running: RunningPostgres | null;
}

export interface Platform {
  gatewayUrl: string;
  /** Superuser URL of each subgraph's database. */
  databaseUrls: Record<SubgraphName, string>;
  serviceUrls: Record<ServiceName, string>;
  pids(): Record<ServiceName, number | undefined>;
  /** PostgreSQL (the main server) stopped cleanly and started again after `downMs`. */
  restartPostgres(downMs: number): Promise<void>;
  /** The department's own server (ownServerFor) stopped, and started again. */
  stopOwnServer(): Promise<void>;
  startOwnServer(): Promise<void>;
  /** kill -9 one service, then start it again and wait until it is ready. */
  killAndRestart(name: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

const SERVICE_MAINS: Record<ServiceName, string> = {
  ...(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `subgraphs/${name}/dist/main.js`])) as Record<SubgraphName, string>),
  gateway: 'gateway/dist/main.js',
  audit: 'gateway/dist/audit/main.js',
};

async function startServer(server: Server): Promise<RunningPostgres> {
  server.running = await startEmbeddedPostgres({ dataDirectory: server.directory, port: server.port, persistent: true });
  return server.running;
}

async function countWorkers(hrUrl: string): Promise<number> {
  const client = new Client({ connectionString: hrUrl });
  try {
    await client.connect();
    return Number((await client.query('select count(*) as n from worker')).rows[0].n);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const log = options.log ?? ((line: string) => console.log(line));
  const base = path.join(PROJECT_ROOT, '.data', `${options.name}-${options.workers}`);
  const main: Server = { directory: path.join(base, 'pg'), port: await freePort(), running: null };
  const own: Server | null = options.ownServerFor ? { directory: path.join(base, `pg-${options.ownServerFor}`), port: await freePort(), running: null } : null;
  const children = new Map<ServiceName, ChildProcess>();
  const stopAll = async () => {
    await Promise.all([...children.values()].map(stopChild));
    await own?.running?.stop().catch(() => undefined);
    await main.running?.stop().catch(() => undefined);
  };
  try {
    const mainUrl = (await startServer(main)).serverUrl;
    const ownUrl = own ? (await startServer(own)).serverUrl : null;
    const databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(name === options.ownServerFor ? ownUrl! : mainUrl, `jiuye_${name}`)])) as Record<
      SubgraphName,
      string
    >;

    const seededFile = path.join(base, 'seed-report.json');
    const present = await countWorkers(databaseUrls.hr);
    if (!existsSync(seededFile) || Math.abs(present - options.workers) > options.workers * 0.01) {
      log(`seeding the demo county with ${options.workers.toLocaleString('en')} workers into ${path.relative(PROJECT_ROOT, base)}…`);
      const report = await seedDemoCounty({ databaseUrls, pseudonymKey: DEVELOPMENT_PSEUDONYM_KEY, workers: options.workers });
      writeFileSync(seededFile, JSON.stringify(report));
      log(`  ${report.rows.toLocaleString('en')} rows in ${(report.elapsedMs / 1000).toFixed(1)} s`);
    } else {
      const report = JSON.parse(readFileSync(seededFile, 'utf8')) as { workers: number };
      log(`reusing ${path.relative(PROJECT_ROOT, base)} (${present.toLocaleString('en')} workers; seeded with ${report.workers.toLocaleString('en')})`);
    }

    const ports = Object.fromEntries(await Promise.all([...SUBGRAPH_NAMES, 'gateway' as const, 'audit' as const].map(async (name) => [name, await freePort()]))) as Record<
      ServiceName,
      number
    >;
    const serviceUrls = Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}/graphql`])) as Record<ServiceName, string>;
    const baseEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, serviceUrls[name]])),
      ...options.env,
    };
    const envOf = (name: ServiceName): NodeJS.ProcessEnv =>
      name === 'gateway'
        ? {
            ...baseEnv,
            GATEWAY_PORT: String(ports.gateway),
            // The load looks workers up by ID number many times a minute from one account.
            ID_LOOKUP_BUDGET_PER_MINUTE: '100000000',
            AUDIT_DATABASE_URL: withDatabase(mainUrl, 'jiuye_audit'),
            AUDIT_URL: serviceUrls.audit,
          }
        : name === 'audit'
          ? { ...baseEnv, AUDIT_PORT: String(ports.audit), AUDIT_DATABASE_URL: withDatabase(mainUrl, 'jiuye_audit') }
          : { ...baseEnv, ...databaseEnv(name, databaseUrls), [`${name.toUpperCase()}_PORT`]: String(ports[name]) };
    // Each service's output goes to .data/<name>-<workers>/logs/<service>.log (appended across restarts).
    const logs = path.join(base, 'logs');
    mkdirSync(logs, { recursive: true });
    const launch = async (name: ServiceName) => {
      const out = openSync(path.join(logs, `${name}.log`), 'a');
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, SERVICE_MAINS[name])], { env: { DRAIN_MS: '0', ...envOf(name) }, stdio: ['ignore', out, out] });
      closeSync(out);
      children.set(name, child);
      await waitUntilReady(`http://127.0.0.1:${ports[name]}/ready`, child, name);
    };
    await Promise.all(SUBGRAPH_NAMES.map(launch));
    await launch('gateway');
    // The access log's reader, once the gateway has created the log.
    await launch('audit');

    return {
      gatewayUrl: serviceUrls.gateway,
      databaseUrls,
      serviceUrls,
      pids: () => Object.fromEntries([...children].map(([name, child]) => [name, child.pid])) as Record<ServiceName, number | undefined>,
      async restartPostgres(downMs) {
        await main.running!.stop();
        main.running = null;
        await new Promise((resolve) => setTimeout(resolve, downMs));
        await startServer(main);
      },
      async stopOwnServer() {
        if (!own) throw new Error('no department on a server of its own (ownServerFor)');
        await own.running?.stop();
        own.running = null;
      },
      async startOwnServer() {
        if (!own) throw new Error('no department on a server of its own (ownServerFor)');
        await startServer(own);
      },
      async killAndRestart(name) {
        const child = children.get(name)!;
        const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
        child.kill('SIGKILL');
        await exited;
        await launch(name);
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
