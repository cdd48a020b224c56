import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
// jest loads its global setup outside the module mapper: this declared subpath resolves to
// devtools' build (dist/, as the children of child-service.ts load it); npm test builds first.
import { startEmbeddedPostgres } from '@jiuye/devtools/embedded-postgres';

/**
 * One real PostgreSQL for the whole run: the embedded one, unless TEST_DATABASE_SERVER_URL
 * points at an external server (postgres://user:password@host:port). Every test file then
 * creates databases of its own on it, so parallel workers never share state.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_SERVER_URL) return;
  const directory = await mkdtemp(path.join(os.tmpdir(), 'jiuye-test-pg-'));
  const pg = await startEmbeddedPostgres({ dataDirectory: path.join(directory, 'data'), persistent: false, fast: true });
  process.env.TEST_DATABASE_SERVER_URL = pg.serverUrl;
  (globalThis as { __jiuyeTestPostgres?: unknown }).__jiuyeTestPostgres = pg;
  // The folder around the (non-persistent) data directory: removed by the teardown with it.
  (globalThis as { __jiuyeTestPostgresFolder?: string }).__jiuyeTestPostgresFolder = directory;
}
