import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import * as iconv from 'iconv-lite';
import { addDays, makeIdNumber, householdCodeIn, type Identity } from '@jiuye/common';
import { startTestPlatform, COUNTY_OFFICER, DEMO_COUNTY, tokenFor, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Spreadsheet import end to end: the committed sample files through `npm run import` (a real
 * process against the gateway), the rejected rows fixed and imported again, the access log, the
 * gateway's refusals, and a CLI killed with SIGKILL in the middle of a large file and re-run.
 */
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');
const SAMPLES = path.join(ROOT, 'samples/import');
let platform: TestPlatform;
let token: string;
const base = () => platform.gateway.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  platform = await startTestPlatform(200);
  token = await tokenFor(COUNTY_OFFICER);
});
afterAll(() => platform?.stop());

interface Cli {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node scripts/dist/import.js …` as `npm run import` runs it; onLine sees stdout line by line. */
function cli(args: string[], onLine?: (line: string, kill: () => void) => void, as = token): Promise<Cli> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/import.js'), ...args, '--url', base(), '--token', as], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const line of chunk.split('\n')) if (line) onLine?.(line, () => child.kill('SIGKILL'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const hrSql = <T = any>(text: string, params: unknown[] = []) => platform.subgraphs.hr.sql<T>(text, params);

describe('npm run import with the sample files', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'import-'));

  it('a dry run reports what would change and writes nothing; the real run writes, logs every person, and saves 导入失败明细', async () => {
    const before = (await hrSql('select count(*)::int as n from worker'))[0].n;
    const dry = await cli(['hr', 'workers', path.join(SAMPLES, 'workers.xlsx'), '--dry-run', '--out', out]);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run (nothing written): would insert 12, update 0, unchanged 0, rejected 6 of 18 rows');
    expect((await hrSql('select count(*)::int as n from worker'))[0].n).toBe(before);

    const real = await cli(['hr', 'workers', path.join(SAMPLES, 'workers.xlsx'), '--out', out]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('inserted 12, updated 0, unchanged 0, rejected 6 of 18 rows');
    for (const reason of [
      '身份证号码: the check character',
      '户编号: its first 12 digits are not a village',
      '核实日期: not a day of the calendar',
      '联系电话: a mobile number',
      '文化程度: not one of',
      'the same person as line',
    ]) {
      expect(real.stdout).toContain(reason);
    }
    expect((await hrSql('select count(*)::int as n from worker'))[0].n).toBe(before + 12);
    const runId = /run ([0-9a-f-]{36})/.exec(real.stdout)![1];
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(`select worker_id, village_code, fields from access_log where operation like 'import /imports/hr/workers%'`);
      const written = await hrSql<{ record_key: string }>(`select record_key from import_row where run_id = ? and outcome = 'inserted'`, [runId]);
      expect(new Set(logged.rows.map((r) => r.worker_id))).toEqual(new Set(written.map((r) => r.record_key)));
      expect(logged.rows[0].fields).toEqual(expect.arrayContaining(['Worker.idNumber', 'Worker.employmentStatus']));
      // The file name is the user's free text: the log names the path, never the file.
      const operations = await audit.query(`select distinct operation from access_log where operation like 'import %' order by operation`);
      expect(operations.rows.map((r) => r.operation)).toEqual(['import /imports/hr/workers', 'import /imports/hr/workers (dry run)']);
    } finally {
      await audit.end();
    }

    // The same file again changes nothing.
    const again = await cli(['hr', 'workers', path.join(SAMPLES, 'workers.xlsx'), '--out', out]);
    expect(again.stdout).toContain('inserted 0, updated 0, unchanged 12, rejected 6 of 18 rows');

    // The official fixes the misspelt 文化程度 in 导入失败明细 and imports that file.
    const rejectedFile = path.join(out, 'workers.导入失败明细.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(rejectedFile);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '家庭成员|姓名',
      '家庭成员|身份证号码',
      '家庭成员|联系电话',
      '户编号',
      '六个清楚|人口状态',
      '六个清楚|就业状态',
      '六个清楚|就业意愿',
      '六个清楚|技能水平',
      '六个清楚|培训意愿',
      '六个清楚|文化程度',
      '核实日期',
      '失败原因',
      '原行号',
    ]);
    sheet.eachRow((row, index) => {
      if (index > 1 && row.getCell(11).value === '初忠') row.getCell(11).value = '初中';
    });
    await book.xlsx.writeFile(rejectedFile);
    const fixed = await cli(['hr', 'workers', rejectedFile, '--out', out]);
    expect(fixed.stdout).toContain('inserted 1, updated 0, unchanged 1, rejected 4 of 6 rows');
    expect(fixed.stdout).toContain('columns not read: 失败原因, 原行号');
  });

  it('imports the civil sample (低保/特困 grants, GBK) as a civil officer of the county, twice', async () => {
    const civil = await tokenFor({ ...COUNTY_OFFICER, subject: 'test-civil-officer', department: 'civil' });
    const file = path.join(SAMPLES, 'assistance-grants-gbk.csv');
    const first = await cli(['civil', 'assistance-grants', file, '--out', out], undefined, civil);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('inserted 12, updated 0, unchanged 0, rejected 5 of 17 rows — csv (gb18030)');
    expect(first.stdout).toContain('the same household and kind of assistance as line 3');
    const again = await cli(['civil', 'assistance-grants', file, '--out', out], undefined, civil);
    expect(again.stdout).toContain('inserted 0, updated 0, unchanged 12, rejected 5 of 17 rows');
  });

  it('a row answered "registered outside your area" is logged as a lookup by ID number (lookup ids stay out of the client stream)', async () => {
    const [registered] = await hrSql<{ id_number: string; name: string; household_code: string }>(`select id_number, name, household_code from worker order by id limit 1`);
    const township = platform.county.reference.townships.find((t) => !registered.household_code.startsWith(t.code))!;
    const village = platform.county.reference.villages.find((v) => v.townshipCode === township.code)!;
    const officer = { ...COUNTY_OFFICER, subject: 'test-township-officer', region: township.code };
    const csv = [
      '姓名,身份证号码,户编号,人口状态,就业状态,就业意愿,技能水平,文化程度',
      `${registered.name},${registered.id_number},${village.code}8001,在家,未就业,省外转移,初级工,初中`,
    ].join('\n');
    const response = await fetch(`${base()}/imports/hr/workers?dryRun=1`, { method: 'POST', body: csv, headers: await userHeaders(officer) });
    const text = await response.text();
    expect(text).toContain('this ID number cannot be registered from your account');
    expect(text).not.toContain('lookups');
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(`select staff, fields, lookup from access_log where staff = $1`, [officer.subject]);
      expect(logged.rows).toEqual([expect.objectContaining({ fields: ['lookup:import:hr'], lookup: 'found' })]);
    } finally {
      await audit.end();
    }
  });

  it('the rejected-rows file (导入失败明细) is logged person by person before it leaves; a log that cannot be written withholds it', async () => {
    const answer = await fetch(`${base()}/imports/hr/workers?dryRun=1&fileName=workers.csv`, {
      method: 'POST',
      body: readFileSync(path.join(SAMPLES, 'workers-gbk.csv')),
      headers: await userHeaders(COUNTY_OFFICER),
    });
    const lines = (await answer.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const { runId } = lines.at(-1).report;
    const url = `${base()}/imports/hr/runs/${runId}/rejected.xlsx`;
    const correlation = `rejected-${runId}`;
    const download = await fetch(url, { headers: { ...(await userHeaders(COUNTY_OFFICER)), 'x-request-id': correlation } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download.arrayBuffer()) as never);
    expect(book.worksheets[0].rowCount).toBe(7);
    const stored = await hrSql<{ person: [string | null, string | null, string] }>(
      `select person from import_row where run_id = ? and outcome = 'rejected' and person is not null`,
      [runId],
    );
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(`select worker_id, household_code, fields, operation from access_log where correlation_id = $1`, [correlation]);
      expect(new Set(logged.rows.map((r) => r.operation))).toEqual(new Set([`download /imports/hr/runs/${runId}/rejected.xlsx`]));
      const workers = stored.map((r) => r.person[0]).filter((id): id is string => id !== null);
      expect(workers.length).toBeGreaterThanOrEqual(4);
      expect(new Set(logged.rows.map((r) => r.worker_id).filter(Boolean))).toEqual(new Set(workers));
      expect(logged.rows[0].fields).toEqual(expect.arrayContaining(['ImportRow.cells', 'Worker.idNumber']));
      // The log refuses: the file is withheld, not one byte of it leaves.
      await audit.query(`alter table access_log add constraint refuse_rejected_download check (seq < 0) not valid`);
      try {
        const refused = await fetch(url, { headers: await userHeaders(COUNTY_OFFICER) });
        expect(refused.status).toBe(503);
        const body = (await refused.json()) as any;
        expect(body.errors[0].extensions.code).toBe('ACCESS_LOG_UNAVAILABLE');
        expect(JSON.stringify(body)).not.toMatch(/\d{17}[\dX]/);
      } finally {
        await audit.query(`alter table access_log drop constraint refuse_rejected_download`);
      }
    } finally {
      await audit.end();
    }
  });

  it('imports a training enrolment list (GBK) as a training officer of the county: the sample workers into the class that ends last, logged with their villages', async () => {
    const trainingOfficer = await tokenFor({ ...COUNTY_OFFICER, subject: 'test-training-officer', department: 'training' });
    const registered = await hrSql<{ id_number: string; name: string; village_code: string }>(
      `select id_number, name, village_code from worker where id_number like '530128%' order by id_number limit 5`,
    );
    expect(registered).toHaveLength(5);
    const last = [...platform.county.reference.classes].sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.id - b.id).at(-1)!;
    // The test county's demo is laid out around its own day: its last class has ended by now, so enrol on its first day.
    const day = last.startsOn;
    const wrong = registered[0].id_number.slice(0, 17) + (registered[0].id_number[17] === '1' ? '2' : '1');
    const csv = [
      '培训报名名单,,,,',
      '序号,培训班编号,姓名,身份证号码,报名日期',
      ...registered.map((w, i) => `${i + 1},${last.id},${w.name},${w.id_number},${day}`),
      `6,${last.id},${registered[0].name},${wrong},${day}`,
    ].join('\r\n');
    const file = path.join(out, 'enrolments-gbk.csv');
    writeFileSync(file, iconv.encode(csv, 'gbk'));
    const first = await cli(['training', 'enrolments', file, '--out', out], undefined, trainingOfficer);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('inserted 5, updated 0, unchanged 0, rejected 1 of 6 rows — csv (gb18030)');
    expect(first.stdout).toContain('身份证号码: the check character');
    const again = await cli(['training', 'enrolments', file, '--out', out], undefined, trainingOfficer);
    expect(again.stdout).toContain('inserted 0, updated 0, unchanged 5, rejected 1 of 6 rows');
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(
        `select worker_id, village_code from access_log where operation = 'import /imports/training/enrolments' and staff = 'test-training-officer'`,
      );
      const byWorker = new Map(logged.rows.map((r) => [r.worker_id, r.village_code]));
      expect(byWorker.size).toBe(5);
      // Training does not know where people live; the access log places them (the residence authority).
      expect([...byWorker.values()].sort()).toEqual(registered.map((w) => w.village_code).sort());
    } finally {
      await audit.end();
    }
  });

  it('imports the out-of-province sample (省外务工贫困劳动力名单, GBK) as employments of the registered sample workers, twice', async () => {
    const file = path.join(SAMPLES, 'out-of-province-gbk.csv');
    const first = await cli(['hr', 'out-of-province', file, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('inserted 6, updated 0, unchanged 0, rejected 6 of 12 rows — csv (gb18030)');
    for (const reason of [
      'line 10: 务工开始时间: must not be after today',
      'line 11: 身份证号码: worker was not found',
      'line 12: 身份证号码: the check character',
      'line 13: the same person as line 3',
      'line 14: 姓名: differs from the registry record',
      'line 15: 月收入（元）: a monthly wage is a whole number',
    ]) {
      expect(first.stdout).toContain(reason);
    }
    const recorded = await hrSql(`select count(*)::int as n from employment where kind = 'TRANSFER_OUT_OF_PROVINCE' and employer_name like '%某%'`);
    expect(recorded).toEqual([{ n: 6 }]);
    const again = await cli(['hr', 'out-of-province', file, '--out', out]);
    expect(again.stdout).toContain('inserted 0, updated 0, unchanged 6, rejected 6 of 12 rows');
  });

  it("imports the partner city's transfer list sample (转移就业人员名单, GBK) as the county office: confirmed transfers of the registered sample workers, twice", async () => {
    const partnerOfficer = await tokenFor({ ...COUNTY_OFFICER, subject: 'test-partner-officer', department: 'partner' });
    const file = path.join(SAMPLES, 'transfers-gbk.csv');
    const first = await cli(['partner', 'transfers', file, '--out', out], undefined, partnerOfficer);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('inserted 6, updated 0, unchanged 0, rejected 7 of 13 rows — csv (gb18030)');
    for (const reason of [
      'line 10: 转移时间: must not be in the future',
      'line 11: 身份证号码: the worker lies outside your scope',
      'line 12: 身份证号码: the check character',
      'line 13: the same person as line 3',
      'line 14: 联系电话: ',
      'line 15: 输入地: partner city was not found',
      'line 16: 一次性交通补助: write 是 or 否',
    ]) {
      expect(first.stdout).toContain(reason);
    }
    const recorded = await platform.subgraphs.partner.sql(
      `select count(*)::int as n from transfer where employer_name like '%某%' and confirmation = 'CONFIRMED' and batch_id is null and id_number like '530128%'`,
    );
    expect(recorded).toEqual([{ n: 6 }]);
    const again = await cli(['partner', 'transfers', file, '--out', out], undefined, partnerOfficer);
    expect(again.stdout).toContain('inserted 0, updated 0, unchanged 6, rejected 7 of 13 rows');
  });

  it('reads the GBK CSV sample', async () => {
    const result = await cli(['hr', 'workers', path.join(SAMPLES, 'workers-gbk.csv'), '--dry-run', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would insert 12, update 0, unchanged 0, rejected 6 of 18 rows — csv (gb18030)');
  });
});

describe('the gateway refuses imports to callers who may not write that department', () => {
  const post = async (identity: Identity | string, purpose: 'verification' | null = 'verification', department = 'hr') =>
    fetch(`${base()}/imports/${department}/workers?dryRun=1`, {
      method: 'POST',
      body: readFileSync(path.join(SAMPLES, 'workers-gbk.csv')),
      headers: await userHeaders(identity, purpose),
    });

  it.each([
    ['a dashboard', { subject: 'dash', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] } as Identity, 'verification', 403],
    ['a partner city', { subject: 'sz', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [] } as Identity, 'verification', 403],
    ['another department', { ...COUNTY_OFFICER, subject: 'pov', department: 'poverty' } as Identity, 'verification', 403],
    ['a viewer', { ...COUNTY_OFFICER, subject: 'viewer', role: 'viewer' } as Identity, 'verification', 403],
    ['no purpose', COUNTY_OFFICER, null, 403],
    ['no token', 'not-a-token', 'verification', 401],
  ])('%s', async (_label, identity, purpose, status) => {
    expect((await post(identity, purpose as 'verification' | null)).status).toBe(status);
  });

  it('a file beyond the size limit: 413, or the connection dropped while the client still sends', async () => {
    const runs = async () => (await hrSql('select count(*)::int as n from import_run'))[0].n;
    const before = await runs();
    const answer = await fetch(`${base()}/imports/hr/workers`, { method: 'POST', body: Buffer.alloc(33 * 1024 * 1024, 0x61), headers: await userHeaders(COUNTY_OFFICER) }).then(
      (response) => response.status,
      () => 'dropped',
    );
    expect([413, 'dropped']).toContain(answer);
    expect(await runs()).toBe(before);
  });
});

describe('a CLI killed mid-run (SIGKILL) and run again', () => {
  it('leaves whole batches, and the re-run completes the file with nothing duplicated', async () => {
    const village = platform.county.reference.villages[0].code;
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `${i + 1},测试${i},${makeIdNumber('530129', addDays('1970-01-01', i), 101 + (i % 2))},,${householdCodeIn(village, 3000 + i)},在家,未就业,省外转移,初级工,,初中`,
    );
    const ids = new Set(rows.map((r) => r.split(',')[2]));
    expect(ids.size).toBe(6000);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-')), 'big.csv');
    writeFileSync(file, ['序号,姓名,身份证号码,联系电话,户编号,人口状态,就业状态,就业意愿,技能水平,培训意愿,文化程度', ...rows].join('\n'));
    const inVillage = async () =>
      (await hrSql(`select count(*)::int as n from worker where household_code between ? and ?`, [householdCodeIn(village, 3000), householdCodeIn(village, 8999)]))[0].n;
    const killed = await cli(['hr', 'workers', file], (line, kill) => {
      if (/^\d+\/6000 rows/.test(line)) kill();
    });
    expect(killed.signal).toBe('SIGKILL');
    // The department stops at the next batch once the gateway lost its client; what it wrote is whole batches.
    let run: { status: string; rows: number; inserted: number } | undefined;
    for (let i = 0; i < 100 && run?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [run] = await hrSql(`select status, rows, inserted from import_run where file_name = 'big.csv' order by started_at desc limit 1`);
    }
    expect(run!.status).toBe('failed');
    expect(run!.rows % 500).toBe(0);
    expect(run!.rows).toBeLessThan(6000);
    expect(await inVillage()).toBe(run!.inserted);
    const rerun = await cli(['hr', 'workers', file]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`inserted ${6000 - run!.inserted}, updated 0, unchanged ${run!.inserted}, rejected 0 of 6000 rows`);
    expect(await inVillage()).toBe(6000);
  });
});
