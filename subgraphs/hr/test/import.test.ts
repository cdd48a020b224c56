import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import {
  EXPORT_FRAMING,
  EXPORT_FRAMING_HEADER,
  idNumberCheckCharacter,
  IMPORT_STREAM_CONTENT_TYPE,
  makeIdNumber,
  failStaleImportRuns,
  purgeImportCells,
  readFrames,
  runImport,
  serviceUrl,
  type ExportedPerson,
  type ImportReport,
  type ImportStreamLine,
} from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { gatewayHeaders, officerOf, pseudonymOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { workerImportKind } from '../src/import/worker-import';
import { COUNTY, idNumberAged, insertReferenceData, LUOXUE, QINGKOU, TANGDAN, YINMIN, YINMIN_VILLAGE } from './fixtures';

const HEADER = '序号,姓名,身份证号码,联系电话,户编号,人口状态,就业状态,就业意愿,技能水平,培训意愿,文化程度,核实日期';

/** A wrong 18th character: the check character of the first 17 digits, shifted. */
function badCheckCharacter(idNumber: string): string {
  const right = idNumberCheckCharacter(idNumber.slice(0, 17));
  return idNumber.slice(0, 17) + (right === '1' ? '2' : '1');
}

const people = {
  a: idNumberAged(30, 501),
  b: idNumberAged(40, 503),
  c: idNumberAged(25, 505),
};

/** Three good rows, then the broken rows officials make, with blank lines between. */
function registryCsv(overrides: { intentionOfB?: string } = {}): string {
  return [
    HEADER,
    `1,张三,${people.a},138 1234 5678,${QINGKOU}0001,在家,未就业,省外转移,初级工,电工,初中,2026/11/20`,
    `2,李四,${people.b},+86 139-1234-5678,${QINGKOU}0001,外出,无就业意愿,${overrides.intentionOfB ?? '就地就近就业'},无技能,,小学,2026年11月20日`,
    '',
    `3,王五,${people.c},,${LUOXUE}0002,在家,未就业（有意愿）,自主创业,中级工,焊工,高中/中专`,
    `4,赵六,${badCheckCharacter(idNumberAged(33, 507))},13812345679,${QINGKOU}0003,在家,未就业,省外转移,初级工,,初中`,
    `5,钱七,${idNumberAged(35, 509)},13812345680,${COUNTY}101299${'0001'},在家,未就业,省外转移,初级工,,初中`,
    `6,孙八,${idNumberAged(36, 511)},12012345678,${QINGKOU}0004,在家,未就业,省外转移,初级工,,初中`,
    `7,周九,${idNumberAged(37, 513)},13812345681,${QINGKOU}0005,在家,未就业,省外转移,初级工,,初忠`,
    `8,张三,${people.a},13812345678,${QINGKOU}0001,在家,未就业,省外转移,初级工,电工,初中`,
    `9,郑十,${idNumberAged(38, 517)},13812345683,${QINGKOU}0006,在家,未就业,省外转移,初级工,,初中,2026年13月5日`,
    '',
    '',
  ].join('\r\n');
}

/** The department's rejected-rows answer, framed as an export: the people its rows are about before the file's bytes. */
async function unframe(response: Response): Promise<{ fields: string[]; people: ExportedPerson[]; file: Buffer; rows: number | null; peopleBeforeBytes: boolean }> {
  expect(response.headers.get(EXPORT_FRAMING_HEADER)).toBe(EXPORT_FRAMING);
  let fields: string[] = [];
  const people: ExportedPerson[] = [];
  const chunks: Buffer[] = [];
  let rows: number | null = null;
  let peopleBeforeBytes = true;
  const body = Buffer.from(await response.arrayBuffer());
  for await (const frame of readFrames(Readable.from([body]))) {
    if (frame.type === 'head') fields = frame.head.fields;
    else if (frame.type === 'people') {
      if (chunks.length) peopleBeforeBytes = false;
      people.push(...frame.people);
    } else if (frame.type === 'data') chunks.push(frame.bytes);
    else rows = frame.rows;
  }
  return { fields, people, file: Buffer.concat(chunks), rows, peopleBeforeBytes };
}

interface ImportAnswer {
  status: number;
  lines: ImportStreamLine[];
  report?: ImportReport;
  body?: any;
}

describe('hr import: 劳动力实名登记 from spreadsheets', () => {
  let hr: TestSubgraph;
  const officer = officerOf('hr');

  async function post(bytes: Buffer, query = '', identity = officer): Promise<ImportAnswer> {
    const response = await fetch(serviceUrl(hr.url, `/imports/workers?fileName=registry.csv${query}`), { method: 'POST', body: bytes, headers: await gatewayHeaders(identity) });
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, lines: [], body: JSON.parse(text) };
    expect(response.headers.get('content-type')).toBe(IMPORT_STREAM_CONTENT_TYPE);
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ImportStreamLine);
    const last = lines[lines.length - 1];
    return { status: 200, lines, report: last.type === 'report' ? last.report : undefined };
  }

  const workers = () =>
    hr.sql<{ id: string; employment_intention: string; verified_on: string; phone: string | null }>('select id, employment_intention, verified_on, phone from worker order by id');

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
  });
  afterAll(() => hr?.stop());

  it('a dry run says what would change, line by line, and writes nothing but the run record', async () => {
    const { report } = await post(Buffer.from(registryCsv()), '&dryRun=1');
    expect(report!.dryRun).toBe(true);
    expect(report!.counts).toEqual({ rows: 9, inserted: 3, updated: 0, unchanged: 0, rejected: 6 });
    expect(report!.rejected).toEqual([
      { line: 6, column: '身份证号码', reason: expect.stringMatching(/^身份证号码: the check character/) },
      { line: 7, column: '户编号', reason: '户编号: its first 12 digits are not a village in the division catalogue' },
      { line: 8, column: '联系电话', reason: '联系电话: a mobile number is 11 digits starting with 13 to 19' },
      { line: 9, column: '文化程度', reason: expect.stringMatching(/^文化程度: not one of 未上学、小学、初中/) },
      { line: 10, column: null, reason: 'the same person as line 2' },
      { line: 11, column: '核实日期', reason: '核实日期: not a day of the calendar (month 1–12, day within the month)' },
    ]);
    expect(report!.unknownColumns).toEqual([]);
    expect(await workers()).toEqual([]);
    const [run] = await hr.sql('select dry_run, status, rows, inserted, rejected, account from import_run where id = ?', [report!.runId]);
    expect(run).toEqual({ dry_run: true, status: 'finished', rows: 9, inserted: 3, rejected: 6, account: 'test-hr-officer' });
  });

  it('no reason repeats a personal value from the file', async () => {
    const { lines } = await post(Buffer.from(registryCsv()), '&dryRun=1');
    const text = JSON.stringify(lines.filter((l) => l.type === 'report'));
    for (const secret of ['12012345678', '赵六', '初忠', people.a, badCheckCharacter(idNumberAged(33, 507))]) expect(text).not.toContain(secret);
  });

  it('the real run inserts the good rows, each pointing back to the run; the same file again changes nothing', async () => {
    const first = await post(Buffer.from(registryCsv()));
    expect(first.report!.counts).toEqual({ rows: 9, inserted: 3, updated: 0, unchanged: 0, rejected: 6 });
    const progress = first.lines.filter((l) => l.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ done: 9, total: 9, people: expect.arrayContaining([{ workerId: pseudonymOf(people.a), villageCode: QINGKOU }]) });
    const before = await workers();
    expect(before).toHaveLength(3);
    expect(before.find((w) => w.id === pseudonymOf(people.b))!.phone).toBe('13912345678');
    expect(before.find((w) => w.id === pseudonymOf(people.b))!.verified_on).toBe('2026-11-20');
    const written = await hr.sql('select line, outcome, record_key from import_row where run_id = ? and outcome = ? order by line', [first.report!.runId, 'inserted']);
    expect(written).toEqual([
      { line: 2, outcome: 'inserted', record_key: pseudonymOf(people.a) },
      { line: 3, outcome: 'inserted', record_key: pseudonymOf(people.b) },
      { line: 5, outcome: 'inserted', record_key: pseudonymOf(people.c) },
    ]);
    const again = await post(Buffer.from(registryCsv()));
    expect(again.report!.counts).toEqual({ rows: 9, inserted: 0, updated: 0, unchanged: 3, rejected: 6 });
    expect(again.report!.sha256).toBe(first.report!.sha256);
    expect(await workers()).toEqual(before);
  });

  it('a changed row updates the six clarities of a worker in scope (and verifiedOn); a row the caller may not write is refused as registerWorker refuses it', async () => {
    const changed = await post(Buffer.from(registryCsv({ intentionOfB: '省内转移' })));
    expect(changed.report!.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect((await workers()).find((w) => w.id === pseudonymOf(people.b))!.employment_intention).toBe('IN_PROVINCE');
    // A 因民镇 officer: 汤丹镇's households are outside the scope; a 汤丹镇 worker filed under an 因民镇 household is "already registered".
    const yinmin = officerOf('hr', { subject: 'yinmin-officer', region: YINMIN });
    const csv = [
      HEADER,
      `1,张三,${people.a},,${YINMIN_VILLAGE}0001,在家,未就业,省外转移,初级工,电工,初中`,
      `2,李四,${people.b},,${QINGKOU}0001,外出,无就业意愿,省内转移,无技能,,小学`,
    ].join('\n');
    const { report } = await post(Buffer.from(csv), '', yinmin);
    expect(report!.rejected).toEqual([
      { line: 2, column: '身份证号码', reason: expect.stringMatching(/^身份证号码: this ID number cannot be registered from your account/) },
      { line: 3, column: '户编号', reason: '户编号: lies outside your scope' },
    ]);
  });

  it('rows answered "registered outside your scope" are lookups: named in the progress line for the gateway, and at most 20 per run', async () => {
    const yinmin = officerOf('hr', { subject: 'yinmin-prober', region: YINMIN });
    const one = await post(Buffer.from([HEADER, `1,张三,${people.a},,${YINMIN_VILLAGE}0001,在家,未就业,省外转移,初级工,电工,初中`].join('\n')), '&dryRun=1', yinmin);
    expect(one.lines.find((l) => l.type === 'progress')).toMatchObject({ lookups: [pseudonymOf(people.a)] });
    // 25 registered numbers of 汤丹镇 filed under 因民镇 households: refused whole, nothing answered.
    const ids = Array.from({ length: 25 }, (_, i) => makeIdNumber(COUNTY, '1991-02-03', 701 + 2 * i));
    const file = [HEADER, ...ids.map((id, i) => `${i + 1},测试${i},${id},,${LUOXUE}${String(200 + i).padStart(4, '0')},在家,未就业,省外转移,初级工,,初中`)].join('\n');
    expect((await post(Buffer.from(file))).report!.counts.inserted).toBe(25);
    const probe = await post(Buffer.from(file.replaceAll(LUOXUE, YINMIN_VILLAGE)), '&dryRun=1', yinmin);
    expect(probe.status).toBe(400);
    expect(probe.body.errors[0]).toMatchObject({
      message: expect.stringContaining('more than 20 people registered outside your area'),
      extensions: { reason: 'REGISTERED_ELSEWHERE' },
    });
  });

  it('reads a GBK CSV and an xlsx with a title row and merged two-row headers the same way', async () => {
    const gbk = await post(iconv.encode(registryCsv({ intentionOfB: '省内转移' }), 'gbk'), '&dryRun=1');
    expect(gbk.report!.encoding).toBe('gb18030');
    expect(gbk.report!.counts).toEqual({ rows: 9, inserted: 0, updated: 0, unchanged: 3, rejected: 6 });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('登记表');
    sheet.addRow(['东川区农村劳动力实名登记表']);
    sheet.mergeCells('A1:K1');
    sheet.addRow(['序号', '家庭成员', null, null, '户编号', '六个清楚']);
    sheet.addRow([null, '姓名', '身份证号码', '联系电话', null, '人口状态', '就业状态', '就业意愿', '技能水平', '培训意愿', '文化程度']);
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B2:D2');
    sheet.mergeCells('E2:E3');
    sheet.mergeCells('F2:K2');
    sheet.addRow([1, '张三', people.a, 13812345678, Number(`${QINGKOU}0001`), '在家', '未就业', '省外转移', '初级工', '电工', '初中']);
    sheet.addRow([]);
    sheet.addRow([2, '吴十', idNumberAged(28, 515), '13812345682', `${LUOXUE}0009`, '外出', '未就业', '省内转移', '无技能', null, '初中']);
    const xlsx = await post(Buffer.from(await book.xlsx.writeBuffer()), '&dryRun=1');
    expect(xlsx.report!.format).toBe('xlsx');
    expect(xlsx.report!.counts).toEqual({ rows: 2, inserted: 1, updated: 0, unchanged: 1, rejected: 0 });
  });

  it('refuses a file without a required column up front, naming it, and callers who may not write the registry', async () => {
    const missing = await post(Buffer.from('姓名,身份证号码\n张三,1\n'));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ message: expect.stringContaining('户编号'), extensions: { code: 'BAD_USER_INPUT', reason: 'MISSING_COLUMNS' } });
    expect((await post(Buffer.from(registryCsv()), '', officerOf('poverty'))).status).toBe(403);
    expect((await post(Buffer.from(registryCsv()), '', officerOf('hr', { role: 'viewer' }))).status).toBe(403);
    expect((await post(Buffer.from(registryCsv()), '', officerOf('hr', { purpose: undefined }))).status).toBe(403);
  });

  it('the rejected rows as 导入失败明细, to the account that ran the import or its county, and to another township the NOT_FOUND of a missing run', async () => {
    const tangdan = officerOf('hr', { subject: 'tangdan-officer', region: TANGDAN });
    const { report } = await post(Buffer.from(registryCsv()), '&dryRun=1', tangdan);
    const get = async (identity = tangdan) => fetch(serviceUrl(hr.url, `/imports/runs/${report!.runId}/rejected.xlsx`), { headers: await gatewayHeaders(identity) });
    const mine = await get();
    expect(mine.status).toBe(200);
    const download = await unframe(mine);
    // The rows as typed are personal data: whom each row is about comes before the file's bytes, for the gateway's access log.
    expect(download.peopleBeforeBytes).toBe(true);
    expect(download.rows).toBe(6);
    expect(download.fields).toEqual(expect.arrayContaining(['ImportRow.cells', 'Worker.idNumber', 'Worker.name']));
    expect(download.people).toHaveLength(6);
    // The mistyped ID number identifies nobody: its household does; the others by their ID number's pseudonym.
    expect(download.people[0]).toEqual([null, `${QINGKOU}0003`, QINGKOU]);
    expect(download.people.slice(1).map((p) => p[0])).toEqual(
      [idNumberAged(35, 509), idNumberAged(36, 511), idNumberAged(37, 513), people.a, idNumberAged(38, 517)].map(pseudonymOf),
    );
    expect(download.people[2]).toEqual([pseudonymOf(idNumberAged(36, 511)), null, QINGKOU]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(download.file as never);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('导入失败明细');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER.split(','), '失败原因', '原行号']);
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(2).getCell(14).value).toBe(6);
    expect((await get(officerOf('hr', { subject: 'county-officer', region: COUNTY }))).status).toBe(200);
    const township = await get(officerOf('hr', { subject: 'yinmin-officer', region: YINMIN }));
    const other = await fetch(serviceUrl(hr.url, `/imports/runs/00000000-0000-4000-8000-000000000000/rejected.xlsx`), { headers: await gatewayHeaders(tangdan) });
    expect(township.status).toBe(404);
    expect(await township.json()).toEqual({ errors: [{ message: 'import run was not found', extensions: { code: 'NOT_FOUND', requestId: expect.any(String) } }] });
    expect(other.status).toBe(404);
  });

  it('a run broken off mid-way leaves whole batches; running the same file again completes it with nothing duplicated', async () => {
    const many = [
      HEADER,
      ...Array.from(
        { length: 9 },
        (_, i) => `${i + 1},测试${i},${makeIdNumber(COUNTY, '1990-05-01', 601 + 2 * i)},,${LUOXUE}${String(100 + i).padStart(4, '0')},在家,未就业,省外转移,初级工,,初中`,
      ),
    ].join('\n');
    const kind = workerImportKind({ pseudonymKey: hr.config.pseudonymKey, canSee: () => true });
    let batches = 0;
    const failing = { ...kind, apply: async (...args: Parameters<typeof kind.apply>) => (++batches === 3 ? Promise.reject(new Error('killed')) : kind.apply(...args)) };
    const options = { fileName: 'many.csv', bytes: Buffer.from(many), dryRun: false, account: 'test-hr-officer', region: '53', batchSize: 4 };
    await expect(runImport(hr.database.orm.em.fork() as never, failing, options)).rejects.toThrow('killed');
    const [broken] = await hr.sql(`select status, rows, inserted from import_run where file_name = 'many.csv'`);
    expect(broken).toEqual({ status: 'failed', rows: 8, inserted: 8 });
    expect((await hr.sql(`select count(*)::int as n from worker where household_code like ?`, [`${LUOXUE}01%`]))[0].n).toBe(8);
    const rerun = await runImport(hr.database.orm.em.fork() as never, kind, options);
    expect(rerun.counts).toEqual({ rows: 9, inserted: 1, updated: 0, unchanged: 8, rejected: 0 });
    expect((await hr.sql(`select count(*)::int as n from worker where household_code like ?`, [`${LUOXUE}01%`]))[0].n).toBe(9);
  });

  it('cells of runs finished longer ago than the retention are cleared: counts, lines and reasons stay, the rejected-rows file has no personal data left', async () => {
    const { report } = await post(Buffer.from(registryCsv()), '&dryRun=1');
    const { report: recent } = await post(Buffer.from(registryCsv()), '&dryRun=1');
    await hr.sql(`update import_run set finished_at = now() - interval '31 days' where id = ?`, [report!.runId]);
    // Near miss: 29 days is within the retention.
    await hr.sql(`update import_run set finished_at = now() - interval '29 days' where id = ?`, [recent!.runId]);
    const counts = () => hr.sql('select rows, inserted, updated, unchanged, rejected, status from import_run where id = ?', [report!.runId]);
    const before = await counts();
    const em = hr.database.orm.em.fork() as never;
    expect(await purgeImportCells(em, 30)).toBeGreaterThanOrEqual(6);
    expect(await purgeImportCells(em, 30)).toBe(0);
    const kept = (runId: string) =>
      hr.sql<{ line: number; reason: string; cells: unknown; person: unknown }>(
        `select line, reason, cells, person from import_row where run_id = ? and outcome = 'rejected' order by line`,
        [runId],
      );
    const old = await kept(report!.runId);
    expect(old.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(old.every((r) => r.cells === null && r.person === null && r.reason.length > 0)).toBe(true);
    expect((await kept(recent!.runId)).every((r) => Array.isArray(r.cells) && r.cells.length > 0)).toBe(true);
    expect(await counts()).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ rows: 9, rejected: 6, status: 'finished' })]);
    const download = await unframe(await fetch(serviceUrl(hr.url, `/imports/runs/${report!.runId}/rejected.xlsx`), { headers: await gatewayHeaders(officer) }));
    expect(download.people).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(download.file as never);
    const rows = book.worksheets[0].getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const values = row.filter((v) => v !== undefined && v !== null && v !== '');
      // Only the reason and the original line are left.
      expect(values).toEqual([expect.any(String), expect.any(Number)]);
    }
    for (const secret of ['赵六', people.a, '12012345678']) expect(download.file.toString('latin1')).not.toContain(secret);
  });

  it('a run no batch advanced for longer than the limit is marked failed (interrupted); a slow one still advancing is not', async () => {
    const insert = (id: string, minutesAgo: number) =>
      hr.sql(
        `insert into import_run (id, kind, file_name, sha256, account, region, dry_run, status, started_at, progressed_at)
         values (?, 'workers', 'killed.csv', repeat('0', 64), 'test-hr-officer', '53', false, 'running', now() - make_interval(mins => ?), now() - make_interval(mins => ?))`,
        [id, minutesAgo + 5, minutesAgo],
      );
    const stale = '00000000-0000-4000-8000-0000000000a1';
    const slow = '00000000-0000-4000-8000-0000000000a2';
    await insert(stale, 16);
    await insert(slow, 14);
    expect(await failStaleImportRuns(hr.database.orm.em.fork() as never, 15)).toBe(1);
    const runs = await hr.sql(`select id, status, failure, finished_at is not null as ended from import_run where id in (?, ?) order by id`, [stale, slow]);
    expect(runs).toEqual([
      { id: stale, status: 'failed', failure: 'interrupted', ended: true },
      { id: slow, status: 'running', failure: null, ended: false },
    ]);
  });

  it('a department starting marks its stale runs and clears old cells (IMPORT_ROW_RETENTION_DAYS, default 30)', async () => {
    const { report } = await post(Buffer.from(registryCsv()), '&dryRun=1');
    await hr.sql(`update import_run set finished_at = now() - interval '40 days' where id = ?`, [report!.runId]);
    const killed = '00000000-0000-4000-8000-0000000000a3';
    await hr.sql(
      `insert into import_run (id, kind, file_name, sha256, account, region, dry_run, status, progressed_at)
       values (?, 'workers', 'killed.csv', repeat('0', 64), 'test-hr-officer', '53', false, 'running', now() - interval '1 hour')`,
      [killed],
    );
    // A second instance on the same database, as after a restart.
    const restarted = await startTestSubgraph(hrSubgraph, { ...hr.config });
    try {
      expect(await hr.sql('select status, failure from import_run where id = ?', [killed])).toEqual([{ status: 'failed', failure: 'interrupted' }]);
      expect(await hr.sql(`select count(*)::int as n from import_row where run_id = ? and cells is not null`, [report!.runId])).toEqual([{ n: 0 }]);
    } finally {
      await restarted.stop();
    }
  });

  describe('out-of-province: 省外务工贫困劳动力名单 as 省外转移 employments (recordEmploymentStart)', () => {
    const postList = async (bytes: Buffer, query = '') => {
      const response = await fetch(serviceUrl(hr.url, `/imports/out-of-province?fileName=list.csv${query}`), {
        method: 'POST',
        body: bytes,
        headers: await gatewayHeaders(officer),
      });
      expect(response.status).toBe(200);
      const lines = (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ImportStreamLine);
      const last = lines.at(-1)!;
      return last.type === 'report' ? last.report : undefined;
    };
    const LIST = [
      '东川区省外务工贫困劳动力名单（2026年11月）,,,,,,',
      '序号,姓名,身份证号码,务工地点,用工单位,务工开始时间,月收入（元）',
      `1,张三,${people.a},广东省深圳市宝安区,深圳市某电子有限公司,2026年3月1日,4500`,
      `2,李四,${people.b},浙江省宁波市,宁波某服装厂,2026/4/1,3800元`,
      '',
      `3,王五,${people.c},广东省东莞市,东莞某五金厂,2099-01-01,4000`,
      `4,赵六,${idNumberAged(44, 901)},福建省厦门市,厦门某公司,2026-05-01,4200`,
      `5,钱七,${badCheckCharacter(idNumberAged(45, 903))},福建省厦门市,厦门某公司,2026-05-01,4200`,
      `6,张三,${people.a},广东省深圳市宝安区,深圳市某电子有限公司,2026年3月1日,4500`,
      `7,王五五,${people.c},广东省东莞市,东莞某五金厂,2026-05-01,4000`,
      `8,王五,${people.c},广东省东莞市,东莞某五金厂,2026-05-01,0`,
    ].join('\r\n');
    const employments = () => hr.sql(`select worker_id, kind, place, employer_name, location, starts_on, monthly_wage, ends_on from employment order by worker_id`);

    it("applies recordEmploymentStart's rules from a GBK list; the real run records the employments and marks the workers employed; the same list again changes nothing", async () => {
      const bytes = iconv.encode(LIST, 'gbk');
      const dry = await postList(bytes, '&dryRun=1');
      expect(dry!.encoding).toBe('gb18030');
      expect(dry!.counts).toEqual({ rows: 8, inserted: 2, updated: 0, unchanged: 0, rejected: 6 });
      expect(dry!.rejected).toEqual([
        { line: 6, column: '务工开始时间', reason: '务工开始时间: must not be after today' },
        // Not registered, or outside the scope: one answer.
        { line: 7, column: '身份证号码', reason: '身份证号码: worker was not found' },
        { line: 8, column: '身份证号码', reason: expect.stringMatching(/^身份证号码: the check character/) },
        { line: 9, column: null, reason: 'the same person as line 3' },
        { line: 10, column: '姓名', reason: '姓名: differs from the registry record (the name as on the ID card); correct whichever is wrong' },
        { line: 11, column: '月收入（元）', reason: '月收入（元）: a monthly wage is a whole number of yuan from 1 to 100000' },
      ]);
      expect(await employments()).toEqual([]);
      const real = await postList(bytes);
      expect(real!.counts).toMatchObject({ inserted: 2, rejected: 6 });
      expect(await employments()).toEqual(
        [
          [people.a, '深圳市某电子有限公司', '广东省深圳市宝安区', '2026-03-01', 4500],
          [people.b, '宁波某服装厂', '浙江省宁波市', '2026-04-01', 3800],
        ]
          .map(([id, employer, location, startsOn, wage]) => ({
            worker_id: pseudonymOf(id as string),
            kind: 'TRANSFER_OUT_OF_PROVINCE',
            place: 'OUT_OF_PROVINCE',
            employer_name: employer,
            location,
            starts_on: startsOn,
            monthly_wage: wage,
            ends_on: null,
          }))
          .sort((x, y) => x.worker_id.localeCompare(y.worker_id)),
      );
      const status = await hr.sql('select employment_status from worker where id in (?, ?)', [pseudonymOf(people.a), pseudonymOf(people.b)]);
      expect(status).toEqual([{ employment_status: 'EMPLOYED' }, { employment_status: 'EMPLOYED' }]);
      const again = await postList(bytes);
      expect(again!.counts).toEqual({ rows: 8, inserted: 0, updated: 0, unchanged: 2, rejected: 6 });
    });

    it("reads an xlsx with date and number cells; another job over an open one gets the mutation's answer", async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('省外务工');
      sheet.addRow(['姓名', '身份证号码', '务工地点', '用工单位', '务工开始时间', '月工资']);
      sheet.addRow(['王五', people.c, '广东省东莞市', '东莞某五金厂', new Date(Date.UTC(2026, 4, 1)), 4000]);
      sheet.addRow(['张三', people.a, '江苏省苏州市', '苏州某电子厂', new Date(Date.UTC(2026, 5, 1)), 5000]);
      const report = await postList(Buffer.from(await book.xlsx.writeBuffer()));
      expect(report!.format).toBe('xlsx');
      expect(report!.counts).toEqual({ rows: 2, inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
      expect(report!.rejected).toEqual([{ line: 3, column: '务工开始时间', reason: '务工开始时间: the worker already has an open employment; record its end first' }]);
      expect(await hr.sql('select starts_on, monthly_wage from employment where worker_id = ?', [pseudonymOf(people.c)])).toEqual([
        { starts_on: '2026-05-01', monthly_wage: 4000 },
      ]);
    });
  });
});
