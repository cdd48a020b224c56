import { rm } from 'node:fs/promises';
import type { RunningPostgres } from '@jiuye/devtools/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __jiuyeTestPostgres?: RunningPostgres; __jiuyeTestPostgresFolder?: string };
  if (state.__jiuyeTestPostgres) await state.__jiuyeTestPostgres.stop();
  // mkdtemp's folder (the data directory inside it is gone with the server): one empty folder per run otherwise.
  if (state.__jiuyeTestPostgresFolder) await rm(state.__jiuyeTestPostgresFolder, { recursive: true, force: true });
}
