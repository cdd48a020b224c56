import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEPARTMENT_NAMES, DEVELOPMENT_PSEUDONYM_KEY, withDatabase, type DepartmentName } from '@jiuye/common';
import * as devtools from '@jiuye/devtools';
import { parseFlags } from '../args';
import { PROJECT_ROOT } from '../local-databases';
import { SqlFloor } from '@jiuye/devtools/sql-floor';

/**
 * npm run bench:seed [-- --workers 100000 --runs 2 --compare <dir>[,<dir>…]]
 * Ratio 5 of the bench on its own: each run seeds the demo county into a new embedded
 * PostgreSQL (.data/bench-seed, removed after), as `npm run bench` does on its first run, then
 * COPYs the same tables' rows into empty copies of those tables (SqlFloor.copyRowsPerSecond)
 * and prints seed rows/s, COPY rows/s and their ratio. --compare <dir>: a build of devtools
 * (a copied devtools/dist) seeds every other run, alternating with this checkout's, so that a
 * before/after pair is measured in the same time window. Run under `node --cpu-prof` for a
 * profile of the JS side.
 */
type Seed = typeof devtools.seedDemoCounty;

async function measure(seed: Seed, workers: number, port: number): Promise<{ rows: number; seedRowsPerSecond: number; seedMs: number; phases: string; copyRowsPerSecond: number }> {
  const dataDirectory = path.join(PROJECT_ROOT, '.data', 'bench-seed');
  await rm(dataDirectory, { recursive: true, force: true });
  const pg = await devtools.startEmbeddedPostgres({ dataDirectory, port, persistent: false });
  try {
    const urls = Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, withDatabase(pg.serverUrl, `jiuye_${name}`)])) as Record<DepartmentName, string>;
    const report = await seed({ databaseUrls: urls, pseudonymKey: DEVELOPMENT_PSEUDONYM_KEY, workers });
    const floor = new SqlFloor(urls);
    try {
      const copy = await floor.copyRowsPerSecond();
      const phases = Object.entries(report.phases ?? {})
        .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)}`)
        .join(', ');
      return { rows: report.rows, seedRowsPerSecond: report.rowsPerSecond, seedMs: report.elapsedMs, phases, copyRowsPerSecond: copy.rowsPerSecond };
    } finally {
      await floor.close();
    }
  } finally {
    await pg.stop();
    await rm(dataDirectory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { workers: 'number', runs: 'number', compare: 'string' });
  const workers = (flags.workers as number | undefined) ?? 100_000;
  const runs = (flags.runs as number | undefined) ?? 2;
  const port = Number(process.env.BENCH_PG_PORT ?? 54339);
  const variants: [string, Seed][] = [['this checkout', devtools.seedDemoCounty]];
  // --compare a,b: more than one other build, all alternated.
  for (const dir of flags.compare ? String(flags.compare).split(',').reverse() : []) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const other = require(path.resolve(dir)) as typeof devtools;
    variants.unshift([`compare (${dir})`, other.seedDemoCounty]);
  }
  const results: Record<string, { ratio: number; seed: number; copy: number }[]> = {};
  for (let run = 1; run <= runs; run++) {
    for (const [name, seed] of variants) {
      const load = os.loadavg()[0].toFixed(2);
      const r = await measure(seed, workers, port);
      const ratio = Math.round((r.seedRowsPerSecond / r.copyRowsPerSecond) * 100) / 100;
      (results[name] ??= []).push({ ratio, seed: r.seedRowsPerSecond, copy: r.copyRowsPerSecond });
      console.log(
        `run ${run} ${name}: ${r.rows.toLocaleString('en')} rows seeded in ${(r.seedMs / 1000).toFixed(1)} s (${r.phases || 'no phases'}), ${r.seedRowsPerSecond.toLocaleString('en')} rows/s; COPY ${r.copyRowsPerSecond.toLocaleString('en')} rows/s; ratio ${ratio} (load average before: ${load})`,
      );
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : Math.round(((sorted[middle - 1] + sorted[middle]) / 2) * 100) / 100;
  };
  for (const [name, list] of Object.entries(results)) {
    console.log(
      `median ${name}: seed ${median(list.map((x) => x.seed)).toLocaleString('en')} rows/s, COPY ${median(list.map((x) => x.copy)).toLocaleString('en')} rows/s, ratio ${median(list.map((x) => x.ratio))}`,
    );
  }
}

main().catch((error) => {
  console.error(`bench:seed failed: ${(error as Error).message}`);
  process.exit(1);
});
