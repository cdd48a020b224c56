import { DEVELOPMENT_PSEUDONYM_KEY } from '@jiuye/common';
import { parseFlags } from './args';
import { openLocalDatabases } from './local-databases';
import { seedDemoCounty } from '@jiuye/devtools';

/** npm run seed -- [--workers 20000] [--seed 20260101] [--batch 2000] */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { workers: 'number', seed: 'number', batch: 'number' });
  const workers = (flags.workers as number | undefined) ?? 20000;
  if (workers < 1 || workers > 10_000_000) throw new Error('--workers must be from 1 to 10,000,000');
  const databases = await openLocalDatabases();
  try {
    console.log(
      `seeding the demo county with about ${workers.toLocaleString('en')} workers into ${databases.embedded ? 'the embedded PostgreSQL (.data/pg)' : 'the configured PostgreSQL'}…`,
    );
    const report = await seedDemoCounty({
      databaseUrls: databases.urls,
      pseudonymKey: process.env.PSEUDONYM_KEY ?? DEVELOPMENT_PSEUDONYM_KEY,
      workers,
      seed: flags.seed as number | undefined,
      batchSize: flags.batch as number | undefined,
      onProgress: (p) =>
        console.log(
          `  ${p.workers.toLocaleString('en')} workers, ${p.households.toLocaleString('en')} households, ${p.rows.toLocaleString('en')} rows, ${(p.elapsedMs / 1000).toFixed(0)} s`,
        ),
    });
    console.log(
      `done: ${report.workers.toLocaleString('en')} workers in ${report.households.toLocaleString('en')} households, ${report.rows.toLocaleString('en')} rows in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.rowsPerSecond.toLocaleString('en')} rows/s)`,
    );
    console.log(`situation read model rebuilt: ${report.readModel!.workers.toLocaleString('en')} workers in ${(report.readModel!.elapsedMs / 1000).toFixed(1)} s`);
  } finally {
    await databases.stop();
  }
}

main().catch((error) => {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exit(1);
});
