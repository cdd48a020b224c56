import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { makeIdNumber, type Identity } from '@jiuye/common';
import { startTestPlatform, COUNTY_OFFICER, DEMO_COUNTY, tokenFor, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * 建档立卡贫困户名单 through the gateway's /imports/poverty/households: the committed samples with
 * `npm run import` (a real process), the rejected-rows file, the access log, the scope and the
 * department checks.
 */
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');
const SAMPLES = path.join(ROOT, 'samples/import');
const POVERTY_OFFICER: Identity = { ...COUNTY_OFFICER, subject: 'test-poverty-officer', department: 'poverty', region: DEMO_COUNTY };
let platform: TestPlatform;
let token: string;
const base = () => platform.gateway.url.replace(/\/graphql$/, '');
const povertySql = <T = any>(text: string, params: unknown[] = []) => platform.subgraphs.poverty.sql<T>(text, params);

beforeAll(async () => {
  platform = await startTestPlatform(100);
  token = await tokenFor(POVERTY_OFFICER);
});
afterAll(() => platform?.stop());

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/import.js'), ...args, '--url', base(), '--token', token], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import -- poverty households', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'import-households-'));
  const households = async () => (await povertySql<{ n: number }>('select count(*)::int as n from household'))[0].n;

  it('a dry run writes nothing; the real run registers the good households, logs their members and saves 导入失败明细; again changes nothing', async () => {
    const before = await households();
    const file = path.join(SAMPLES, 'households.xlsx');
    const dry = await cli(['poverty', 'households', file, '--dry-run', '--out', out]);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain('dry run (nothing written): would insert 14, update 0, unchanged 0, rejected 13 of 27 rows — xlsx');
    expect(dry.stdout).toContain('per group (household): would insert 5, update 0, unchanged 0, rejected 6 of 11');
    expect(await households()).toBe(before);

    const real = await cli(['poverty', 'households', file, '--out', out]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('inserted 14, updated 0, unchanged 0, rejected 13 of 27 rows');
    for (const reason of [
      '身份证号码: the check character',
      '与户主关系: exactly one member is the head',
      'the same person as line',
      '贫困状态: is 已脱贫: give the household’s 脱贫年度',
      '主要致贫原因: give 2 to 200 characters',
      '户编号: lies outside your scope',
      'the household is refused with line',
    ]) {
      expect(real.stdout).toContain(reason);
    }
    expect(await households()).toBe(before + 5);
    const runId = /run ([0-9a-f-]{36})/.exec(real.stdout)![1];
    const written = await povertySql<{ record_key: string }>(`select record_key from import_row where run_id = ? and outcome = 'inserted'`, [runId]);
    expect(written).toHaveLength(14);
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(`select worker_id, fields from access_log where operation = 'import /imports/poverty/households'`);
      // Every member written, and the members of the in-scope households refused after the register was consulted (two heads, 已脱贫, a short reason).
      const people = new Set(logged.rows.map((r) => r.worker_id));
      for (const { record_key } of written) expect(people.has(record_key)).toBe(true);
      expect(people.size).toBe(14 + 6);
      expect(logged.rows[0].fields).toEqual(expect.arrayContaining(['HouseholdMember.idNumber', 'HouseholdMember.name']));
    } finally {
      await audit.end();
    }
    const rejectedFile = path.join(out, 'households.导入失败明细.xlsx');
    expect(existsSync(rejectedFile)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(rejectedFile) as never);
    expect(book.worksheets[0].actualRowCount).toBe(14); // the header and the 13 refused member rows

    const again = await cli(['poverty', 'households', file, '--out', out]);
    expect(again.stdout).toContain('inserted 0, updated 0, unchanged 14, rejected 13 of 27 rows');
    expect(again.stdout).toContain('per group (household): inserted 0, updated 0, unchanged 5, rejected 6 of 11');
  });

  it('the GBK sample: a household split by another is registered whole', async () => {
    const first = await cli(['poverty', 'households', path.join(SAMPLES, 'households-gbk.csv'), '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('inserted 14, updated 0, unchanged 0, rejected 13 of 27 rows — csv (gb18030)');
    const [split] = await povertySql<{ n: number }>(`select count(*)::int as n from household_member where household_code like '%9302' and removed_on is null`);
    expect(split.n).toBe(2);
  });

  it("a township's officer cannot import another township's households; other departments cannot import poverty's", async () => {
    const [one, other] = platform.county.reference.townships;
    const village = platform.county.reference.villages.find((v) => v.townshipCode === other.code)!;
    const officer = { ...POVERTY_OFFICER, subject: 'test-township-poverty-officer', region: one.code };
    const csv = [
      '户编号,姓名,身份证号码,与户主关系,贫困状态,识别年度,致贫原因',
      `${village.code}9801,某甲,${makeIdNumber('530128', '1964-04-04', 990)},户主,未脱贫,2018,因病致贫`,
    ].join('\n');
    const answer = await fetch(`${base()}/imports/poverty/households`, { method: 'POST', body: csv, headers: await userHeaders(officer) });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('"reason":"户编号: lies outside your scope"');
    const hr = await fetch(`${base()}/imports/poverty/households`, { method: 'POST', body: csv, headers: await userHeaders(COUNTY_OFFICER) });
    expect(hr.status).toBe(403);
  });
});
