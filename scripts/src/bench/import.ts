import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, ensureDatabaseExists, householdCodeIn, makeIdNumber, migrate, openDatabase, runImport, withDatabase } from '@jiuye/common';
import { createDemoCounty, startEmbeddedPostgres } from '@jiuye/devtools';
import { hrSubgraph, workerImportKind } from '@jiuye/hr';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseFlags } from '../args';

/**
 * npm run bench:import [-- --rows 100000 --batch 500]
 * 10^5 generated 劳动力实名登记 rows (a CSV as an office would send it) through the real import
 * engine with hr's full row rules (ID number, village in the catalogue, scope, vocabularies,
 * duplicates, batches of 500 each one transaction with its import_row records), into a fresh
 * hr database on a throwaway embedded PostgreSQL; then the same file again (every row
 * unchanged); then COPY of the same worker rows into a scratch copy of the table (indexes
 * included), the floor. Prints rows/s of each and the ratio. Not a timed test: numbers for BENCHMARKS.md.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { rows: 'number', batch: 'number' });
  const count = (flags.rows as number | undefined) ?? 100_000;
  const batchSize = (flags.batch as number | undefined) ?? 500;
  const postgres = await startEmbeddedPostgres({
    dataDirectory: path.join(mkdtempSync(path.join(os.tmpdir(), 'jiuye-bench-import-')), 'pg'),
    persistent: false,
    onLog: process.env.BENCH_LOG ? (m) => console.error(m) : undefined,
  });
  try {
    const url = withDatabase(postgres.serverUrl, 'bench_import_hr');
    await ensureDatabaseExists(url);
    const database = await openDatabase({ url, entities: hrSubgraph.entities, migrations: hrSubgraph.migrations });
    try {
      await migrate(database.orm);
      const em = database.orm.em.fork() as EntityManager;
      const { reference } = createDemoCounty({});
      const divisions = [reference.province, reference.city, reference.county].map((d, i) => [
        d.code,
        d.name,
        ['PROVINCE', 'CITY', 'COUNTY'][i],
        i ? [null, reference.province.code, reference.city.code][i] : null,
      ]);
      for (const t of reference.townships) divisions.push([t.code, t.name, 'TOWNSHIP', reference.county.code]);
      for (const v of reference.villages) divisions.push([v.code, v.name, 'VILLAGE', v.townshipCode]);
      await em.execute(`insert into division (code, name, level, parent_code) select * from json_to_recordset(?::json) as d(code text, name text, level text, parent_code text)`, [
        JSON.stringify(divisions.map(([code, name, level, parent_code]) => ({ code, name, level, parent_code }))),
      ]);
      const file = generate(
        count,
        reference.villages.map((v) => v.code),
      );
      console.log(`${count.toLocaleString('en')} rows, ${(file.length / 1048576).toFixed(1)} MB of CSV, batches of ${batchSize}`);
      const kind = workerImportKind({
        pseudonymKey: 'bench-pseudonym-key-0123456789abcdef0123456789',
        canSee: (subject) => (subject.place ?? reference.county.code).startsWith(reference.county.code),
      });
      const options = { fileName: 'bench.csv', bytes: file, dryRun: false, account: 'bench', region: reference.county.code, batchSize, limits: undefined };
      const first = await timed(() => runImport(database.orm.em.fork() as EntityManager, kind, options));
      console.log(`import (all new):       ${rate(count, first.seconds)} rows/s  (${first.seconds.toFixed(1)} s)  ${JSON.stringify(first.value.counts)}`);
      const again = await timed(() => runImport(database.orm.em.fork() as EntityManager, kind, options));
      console.log(`import (all unchanged): ${rate(count, again.seconds)} rows/s  (${again.seconds.toFixed(1)} s)  ${JSON.stringify(again.value.counts)}`);
      const copyFile = path.join(os.tmpdir(), `jiuye-bench-import-${process.pid}.copy`);
      await em.execute(`copy worker to '${copyFile}'`);
      await em.execute(`create table bench_copy_worker (like worker including all)`);
      const copy = await timed(() => em.execute(`copy bench_copy_worker from '${copyFile}'`));
      console.log(`COPY into a scratch copy of worker: ${rate(count, copy.seconds)} rows/s  (${copy.seconds.toFixed(2)} s)`);
      console.log(`ratio import / COPY: 1 : ${(first.seconds / copy.seconds).toFixed(1)} (import is ${((copy.seconds / first.seconds) * 100).toFixed(1)} % of COPY's rate)`);
    } finally {
      await database.close();
    }
  } finally {
    await postgres.stop();
  }
}

/** A CSV as an office sends it: Chinese header, labels, mobile numbers with spaces, every row valid (ages 27–59). */
function generate(count: number, villages: string[]): Buffer {
  const lines = ['序号,姓名,身份证号码,联系电话,户编号,人口状态,就业状态,就业意愿,技能水平,培训意愿,文化程度,核实日期'];
  const per = 12_000;
  for (let i = 0; i < count; i++) {
    const idNumber = makeIdNumber('530129', addDays('1967-01-01', i % per), 101 + 2 * Math.floor(i / per));
    const village = villages[i % villages.length];
    const household = householdCodeIn(village, 1 + Math.floor(i / villages.length / 3));
    lines.push(
      `${i + 1},测试${i % 1000},${idNumber},138 ${String(i).padStart(4, '0').slice(-4)} ${String(i * 7)
        .padStart(4, '0')
        .slice(-4)},${household},在家,未就业,省外转移,初级工,电工,初中,2026年11月20日`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString('en');

main().catch((error) => {
  console.error(`npm run bench:import: ${(error as Error | undefined)?.stack ?? String(error)}`);
  process.exit(1);
});
