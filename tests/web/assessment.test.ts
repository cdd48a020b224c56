import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { launchBrowser, signedInWorkbench, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';
import { COUNTY_OFFICER, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * 工作台 · 季度考核 in a real browser against the demo county, as the county officer: the table per
 * township and per responsible unit shows the graph's answer to assessment(quarter) cell for cell;
 * 下载通报 fetches /reports/assessment.xlsx with the token (200, the same townships and figures when
 * read with ExcelJS); 目标设置 shows the server's problem at the township's row for a bad number
 * (nothing written) and the targets it sets read back through the API.
 */
jest.setTimeout(180_000);

const CHINA = new Date(Date.now() + 8 * 3600_000);
const YEAR = String(CHINA.getUTCFullYear());
const QUARTER = `${YEAR}-Q${Math.floor(CHINA.getUTCMonth() / 3) + 1}`;
const ASSESSMENT = `query($quarter: String!) { assessment(quarter: $quarter) {
  townships { key name yearTarget quarterTarget quarterActual { value suppressed } quarterRate yearToDate { value suppressed } yearRate retention { value suppressed } rank }
  units { key name yearTarget quarterTarget quarterActual { value suppressed } quarterRate yearToDate { value suppressed } yearRate retention { value suppressed } rank } } }`;
const TARGETS = `query($period: String!) { targets(measure: TRAINING_PLACES, period: $period) { targets { region { code } target } } }`;
const SET = `mutation($input: SetTargetsInput!) { setTargets(input: $input) { period } }`;

const count = (cell: { value: number | null; suppressed: boolean }) => (cell.suppressed ? '<5' : String(cell.value ?? 0));
const rate = (value: number | null) => (value == null ? '—' : `${(value * 100).toFixed(1)}%`);
const target = (value: number | null) => (value == null ? '未下达' : String(value));
const cellsOf = (row: any) => [
  row.rank == null ? '—' : String(row.rank),
  row.name,
  target(row.yearTarget),
  target(row.quarterTarget),
  count(row.quarterActual),
  rate(row.quarterRate),
  count(row.yearToDate),
  rate(row.yearRate),
  row.retention.suppressed ? '<5' : rate(row.retention.value),
];

describe('季度考核 in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  let watched: WatchedPage;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(300, webGatewayOverrides()), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
    watched = await signedInWorkbench(browser, base, COUNTY_OFFICER);
    await watched.page.getByRole('tab', { name: '季度考核' }).click();
  });
  afterAll(async () => {
    if (watched) {
      expect({ blocked: watched.blocked, errors: watched.errors }).toEqual({ blocked: [], errors: [] });
      await watched.close();
    }
    await browser?.close();
    await platform?.stop();
  });

  async function graphTable(): Promise<any> {
    const response: any = await platform.query(ASSESSMENT, { quarter: QUARTER });
    expect(response.errors).toBeUndefined();
    return response.data.assessment;
  }

  async function shownRows(testId: string): Promise<string[][]> {
    const rows = await watched.page.getByTestId(testId).locator('tbody tr').all();
    return Promise.all(rows.map((row) => row.locator('td').allInnerTexts()));
  }

  it('shows the quarter table per township and per responsible unit as the graph answers it', async () => {
    const { page } = watched;
    await page.getByTestId('assessment-townships').waitFor();
    expect(await page.locator('select[name=quarter]').inputValue()).toBe(QUARTER);
    const table = await graphTable();
    expect(table.townships.length).toBeGreaterThan(1);
    expect(table.units.length).toBeGreaterThan(0);
    expect(await shownRows('assessment-townships')).toEqual(table.townships.map(cellsOf));
    expect(await shownRows('assessment-units')).toEqual(table.units.map(cellsOf));
  });

  it('下载通报 fetches the xlsx with the token: 200, the same townships and figures', async () => {
    const { page } = watched;
    const [response, download] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().includes('/reports/assessment.xlsx')),
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载通报' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(new URL(response.url()).searchParams.get('quarter')).toBe(QUARTER);
    expect(download.suggestedFilename()).toBe(`转移就业季度考核通报-${QUARTER}.xlsx`);
    // The file the browser saved (from the blob the page fetched with the token).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as any);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    const headerIndex = rows.findIndex((row) => row[0] === '类别');
    const header = rows[headerIndex] as string[];
    const col = (name: string) => header.indexOf(name);
    const table = await graphTable();
    const townships = rows.slice(headerIndex + 1).filter((row) => row[0] === '乡镇');
    expect(townships.map((row) => [row[col('名称')], row[col('代码')], row[col('年累计完成')] ?? null])).toEqual(
      table.townships.map((t: any) => [t.name, t.key, t.yearToDate.value]),
    );
  });

  it('目标设置: a bad number shows the server’s problem at its township and writes nothing; the targets set read back through the API', async () => {
    const { page } = watched;
    const table = await graphTable();
    const [first, second] = table.townships;
    const form = page.getByTestId('targets-form');
    await form.locator('select[name=measure]').selectOption('TRAINING_PLACES');
    await form.locator('input[name=period]').fill(YEAR);
    const before = (await platform.query(TARGETS, { period: YEAR })).data.targets.targets;
    // What the server says to a negative target (refused, nothing written by asking).
    const refused: any = await platform.query(SET, { input: { period: YEAR, measure: 'TRAINING_PLACES', targets: [{ region: first.key, target: -1 }] } });
    const expected = refused.errors[0].extensions.problems.find((problem: { field: string }) => problem.field === 'input.targets[0].target').message;
    await form.locator(`input[name="target-${first.key}"]`).fill('-1');
    await form.getByRole('button', { name: '下达目标' }).click();
    await form.getByTestId(`error-target-${first.key}`).waitFor();
    expect(await form.getByTestId(`error-target-${first.key}`).innerText()).toBe(expected);
    expect((await platform.query(TARGETS, { period: YEAR })).data.targets.targets).toEqual(before);
    await form.locator(`input[name="target-${first.key}"]`).fill('120');
    await form.locator(`input[name="target-${second.key}"]`).fill('80');
    await form.getByRole('button', { name: '下达目标' }).click();
    await form.getByTestId('targets-message').waitFor();
    expect(await form.getByTestId(`error-target-${first.key}`).count()).toBe(0);
    const after = (await platform.query(TARGETS, { period: YEAR })).data.targets.targets;
    const byRegion = new Map(after.map((row: any) => [row.region.code, row.target]));
    expect([byRegion.get(first.key), byRegion.get(second.key)]).toEqual([120, 80]);
  });
});
