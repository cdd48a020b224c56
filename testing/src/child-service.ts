import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { DEPARTMENT_NAMES, type DepartmentName } from '@jiuye/common';
import { TEST_INTERNAL_SIGNING_KEY, TEST_PSEUDONYM_KEY } from './harness';

/** The repository root (services run from their built dist/, as in production). */
export const ROOT = path.resolve(__dirname, '../..');

export interface ChildService {
  child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  /** Its GraphQL URL, once it logged that it is ready. */
  ready(timeoutMs?: number): Promise<string>;
  /** kill -9: no handler runs, open transactions are left to PostgreSQL to roll back. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), SIGKILL if it is not gone in 10 s. */
  stop(): Promise<void>;
}

/** A built service (`main` relative to the root, e.g. subgraphs/situation/dist/main.js) as its own process, with only the variables given (and PATH). */
export function spawnService(main: string, env: Record<string, string>): ChildService {
  const child = spawn(process.execPath, [path.join(ROOT, main)], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      INTERNAL_SIGNING_KEY: TEST_INTERNAL_SIGNING_KEY,
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    output: () => output,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = output.split('\n').find((text) => text.includes('subgraph ready') || text.includes('gateway ready') || text.includes('audit service ready'));
        if (line) return (JSON.parse(line) as { url: string }).url;
        if (gone()) throw new Error(`${main} ended before it was ready:\n${output.slice(-4000)}`);
        if (Date.now() > deadline) throw new Error(`${main} not ready in ${timeoutMs} ms:\n${output.slice(-4000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The situation service's variables: its database, the five departments', a quick poll, a free port. */
export function situationEnv(situationUrl: string, departmentUrls: Record<DepartmentName, string>, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SITUATION_DATABASE_URL: situationUrl,
    SITUATION_PORT: '0',
    SITUATION_POLL_MS: '200',
    ...Object.fromEntries(DEPARTMENT_NAMES.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, departmentUrls[name]])),
    ...extra,
  };
}

/** One query on its own connection. */
export async function sqlAt<T extends object = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Polls until `condition` holds; fails naming `what` after timeoutMs. */
export async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Whether a session on this database is inside a transaction that has already written
 * (backend_xid is assigned at the first write) and is running `statement`: a batch under way,
 * not yet committed.
 */
export async function writingTransaction(url: string, statement: RegExp): Promise<boolean> {
  const rows = await sqlAt<{ query: string }>(
    url,
    `select query from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null and xact_start is not null`,
  );
  return rows.some((row) => statement.test(row.query));
}

export interface PostgresProcess {
  serverUrl: string;
  port: number;
  /** A clean stop (SIGTERM: PostgreSQL ends its sessions, the clients' idle connections get errors). */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of its own (the embedded one, built devtools) in a process of its own: the
 * package is an ES module, which jest's CommonJS sandbox cannot import dynamically. The same
 * data directory and port start it again with its data.
 */
export async function startPostgresProcess(dataDirectory: string, port: number): Promise<PostgresProcess> {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(ROOT, 'devtools', 'dist', 'embedded-postgres.js'))});
    startEmbeddedPostgres({ dataDirectory: process.env.DATA_DIRECTORY, port: Number(process.env.PG_PORT), persistent: true, fast: true }).then(
      (pg) => {
        process.stdout.write(JSON.stringify({ serverUrl: pg.serverUrl, port: pg.port }) + '\\n');
        process.once('SIGTERM', () => pg.stop().then(() => process.exit(0), () => process.exit(1)));
      },
      (error) => { console.error(String(error && error.message)); process.exit(1); },
    );`;
  const child = spawn(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH ?? '', DATA_DIRECTORY: dataDirectory, PG_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = await new Promise<{ serverUrl: string; port: number }>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`the embedded PostgreSQL did not start (${code}): ${errors}`)));
  });
  return {
    ...started,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
