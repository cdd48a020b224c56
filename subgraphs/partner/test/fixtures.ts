import { makeIdNumber, todayInChina } from '@jiuye/common';
import { pseudonymOf, type TestSubgraph } from '@jiuye/testing/harness';

export const SHENZHEN = '4403';
export const ZHONGSHAN = '4420';
export const KUNMING = '5301';

/** A valid ID number of a Dongchuan (530113) worker; distinct for distinct n. */
export function idNumber(n: number): string {
  const birth = `19${70 + (n % 30)}-0${1 + (n % 9)}-1${n % 10}`;
  return makeIdNumber('530113', birth, n % 1000);
}

export function daysAgo(days: number): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function count(subgraph: TestSubgraph, table: string): Promise<number> {
  const [row] = await subgraph.sql<{ n: number }>(`select count(*)::int as n from "${table}"`);
  return row.n;
}

/** Counts of every table, to show a failed mutation wrote nothing. */
export async function counts(subgraph: TestSubgraph): Promise<Record<string, number>> {
  const tables = ['partner_city', 'labour_base', 'partner_job_posting', 'transfer_batch', 'transfer', 'follow_up_visit', 'contact_attempt'];
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = await count(subgraph, table);
  const [open] = await subgraph.sql<{ n: number }>('select count(*)::int as n from transfer where ended_on is null');
  result.openTransfers = open.n;
  return result;
}

/** Reference rows partner staff maintain outside the graph (no mutations yet). */
export async function insertReference(subgraph: TestSubgraph) {
  await subgraph.sql(
    `insert into partner_city (code, name, province, paired_since, note) values
       ('${SHENZHEN}', '深圳市', '广东省', '2016-12-01', '东西部协作'),
       ('${ZHONGSHAN}', '中山市', '广东省', '2016-12-01', null),
       ('${KUNMING}', '昆明市', '云南省', '2021-04-01', '省内协作')`,
  );
  const bases = await subgraph.sql<{ id: number; city_code: string }>(
    `insert into labour_base (city_code, name, kind, address) values
       ('${SHENZHEN}', '深圳龙岗劳务输出基地', 'EXPORT_BASE', '深圳市龙岗区坂田街道'),
       ('${SHENZHEN}', '深圳宝安劳务工作站', 'SERVICE_STATION', '深圳市宝安区福永街道'),
       ('${ZHONGSHAN}', '中山火炬开发区劳务工作站', 'SERVICE_STATION', '中山市火炬开发区')
     returning id, city_code`,
  );
  const [longgang, baoan, torch] = bases.map((b) => b.id);
  return { longgang, baoan, torch };
}

export async function insertPostings(subgraph: TestSubgraph, cityCode: string, n: number, pushedOn: string, validUntil: string): Promise<number[]> {
  const rows = await subgraph.sql<{ id: number }>(
    `insert into partner_job_posting (city_code, employer_name, title, monthly_wage, headcount, pushed_on, valid_until)
     select ?, '电子厂' || g, '普工', 4500 + g, 20, ?, ? from generate_series(1, ?) g returning id`,
    [cityCode, pushedOn, validUntil, n],
  );
  return rows.map((r) => r.id);
}

export async function insertBatch(subgraph: TestSubgraph, batchNo: string, cityCode: string, departedOn: string): Promise<number> {
  const [row] = await subgraph.sql<{ id: number }>(`insert into transfer_batch (batch_no, city_code, departed_on, destination) values (?, ?, ?, '工业园') returning id`, [
    batchNo,
    cityCode,
    departedOn,
  ]);
  return row.id;
}

/** Transfers written directly (for figures and statement counts); returns their ids. */
export async function insertTransfers(
  subgraph: TestSubgraph,
  batchId: number,
  cityCode: string,
  workers: { idNumber: string; startedOn: string; endedOn?: string | null; phone?: string | null }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const w of workers) {
    const [row] = await subgraph.sql<{ id: number }>(
      `insert into transfer (batch_id, worker_id, id_number, phone, city_code, employer_name, job_title, started_on, ended_on, fare_reimbursed, confirmation)
       values (?, ?, ?, ?, ?, '立讯精密', '普工', ?, ?, true, 'CONFIRMED') returning id`,
      [batchId, pseudonymOf(w.idNumber), w.idNumber, w.phone ?? null, cityCode, w.startedOn, w.endedOn ?? null],
    );
    ids.push(row.id);
  }
  return ids;
}

export async function insertVisit(subgraph: TestSubgraph, transferId: number, visitedOn: string, stillEmployed: boolean): Promise<number> {
  const [row] = await subgraph.sql<{ id: number }>(`insert into follow_up_visit (transfer_id, visited_on, still_employed, rights_case) values (?, ?, ?, false) returning id`, [
    transferId,
    visitedOn,
    stillEmployed,
  ]);
  return row.id;
}

export async function insertAttempt(subgraph: TestSubgraph, transferId: number | null, idNumberOf: string, attemptedAt: string, outcome: string): Promise<void> {
  await subgraph.sql(`insert into contact_attempt (transfer_id, worker_id, attempted_at, channel, outcome) values (?, ?, ?, 'PHONE', ?)`, [
    transferId,
    pseudonymOf(idNumberOf),
    attemptedAt,
    outcome,
  ]);
}
