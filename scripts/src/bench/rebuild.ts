import path from 'node:path';
import { DEPARTMENT_NAMES, SUBGRAPH_NAMES, withDatabase, type SubgraphName } from '@jiuye/common';
import { buildReadModel, migrateAll, startEmbeddedPostgres, type ReadModelReport } from '@jiuye/devtools';
import { parseFlags } from '../args';
import { PROJECT_ROOT } from '../local-databases';

/**
 * npm run bench:rebuild [-- --workers 100000 --runs 3]
 * Rebuilds the situation read model of an existing bench data set (.data/bench-<workers>, seeded
 * once by `npm run bench -- --workers N`) `runs` times without reseeding, and prints the time of
 * each phase per run and their median: the numbers issue 16 (a rebuild at 10^6 in < 90 s) is
 * measured with. Run under `node --cpu-prof` for a profile of the JS side.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { workers: 'number', runs: 'number' });
  const workers = (flags.workers as number | undefined) ?? 100_000;
  const runs = (flags.runs as number | undefined) ?? 3;
  const dataDirectory = path.join(PROJECT_ROOT, '.data', `bench-${workers}`);
  const pg = await startEmbeddedPostgres({ dataDirectory, port: Number(process.env.BENCH_PG_PORT ?? 54339), persistent: true });
  try {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(pg.serverUrl, `jiuye_${name}`)])) as Record<SubgraphName, string>;
    await migrateAll(Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, urls[name]])) as Record<(typeof DEPARTMENT_NAMES)[number], string>);
    const reports: ReadModelReport[] = [];
    for (let run = 1; run <= runs; run++) {
      const report = await buildReadModel(urls);
      reports.push(report);
      const phases = Object.entries(report.phases ?? {})
        .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)}`)
        .join(', ');
      console.log(`run ${run}: ${report.workers.toLocaleString('en')} workers rebuilt in ${(report.elapsedMs / 1000).toFixed(1)} s (${phases})`);
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const names = Object.keys(reports[0]?.phases ?? {});
    console.log(`median of ${runs}: ${(median(reports.map((r) => r.elapsedMs)) / 1000).toFixed(1)} s`);
    for (const name of names) console.log(`  ${name.padEnd(18)} ${(median(reports.map((r) => r.phases?.[name] ?? 0)) / 1000).toFixed(1)} s`);
  } finally {
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(`bench:rebuild failed: ${(error as Error).message}`);
  process.exit(1);
});
