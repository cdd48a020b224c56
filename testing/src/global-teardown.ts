import type { RunningPostgres } from '@jiuye/devtools/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { __jiuyeTestPostgres?: RunningPostgres }).__jiuyeTestPostgres;
  if (pg) await pg.stop();
}
