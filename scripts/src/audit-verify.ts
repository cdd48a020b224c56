import { withDatabase } from '@jiuye/common';
import { AccessLogStore } from '@jiuye/gateway';
import { openLocalDatabases } from './local-databases';

/**
 * npm run audit:verify — recomputes the access log's hash chain from the first entry and says
 * whether every entry is intact; exits 1 at the first entry that was edited, removed or
 * reordered. Uses AUDIT_DATABASE_URL, DATABASE_URL or the embedded PostgreSQL of npm start
 * (started for the check if npm start is not running).
 */
async function main(): Promise<void> {
  let stop = async () => undefined as void;
  let url = process.env.AUDIT_DATABASE_URL;
  if (!url) {
    if (process.env.DATABASE_URL) url = withDatabase(process.env.DATABASE_URL, 'jiuye_audit');
    else {
      const running = await openLocalDatabases(process.env, { reuseRunning: true });
      url = withDatabase(running.urls.hr, 'jiuye_audit');
      stop = running.stop;
    }
  }
  const store = await AccessLogStore.open(url);
  try {
    const started = Date.now();
    const result = await store.verify();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      console.log(`access log intact: ${result.rows.toLocaleString('en')} entries, hash chain verified in ${seconds} s`);
    } else {
      console.error(`access log BROKEN at entry ${result.firstBroken!.seq}: ${result.firstBroken!.problem} (${result.rows.toLocaleString('en')} entries verified before it)`);
      process.exitCode = 1;
    }
  } finally {
    await store.close();
    await stop();
  }
}

main().catch((error) => {
  console.error(`npm run audit:verify: ${(error as Error).message}`);
  process.exit(1);
});
