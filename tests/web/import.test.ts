import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { isValidIdNumber, type Identity } from '@jiuye/common';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, signedInWorkbench, watchedPage, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, tokenFor, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * 工作台 · 导入 in a real browser against the gateway's /imports/ route: a county hr officer
 * dry-runs samples/import/workers.xlsx (counts and the rejected lines with their reasons, nothing
 * written), imports it for real, finds both runs in 导入记录, downloads 导入失败明细 (an xlsx with a
 * 失败原因 column), and imports the same file again (all unchanged); a dry run of 1,200 refused rows
 * shows its progress batch by batch and the first 1,000 lines. Accounts that may not import
 * (a dashboard account, an hr viewer) have no 导入 tab.
 */
jest.setTimeout(240_000);

const SAMPLE = path.resolve(__dirname, '../../samples/import/workers.xlsx');
const WORKER = `query($id: String!) { worker(idNumber: $id) { id } }`;
const RUNS = `query { hrImportRuns(first: 10) { totalCount nodes { id dryRun status rows inserted unchanged rejected } } }`;
const RUNS_PAGE = `query($after: String) { hrImportRuns(first: 10, after: $after) { totalCount nodes { id } pageInfo { endCursor } } }`;

/** The ID numbers of the sample sheet (valid ones first seen per row), read as the file holds them. */
async function sampleIdNumbers(): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
  const found: string[] = [];
  book.worksheets[0].eachRow((row) => {
    for (const value of row.values as unknown[]) if (typeof value === 'string' && /^\d{17}[\dX]$/.test(value)) found.push(value);
  });
  return found;
}

describe('导入 on the workbench', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  const pages: WatchedPage[] = [];
  let idNumbers: string[];

  async function signedIn(identity: Identity): Promise<WatchedPage> {
    const watched = await signedInWorkbench(browser, base, identity);
    pages.push(watched);
    return watched;
  }

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(200, webGatewayOverrides()), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
    idNumbers = await sampleIdNumbers();
    expect(idNumbers.length).toBe(18);
  });
  afterAll(async () => {
    const seen = pages.map((watched) => ({ blocked: [...watched.blocked], errors: [...watched.errors] }));
    try {
      for (const watched of pages) await watched.close();
      await browser?.close();
    } finally {
      await platform?.stop();
    }
    for (const entry of seen) expect(entry).toEqual({ blocked: [], errors: [] });
  });

  it('dry-runs the sample, imports it, lists both runs, downloads the rejected rows and re-imports unchanged', async () => {
    const firstGood = idNumbers.find(isValidIdNumber)!;
    expect((await platform.query(WORKER, { id: firstGood })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const watched = await signedIn(COUNTY_OFFICER);
    const { page } = watched;
    await page.getByRole('tab', { name: '导入' }).click();
    const form = page.getByTestId('import-form');
    await form.waitFor();
    expect(await form.locator('select[name=kind] option').allInnerTexts()).toEqual(['劳动力实名登记', '省外务工贫困劳动力名单']);
    await page.getByTestId('import-runs').getByText('尚无导入记录').waitFor();

    // A file that is not a spreadsheet: refused in Chinese before anything is sent.
    await form.locator('input[name=file]').setInputFiles({ name: '名单.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('old workbook') });
    expect(await page.getByTestId('import-error').innerText()).toContain('不支持旧版 .xls');
    expect(await form.getByRole('button', { name: '试导入' }).isEnabled()).toBe(true);
    await form.getByRole('button', { name: '试导入' }).click();
    expect(await page.getByTestId('import-error').innerText()).toContain('不支持旧版 .xls');
    // A CSV without the form's header: the department's refusal, in Chinese, next to the form.
    await form.locator('input[name=file]').setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n') });
    await form.getByRole('button', { name: '试导入' }).click();
    await page.getByTestId('import-error').filter({ hasText: '未找到表头行' }).waitFor();
    // Chromium logs the refused upload (HTTP 400) on the console: that entry, and only it, is expected.
    expect(watched.errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    watched.errors.length = 0;
    expect(await form.getByRole('button', { name: '正式导入' }).isEnabled()).toBe(false);

    // 试导入: the report, nothing written.
    await form.locator('input[name=file]').setInputFiles(SAMPLE);
    await form.getByRole('button', { name: '试导入' }).click();
    const dry = page.locator('[data-testid=import-report][data-dry-run=true]');
    await dry.waitFor();
    expect(await page.getByTestId('import-error').count()).toBe(0);
    const counts = async (report: typeof dry) =>
      Object.fromEntries(
        await Promise.all(['inserted', 'updated', 'unchanged', 'rejected'].map(async (name) => [name, Number(await report.getByTestId(`count-${name}`).innerText())])),
      );
    expect(await counts(dry)).toEqual({ inserted: 12, updated: 0, unchanged: 0, rejected: 6 });
    const lines = dry.getByTestId('rejected-line');
    expect(await lines.count()).toBe(6);
    const reasons = (await lines.allInnerTexts()).join('\n');
    for (const reason of [
      'the check character',
      'its first 12 digits are not a village',
      'not a day of the calendar',
      'a mobile number',
      'not one of',
      'the same person as line',
    ]) {
      expect(reasons).toContain(reason);
    }
    // Line numbers are the file's own; no cell value (ID numbers) is on the page.
    expect(await lines.first().locator('td').first().innerText()).toMatch(/^\d+$/);
    const shown = await page.getByTestId('import-panel').innerText();
    for (const id of idNumbers) expect(shown).not.toContain(id);
    expect((await platform.query(WORKER, { id: firstGood })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const dryRunId = await dry.getAttribute('data-run');
    await page.locator(`[data-testid=import-run][data-run="${dryRunId}"]`).waitFor();

    // 正式导入 of the same file.
    await form.getByRole('button', { name: '正式导入' }).click();
    const real = page.locator('[data-testid=import-report][data-dry-run=false]');
    await real.waitFor();
    expect(await counts(real)).toEqual({ inserted: 12, updated: 0, unchanged: 0, rejected: 6 });
    const found = await platform.query(WORKER, { id: firstGood });
    expect(found.errors).toBeUndefined();
    expect(found.data.worker.id).toBeTruthy();
    const realRunId = (await real.getAttribute('data-run'))!;
    // 导入记录: both runs, newest first, as the graph lists them.
    const runRow = page.locator(`[data-testid=import-run][data-run="${realRunId}"]`);
    await runRow.waitFor();
    expect(await runRow.locator('td').allInnerTexts()).toEqual([
      expect.any(String),
      '劳动力实名登记',
      'workers.xlsx',
      COUNTY_OFFICER.subject,
      '正式导入',
      '已完成',
      '18',
      '12',
      '0',
      '0',
      '6',
    ]);
    const graphRuns = (await platform.query(RUNS)).data.hrImportRuns;
    expect(graphRuns.nodes.slice(0, 2).map((run: { id: string }) => run.id)).toEqual([realRunId, dryRunId]);
    expect(await page.getByTestId('import-run').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run')))).toEqual(
      graphRuns.nodes.map((run: { id: string }) => run.id),
    );
    await screenshot(page, 'workbench-import');

    // 下载失败明细: the rejected rows as an xlsx with their reasons, fetched with the token and purpose.
    const fetched = page.waitForResponse((response) => response.url().includes(`/imports/hr/runs/${realRunId}/rejected.xlsx`));
    const download = page.waitForEvent('download');
    await real.getByRole('button', { name: '下载失败明细' }).click();
    expect((await fetched).status()).toBe(200);
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('导入失败明细-workers.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await saved.path()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('失败原因');
    expect(sheet.actualRowCount).toBe(1 + 6);

    // The same file again: dry run, then the real run — all unchanged.
    await form.getByRole('button', { name: '试导入' }).click();
    await page.locator(`[data-testid=import-report][data-dry-run=true]:not([data-run="${dryRunId}"])`).waitFor();
    await form.getByRole('button', { name: '正式导入' }).click();
    const again = page.locator(`[data-testid=import-report][data-dry-run=false]:not([data-run="${realRunId}"])`);
    await again.waitFor();
    expect(await counts(again)).toEqual({ inserted: 0, updated: 0, unchanged: 12, rejected: 6 });
    await page.locator(`[data-testid=import-run][data-run="${await again.getAttribute('data-run')}"]`).waitFor();
    expect((await platform.query(RUNS)).data.hrImportRuns.totalCount).toBe(4);
  });

  it('shows the progress batch by batch while a dry run of 1,200 refused rows goes on, then lists the first 1,000', async () => {
    const { page } = pages[0];
    const form = page.getByTestId('import-form');
    // Every row refused at its ID number (no lookup, nothing written): three batches of at most 500.
    const body = [
      '姓名,身份证号码,户编号,人口状态,就业状态,就业意愿,技能水平,文化程度',
      ...Array.from({ length: 1200 }, () => '某,12345,530113001001900,在家,未就业,无意愿,无技能,初中'),
    ].join('\n');
    // Every text the progress line takes, recorded in the page as it is drawn.
    await page.evaluate(`
      window.progressSeen = [];
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=import-progress]')?.textContent;
        if (text && window.progressSeen.at(-1) !== text) window.progressSeen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    `);
    await form.locator('input[name=file]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });
    await form.getByRole('button', { name: '试导入' }).click();
    const report = page.locator('[data-testid=import-report][data-dry-run=true]');
    await report.getByTestId('count-rejected').filter({ hasText: '1200' }).waitFor();
    const seen = await page.evaluate<string[]>('window.progressSeen');
    expect(seen[0]).toMatch(/^试导入中（劳动力实名登记）…/);
    // What the page showed batch by batch: rows done of 1200 (a batch whose line came with the next may not be drawn).
    const done = seen.flatMap((text) => /(\d+)\/1200 行/.exec(text)?.[1] ?? []).map(Number);
    expect(done.length).toBeGreaterThan(0);
    for (const value of done) expect([0, 500, 1000, 1200]).toContain(value);
    expect(await report.getByTestId('rejected-line').count()).toBe(1000);
    expect(await report.locator('caption').innerText()).toContain('仅列出前 1000 行');
    expect(await form.getByRole('button', { name: '正式导入' }).isEnabled()).toBe(true);
  });

  it('pages 导入记录 newest first as hrImportRuns pages them', async () => {
    const { page } = pages[0];
    // Runs through the route itself (as npm run import sends them) until there is a second page.
    const headers = await userHeaders(COUNTY_OFFICER);
    const file = Buffer.from('姓名,身份证号码,户编号,人口状态,就业状态,就业意愿,技能水平,文化程度\n某,12345,530113001001900,在家,未就业,无意愿,无技能,初中\n');
    for (let total = (await platform.query(RUNS)).data.hrImportRuns.totalCount; total <= 12; total++) {
      const response = await fetch(`${base}/imports/hr/workers?dryRun=1&fileName=page-${total}.csv`, { method: 'POST', body: file, headers });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('"type":"report"');
    }
    const first = (await platform.query(RUNS_PAGE, { after: null })).data.hrImportRuns;
    const second = (await platform.query(RUNS_PAGE, { after: first.pageInfo.endCursor })).data.hrImportRuns;
    expect(second.nodes.length).toBeGreaterThan(0);
    // Remount the list (another tab and back) so it reads again.
    await page.getByRole('tab', { name: '人员查询' }).click();
    await page.getByRole('tab', { name: '导入' }).click();
    const runs = page.getByTestId('import-runs');
    const shownIds = () => runs.getByTestId('import-run').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run')));
    await runs.locator(`[data-testid=import-run][data-run="${first.nodes[0].id}"]`).waitFor();
    expect(await shownIds()).toEqual(first.nodes.map((run: { id: string }) => run.id));
    expect(await runs.getByRole('heading').innerText()).toBe(`导入记录（共 ${first.totalCount} 次）`);
    await runs.getByRole('button', { name: '下一页' }).click();
    await runs.locator(`[data-testid=import-run][data-run="${second.nodes[0].id}"]`).waitFor();
    expect(await shownIds()).toEqual(second.nodes.map((run: { id: string }) => run.id));
    await runs.getByRole('button', { name: '上一页' }).click();
    await runs.locator(`[data-testid=import-run][data-run="${first.nodes[0].id}"]`).waitFor();
  });

  it('on 协作城市: the county partner office imports a transfer list (转移就业人员名单); a partner city’s staff get no import', async () => {
    const office: Identity = { subject: 'test-partner-office', department: 'partner', role: 'officer', region: DEMO_COUNTY, permissions: [] };
    const city: Identity = { subject: 'test-partner-city', department: 'partner', role: 'officer', region: DEMO_COUNTY, partnerCity: '4403', permissions: [] };
    const onPartnerPage = async (identity: Identity): Promise<WatchedPage> => {
      const watched = await watchedPage(browser);
      pages.push(watched);
      const session = JSON.stringify({
        token: await tokenFor(identity),
        department: identity.department,
        role: identity.role,
        region: identity.region,
        city: identity.partnerCity,
      });
      await watched.context.addInitScript(`if (!sessionStorage.getItem('jiuye.session')) sessionStorage.setItem('jiuye.session', ${JSON.stringify(session)})`);
      await watched.page.goto(`${base}/partner`);
      await watched.page.selectOption('select[name="purpose"]', 'follow-up');
      return watched;
    };
    const { page } = await onPartnerPage(office);
    const section = page.getByTestId('partner-import');
    await section.getByTestId('import-form').waitFor();
    expect(await section.locator('select[name=kind] option').allInnerTexts()).toEqual(['转移就业人员名单']);
    await section.locator('input[name=file]').setInputFiles(path.resolve(__dirname, '../../samples/import/transfers-gbk.csv'));
    await section.getByRole('button', { name: '试导入' }).click();
    const report = section.locator('[data-testid=import-report][data-dry-run=true]');
    await report.waitFor();
    // The sample's broken rows are refused line by line; nothing is written by a dry run.
    expect(Number(await report.getByTestId('count-rejected').innerText())).toBeGreaterThan(0);
    expect(await report.getByTestId('rejected-line').count()).toBe(Number(await report.getByTestId('count-rejected').innerText()));
    const runs = await platform.queryAs(office, `{ partnerImportRuns(first: 5) { nodes { kind dryRun status } } }`, {}, 'follow-up');
    expect(runs.errors).toBeUndefined();
    expect(runs.data.partnerImportRuns.nodes).toEqual([{ kind: 'transfers', dryRun: true, status: 'FINISHED' }]);

    const cityPage = (await onPartnerPage(city)).page;
    await cityPage.locator('tr[data-testid^="transfer-"]').first().waitFor();
    expect(await cityPage.getByTestId('partner-import').count()).toBe(0);
  });

  it('offers no 导入 tab to a dashboard account or an hr viewer', async () => {
    const dashboard: Identity = { subject: 'test-dashboard-import', department: 'dashboard', role: 'officer', region: DEMO_COUNTY, permissions: [] };
    const viewer: Identity = { subject: 'test-hr-viewer-import', department: 'hr', role: 'viewer', region: DEMO_COUNTY, permissions: [] };
    for (const identity of [dashboard, viewer]) {
      const { page } = await signedIn(identity);
      await page.getByRole('tab', { name: '人员查询' }).waitFor();
      expect(await page.getByRole('tab', { name: '导入' }).count()).toBe(0);
    }
  });
});
