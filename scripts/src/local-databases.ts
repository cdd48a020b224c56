import path from 'node:path';
import net from 'node:net';
import { defaultDatabaseName, SUBGRAPH_NAMES, withDatabase, type SubgraphName } from '@jiuye/common';
import { embeddedPasswordFile, embeddedServerUrl, readEmbeddedPassword, startEmbeddedPostgres } from '@jiuye/devtools';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
/** npm start's embedded PostgreSQL (its superuser's password is in a file there). */
export const EMBEDDED_DATA_DIRECTORY = path.join(PROJECT_ROOT, '.data', 'pg');

export interface LocalDatabases {
  urls: Record<SubgraphName, string>;
  embedded: boolean;
  /** npm start's own embedded PostgreSQL (started here): its superuser's server URL and data directory, for the service roles. */
  owned?: { serverUrl: string; dataDirectory: string };
  stop(): Promise<void>;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The five department databases: on an external PostgreSQL when DATABASE_URL (a server URL)
 * or every <NAME>_DATABASE_URL is set, otherwise on the embedded PostgreSQL whose data lives
 * in .data/pg inside the project and is reused across runs.
 */
export async function openLocalDatabases(env: NodeJS.ProcessEnv = process.env, options: { reuseRunning?: boolean } = {}): Promise<LocalDatabases> {
  const own = (name: SubgraphName) => env[`${name.toUpperCase()}_DATABASE_URL`];
  if (env.DATABASE_URL || SUBGRAPH_NAMES.every((name) => own(name))) {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, own(name) ?? withDatabase(env.DATABASE_URL as string, defaultDatabaseName(name))])) as Record<
      SubgraphName,
      string
    >;
    return { urls, embedded: false, stop: async () => undefined };
  }
  const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
  if (await portInUse(port)) {
    if (options.reuseRunning) {
      // npm start is running: use its embedded PostgreSQL, with the password kept in its data directory.
      const password = await readEmbeddedPassword(EMBEDDED_DATA_DIRECTORY);
      if (!password) throw new Error(`port ${port} is in use, but ${embeddedPasswordFile(EMBEDDED_DATA_DIRECTORY)} holds no password: is that npm start's PostgreSQL?`);
      const serverUrl = withDatabase(embeddedServerUrl(port, password), 'postgres');
      const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(serverUrl, defaultDatabaseName(name))])) as Record<SubgraphName, string>;
      return { urls, embedded: true, stop: async () => undefined };
    }
    throw new Error(`port ${port} is already in use: is another "npm start" still running? Stop it, or set EMBEDDED_PG_PORT to another port.`);
  }
  const pg = await startEmbeddedPostgres({ dataDirectory: EMBEDDED_DATA_DIRECTORY, port, persistent: true });
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(pg.serverUrl, defaultDatabaseName(name))])) as Record<SubgraphName, string>;
  return { urls, embedded: true, owned: { serverUrl: pg.serverUrl, dataDirectory: EMBEDDED_DATA_DIRECTORY }, stop: () => pg.stop() };
}
