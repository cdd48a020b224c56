import { makeIdNumber, todayInChina } from '@jiuye/common';
import { pseudonymOf, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';

/** Shared reference data for the hr tests: a slice of Dongchuan district (东川区), Yunnan. */
export const PROVINCE = '53';
export const CITY = '5301';
export const COUNTY = '530113';
export const TANGDAN = '530113101'; // 汤丹镇
export const YINMIN = '530113102'; // 因民镇
export const QINGKOU = '530113101201'; // 箐口村 (汤丹镇)
export const LUOXUE = '530113101202'; // 落雪村 (汤丹镇)
export const YINMIN_VILLAGE = '530113102201'; // 因民村 (因民镇)

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const today = () => todayInChina();

/** A valid ID number of someone born on 1 January `years` years ago (so aged `years`), unique by sequence. */
export function idNumberAged(years: number, sequence: number): string {
  const year = Number(today().slice(0, 4)) - years;
  return makeIdNumber(COUNTY, `${year}-01-01`, sequence);
}

export async function insertReferenceData(subgraph: TestSubgraph): Promise<void> {
  await subgraph.sql(
    `insert into division (code, name, level, parent_code) values
      ('53', '云南省', 'PROVINCE', null),
      ('5301', '昆明市', 'CITY', '53'),
      ('530113', '东川区', 'COUNTY', '5301'),
      ('530113101', '汤丹镇', 'TOWNSHIP', '530113'),
      ('530113102', '因民镇', 'TOWNSHIP', '530113'),
      ('530113101201', '箐口村', 'VILLAGE', '530113101'),
      ('530113101202', '落雪村', 'VILLAGE', '530113101'),
      ('530113102201', '因民村', 'VILLAGE', '530113102')`,
  );
  await subgraph.sql(
    `insert into employer (id, name, kind, division_code, credit_code) values
      (1, '东川区汤丹镇箐口村扶贫车间', 'POVERTY_WORKSHOP', '530113101201', '91530113MA6K000011'),
      (2, '昆明东川铜业有限公司', 'ENTERPRISE', '530113101', '91530113MA6K000022'),
      (3, '深圳市福田电子厂', 'ENTERPRISE', '440304', '91440304MA5F000033'),
      (4, '因民镇就业帮扶基地', 'ASSISTANCE_BASE', '530113102', '91530113MA6K000044')`,
  );
  await subgraph.sql(`select setval(pg_get_serial_sequence('"employer"', 'id'), 4)`);
}

/**
 * Postings for the matching rule (ids fixed): open ones of every kind, one closed, one with its
 * headcount taken. Wages make the expected order obvious.
 */
export async function insertPostings(subgraph: TestSubgraph): Promise<void> {
  const t = today();
  const from = addDays(t, -10);
  const until = addDays(t, 30);
  const rows: [number, number, string, string | null, string, number, number, string, string][] = [
    // id, employer, title, trade, place, wageMin, wageMax, openFrom, openUntil   (headcount 5)
    [1, 3, '电焊工（深圳）', 'WELDER', 'OUT_OF_PROVINCE', 7000, 9000, from, until],
    [2, 2, '电焊工（东川铜业）', 'WELDER', 'IN_COUNTY', 4500, 6000, from, until],
    [3, 3, '普工（深圳，低门槛）', null, 'OUT_OF_PROVINCE', 4500, 5500, from, until],
    [4, 1, '缝纫工（扶贫车间，低门槛）', null, 'IN_TOWNSHIP', 2000, 2800, from, until],
    [5, 2, '电工', 'ELECTRICIAN', 'IN_COUNTY', 5000, 6500, from, until],
    [6, 2, '保洁（已截止）', null, 'IN_COUNTY', 1800, 2200, addDays(t, -60), addDays(t, -7)],
    [7, 1, '包装工（已招满）', null, 'IN_TOWNSHIP', 2000, 3000, from, until],
  ];
  for (const [id, employerId, title, trade, place, min, max, openFrom, openUntil] of rows) {
    await subgraph.sql(
      `insert into job_posting (id, employer_id, title, required_trade, min_education, threshold, skills, monthly_wage_min, monthly_wage_max, place, location, headcount, open_from, open_until)
       values (?, ?, ?, ?, null, '18-50岁，身体健康', '能吃苦耐劳', ?, ?, ?, '东川区', ?, ?, ?)`,
      [id, employerId, title, trade, min, max, place, id === 7 ? 1 : 5, openFrom, openUntil],
    );
  }
  await subgraph.sql(`select setval(pg_get_serial_sequence('"job_posting"', 'id'), 7)`);
  await subgraph.sql(
    `insert into job_fair (id, name, held_on, division_code, online) values
      (1, '东川区春风行动招聘会', ?, '530113', false),
      (2, '汤丹镇线上招聘会（未举办）', ?, '530113101', true)`,
    [addDays(t, -5), addDays(t, 5)],
  );
  await subgraph.sql(`select setval(pg_get_serial_sequence('"job_fair"', 'id'), 2)`);
}

export async function insertWelfarePosts(subgraph: TestSubgraph): Promise<void> {
  await subgraph.sql(
    `insert into welfare_post (id, kind, village_code, title, annual_allowance) values
      (1, 'CLEANING', '530113101201', '箐口村保洁员', 6000),
      (2, 'FOREST_RANGER', '530113101201', '箐口村护林员', 7200),
      (3, 'ROAD_MAINTENANCE', '530113102201', '因民村护路员', 6000)`,
  );
  await subgraph.sql(`select setval(pg_get_serial_sequence('"welfare_post"', 'id'), 3)`);
}

export const REGISTER = `mutation($input: RegisterWorkerInput!) {
  registerWorker(input: $input) {
    id name sex birthDate age idNumberMasked phoneMasked household { code } village { code name }
    populationStatus employmentStatus employmentIntention skillLevel trainingWish education verifiedOn
  }
}`;

export function registration(idNumber: string, householdCode = `${QINGKOU}0001`, extra: Record<string, unknown> = {}) {
  return {
    idNumber,
    name: '李建国',
    phone: '13812345678',
    householdCode,
    populationStatus: 'AT_HOME',
    employmentStatus: 'UNEMPLOYED',
    employmentIntention: 'LOCAL',
    skillLevel: 'NONE',
    trainingWish: 'WELDER',
    education: 'JUNIOR_HIGH',
    ...extra,
  };
}

export async function register(subgraph: TestSubgraph, idNumber: string, householdCode?: string, extra?: Record<string, unknown>): Promise<string> {
  const response = await subgraph.query(REGISTER, { input: registration(idNumber, householdCode, extra) });
  if (response.errors) throw new Error(`registration failed: ${JSON.stringify(response.errors)}`);
  return response.data.registerWorker.id;
}

export async function count(subgraph: TestSubgraph, table: string): Promise<number> {
  const [row] = await subgraph.sql<{ n: number }>(`select count(*)::int as n from "${table}"`);
  return row.n;
}

/** The first error's extensions, failing loudly when the request did not fail. */
export function errorOf(response: GraphQLResponse): { message: string; extensions: Record<string, any> } {
  if (!response.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
  return { message: response.errors[0].message, extensions: response.errors[0].extensions ?? {} };
}

export { pseudonymOf };
