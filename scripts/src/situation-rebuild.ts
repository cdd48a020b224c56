import { DEPARTMENT_NAMES, type SubgraphName } from '@jiuye/common';
import { openLocalDatabases } from './local-databases';
import { buildReadModel, migrateAll, readIfPresent, type ReadModelReport } from '@jiuye/devtools';

/**
 * npm run situation:rebuild — replaces the situation read model from the five departments'
 * databases (the embedded PostgreSQL of npm start, running or not, or DATABASE_URL). Readers
 * keep the previous model until the rebuild commits; changes made meanwhile are applied by the
 * running service's change feed afterwards.
 */
export async function rebuildSituation(urls: Record<SubgraphName, string>): Promise<ReadModelReport> {
  await migrateAll(urls);
  return buildReadModel(urls);
}

/** Whether the read model has been built from the departments at least once (false when its database does not exist yet). */
export function isSituationBuilt(situationUrl: string): Promise<boolean> {
  return readIfPresent(
    situationUrl,
    'source_state',
    false,
    async (client) => (await client.query(`select count(*)::int as n from source_state where rebuilt_at is not null`)).rows[0].n >= DEPARTMENT_NAMES.length,
  );
}

async function main(): Promise<void> {
  const databases = await openLocalDatabases(process.env, { reuseRunning: true });
  try {
    const report = await rebuildSituation(databases.urls);
    console.log(
      `situation read model rebuilt: ${report.workers.toLocaleString('en')} workers, ${report.households.toLocaleString('en')} households in ${(report.elapsedMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await databases.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`situation:rebuild failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
