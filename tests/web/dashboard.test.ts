import type { Browser } from 'playwright-core';
import { postGraphQL } from '@jiuye/testing/harness';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { launchBrowser, screenshot, watchedPage, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';

/**
 * 数据大屏 in headless Chromium against the demo county, signed in as the development dashboard
 * account: the figures on the wall equal the graph's answer to the same query; suppressed cells
 * read "<5"; the session never receives a person-level answer; each refresh is one request.
 */
const REFRESH_SECONDS = 3;
/** Keys that only person-level answers carry (people, households, their identifiers and contacts). */
const PERSON_KEYS = [
  'idNumber',
  'maskedIdNumber',
  'birthDate',
  'age',
  'sex',
  'phone',
  'mobile',
  'householdCode',
  'worker',
  'workers',
  'members',
  'person',
  'nodes',
  'subject',
  'cadreName',
];

type Cell = { value?: number | null; suppressed: boolean };
const expectedCount = (cell: Cell, threshold: number) => (cell.suppressed ? `<${threshold}` : (cell.value ?? 0).toLocaleString('zh-CN'));

describe('数据大屏 /dashboard', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let watched: WatchedPage;
  let base: string;
  let token: string;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(200, webGatewayOverrides({ development: true })), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
    watched = await watchedPage(browser);
    await watched.page.goto(`${base}/signin`);
    await watched.page.click('button[data-department="dashboard"]');
    await watched.page.waitForURL(`${base}/dashboard`);
    await watched.page.goto(`${base}/dashboard?refresh=${REFRESH_SECONDS}`);
    await watched.page.getByTestId('figure-labourForce').waitFor();
    token = await watched.page.evaluate<string>("JSON.parse(sessionStorage.getItem('jiuye.session') ?? '{}').token");
  });
  afterAll(async () => {
    await watched?.close();
    expect({ blocked: watched?.blocked, errors: watched?.errors }).toEqual({ blocked: [], errors: [] });
    await browser?.close();
    await platform?.stop();
  });

  /** The graph's answer to the page's own query and variables, asked with the page's token. */
  async function graphAnswer(): Promise<any> {
    const asked = watched.graphql.find((entry) => entry.operationName === 'Dashboard');
    expect(asked).toBeDefined();
    const answer = await postGraphQL(platform.gateway.url, asked!.query, asked!.variables as Record<string, unknown>, { authorization: `Bearer ${token}` });
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }
  const text = (testId: string) => watched.page.getByTestId(testId).innerText();

  it('shows the figures the graph answers for the same query', async () => {
    const data = await graphAnswer();
    const { indicators } = data;
    const threshold: number = indicators.threshold;
    expect(await text('figure-labourForce')).toContain(expectedCount(indicators.labourForce, threshold));
    expect(await text('figure-employed')).toContain(expectedCount(indicators.employed, threshold));
    expect(await text('figure-newTransfers')).toContain(expectedCount(indicators.newTransfers, threshold));
    expect(await text('figure-welfarePosts')).toContain(`${expectedCount(indicators.welfarePostsFilled, threshold)}/${expectedCount(indicators.welfarePostsDeveloped, threshold)}`);
    expect(await text('figure-training')).toContain(expectedCount(indicators.training.participants, threshold));
    const coverage = data.verificationCoverage.total;
    expect(await text('coverage-total')).toContain(`${expectedCount(coverage.verified, threshold)} / ${expectedCount(coverage.registryWorkers, threshold)}`);
    for (const row of [...data.villageRanking.red, ...data.villageRanking.black]) {
      const kind = data.villageRanking.red.includes(row) ? 'red' : 'black';
      expect({ village: row.villageCode, shown: await text(`${kind}-${row.villageCode}`) }).toEqual({
        village: row.villageCode,
        shown: expect.stringContaining(expectedCount({ value: row.newTransfers, suppressed: row.suppressed }, data.villageRanking.threshold ?? threshold)),
      });
    }
    for (const department of data.situationFreshness.departments) {
      expect(await text(`freshness-${department.department}`)).toContain(department.label);
    }
    // The labour force is a real figure on the demo county, not a placeholder.
    expect(indicators.labourForce.suppressed).toBe(false);
    expect(indicators.labourForce.value).toBeGreaterThan(50);
  });

  it('shows a suppressed cell as "<5", never as 0', async () => {
    const data = await graphAnswer();
    const { indicators } = data;
    expect(indicators.threshold).toBe(5);
    // Every suppressed cell the page shows as a number, with where it shows.
    const tiles: [string, Cell][] = [
      ['figure-labourForce', indicators.labourForce],
      ['figure-employed', indicators.employed],
      ['figure-newTransfers', indicators.newTransfers],
      ['figure-welfarePosts', indicators.welfarePostsFilled],
      ['figure-welfarePosts', indicators.welfarePostsDeveloped],
      ['figure-training', indicators.training.participants],
    ];
    const suppressedTiles = tiles.filter(([, cell]) => cell.suppressed);
    const suppressedRows = [...data.villageRanking.red.map((row: any) => ['red', row]), ...data.villageRanking.black.map((row: any) => ['black', row])].filter(
      ([, row]) => row.suppressed,
    );
    // The demo county has small cells (200 workers): the test must see at least one.
    expect(suppressedTiles.length + suppressedRows.length).toBeGreaterThan(0);
    for (const [testId, cell] of suppressedTiles) {
      expect(cell.value).toBeNull();
      expect(await text(testId)).toMatch(/<5(?!\d)/);
    }
    for (const [kind, row] of suppressedRows) {
      const cell = await watched.page.getByTestId(`${kind}-${row.villageCode}`).locator('.count').innerText();
      expect({ village: row.villageCode, cell }).toEqual({ village: row.villageCode, cell: '<5' });
    }
  });

  it('refreshes with one GraphQL request per cycle, without reloading the page', async () => {
    const documentsBefore = watched.sent.filter((request) => request.path === '/dashboard').length;
    const start = watched.sent.filter((request) => request.path === '/graphql').length;
    await new Promise((resolve) => setTimeout(resolve, REFRESH_SECONDS * 3 * 1000 + 500));
    const calls = watched.sent.filter((request) => request.path === '/graphql').slice(start);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < calls.length; i++) expect(calls[i].at - calls[i - 1].at).toBeGreaterThan(REFRESH_SECONDS * 1000 * 0.8);
    expect(calls.every((request) => request.method === 'POST')).toBe(true);
    expect(watched.sent.filter((request) => request.path === '/dashboard').length).toBe(documentsBefore);
  });

  it('switches period and region with one request each, staying inside the account region', async () => {
    const before = watched.sent.filter((request) => request.path === '/graphql').length;
    await watched.page.click('text=本年');
    await watched.page.getByTestId('period').filter({ hasText: '年' }).waitFor();
    const region = watched.page.getByTestId('region');
    const village = await region.locator('optgroup option').nth(1).getAttribute('value');
    await region.selectOption(village!);
    await watched.page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes(village!));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = watched.graphql.slice(-1)[0];
    expect((asked.variables as any).region).toBe(village);
    expect((asked.response as any).data.indicators.region.code).toBe(village);
    expect(watched.sent.filter((request) => request.path === '/graphql').length - before).toBeLessThanOrEqual(4);
    // Back to the county for the screenshot.
    await region.selectOption({ index: 0 });
    await watched.page.click('text=本月');
    await watched.page.waitForFunction("!document.body.innerText.includes('加载中')");
  });

  it('receives no person-level answer: aggregates only, in every request of the session', async () => {
    const person = new RegExp(`"(${PERSON_KEYS.join('|')})"\\s*:`);
    expect(watched.graphql.length).toBeGreaterThan(0);
    for (const entry of watched.graphql) {
      expect(entry.operationName).toBe('Dashboard');
      expect(Object.keys((entry.response as any).data).sort()).toEqual(['indicators', 'situationFreshness', 'verificationCoverage', 'villageRanking']);
      expect(JSON.stringify(entry.response)).not.toMatch(person);
    }
  });

  it('renders on a 1920×1080 wall (docs/screenshots/dashboard.png)', async () => {
    await watched.page.getByTestId('figure-labourForce').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 800)); // the charts' entry animation
    const file = await screenshot(watched.page, 'dashboard');
    expect(file).toMatch(/docs\/screenshots\/dashboard\.png$/);
  });
});
