import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { makeIdNumber, runImport, serviceUrl, type ImportProgress, type ImportReport, type ImportStreamLine } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
import { householdImportKind } from '../src/import/household-import';
import { gatewayHeaders, officerOf, pseudonymOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';

const COUNTY = '530113';
const QINGKOU = '530113101201';
const QINGKOU_2 = '530113101202';
const YINMIN = '530113102201';

const id = (birth: string, sequence: number) => makeIdNumber(COUNTY, birth, sequence);
const A_HEAD = id('1968-03-15', 11);
const A_SPOUSE = id('1970-07-02', 22);
const A_SON = id('1995-10-20', 31);
const B_HEAD = id('1960-01-01', 41);
const B_WRONG = (() => {
  const valid = id('1990-01-01', 61);
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
})();
const C_HEAD = id('1975-05-05', 71);
const C_SECOND_HEAD = id('1977-07-07', 72);
const D_HEAD = id('1966-06-06', 81);

/** 建档立卡贫困户名单 as a township sends it: a title row, household columns on the head's row only, a household split by another. */
const LIST = [
  '东川区建档立卡贫困户花名册（2026年）,,,,,,,,',
  '序号,户编号,行政村,姓名,身份证号码,与户主关系,贫困状态,识别年度,主要致贫原因',
  `1,${QINGKOU}0001,${QINGKOU},张大山,${A_HEAD},户主,未脱贫,2016,因病致贫`,
  `2,${QINGKOU}0001,${QINGKOU},李秀英,${A_SPOUSE},配偶,,,`,
  `3,${QINGKOU}0002,${QINGKOU},王老五,${B_HEAD},户主,未脱贫,2016年,缺劳动力`,
  `4,${QINGKOU}0002,${QINGKOU},王小五,${B_WRONG},子女,,,`,
  '',
  `5,${QINGKOU}0001,${QINGKOU},张小山,${A_SON},子女,未脱贫,2016,因病致贫`,
  `6,${QINGKOU_2}0003,${QINGKOU_2},赵一,${C_HEAD},户主,边缘易致贫,2021-03-01,因灾致贫风险`,
  `7,${QINGKOU_2}0003,${QINGKOU_2},赵二,${C_SECOND_HEAD},户主,,,`,
  `8,${YINMIN}0001,${YINMIN},钱多,${D_HEAD},户主,未脱贫,2016,因学致贫`,
].join('\r\n');

describe('poverty import: 建档立卡贫困户名单, one household over several member rows', () => {
  let poverty: TestSubgraph;
  const township = officerOf('poverty', { region: '530113101' });

  async function post(bytes: Buffer, query = '', identity = township, fileName = 'list.csv'): Promise<{ status: number; report?: ImportReport; lines?: ImportStreamLine[] }> {
    const response = await fetch(serviceUrl(poverty.url, `/imports/households?fileName=${fileName}${query}`), {
      method: 'POST',
      body: bytes,
      headers: await gatewayHeaders(identity),
    });
    if (response.status !== 200) return { status: response.status };
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ImportStreamLine);
    const last = lines.at(-1)!;
    return { status: 200, report: last.type === 'report' ? last.report : undefined, lines };
  }
  const count = async (table: string) => (await poverty.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

  beforeAll(async () => {
    poverty = await startTestSubgraph(povertySubgraph);
  });
  afterAll(() => poverty?.stop());

  it('a GBK list: a dry run writes nothing; a bad member refuses its whole household with every row named; the same file again changes nothing', async () => {
    const bytes = iconv.encode(LIST, 'gbk');
    const dry = await post(bytes, '&dryRun=1');
    expect(dry.report!.encoding).toBe('gb18030');
    expect(dry.report!.counts).toEqual({ rows: 8, inserted: 3, updated: 0, unchanged: 0, rejected: 5 });
    expect(dry.report!.groupCounts).toEqual({ groups: 4, inserted: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect(dry.report!.rejected).toEqual([
      { line: 5, column: null, reason: 'the household is refused with line 6: fix that line and import the household again' },
      { line: 6, column: '身份证号码', reason: expect.stringMatching(/^身份证号码: .*check character/) },
      { line: 9, column: '与户主关系', reason: '与户主关系: exactly one member is the head (户主, HEAD); found 2' },
      { line: 10, column: null, reason: 'the household is refused with line 9: fix that line and import the household again' },
      { line: 11, column: '户编号', reason: '户编号: lies outside your scope' },
    ]);
    expect(await count('household')).toBe(0);
    expect(await count('household_member')).toBe(0);
    expect(await count('import_run')).toBe(1);

    const real = await post(bytes);
    expect(real.report!.counts).toEqual({ rows: 8, inserted: 3, updated: 0, unchanged: 0, rejected: 5 });
    expect(await poverty.sql('select code, poverty_status, status_since, registered_year from household')).toEqual([
      { code: `${QINGKOU}0001`, poverty_status: 'NOT_LIFTED', status_since: '2016-01-01', registered_year: 2016 },
    ]);
    expect(await poverty.sql('select worker_id, relationship from household_member order by id')).toEqual([
      { worker_id: pseudonymOf(A_HEAD), relationship: 'HEAD' },
      { worker_id: pseudonymOf(A_SPOUSE), relationship: 'SPOUSE' },
      { worker_id: pseudonymOf(A_SON), relationship: 'CHILD' },
    ]);
    // Each written member points back to the run; the change history carries it.
    const runId = real.report!.runId;
    expect(await poverty.sql(`select count(*)::int as n from import_row where run_id = ? and outcome = 'inserted'`, [runId])).toEqual([{ n: 3 }]);
    expect((await poverty.sql(`select count(*)::int as n from change_history where origin = 'import' and detail = ?`, [runId]))[0].n).toBeGreaterThanOrEqual(4);

    const again = await post(bytes);
    expect(again.report!.counts).toEqual({ rows: 8, inserted: 0, updated: 0, unchanged: 3, rejected: 5 });
    expect(again.report!.groupCounts).toMatchObject({ unchanged: 1, rejected: 3 });
  });

  it('an xlsx: a registered household gains a member (updated), a member of another household and a duplicate line are refused', async () => {
    const baby = id('2024-05-01', 42);
    const e = id('1980-02-02', 91);
    const f = id('1982-03-03', 93);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['户编号', '姓名', '身份证号码', '与户主关系', '贫困状态', '识别日期', '致贫原因']);
    sheet.addRow([`${QINGKOU}0001`, '张大山', A_HEAD, '户主', '未脱贫', '2016-01-01', '因病致贫']);
    sheet.addRow([`${QINGKOU}0001`, '张小宝', baby, '孙子女', null, null, null]);
    sheet.addRow([`${QINGKOU}0005`, '孙五', e, '户主', '未脱贫', new Date(Date.UTC(2020, 0, 5)), '缺技术致贫']);
    sheet.addRow([`${QINGKOU}0005`, '李秀英', A_SPOUSE, '配偶', null, null, null]);
    sheet.addRow([`${QINGKOU}0006`, '周六', f, '户主', '未脱贫', '2020年1月5日', '缺资金致贫']);
    sheet.addRow([`${QINGKOU}0006`, '周六', f, '户主', null, null, null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const { report } = await post(bytes, '', township, 'list.xlsx');
    expect(report!.format).toBe('xlsx');
    expect(report!.counts).toEqual({ rows: 6, inserted: 1, updated: 0, unchanged: 1, rejected: 4 });
    expect(report!.groupCounts).toEqual({ groups: 3, inserted: 0, updated: 1, unchanged: 0, rejected: 2 });
    expect(report!.rejected).toEqual([
      { line: 4, column: null, reason: 'the household is refused with line 5: fix that line and import the household again' },
      { line: 5, column: '身份证号码', reason: `身份证号码: this person is a current member of registered household ${QINGKOU}0001; remove them there first` },
      { line: 6, column: null, reason: 'the household is refused with line 7: fix that line and import the household again' },
      { line: 7, column: null, reason: 'the same person as line 6' },
    ]);
    expect(await poverty.sql(`select worker_id, relationship from household_member where household_code = ? order by id`, [`${QINGKOU}0001`])).toEqual([
      { worker_id: pseudonymOf(A_HEAD), relationship: 'HEAD' },
      { worker_id: pseudonymOf(A_SPOUSE), relationship: 'SPOUSE' },
      { worker_id: pseudonymOf(A_SON), relationship: 'CHILD' },
      { worker_id: pseudonymOf(baby), relationship: 'GRANDCHILD' },
    ]);
    expect(await count('household')).toBe(1);
  });

  it("a registered household's head and status change only as the mutations allow; other townships' officers and other departments are refused", async () => {
    const list = ['户编号,姓名,身份证号码,与户主关系,贫困状态', `${QINGKOU}0001,张大山,${A_HEAD},配偶,已脱贫`, `${QINGKOU}0001,李秀英,${A_SPOUSE},户主,`].join('\n');
    const { report } = await post(Buffer.from(list));
    expect(report!.rejected).toEqual([
      {
        line: 2,
        column: '贫困状态',
        reason: expect.stringMatching(/^贫困状态: the register has the household as 未脱贫 \(NOT_LIFTED\) since 2016-01-01; record a status change through changePovertyStatus$/),
      },
      { line: 3, column: '与户主关系', reason: expect.stringMatching(/^与户主关系: differs from the register: a head changes when the head leaves/) },
    ]);
    // English headers (the mutation's field names) and vocabulary codes: a registered household, the same members — unchanged.
    const english = ['householdCode,name,idNumber,relationship,status', `${QINGKOU}0001,张大山,${A_HEAD},HEAD,NOT_LIFTED`, `${QINGKOU}0001,李秀英,${A_SPOUSE},SPOUSE,`].join('\n');
    expect((await post(Buffer.from(english))).report!.groupCounts).toEqual({ groups: 1, inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    const yinmin = officerOf('poverty', { region: '530113102' });
    const elsewhere = await post(Buffer.from(['户编号,姓名,身份证号码,与户主关系', `${QINGKOU}0001,张大山,${A_HEAD},户主`].join('\n')), '', yinmin);
    expect(elsewhere.report!.rejected).toEqual([{ line: 2, column: '户编号', reason: '户编号: lies outside your scope' }]);
    expect((await post(Buffer.from(LIST), '', officerOf('civil'))).status).toBe(403);
  });

  it('the committed samples (npm run import:samples): five households in, each broken household refused whole with its reason', async () => {
    const county = officerOf('poverty', { region: '530113' });
    const samples = path.resolve(__dirname, '../../../samples/import');
    for (const [file, encoding] of [
      ['households.xlsx', null],
      ['households-gbk.csv', 'gb18030'],
    ] as const) {
      const { report } = await post(readFileSync(path.join(samples, file)), '', county, file);
      expect(report!.encoding).toBe(encoding);
      expect(report!.unknownColumns).toEqual([]);
      expect(report!.counts).toEqual({ rows: 27, inserted: 14, updated: 0, unchanged: 0, rejected: 13 });
      expect(report!.groupCounts).toEqual({ groups: 11, inserted: 5, updated: 0, unchanged: 0, rejected: 6 });
      const own = report!.rejected.filter((r) => !r.reason.startsWith('the household is refused with line')).map((r) => r.reason.replace(/[0-9]{16}/, 'CODE'));
      expect(own).toEqual([
        expect.stringMatching(/^身份证号码: .*check character/),
        '与户主关系: exactly one member is the head (户主, HEAD); found 2',
        'the same person as line ' + String(report!.rejected.find((r) => r.reason.startsWith('the same person'))!.line - 1),
        '贫困状态: is 已脱贫: give the household’s 脱贫年度 (or 脱贫日期) too (on the head’s row at least)',
        '主要致贫原因: give 2 to 200 characters',
        // A household outside the caller's scope: each of its rows says so.
        '户编号: lies outside your scope',
        '户编号: lies outside your scope',
      ]);
    }
  });

  it('a household split over the file and over batches is applied whole, in one batch; a batch closes only between households', async () => {
    const [g1, g2, g3] = [`${QINGKOU}0101`, `${QINGKOU}0102`, `${QINGKOU}0103`];
    const [h1, s1, c1, h2, c2, h3] = [id('1971-01-01', 201), id('1972-01-01', 202), id('2001-01-01', 203), id('1973-01-01', 204), id('2002-01-01', 205), id('1974-01-01', 206)];
    const list = [
      '户编号,姓名,身份证号码,与户主关系,贫困状态,识别日期,致贫原因',
      `${g1},甲一,${h1},户主,未脱贫,2019-01-01,因病致贫`,
      `${g2},乙一,${h2},户主,未脱贫,2019-01-01,因病致贫`,
      `${g1},甲二,${s1},配偶,,,`,
      `${g1},甲三,${c1},子女,,,`,
      `${g3},丙一,${h3},户主,未脱贫,2019-01-01,因病致贫`,
      `${g2},乙二,${c2},子女,,,`,
    ].join('\n');
    const progress: ImportProgress[] = [];
    const kind = householdImportKind({ pseudonymKey: poverty.config.pseudonymKey, canSee: () => true });
    const report = await runImport(poverty.database.orm.em.fork() as never, kind as never, {
      fileName: 'split.csv',
      bytes: Buffer.from(list),
      dryRun: false,
      account: 'test-poverty-officer',
      region: '530113',
      batchSize: 2,
      onBatch: (p) => void progress.push(p),
    });
    expect(progress.map((p) => p.done)).toEqual([3, 5, 6]);
    expect(progress.map((p) => p.groupCounts!.inserted)).toEqual([1, 2, 3]);
    expect(report.counts).toEqual({ rows: 6, inserted: 6, updated: 0, unchanged: 0, rejected: 0 });
    expect(await poverty.sql(`select household_code, count(*)::int as n from household_member where household_code in (?, ?, ?) group by 1 order by 1`, [g1, g2, g3])).toEqual([
      { household_code: g1, n: 3 },
      { household_code: g2, n: 2 },
      { household_code: g3, n: 1 },
    ]);
  });

  it('a member held by a household outside the scope gets the mutation’s answer without naming it, and counts as an ID-number lookup', async () => {
    const held = id('1964-04-04', 301);
    const county = officerOf('poverty', { region: '530113' });
    const first = await post(
      Buffer.from(['户编号,姓名,身份证号码,与户主关系,贫困状态,识别年度,致贫原因', `${YINMIN}0007,某甲,${held},户主,未脱贫,2018,因病致贫`].join('\n')),
      '',
      county,
    );
    expect(first.report!.counts.inserted).toBe(1);
    const newHead = id('1965-05-05', 302);
    const { report, lines } = await post(
      Buffer.from(
        ['户编号,姓名,身份证号码,与户主关系,贫困状态,识别年度,致贫原因', `${QINGKOU}0107,某乙,${newHead},户主,未脱贫,2018,因病致贫`, `${QINGKOU}0107,某甲,${held},配偶,,,`].join(
          '\n',
        ),
      ),
    );
    expect(report!.rejected).toEqual([
      { line: 2, column: null, reason: 'the household is refused with line 3: fix that line and import the household again' },
      { line: 3, column: '身份证号码', reason: '身份证号码: this person is a current member of another registered household (outside your scope); remove them there first' },
    ]);
    expect(lines!.flatMap((line) => (line.type === 'progress' ? (line.lookups ?? []) : []))).toEqual([pseudonymOf(held)]);
  });
  it('已脱贫 households come in registered as 未脱贫 on their 识别年度 and lifted on their 脱贫年度; without one, or lifted before registered, the household is refused', async () => {
    const [E, F, G, H] = [id('1961-02-02', 91), id('1962-03-03', 92), id('1963-04-04', 93), id('1964-05-05', 94)];
    const list = [
      '序号,户编号,姓名,身份证号码,与户主关系,贫困状态,识别年度,主要致贫原因,脱贫年度',
      `1,${QINGKOU}0011,孙一,${E},户主,已脱贫,2015,因病,2019`,
      `2,${QINGKOU}0012,孙二,${F},户主,已脱贫,2015,因学,`,
      `3,${QINGKOU}0013,孙三,${G},户主,已脱贫,2018,缺劳力,2017年`,
      `4,${QINGKOU}0014,孙四,${H},户主,未脱贫,2016,因残,2020`,
    ].join('\n');
    const { report } = await post(Buffer.from(list, 'utf8'));
    expect(report!.counts).toMatchObject({ rows: 4, inserted: 1, rejected: 3 });
    expect(report!.rejected).toEqual([
      { line: 3, column: '贫困状态', reason: '贫困状态: is 已脱贫: give the household’s 脱贫年度 (or 脱贫日期) too (on the head’s row at least)' },
      { line: 4, column: '脱贫年度', reason: '脱贫年度: is before the household was registered (2018-01-01)' },
      { line: 5, column: '脱贫年度', reason: '脱贫年度: is given for a household that is not 已脱贫' },
    ]);
    expect(await poverty.sql(`select code, poverty_status, status_since, registered_year from household where code like ?`, [`${QINGKOU}001%`])).toEqual([
      { code: `${QINGKOU}0011`, poverty_status: 'LIFTED', status_since: '2019-12-31', registered_year: 2015 },
    ]);
    expect(await poverty.sql(`select from_status, to_status, effective_on from poverty_status_change where household_code = ? order by id`, [`${QINGKOU}0011`])).toEqual([
      { from_status: null, to_status: 'NOT_LIFTED', effective_on: '2015-01-01' },
      { from_status: 'NOT_LIFTED', to_status: 'LIFTED', effective_on: '2019-12-31' },
    ]);
  });
});
