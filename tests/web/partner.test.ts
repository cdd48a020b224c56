import { statSync } from 'node:fs';
import type { Browser, Request } from 'playwright-core';
import { postGraphQL } from '@jiuye/testing/harness';
import { until } from '@jiuye/testing/child-service';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { launchBrowser, screenshot, watchedPage, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';

/**
 * 协作城市 /partner in headless Chromium against the demo county, signed in as the development
 * partner-city account (深圳 4403): the list equals the graph's answer for that account and holds
 * no worker of another city; nothing person-level is asked before the purpose is declared; a
 * follow-up visit dated in the future shows the server's error at the date field and writes
 * nothing; a good visit and a contact attempt are recorded and shown.
 */
const LIST = `query($first: Int!, $after: String, $onlyActive: Boolean) {
  transfers(first: $first, after: $after, onlyActive: $onlyActive) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id startedOn active followUpDueOn followUpDue city { code } phoneMasked worker { id name } followUpVisits { id visitedOn } contactAttempts { id outcome } lastFollowUpVisit { id } lastContactAttempt { id outcome } }
  }
}`;

/** The list as the page asks it with the 回访 filter (active transfers only, as the page's default). */
const FILTERED = `query($first: Int!, $after: String, $followUpDue: FollowUpDueFilter) {
  transfers(first: $first, after: $after, onlyActive: true, followUpDue: $followUpDue) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id followUpDueOn followUpDue }
  }
}`;

function chinaDay(offsetDays: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('协作城市 /partner', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let watched: WatchedPage;
  let base: string;
  let partnerToken: string;
  let countyToken: string;
  /** The x-purpose header of every /graphql request the page sent, with its operation. */
  const purposes: { operation: string | null; purpose: string | undefined }[] = [];

  const asPartner = (query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(platform.gateway.url, query, variables, { authorization: `Bearer ${partnerToken}`, 'x-purpose': 'follow-up' });

  /** Every transfer the partner account reads, page by page as the page asks (active ones). */
  async function graphList(): Promise<any[]> {
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const answer = await asPartner(LIST, { first: 20, after, onlyActive: true });
      expect(answer.errors).toBeUndefined();
      nodes.push(...answer.data.transfers.nodes);
      if (!answer.data.transfers.pageInfo.hasNextPage) return nodes;
      after = answer.data.transfers.pageInfo.endCursor;
    }
  }

  /** The rows the page shows, in order: transfer id and the cells that name the worker and the due date. */
  async function shownRows(): Promise<{ id: string; name: string; phone: string; due: string }[]> {
    return watched.page.$$eval('tr[data-testid^="transfer-"]', (rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((cell) => (cell as unknown as { innerText: string }).innerText.trim());
        return { id: row.getAttribute('data-testid')!.slice('transfer-'.length), name: cells[0], phone: cells[1], due: cells[6] };
      }),
    );
  }

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(200, webGatewayOverrides({ development: true })), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
    const accounts = (await (await fetch(`${base}/auth/dev-accounts`)).json()) as { accounts: { department: string; token: string; region?: string }[] };
    partnerToken = accounts.accounts.find((account) => account.department === 'partner')!.token;
    countyToken = accounts.accounts.find((account) => account.department === 'hr')!.token;
    watched = await watchedPage(browser);
    watched.page.on('request', (request: Request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const body = request.postDataJSON() as { query?: string } | null;
      purposes.push({ operation: /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? null, purpose: request.headers()['x-purpose'] });
    });
    await watched.page.goto(`${base}/signin`);
    await watched.page.click('button[data-department="partner"]');
    await watched.page.waitForURL(`${base}/partner`);
    await watched.page.getByTestId('retention-rate').waitFor();
  });
  afterAll(async () => {
    await watched?.close();
    expect({ blocked: watched?.blocked, errors: watched?.errors }).toEqual({ blocked: [], errors: [] });
    await browser?.close();
    await platform?.stop();
  });

  it('asks nothing person-level before the purpose is chosen, and shows the city figures the graph answers', async () => {
    await watched.page.getByTestId('purpose-needed').waitFor();
    // Nothing more goes out while the page waits for the purpose (a quiet half second), and what went out is recorded.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await watched.graphqlSettled();
    expect(purposes.length).toBeGreaterThan(0);
    expect(purposes.map((entry) => entry.operation).sort()).toEqual(['Freshness', 'PartnerFigures']);
    expect(purposes.every((entry) => entry.purpose === undefined)).toBe(true);
    for (const entry of watched.graphql) expect(JSON.stringify(entry.response)).not.toMatch(/"(worker|nodes|phoneMasked|employerName|idNumber\w*)"\s*:/);
    expect(await watched.page.locator('tr[data-testid^="transfer-"]').count()).toBe(0);

    const figures = await postGraphQL(
      platform.gateway.url,
      '{ partnerCities { code name retention { rate transferred } } contactOutcomeCounts { outcome attempts } }',
      {},
      {
        authorization: `Bearer ${partnerToken}`,
      },
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data.partnerCities.map((city: { code: string }) => city.code)).toEqual(['4403']);
    const { rate, transferred } = figures.data.partnerCities[0].retention;
    expect(transferred).toBeGreaterThan(0);
    expect(await watched.page.getByTestId('retention-rate').innerText()).toContain(rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);
    expect(figures.data.contactOutcomeCounts.some((row: { attempts: number }) => row.attempts > 0)).toBe(true);
    expect(await watched.page.locator('[data-testid="outcomes"] canvas').count()).toBeGreaterThan(0);
    expect(await watched.page.locator('[data-testid="retention"] canvas').count()).toBeGreaterThan(0);
  });

  it('after the purpose 跟踪回访, lists exactly the transfers the graph answers the partner account, page by page', async () => {
    await watched.page.selectOption('select[name="purpose"]', 'follow-up');
    await watched.page.locator('tr[data-testid^="transfer-"]').first().waitFor();
    const listed = purposes.filter((entry) => entry.operation === 'PartnerTransfers');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((entry) => entry.purpose === 'follow-up')).toBe(true);

    const graph = await graphList();
    expect(graph.length).toBeGreaterThan(0);
    const expected = graph.map((node) => ({
      id: node.id,
      name: node.worker?.name ?? '（待县级核实）',
      phone: node.phoneMasked ?? '—',
      due: `${node.followUpDueOn ?? '—'}${node.followUpDue ? (node.followUpDueOn < chinaDay(0) ? '逾期' : '今日到期') : ''}`,
    }));
    const shown: Awaited<ReturnType<typeof shownRows>> = [];
    let page = 0;
    for (; ; page++) {
      await watched.page
        .getByTestId('transfer-count')
        .filter({ hasText: `第 ${page + 1} 页` })
        .waitFor();
      await watched.page.locator('tr[data-testid^="transfer-"]').first().waitFor();
      shown.push(...(await shownRows()).map((row) => ({ ...row, due: row.due.replace(/\s+/g, '') })));
      if (await watched.page.getByTestId('next-page').isDisabled()) break;
      await watched.page.getByTestId('next-page').click();
    }
    expect(shown).toEqual(expected);
    expect(await watched.page.getByTestId('transfer-count').innerText()).toContain(`共 ${graph.length} 人次`);
    // Some follow-ups are due on the demo county, and the page says so.
    expect(graph.some((node) => node.followUpDue)).toBe(true);
    // Back page by page to the first, where 上一页 is disabled (a disabled button is never clicked: that waits out the timeout).
    const previous = watched.page.getByRole('button', { name: '上一页', exact: true });
    for (; page > 0; page--) {
      await previous.click();
      await watched.page
        .getByTestId('transfer-count')
        .filter({ hasText: `第 ${page} 页` })
        .waitFor();
    }
    expect(await previous.isDisabled()).toBe(true);
  });

  it('shows no worker of another city', async () => {
    // County staff see every city's transfers of their region: those of other cities must not be on the partner page.
    const county = await postGraphQL(
      platform.gateway.url,
      `{ transfers(first: 500) { nodes { id city { code } worker { id } } } }`,
      {},
      { authorization: `Bearer ${countyToken}`, 'x-purpose': 'follow-up' },
    );
    expect(county.errors).toBeUndefined();
    const elsewhere = county.data.transfers.nodes.filter((node: any) => node.city.code !== '4403');
    expect(elsewhere.length).toBeGreaterThan(0);
    const otherIds = new Set(elsewhere.map((node: any) => node.id));
    await watched.graphqlSettled();
    const pageAnswers = watched.graphql.filter((entry) => entry.operationName === 'PartnerTransfers');
    expect(pageAnswers.length).toBeGreaterThan(0);
    for (const entry of pageAnswers) for (const node of (entry.response as any).data.transfers.nodes) expect(otherIds.has(node.id)).toBe(false);
    // What the partner account reads is of its own city only.
    expect((await graphList()).every((node) => node.city.code === '4403')).toBe(true);
    const shown = await shownRows();
    for (const row of shown) expect(otherIds.has(row.id)).toBe(false);
  });

  it('filters 待回访 / 逾期 on the server over the whole list, page by page, as the graph answers transfers(followUpDue:)', async () => {
    for (const filter of ['DUE', 'OVERDUE']) {
      // What the graph answers the partner account for the filter, every page.
      const graph: any[] = [];
      const totals: number[] = [];
      for (let after: string | null = null; ;) {
        const answer: any = await asPartner(FILTERED, { first: 7, after, followUpDue: filter });
        expect(answer.errors).toBeUndefined();
        graph.push(...answer.data.transfers.nodes);
        totals.push(answer.data.transfers.totalCount);
        if (!answer.data.transfers.pageInfo.hasNextPage) break;
        after = answer.data.transfers.pageInfo.endCursor;
      }
      const total = totals[0];
      expect(new Set(totals).size).toBe(1);
      expect([filter, graph.length]).toEqual([filter, total]);
      expect(graph.every((node) => node.followUpDue && (filter === 'DUE' || node.followUpDueOn < chinaDay(0)))).toBe(true);
      const asked = watched.graphql.length;
      await watched.page.selectOption('select[name="followUpDue"]', filter);
      await watched.page
        .getByTestId('transfer-count')
        .filter({ hasText: `共 ${total} 人次 · 第 1 页` })
        .waitFor();
      const shown: string[] = [];
      for (let page = 1; ; page++) {
        await watched.page
          .getByTestId('transfer-count')
          .filter({ hasText: `第 ${page} 页` })
          .waitFor();
        if (total > 0) await watched.page.locator('tr[data-testid^="transfer-"]').first().waitFor();
        const rows = await shownRows();
        // Every row the page shows is due (or overdue): the server filtered, not the page.
        for (const row of rows) expect([row.id, /逾期|今日到期/.test(row.due)]).toEqual([row.id, true]);
        shown.push(...rows.map((row) => row.id));
        if (await watched.page.getByTestId('next-page').isDisabled()) break;
        await watched.page.getByTestId('next-page').click();
      }
      expect([filter, shown]).toEqual([filter, graph.map((node) => node.id)]);
      // The page asked the server with the filter (the recorder keeps requests asynchronously: wait for it).
      await until('the filtered request recorded', async () => watched.graphql.slice(asked).some((entry) => (entry.variables as any)?.followUpDue === filter), 5_000);
    }
    // The demo county has due follow-ups to filter.
    expect((await asPartner(FILTERED, { first: 1, followUpDue: 'DUE' })).data.transfers.totalCount).toBeGreaterThan(0);
    await watched.page.selectOption('select[name="followUpDue"]', '');
    await watched.page.getByTestId('transfer-count').filter({ hasText: '第 1 页' }).waitFor();
  });

  it('a follow-up visit dated in the future shows the error at the date field and writes nothing; a good one is recorded and shown', async () => {
    await watched.page.goto(`${base}/partner`);
    await watched.page.selectOption('select[name="purpose"]', 'follow-up');
    await watched.page.locator('tr[data-testid^="transfer-"]').first().waitFor();
    const graph = await graphList();
    const target = graph.find((node) => node.followUpDue && node.worker) ?? graph.find((node) => node.worker);
    expect(target).toBeDefined();
    const row = watched.page.getByTestId(`transfer-${target.id}`);
    await row.waitFor();

    await row.getByRole('button', { name: '记回访' }).click();
    const form = watched.page.getByTestId('visit-form');
    await form.locator('input[name="visitedOn"]').fill(chinaDay(3));
    await form.locator('input[name="monthlyWage"]').fill('5200');
    await form.getByRole('button', { name: '保存回访' }).click();
    const error = form.getByTestId('error-visitedOn');
    await error.waitFor();
    expect(await error.innerText()).toContain('future');
    const after = (await graphList()).find((node) => node.id === target.id);
    expect(after.followUpVisits).toEqual(target.followUpVisits);
    expect(after.followUpDueOn).toBe(target.followUpDueOn);

    await form.locator('input[name="visitedOn"]').fill(chinaDay(0));
    await form.getByRole('button', { name: '保存回访' }).click();
    await watched.page
      .getByTestId('notice')
      .filter({ hasText: `已记录 ${chinaDay(0)} 的回访` })
      .waitFor();
    const recorded = (await graphList()).find((node) => node.id === target.id);
    expect(recorded.followUpVisits).toHaveLength(target.followUpVisits.length + 1);
    expect(recorded.followUpVisits[0].visitedOn).toBe(chinaDay(0));
    expect(recorded).toMatchObject({ followUpDueOn: chinaDay(30), followUpDue: false });
    await row
      .getByTestId('last-visit')
      .filter({ hasText: `${chinaDay(0)} 在岗 5200元` })
      .waitFor();
    expect(await row.getByTestId('due').innerText()).toBe(chinaDay(30));
  });

  it('records a contact attempt from a row and shows it as the latest contact', async () => {
    const graph = await graphList();
    const target = graph.find((node) => node.worker)!;
    const row = watched.page.getByTestId(`transfer-${target.id}`);
    await row.getByRole('button', { name: '记联系' }).click();
    const form = watched.page.getByTestId('contact-form');
    await form.locator('select[name="channel"]').selectOption('PHONE');
    await form.locator('select[name="outcome"]').selectOption('INVALID_NUMBER');
    await form.getByRole('button', { name: '保存联系记录' }).click();
    await watched.page.getByTestId('notice').filter({ hasText: '空号停机错号' }).waitFor();
    const recorded = (await graphList()).find((node) => node.id === target.id);
    expect(recorded.contactAttempts).toHaveLength(target.contactAttempts.length + 1);
    expect(recorded.contactAttempts[0].outcome).toBe('INVALID_NUMBER');
    expect(recorded.lastContactAttempt).toEqual(recorded.contactAttempts[0]);
    await row.getByTestId('last-contact').filter({ hasText: '空号停机错号' }).waitFor();
  });

  it('renders at 1920×1080 (docs/screenshots/partner.png)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 800)); // the charts' entry animation
    const file = await screenshot(watched.page, 'partner');
    expect(file).toMatch(/\/partner\.png$/);
    expect(statSync(file).size).toBeGreaterThan(20_000); // a real 1920×1080 picture, not an empty page
  });
});
