import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { addDays, idNumberCheckCharacter, readFrames, runImport, serviceUrl, todayInChina, type ImportReport, type ImportStreamLine, type RequestIdentity } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { gatewayHeaders, officerOf, pseudonymOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { OUTSIDE_SCOPE, transferImportKind } from '../src/import/transfer-import';
import { idNumber, insertReference, SHENZHEN } from './fixtures';

const TODAY = todayInChina();
const person = (n: number) => idNumber(n);
/** A wrong 18th character: the check character of the first 17 digits, shifted. */
const mistyped = (id: string) => id.slice(0, 17) + (idNumberCheckCharacter(id.slice(0, 17)) === '1' ? '2' : '1');
/** Registered in another county: the officer's region does not hold them. */
const OUTSIDE = person(901);
/** In no registry at all. */
const UNREGISTERED = person(903);
/** Already holds an open transfer the county recorded (another employer). */
const TRANSFERRED = person(115);

const HEADER = '序号,姓名,身份证号码,联系电话,输入地,用工单位,工种,岗位,月收入,转移时间,一次性交通补助,是否建档立卡';

/** 转移就业人员名单 as a partner city hands it over: a title row, Chinese labels, broken rows, blank lines. */
const LIST = [
  '东川区转移就业人员名单（深圳市提供，2026年11月）,,,,,,,,,,,',
  HEADER,
  `1,张三,${person(101)},13812345678,深圳市,富士康科技集团,普工,电子装配工,4500,2026/3/1,是,是`,
  `2,李四,${person(103)},+86 138-1234-5679,440307,比亚迪股份有限公司,普工,,5000元,2026年3月2日,否,否`,
  '',
  `3,王五,${mistyped(person(105))},13812345680,深圳市,富士康科技集团,普工,装配工,4500,2026-03-01,否,是`,
  `4,赵六,${person(107)},1381234567,深圳市,富士康科技集团,普工,装配工,4500,2026-03-01,否,是`,
  `5,钱七,${person(109)},,广州市,广汽集团,普工,装配工,4500,2026-03-01,否,是`,
  `6,孙八,${person(111)},,44030,广汽集团,普工,装配工,4500,2026-03-01,否,是`,
  `7,周九,${person(113)},,深圳,华为技术有限公司,普工,装配工,4500,2026年13月1日,否,是`,
  `8,吴十,${person(117)},,深圳,华为技术有限公司,普工,装配工,4500,${addDays(TODAY, 3)},否,是`,
  `9,郑一,${person(119)},,昆明,昆明钢铁集团,普工,炉前工,4000,2021-03-31,否,是`,
  `10,冯二,${person(121)},,昆明,昆明钢铁集团,普工,炉前工,4000,2021-04-01,否,是`,
  `11,陈三,${person(123)},,4403,厂,普工,装配工,4500,2026-03-01,否,是`,
  `12,褚四,${OUTSIDE},,4403,华为技术有限公司,普工,装配工,4500,2026-03-01,否,是`,
  `13,卫五,${UNREGISTERED},,4403,华为技术有限公司,普工,装配工,4500,2026-03-01,否,是`,
  `14,张三,${person(101)},,4403,华为技术有限公司,普工,装配工,4500,2026-03-05,否,是`,
  `15,蒋六,${person(125)},,4403,华为技术有限公司,普工,装配工,4500,2026-03-01,也许,是`,
  `16,沈七,${TRANSFERRED},,4403,华为技术有限公司,普工,装配工,4500,2026-03-01,否,是`,
  `17,韩八,${person(127)},,4403,华为技术有限公司,,,4500,2026-03-01,否,是`,
].join('\r\n');

describe('partner import: 转移就业人员名单 (a partner city transfer list, imported by the county office)', () => {
  let partner: TestSubgraph;
  const officer = officerOf('partner', { region: '530113' });
  const remoteAuthority = async (_identity: RequestIdentity, ids: readonly string[]) =>
    new Set(ids.filter((id) => id !== pseudonymOf(OUTSIDE) && id !== pseudonymOf(UNREGISTERED)));

  async function post(bytes: Buffer, query = '', identity: ReturnType<typeof officerOf> = officer): Promise<{ status: number; report?: ImportReport }> {
    const response = await fetch(serviceUrl(partner.url, `/imports/transfers?fileName=list.csv${query}`), { method: 'POST', body: bytes, headers: await gatewayHeaders(identity) });
    if (response.status !== 200) return { status: response.status };
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ImportStreamLine);
    const last = lines.at(-1)!;
    return { status: 200, report: last.type === 'report' ? last.report : undefined };
  }

  const imported = () =>
    partner.sql(
      `select worker_id, id_number, phone, city_code, destination_district, employer_name, job_title, started_on, fare_reimbursed, confirmation, batch_id
         from transfer where worker_id <> ? order by started_on, worker_id`,
      [pseudonymOf(TRANSFERRED)],
    );

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph, undefined, { remoteAuthority });
    await insertReference(partner);
    await partner.sql(
      `insert into transfer (worker_id, id_number, city_code, employer_name, job_title, started_on, fare_reimbursed, confirmation) values (?, ?, ?, '中兴通讯', '测试工', '2026-01-10', false, 'CONFIRMED')`,
      [pseudonymOf(TRANSFERRED), TRANSFERRED, SHENZHEN],
    );
  });
  afterAll(() => partner?.stop());

  it("applies recordSelfOrganisedTransfer's rules row by row from a GBK file, line and column named; the real run writes confirmed transfers pointing back to it; the same file again changes nothing", async () => {
    const bytes = iconv.encode(LIST, 'gbk');
    const dry = await post(bytes, '&dryRun=1');
    expect(dry.report!.encoding).toBe('gb18030');
    // 月收入 and 是否建档立卡 are not kept by a transfer: listed, not refused.
    expect(dry.report!.unknownColumns).toEqual(['月收入', '是否建档立卡']);
    expect(dry.report!.counts).toEqual({ rows: 17, inserted: 3, updated: 0, unchanged: 0, rejected: 14 });
    expect(dry.report!.rejected).toEqual([
      { line: 6, column: '身份证号码', reason: expect.stringMatching(/^身份证号码: the check character/) },
      { line: 7, column: '联系电话', reason: expect.stringMatching(/^联系电话: /) },
      { line: 8, column: '输入地', reason: expect.stringMatching(/^输入地: partner city was not found/) },
      { line: 9, column: '输入地', reason: expect.stringMatching(/^输入地: /) },
      { line: 10, column: '转移时间', reason: '转移时间: not a day of the calendar (month 1–12, day within the month)' },
      { line: 11, column: '转移时间', reason: '转移时间: must not be in the future: record a transfer once the worker has started' },
      { line: 12, column: '转移时间', reason: '转移时间: must not be before the pairing with this city began (2021-04-01)' },
      { line: 14, column: '用工单位', reason: '用工单位: give an employer name of 2 to 100 characters' },
      // Registered elsewhere and registered nowhere: one answer, as the mutation gives one.
      { line: 15, column: '身份证号码', reason: `身份证号码: ${OUTSIDE_SCOPE}` },
      { line: 16, column: '身份证号码', reason: `身份证号码: ${OUTSIDE_SCOPE}` },
      { line: 17, column: null, reason: 'the same person as line 3' },
      { line: 18, column: '一次性交通补助', reason: '一次性交通补助: write 是 or 否' },
      { line: 19, column: '身份证号码', reason: expect.stringMatching(/^身份证号码: the worker already has an open transfer/) },
      { line: 20, column: '岗位', reason: '岗位: give a job title of 1 to 60 characters' },
    ]);
    // No reason repeats a cell.
    for (const secret of ['张三', person(101), mistyped(person(105)), '1381234567']) expect(JSON.stringify(dry.report)).not.toContain(secret);
    expect(await imported()).toEqual([]);

    const real = await post(bytes);
    expect(real.report!.counts).toMatchObject({ inserted: 3, rejected: 14 });
    const row = (id: string, phone: string | null, city: string, district: string | null, employer: string, job: string, day: string, fare: boolean) => ({
      worker_id: pseudonymOf(id),
      id_number: id,
      phone,
      city_code: city,
      destination_district: district,
      employer_name: employer,
      job_title: job,
      started_on: day,
      fare_reimbursed: fare,
      confirmation: 'CONFIRMED',
      batch_id: null,
    });
    expect(await imported()).toEqual([
      row(person(121), null, '5301', null, '昆明钢铁集团', '炉前工', '2021-04-01', false),
      row(person(101), '13812345678', SHENZHEN, null, '富士康科技集团', '电子装配工', '2026-03-01', true),
      // 工种 stands for the job title when 岗位 is empty; +86 and dashes dropped; a district keeps its city.
      row(person(103), '13812345679', SHENZHEN, '440307', '比亚迪股份有限公司', '普工', '2026-03-02', false),
    ]);
    const written = await partner.sql<{ line: number; record_key: string }>(`select line, record_key from import_row where run_id = ? and outcome = 'inserted' order by line`, [
      real.report!.runId,
    ]);
    expect(written.map((r) => r.line)).toEqual([3, 4, 13]);
    expect(written[0].record_key).toBe(pseudonymOf(person(101)));
    const history = await partner.sql(`select actor, origin, detail from change_history where table_name = 'transfer' and worker_id = ?`, [pseudonymOf(person(101))]);
    expect(history).toEqual([{ actor: officer.subject, origin: 'import', detail: real.report!.runId }]);

    const again = await post(bytes);
    expect(again.report!.counts).toEqual({ rows: 17, inserted: 0, updated: 0, unchanged: 3, rejected: 14 });
    expect(await imported()).toHaveLength(3);
  });

  it('reads an xlsx with a title row, merged two-row headers, date cells and Excel serial days; an ID number stored as a number is refused; another job over an open transfer gets the mutation answer', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['转移就业人员名单']);
    sheet.mergeCells('A1:H1');
    sheet.addRow(['序号', '转移人员', null, null, '输入地', '就业情况']);
    sheet.addRow([null, '姓名', '身份证号', '联系电话', null, '单位', '岗位', '外出时间']);
    sheet.mergeCells('A2:A3');
    sheet.mergeCells('B2:D2');
    sheet.mergeCells('E2:E3');
    sheet.mergeCells('F2:H2');
    sheet.addRow([1, '韩八', person(127), 13912345678, '中山市', '美的集团', '装配工', new Date(Date.UTC(2026, 4, 6))]);
    sheet.addRow([]);
    sheet.addRow([2, '杨九', person(129), null, '中山', '美的集团', '装配工', 46150]);
    sheet.addRow([3, '朱十', Number(person(131).slice(0, 17)), null, '中山', '美的集团', '装配工', '2026-05-06']);
    sheet.addRow([4, '张三', person(101), '13812345678', '深圳市', '富士康科技集团', '组长', '2026-03-01']);
    const { report } = await post(Buffer.from(await book.xlsx.writeBuffer()));
    expect(report!.format).toBe('xlsx');
    expect(report!.counts).toEqual({ rows: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(report!.rejected).toEqual([
      { line: 7, column: '转移人员|身份证号', reason: expect.stringContaining('Excel keeps only 15 digits') },
      { line: 8, column: '转移人员|身份证号', reason: expect.stringMatching(/the worker already has an open transfer/) },
    ]);
    expect(
      await partner.sql('select started_on, phone, city_code from transfer where worker_id in (?, ?) order by started_on', [pseudonymOf(person(127)), pseudonymOf(person(129))]),
    ).toEqual([
      { started_on: '2026-05-06', phone: '13912345678', city_code: '4420' },
      // Serial 46150 is 2026-05-08 (day 0 is 1899-12-30).
      { started_on: '2026-05-08', phone: null, city_code: '4420' },
    ]);
  });

  it('a run broken off mid-way leaves whole batches; running the same file again completes it with nothing duplicated', async () => {
    const many = [HEADER, ...Array.from({ length: 9 }, (_, i) => `${i + 1},测试${i},${person(301 + 2 * i)},,深圳市,立讯精密,普工,装配工,4500,2026-06-01,否,是`)].join('\n');
    const kind = transferImportKind({ pseudonymKey: partner.config.pseudonymKey, canSee: () => true });
    let batches = 0;
    const failing = { ...kind, apply: async (...args: Parameters<typeof kind.apply>) => (++batches === 3 ? Promise.reject(new Error('killed')) : kind.apply(...args)) };
    const options = { fileName: 'many.csv', bytes: Buffer.from(many), dryRun: false, account: officer.subject, region: '530113', batchSize: 4 };
    const ofFile = async () => (await partner.sql<{ n: number }>(`select count(*)::int as n from transfer where employer_name = '立讯精密'`))[0].n;
    await expect(runImport(partner.database.orm.em.fork() as never, failing, options)).rejects.toThrow('killed');
    expect(await partner.sql(`select status, rows, inserted from import_run where file_name = 'many.csv'`)).toEqual([{ status: 'failed', rows: 8, inserted: 8 }]);
    expect(await ofFile()).toBe(8);
    const rerun = await runImport(partner.database.orm.em.fork() as never, kind, options);
    expect(rerun.counts).toEqual({ rows: 9, inserted: 1, updated: 0, unchanged: 8, rejected: 0 });
    expect(await ofFile()).toBe(9);
  });

  it('the rejected-rows file names whom its rows are about before its bytes; partner cities, other departments, viewers and callers without a purpose may not import', async () => {
    const { report } = await post(iconv.encode(LIST, 'gbk'), '&dryRun=1');
    const response = await fetch(serviceUrl(partner.url, `/imports/runs/${report!.runId}/rejected.xlsx`), { headers: await gatewayHeaders(officer) });
    expect(response.status).toBe(200);
    const people: (string | null)[] = [];
    let bytesSeen = false;
    for await (const frame of readFrames(Readable.from([Buffer.from(await response.arrayBuffer())]))) {
      if (frame.type === 'people') {
        expect(bytesSeen).toBe(false);
        people.push(...frame.people.map((p) => p[0]));
      } else if (frame.type === 'data') bytesSeen = true;
    }
    expect(people).toHaveLength(report!.counts.rejected);
    expect(people).toEqual(expect.arrayContaining([pseudonymOf(OUTSIDE), pseudonymOf(UNREGISTERED), pseudonymOf(person(107)), null]));
    const city = officerOf('partner', { region: undefined, partnerCity: SHENZHEN, permissions: [] });
    expect((await post(Buffer.from(LIST), '', city)).status).toBe(403);
    expect((await post(Buffer.from(LIST), '', officerOf('hr'))).status).toBe(403);
    expect((await post(Buffer.from(LIST), '', officerOf('partner', { role: 'viewer' }))).status).toBe(403);
    expect((await post(Buffer.from(LIST), '', officerOf('partner', { purpose: undefined }))).status).toBe(403);
    const missing = await fetch(serviceUrl(partner.url, '/imports/transfers?fileName=x.csv'), {
      method: 'POST',
      body: Buffer.from('姓名,身份证号码\n张三,1\n'),
      headers: await gatewayHeaders(officer),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ errors: [{ message: expect.stringContaining('输入地'), extensions: { code: 'BAD_USER_INPUT', reason: 'MISSING_COLUMNS' } }] });
  });
});
