import * as iconv from 'iconv-lite';
import { serviceUrl, type ImportReport, type ImportStreamLine } from '@jiuye/common';
import { civilSubgraph } from '@jiuye/civil';
import { gatewayHeaders, officerOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';

const QINGKOU = '530113101201';
const YINMIN = '530113102201';

/** 低保/特困救助名册 as a county sends it: title row, Chinese labels, broken rows, blank lines. */
const LIST = [
  '东川区城乡低保/特困人员花名册（2026年11月）,,,,',
  '序号,户编号,救助类别,月救助金额（元）,享受起始日期',
  `1,${QINGKOU}0001,低保,480,2026年1月1日`,
  `2,${QINGKOU}0002,特困人员救助供养,900元,2025/06/01`,
  '',
  `3,${QINGKOU}0003,低包,480,2026-01-01`,
  `4,${QINGKOU}0004,低保,6000,2026-01-01`,
  `5,${QINGKOU}0005,低保,480,2026年13月1日`,
  `6,${QINGKOU}0001,最低生活保障（低保）,500,2026-02-01`,
  `7,${YINMIN}0001,低保,480,2026-01-01`,
].join('\r\n');

describe('civil import: 低保/特困 grants from the county list', () => {
  let civil: TestSubgraph;
  const township = officerOf('civil', { region: '530113101' });

  async function post(bytes: Buffer, query = '', identity = township): Promise<{ status: number; report?: ImportReport }> {
    const response = await fetch(serviceUrl(civil.url, `/imports/assistance-grants?fileName=list.csv${query}`), {
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
    return { status: 200, report: last.type === 'report' ? last.report : undefined };
  }

  beforeAll(async () => {
    civil = await startTestSubgraph(civilSubgraph);
  });
  afterAll(() => civil?.stop());

  it("applies grantAssistance's rules row by row, from a GBK file; the same file again changes nothing", async () => {
    const bytes = iconv.encode(LIST, 'gbk');
    const dry = await post(bytes, '&dryRun=1');
    expect(dry.report!.encoding).toBe('gb18030');
    expect(dry.report!.counts).toEqual({ rows: 7, inserted: 2, updated: 0, unchanged: 0, rejected: 5 });
    expect(dry.report!.rejected).toEqual([
      { line: 6, column: '救助类别', reason: expect.stringMatching(/^救助类别: not one of/) },
      { line: 7, column: '月救助金额（元）', reason: '月救助金额（元）: a monthly amount is a whole number of yuan from 1 to 5000' },
      { line: 8, column: '享受起始日期', reason: '享受起始日期: not a day of the calendar (month 1–12, day within the month)' },
      { line: 9, column: null, reason: 'the same household and kind of assistance as line 3' },
      { line: 10, column: '户编号', reason: '户编号: lies outside your scope' },
    ]);
    expect(await civil.sql('select count(*)::int as n from assistance_grant')).toEqual([{ n: 0 }]);
    const real = await post(bytes);
    expect(real.report!.counts).toMatchObject({ inserted: 2, rejected: 5 });
    expect(await civil.sql('select household_code, kind, monthly_amount, starts_on from assistance_grant order by household_code')).toEqual([
      { household_code: `${QINGKOU}0001`, kind: 'SUBSISTENCE_ALLOWANCE', monthly_amount: 480, starts_on: '2026-01-01' },
      { household_code: `${QINGKOU}0002`, kind: 'SPECIAL_HARDSHIP', monthly_amount: 900, starts_on: '2025-06-01' },
    ]);
    const again = await post(bytes);
    expect(again.report!.counts).toEqual({ rows: 7, inserted: 0, updated: 0, unchanged: 2, rejected: 5 });
  });

  it("a different grant over a running one is refused with the mutation's answer; other departments may not import", async () => {
    const { report } = await post(Buffer.from(['户编号,救助类别,月救助金额,起始日期', `${QINGKOU}0001,低保,520,2026-03-01`].join('\n')));
    expect(report!.rejected).toEqual([{ line: 2, column: '起始日期', reason: '起始日期: the household already has this kind of assistance from 2026-01-01; stop it first' }]);
    expect((await post(Buffer.from(LIST), '', officerOf('hr'))).status).toBe(403);
  });
});
