import { unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { DEPARTMENT_NAMES as SUBGRAPH_NAMES, type DepartmentName as SubgraphName } from '@jiuye/common';
import { SEEDERS } from './subgraphs';

/**
 * The floors the graph is compared with.
 * - One worker's situation as hand-written SQL: one query per department database, sent in
 *   parallel, reading the same facts the federated query returns.
 * - PostgreSQL COPY of the seeded rows, the fastest way those rows can be loaded.
 */
export const SITUATION_SQL: Record<SubgraphName, string> = {
  hr: `select w.name, w.birth_date, w.id_number, w.employment_status, w.household_code,
         (select json_agg(e order by e.starts_on desc) from employment e where e.worker_id = w.id) as employments
       from worker w where w.id = $1`,
  poverty: `select m.relationship, h.code, (select s.to_status from poverty_status_change s where s.household_code = h.code order by s.effective_on desc, s.id desc limit 1) as status
       from household_member m join household h on h.code = m.household_code where m.worker_id = $1 and m.removed_on is null`,
  civil: `select p.disability_kind, p.disability_grade, p.left_behind,
         (select json_agg(c) from care_duty c where c.worker_id = p.worker_id) as care_duties
       from person_circumstance p where p.worker_id = $1`,
  training: `select (select json_agg(c) from certificate c where c.worker_id = $1) as certificates,
         (select json_agg(e) from enrolment e where e.worker_id = $1) as enrolments`,
  partner: `select (select json_agg(t order by t.started_on desc) from transfer t where t.worker_id = $1) as transfers`,
};

export class SqlFloor {
  private readonly pools: Record<SubgraphName, Pool>;

  constructor(databaseUrls: Record<SubgraphName, string>) {
    this.pools = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => {
        const pool = new Pool({ connectionString: databaseUrls[name], max: 4 });
        // PostgreSQL stopping at the end of the run ends idle connections: not an error of the bench.
        pool.on('error', () => undefined);
        return [name, pool];
      }),
    ) as Record<SubgraphName, Pool>;
  }

  async situation(workerId: string): Promise<unknown[]> {
    return Promise.all(SUBGRAPH_NAMES.map(async (name) => (await this.pools[name].query(SITUATION_SQL[name], [workerId])).rows));
  }

  /**
   * COPY every seeded table of every department (with its 一人一案 service records, which the seed
   * writes and counts too) out to a file and back into an empty copy of the table (indexes and
   * constraints included, as the seed writes into): rows per second.
   */
  async copyRowsPerSecond(): Promise<{ rows: number; seconds: number; rowsPerSecond: number }> {
    let rows = 0;
    let seconds = 0;
    for (const name of SUBGRAPH_NAMES) {
      const client = await this.pools[name].connect();
      try {
        for (const table of [...SEEDERS[name].tables, 'service_record']) {
          const file = path.join(os.tmpdir(), `jiuye-bench-${name}-${table}.copy`);
          await client.query(`copy "${table}" to '${file}'`);
          await client.query(`drop table if exists "bench_copy_${table}"`);
          await client.query(`create table "bench_copy_${table}" (like "${table}" including all)`);
          const started = process.hrtime.bigint();
          const result = await client.query(`copy "bench_copy_${table}" from '${file}'`);
          seconds += Number(process.hrtime.bigint() - started) / 1e9;
          rows += result.rowCount ?? 0;
          await client.query(`drop table "bench_copy_${table}"`);
          try {
            unlinkSync(file);
          } catch {
            /* written by the server's user; left for the OS to clean */
          }
        }
      } finally {
        client.release();
      }
    }
    return { rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
  }

  async close(): Promise<void> {
    await Promise.all(SUBGRAPH_NAMES.map((name) => this.pools[name].end()));
  }
}
