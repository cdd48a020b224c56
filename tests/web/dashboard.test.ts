import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { addDays, addMonths, DEVELOPMENT_JWT_SECRET, mintUserToken, todayInChina } from '@jiuye/common';
import { postGraphQL } from '@jiuye/testing/harness';
import { until } from '@jiuye/testing/child-service';
import { COUNTY_OFFICER, startTestPlatform, TEST_JWT, type TestPlatform } from '@jiuye/testing/platform';
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
const expectedRate = (cell: Cell, threshold: number) => (cell.suppressed ? `<${threshold}` : cell.value == null ? '—' : `${(cell.value * 100).toFixed(1)}%`);
const expectedAmount = (cell: Cell) => (cell.value == null ? '—' : cell.value >= 10_000 ? `${(cell.value / 10_000).toFixed(1)}万元` : `${cell.value.toLocaleString('zh-CN')}元`);
/** A trend point as the sparkline's label reads it: "<5" suppressed, "无数据" a gap (before the history), else the figure. */
function expectedPoint(cell: Cell, kind: 'count' | 'rate' | 'amount', threshold: number): string {
  if (cell.suppressed) return `<${threshold}`;
  if (cell.value == null) return '无数据';
  return kind === 'rate' ? expectedRate(cell, threshold) : kind === 'amount' ? expectedAmount(cell) : expectedCount(cell, threshold);
}
/** Tile test id, tile label, the series point's field and how it reads. */
const TRENDS: [string, string, string, 'count' | 'rate' | 'amount'][] = [
  ['labourForce', '劳动力', 'labourForce', 'count'],
  ['employed', '已就业', 'employed', 'count'],
  ['newTransfers', '新增转移就业', 'newTransfers', 'count'],
  ['zeroEmployment', '零就业家庭', 'zeroEmploymentHouseholds', 'count'],
  ['welfarePosts', '公益性岗位 在岗/开发', 'welfarePostsFilled', 'count'],
  ['training', '参训人数', 'trainingParticipants', 'count'],
  ['subsidies', '补贴发放', 'subsidiesAmount', 'amount'],
  ['verifiedShare', '月度核实率', 'verifiedShare', 'rate'],
];
/** The breakdown's bar order for a figure: largest first, suppressed then empty last, ties by code. */
function expectedBreakdown(children: any[], key: string, threshold: number): string {
  const rank = (child: any) => (child[key].suppressed ? -1 : (child[key].value ?? -2));
  const sorted = [...children].sort((a, b) => rank(b) - rank(a) || a.region.code.localeCompare(b.region.code));
  return sorted.map((child) => `${child.region.name} ${key === 'employmentRate' ? expectedRate(child[key], threshold) : expectedCount(child[key], threshold)}`).join('；');
}

/** A completion rate as the wall writes it ('未下达' without a target, '—' when withheld or the target is 0). */
const expectedCompletionRate = (row: { completionRate?: number | null; target?: number | null }) =>
  row.completionRate == null ? (row.target == null ? '未下达' : '—') : `${(row.completionRate * 100).toFixed(1)}%`;

/**
 * The year's NEW_TRANSFERS targets, set by the county officer through the API: the county and
 * every township but the last (which shows as 未下达) and the first township's villages, so the
 * wall has rates to draw.
 */
async function setYearTargets(platform: TestPlatform): Promise<void> {
  const year = todayInChina().slice(0, 4);
  // The platform runs as under npm start (development keys): the officer's token is signed with them.
  const officer = await mintUserToken(COUNTY_OFFICER, { ...TEST_JWT, secret: DEVELOPMENT_JWT_SECRET });
  const asked = await platform.queryAs(officer, `query($year: String!) { completion(measure: NEW_TRANSFERS, period: $year) { region { code } subregions { region { code } } } }`, {
    year,
  });
  expect(asked.errors).toBeUndefined();
  const { region, subregions } = asked.data.completion;
  expect(subregions.length).toBeGreaterThan(1);
  const villages = await platform.queryAs(
    officer,
    `query($year: String!, $region: String) { completion(measure: NEW_TRANSFERS, period: $year, region: $region) { subregions { region { code } } } }`,
    {
      year,
      region: subregions[0].region.code,
    },
  );
  expect(villages.errors).toBeUndefined();
  const targets = [
    { region: region.code, target: 40 },
    ...subregions.slice(0, -1).map((row: any, index: number) => ({ region: row.region.code, target: 4 + index * 3 })),
    // The first township's villages too: the ranking by completion rate ranks villages.
    ...villages.data.completion.subregions.map((row: any, index: number) => ({ region: row.region.code, target: 1 + (index % 4) })),
  ];
  const set = await platform.queryAs(officer, `mutation($input: SetTargetsInput!) { setTargets(input: $input) { targets { target } } }`, {
    input: { period: year, measure: 'NEW_TRANSFERS', targets },
  });
  expect(set.errors).toBeUndefined();
}

describe('数据大屏 /dashboard', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let watched: WatchedPage;
  let base: string;
  let token: string;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(200, webGatewayOverrides({ development: true })), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
    await setYearTargets(platform);
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
    // The first: the county's. (The page renders before the recorder has the entry: wait for it.)
    const asked = await watched.waitForRecorded((entry) => entry.operationName === 'Dashboard', { what: "the page's first Dashboard request recorded" });
    const answer = await postGraphQL(platform.gateway.url, asked.query, asked.variables as Record<string, unknown>, { authorization: `Bearer ${token}` });
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
    expect(await text('figure-zeroEmployment')).toContain(expectedCount(indicators.zeroEmploymentHouseholds, threshold));
    // 按贫困状态: one row per group, in the graph's order, each cell as the graph answers it.
    expect(indicators.byPovertyStatus.map((group: any) => group.label)).toEqual(['未脱贫', '已脱贫', '监测对象', '其他']);
    for (const group of indicators.byPovertyStatus) {
      const row = watched.page.getByTestId(`poverty-${group.status}`);
      expect({
        group: group.status,
        cells: await row.locator('th, td').allInnerTexts(),
      }).toEqual({
        group: group.status,
        cells: [
          group.label,
          expectedCount(group.labourForce, threshold),
          expectedCount(group.employed, threshold),
          expectedRate(group.employmentRate, threshold),
          expectedCount(group.newTransfers, threshold),
        ],
      });
    }
    // The labour force is a real figure on the demo county, not a placeholder.
    expect(indicators.labourForce.suppressed).toBe(false);
    expect(indicators.labourForce.value).toBeGreaterThan(50);
  });

  it("shows the year's completion against target per township, the ranking by completion rate and the zero-employment clearance as the graph answers", async () => {
    const data = await graphAnswer();
    const { completion, completionRanking, zeroEmploymentClearance: clearance } = data;
    const threshold: number = completion.threshold ?? data.indicators.threshold;
    expect(completion.period.code).toBe(todayInChina().slice(0, 4));
    expect(completion.total.target).toBe(40);
    const total = completion.total;
    expect(await text('completion-total')).toBe(`完成 ${expectedCount(total.actual, threshold)} / 目标 ${total.target}（${expectedCompletionRate(total)}）`);
    const bars = completion.subregions
      .map((row: any) => `${row.region.name} ${expectedCount(row.actual, threshold)}/${row.target ?? '—'}（${expectedCompletionRate(row)}）`)
      .join('；');
    expect(await watched.page.getByTestId('completion').locator('[role=img]').getAttribute('aria-label')).toBe(bars);
    // The targets set above are on the wall: a township without one reads 未下达.
    expect(completion.subregions.at(-1).target).toBeNull();
    expect(bars).toContain('未下达');
    expect(completionRanking.targetPeriod).toBe(completion.period.code);
    const ranked = completion.subregions.filter((row: any) => row.rank != null);
    expect(ranked.length).toBeGreaterThan(0);
    for (const row of ranked) {
      expect({ township: row.region.code, shown: await text(`rate-${row.region.code}`) }).toEqual({
        township: row.region.code,
        shown: `${row.rank}\t${row.region.name}\t${expectedCompletionRate(row)}`,
      });
    }
    for (const row of completionRanking.red) {
      expect({ village: row.villageCode, shown: await text(`rate-${row.villageCode}`) }).toEqual({
        village: row.villageCode,
        shown: expect.stringContaining(expectedCompletionRate(row)),
      });
    }
    expect(await text('clearance-median')).toBe(clearance.medianDaysToClear == null ? '—' : `${clearance.medianDaysToClear} 天`);
    expect(await text('clearance-share')).toBe(clearance.shareWithinLimit.suppressed ? `<${threshold}人` : expectedRate(clearance.shareWithinLimit, threshold));
    expect(await text('clearance-still')).toBe(`${expectedCount(clearance.stillZeroEmployment, threshold)} 户`);
    expect(await text('clearance-cleared')).toBe(`${expectedCount(clearance.cleared, threshold)} 户`);
  });

  it("draws each tile's trend from the last 12 periods of the series, gaps before the history", async () => {
    const data = await graphAnswer();
    const series = data.indicatorSeries;
    expect(series.points).toHaveLength(12);
    expect(series.points[11].period.code).toBe(data.indicators.period.code);
    for (const [id, label, field, kind] of TRENDS) {
      const shown = await watched.page.getByTestId(`figure-${id}`).locator('.tile-trend').getAttribute('aria-label');
      const expected = series.points.map((point: any) => `${point.period.label} ${expectedPoint(point[field], kind, series.threshold)}`).join('；');
      expect({ id, shown }).toEqual({ id, shown: `${label}走势：${expected}` });
    }
    // Stocks before the history are gaps (null), never 0; months of the demo data reach back before it.
    for (const point of series.points.filter((p: any) => p.stockSource === 'BEFORE_HISTORY')) {
      expect(point.labourForce).toEqual({ value: null, suppressed: false });
    }
    expect(series.points.some((p: any) => p.stockSource === 'CURRENT')).toBe(true);
  });

  it('breaks the region down by child division, sortable, and drills into a bar', async () => {
    const data = await graphAnswer();
    const { children, threshold } = data.indicatorBreakdown;
    expect(children.length).toBeGreaterThan(1);
    const chart = watched.page.getByTestId('breakdown').locator('[role=img]');
    for (const { key, button } of [
      { key: 'employmentRate', button: '就业率' },
      { key: 'newTransfers', button: '新增转移' },
      { key: 'zeroEmploymentHouseholds', button: '零就业家庭' },
      { key: 'labourForce', button: '劳动力' },
    ]) {
      await watched.page.getByTestId('breakdown').getByRole('button', { name: button, exact: true }).click();
      expect({ key, shown: await chart.getAttribute('aria-label') }).toEqual({ key, shown: expectedBreakdown(children, key, threshold) });
    }
    // Sorted by labour force: click the second bar's row; the page asks for that child (one request), as the region picker shows.
    const rank = (child: any) => (child.labourForce.suppressed ? -1 : (child.labourForce.value ?? -2));
    const target = [...children].sort((a, b) => rank(b) - rank(a) || a.region.code.localeCompare(b.region.code))[1];
    const box = (await chart.boundingBox())!;
    const rowHeight = (box.height - 4 - 20) / children.length;
    // The region shown before the click (the account's county): a poll in flight asks for it.
    const shownBefore = await watched.page.getByTestId('region').inputValue();
    const sentBefore = watched.sent.length;
    const recordedBefore = watched.graphql.length;
    // How many requests the page had sent when the drill's answer came back (the predicate runs as the response event arrives).
    let sentWhenAnswered = -1;
    const asked = watched.page.waitForResponse((response) => {
      const drill = response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes(target.region.code);
      if (drill && sentWhenAnswered < 0) sentWhenAnswered = watched.sent.length;
      return drill;
    });
    try {
      await watched.page.mouse.click(box.x + 120, box.y + 4 + rowHeight * 1.5);
      await asked;
      // What the page sent from the click until the drill's answer came back. The wall keeps
      // polling (every REFRESH_SECONDS, none while a request is out): a poll may have left just
      // before the click re-rendered, for the county still (its code, or none); none can leave while the drill's is out.
      const sentUntilAnswered = watched.sent.slice(sentBefore, sentWhenAnswered).filter((request) => request.path === '/graphql');
      const forTarget = sentUntilAnswered.filter((request) => (request.variables as any)?.region === target.region.code);
      expect(forTarget).toHaveLength(1);
      for (const poll of sentUntilAnswered.filter((request) => !forTarget.includes(request))) expect((poll.variables as any)?.region ?? shownBefore).toBe(shownBefore);
      expect(await watched.page.getByTestId('region').inputValue()).toBe(target.region.code);
      await watched.page.getByTestId('breakdown').locator('h2').filter({ hasText: '按村分解' }).waitFor();
      const recorded = await watched.waitForRecorded((entry) => (entry.variables as any)?.region === target.region.code, {
        from: recordedBefore,
        what: "the drill's request recorded",
      });
      const answer = recorded.response as any;
      expect(answer.data.indicatorBreakdown.children.length).toBeGreaterThan(0);
      expect(answer.data.indicatorBreakdown.children.every((child: any) => child.region.code.startsWith(target.region.code))).toBe(true);
    } finally {
      // Back to the county whatever happened above: the next tests read the county's wall.
      await watched.page.getByTestId('region').selectOption({ index: 0 });
      await watched.page.getByTestId('breakdown').locator('h2').filter({ hasText: '按乡镇分解' }).waitFor();
    }
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
    // The poverty groups, breakdown bars and trend points: suppressed cells read "<5" (their expected texts above).
    const groups = indicators.byPovertyStatus.flatMap((group: any) =>
      (['labourForce', 'employed', 'newTransfers'] as const).filter((key) => group[key].suppressed).map((key) => [group.status, key]),
    );
    for (const [status, key] of groups) {
      expect({ status, key, cell: await watched.page.getByTestId(`poverty-${status}`).locator(`.${key}`).innerText() }).toEqual({ status, key, cell: '<5' });
    }
    const smallChildren = data.indicatorBreakdown.children.filter((child: any) => child.newTransfers.suppressed);
    const smallPoints = data.indicatorSeries.points.filter((point: any) => point.newTransfers.suppressed);
    expect(groups.length + smallChildren.length + smallPoints.length).toBeGreaterThan(0);
    await watched.page.getByTestId('breakdown').getByRole('button', { name: '新增转移', exact: true }).click();
    const bars = await watched.page.getByTestId('breakdown').locator('[role=img]').getAttribute('aria-label');
    for (const child of smallChildren) expect(bars).toContain(`${child.region.name} <5`);
    await watched.page.getByTestId('breakdown').getByRole('button', { name: '劳动力', exact: true }).click();
    // A suppressed trend point is a gap whose tooltip reads "<5": hover one on its sparkline (the current stocks have small cells).
    const points = data.indicatorSeries.points;
    const spot = TRENDS.flatMap(([id, , field]) => points.map((point: any, index: number) => ({ id, index, point, cell: point[field] }))).find(({ cell }) => cell.suppressed);
    expect(spot).toBeDefined();
    const spark = watched.page.getByTestId(`figure-${spot!.id}`).locator('.tile-trend');
    const box = (await spark.boundingBox())!;
    await watched.page.mouse.move(box.x + 2 + ((box.width - 4) * spot!.index) / 11 - (spot!.index === 11 ? 1 : 0), box.y + box.height / 2);
    const tooltip = spark.locator('div').filter({ hasText: `${spot!.point.period.label}：` });
    await tooltip.last().waitFor();
    expect(await tooltip.last().innerText()).toBe(`${spot!.point.period.label}：<5`);
    await watched.page.mouse.move(0, 0);
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
    const startedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, REFRESH_SECONDS * 3 * 1000 + 500));
    const calls = watched.sent.filter((request) => request.path === '/graphql').slice(start);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(4);
    // Spaced by the refresh, as the browser sent them (its own start times, once recorded: a busy
    // test process can receive two request events late and back to back).
    await watched.graphqlSettled();
    const sentAt = watched.graphql
      .map((entry) => entry.startedAt)
      .filter((at) => at >= startedAt)
      .sort((a, b) => a - b);
    expect(sentAt.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < sentAt.length; i++) expect(sentAt[i] - sentAt[i - 1]).toBeGreaterThan(REFRESH_SECONDS * 1000 * 0.8);
    expect(calls.every((request) => request.method === 'POST')).toBe(true);
    expect(watched.sent.filter((request) => request.path === '/dashboard').length).toBe(documentsBefore);
  });

  it('switches period and region with one request each, staying inside the account region', async () => {
    const before = watched.sent.filter((request) => request.path === '/graphql').length;
    await watched.page.click('text=本年');
    await watched.page.getByTestId('period').filter({ hasText: '年' }).waitFor();
    const region = watched.page.getByTestId('region');
    const village = await region.locator('optgroup option').nth(1).getAttribute('value');
    const recordedBefore = watched.graphql.length;
    await region.selectOption(village!);
    const asked = await watched.waitForRecorded((entry) => (entry.variables as any)?.region === village, { from: recordedBefore, what: "the village's request recorded" });
    expect((asked.variables as any).region).toBe(village);
    expect((asked.response as any).data.indicators.region.code).toBe(village);
    expect(watched.sent.filter((request) => request.path === '/graphql').length - before).toBeLessThanOrEqual(4);
    // Back to the county for the screenshot.
    await region.selectOption({ index: 0 });
    await watched.page.click('text=本月');
    await watched.page.waitForFunction("!document.body.innerText.includes('加载中')");
  });

  it('follows a past period it is stepped back to: indicators, verification coverage and the red/black ranking as the graph answers them', async () => {
    const threshold = 5;
    /** A cell as the wall writes it: "<5" withheld, "—" not known (a stock before the history begins), else the figure. */
    const shown = (cell: Cell) => (cell.suppressed ? `<${threshold}` : cell.value == null ? '—' : cell.value.toLocaleString('zh-CN'));
    const lastMonth = addMonths(`${todayInChina().slice(0, 7)}-01`, -1).slice(0, 7);
    await watched.page.click('text=本月');
    await watched.page.waitForFunction("!document.body.innerText.includes('加载中')");
    const before = watched.graphql.length;
    await watched.page.getByTestId('period-back').click();
    await watched.page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes(`"period":"${lastMonth}"`));
    await watched.page
      .getByTestId('coverage-period')
      .filter({ hasText: `${Number(lastMonth.slice(5))}月` })
      .waitFor();
    // The step asks the same one query with the period changed. (The recorder keeps an entry on
    // requestfinished, asynchronously after the page rendered from it: wait for it.)
    const stepped = () => watched.graphql.slice(before).filter((entry) => (entry.variables as any).period === lastMonth);
    await until('the stepped request recorded', async () => stepped().length > 0, 5_000);
    const asked = stepped();
    expect(asked.every((entry) => entry.operationName === 'Dashboard')).toBe(true);
    const answer = await postGraphQL(platform.gateway.url, asked[0].query, asked[0].variables as Record<string, unknown>, { authorization: `Bearer ${token}` });
    expect(answer.errors).toBeUndefined();
    const { indicators, verificationCoverage: coverage, villageRanking: ranking } = answer.data;
    const [from, to] = [`${lastMonth}-01`, addDays(`${todayInChina().slice(0, 7)}-01`, -1)];
    // Every panel is of the month asked, not of the running one.
    expect(indicators.period).toMatchObject({ code: lastMonth, from, to });
    expect([coverage.period.code, coverage.month]).toEqual([lastMonth, lastMonth]);
    expect([ranking.period, ranking.weekStart, ranking.weekEnd]).toEqual([lastMonth, from, to]);
    expect(await text('period')).toContain(indicators.period.label);
    for (const [id, cell] of [
      ['figure-labourForce', indicators.labourForce],
      ['figure-employed', indicators.employed],
      ['figure-newTransfers', indicators.newTransfers],
      ['figure-zeroEmployment', indicators.zeroEmploymentHouseholds],
      ['figure-training', indicators.training.participants],
    ] as const)
      expect([id, await watched.page.getByTestId(id).locator('.tile-number').innerText()]).toEqual([id, shown(cell)]);
    expect(await text('coverage-period')).toBe(coverage.period.label);
    expect(await text('coverage-total')).toContain(`已核实 ${shown(coverage.total.verified)} / ${shown(coverage.total.registryWorkers)} 人`);
    expect(await text('ranking-span')).toContain(`${ranking.weekStart} 至 ${ranking.weekEnd}`);
    for (const kind of ['red', 'black'] as const) {
      const rows = watched.page.locator(`[data-testid^="${kind}-"]`);
      expect(await rows.count()).toBe(ranking[kind].length);
      for (const row of ranking[kind])
        expect({ village: row.villageCode, shown: await text(`${kind}-${row.villageCode}`) }).toEqual({
          village: row.villageCode,
          shown: expect.stringContaining(shown({ value: row.newTransfers, suppressed: row.suppressed })),
        });
    }
    // The month's answers differ from the running month's where the demo county moved: it is not today's figures relabelled.
    const current = watched.graphql.filter((entry) => entry.operationName === 'Dashboard' && (entry.variables as any).period !== lastMonth).slice(-1)[0];
    expect((current.response as any).data.verificationCoverage.period.code).not.toBe(lastMonth);
    expect(ranking.black.length).toBeGreaterThan(0);
    // Back to the running month for the screenshot.
    await watched.page.getByTestId('period-forward').click();
    await watched.page
      .getByTestId('coverage-period')
      .filter({ hasText: `${Number(todayInChina().slice(5, 7))}月` })
      .waitFor();
  });

  it('receives no person-level answer: aggregates only, in every request of the session', async () => {
    const person = new RegExp(`"(${PERSON_KEYS.join('|')})"\\s*:`);
    // Every request the page sent so far, recorded with its answer.
    await watched.graphqlSettled();
    expect(watched.graphql.length).toBeGreaterThan(0);
    for (const entry of watched.graphql) {
      expect(entry.operationName).toBe('Dashboard');
      expect(Object.keys((entry.response as any).data).sort()).toEqual([
        'completion',
        'completionRanking',
        'indicatorBreakdown',
        'indicatorSeries',
        'indicators',
        'situationFreshness',
        'verificationCoverage',
        'villageRanking',
        'zeroEmploymentClearance',
      ]);
      expect(JSON.stringify(entry.response)).not.toMatch(person);
    }
  });

  it('renders on a 1920×1080 wall (docs/screenshots/dashboard.png)', async () => {
    await watched.page.getByTestId('figure-labourForce').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 800)); // the charts' entry animation
    const file = await screenshot(watched.page, 'dashboard');
    expect(file).toMatch(/\/dashboard\.png$/);
    expect(statSync(file).size).toBeGreaterThan(20_000); // a real 1920×1080 picture, not an empty page
  });
});
