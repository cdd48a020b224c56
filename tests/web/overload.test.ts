import type { Browser } from 'playwright-core';
import type { RunningGateway } from '@jiuye/gateway';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { closedPort, startGatewayOn } from '@jiuye/testing/gateway';
import { latencyProxy, type LatencyProxy } from '@jiuye/testing/latency-proxy';
import { until as waitUntil } from '@jiuye/testing/child-service';
import { launchBrowser, watchedPage, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';

/**
 * The web app under load shedding: a real gateway with GATEWAY_MAX_IN_FLIGHT = 6 (Chromium opens
 * at most six connections to one host, so the page itself loads whole), its six places taken by
 * slow requests (the read model behind a TCP proxy holding every chunk), so the dashboard's next
 * refresh is answered 503 OVERLOADED with Retry-After. The page must wait, say 系统繁忙，N 秒后自动重试,
 * ask again and show the figures, never a failure.
 */
jest.setTimeout(180_000);

const MAX_IN_FLIGHT = 6;
const REFRESH_SECONDS = 2;
const INDICATORS = `{ indicators(region: "${DEMO_COUNTY}", period: "2026") { threshold } }`;

/** Waits until count() grows past `from`. */
async function until(from: number, count: () => number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (count() <= from) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the page to be answered');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Until the gateway serves `MAX_IN_FLIGHT` requests at once: its /stats (counted like any request)
 * is then itself refused 503 OVERLOADED.
 */
async function fullGateway(base: string, token: string): Promise<void> {
  await waitUntil('the gateway to be full', async () => (await fetch(`${base}/stats`, { headers: { authorization: `Bearer ${token}` } })).status === 503, 15_000);
}

/**
 * Keeps the gateway full until `done()` (slow requests: the read model's answers are held while the
 * proxy delays them): whenever /stats is answered, a free place exists, and six more slow requests
 * go out. On a loaded machine a single batch may have finished before the page's next request.
 */
async function keepFull(gatewayUrl: string, base: string, token: string, done: () => Promise<boolean>): Promise<Promise<Response>[]> {
  const sent: Promise<Response>[] = [];
  const fill = () => {
    for (let i = 0; i < MAX_IN_FLIGHT; i++)
      sent.push(
        fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: INDICATORS }) }),
      );
  };
  const deadline = Date.now() + 45_000;
  fill();
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the page never met the full gateway within 45 s');
    const stats = await fetch(`${base}/stats`, { headers: { authorization: `Bearer ${token}` } });
    await stats.arrayBuffer();
    if (stats.status !== 503) fill();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return sent;
}

describe('the web app while the gateway sheds load', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let proxy: LatencyProxy;
  let gateway: RunningGateway;
  let watched: WatchedPage;
  let base: string;
  let token: string;
  const answers: { status: number; at: number; retryAfter: string | null }[] = [];

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(100, webGatewayOverrides({ development: true })), launchBrowser()]);
    proxy = await latencyProxy(platform.subgraphs.situation.url, 0);
    gateway = await startGatewayOn(platform, { ...webGatewayOverrides({ development: true }), maxInFlight: MAX_IN_FLIGHT, subgraphUrls: { situation: proxy.url } });
    base = gateway.url.replace(/\/graphql$/, '');
    watched = await watchedPage(browser);
    watched.page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/graphql') answers.push({ status: response.status(), at: Date.now(), retryAfter: response.headers()['retry-after'] ?? null });
    });
    await watched.page.goto(`${base}/signin`);
    await watched.page.click('button[data-department="dashboard"]');
    await watched.page.waitForURL(`${base}/dashboard`);
    await watched.page.goto(`${base}/dashboard?refresh=${REFRESH_SECONDS}`);
    await watched.page.getByTestId('figure-labourForce').waitFor();
    token = await watched.page.evaluate<string>("JSON.parse(sessionStorage.getItem('jiuye.session') ?? '{}').token");
  });
  afterAll(async () => {
    await watched?.close();
    // Chromium reports each 503 as a failed resource load; nothing else may be on the console.
    expect({ blocked: watched?.blocked, errors: watched?.errors.filter((error) => !/status of 503/.test(error)) }).toEqual({ blocked: [], errors: [] });
    await browser?.close();
    await gateway?.stop();
    await proxy?.close();
    await platform?.stop();
  });

  it('a refresh answered 503 OVERLOADED: the page says 系统繁忙，N 秒后自动重试, waits Retry-After, asks again and keeps its figures', async () => {
    const figure = await watched.page.getByTestId('figure-labourForce').innerText();
    // Just after a refresh was answered: the next one goes out in REFRESH_SECONDS, into the full gateway.
    await until(answers.length, () => answers.length);
    // Slow requests take every place (the read model's answers held 3 s on the way), and are
    // topped up until the page says it is busy: on a loaded machine the next refresh may come late.
    proxy.delayMs = 3000;
    const sheddingFrom = Date.now();
    const busy = watched.page.getByTestId('notice-busy');
    const occupying = await keepFull(gateway.url, base, token, () => busy.isVisible());
    proxy.delayMs = 0;
    expect(await busy.innerText()).toMatch(/^系统繁忙，[1-9]\d* 秒后自动重试$/);
    // Meanwhile the page shows no failure and keeps what it had.
    expect(await watched.page.locator('.error').count()).toBe(0);
    expect(await watched.page.getByTestId('figure-labourForce').innerText()).toBe(figure);

    const statuses = (await Promise.all(occupying)).map((response) => response.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(0);
    await busy.waitFor({ state: 'detached', timeout: 15_000 });
    // The notice goes when the retry is sent; its answer follows.
    const lastShedAt = () => Math.max(0, ...answers.filter((answer) => answer.status === 503).map((answer) => answer.at));
    await until(0, () => answers.filter((answer) => answer.status === 200 && answer.at > lastShedAt()).length);

    // What the page was told and did: 503s with Retry-After, each followed no sooner than Retry-After by the next request, the last answered 200.
    const during = answers.filter((answer) => answer.at >= sheddingFrom);
    const shed = during.filter((answer) => answer.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    for (const answer of shed) expect(answer.retryAfter).toBe('1');
    const lastShed = shed[shed.length - 1];
    const next = during.find((answer) => answer.at > lastShed.at);
    expect(next?.status).toBe(200);
    expect(next!.at - lastShed.at).toBeGreaterThanOrEqual(950);
    expect(await watched.page.locator('.error').count()).toBe(0);
    expect(await watched.page.getByTestId('figure-labourForce').isVisible()).toBe(true);
  });
  it('a mutation refused by load shedding (OVERLOADED: nothing of it ran) is sent again after Retry-After and recorded exactly once', async () => {
    const partner = await watchedPage(browser);
    const sent: { operation: string | null; status: number; at: number }[] = [];
    partner.page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/graphql') return;
      const body = response.request().postDataJSON() as { query?: string } | null;
      sent.push({ operation: /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? null, status: response.status(), at: Date.now() });
    });
    try {
      await partner.page.goto(`${base}/signin`);
      await partner.page.click('button[data-department="partner"]');
      await partner.page.waitForURL(`${base}/partner`);
      await partner.page.selectOption('select[name="purpose"]', 'follow-up');
      const row = partner.page.locator('tr[data-testid^="transfer-"]').first();
      await row.waitFor();
      const transferId = (await row.getAttribute('data-testid'))!.replace('transfer-', '');
      const partnerToken = await partner.page.evaluate<string>("JSON.parse(sessionStorage.getItem('jiuye.session') ?? '{}').token");
      const attempts = async (): Promise<number> => {
        const answer = await fetch(platform.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${partnerToken}`, 'x-purpose': 'follow-up' },
          body: JSON.stringify({ query: '{ transfers(first: 500) { nodes { id contactAttempts { id } } } }' }),
        }).then((response) => response.json() as Promise<any>);
        return answer.data.transfers.nodes.find((node: { id: string }) => node.id === transferId).contactAttempts.length;
      };
      const before = await attempts();
      await row.getByRole('button', { name: '记联系' }).click();
      const form = partner.page.getByTestId('contact-form');
      await form.locator('select[name="channel"]').selectOption('PHONE');
      await form.locator('select[name="outcome"]').selectOption('INVALID_NUMBER');

      // The gateway kept full (topped up) from before the form is sent until the page says busy.
      proxy.delayMs = 3000;
      const busy = partner.page.getByTestId('notice-busy');
      const filling = keepFull(gateway.url, base, token, () => busy.isVisible());
      await fullGateway(base, token);
      await form.getByRole('button', { name: '保存联系记录' }).click();
      const occupying = await filling;
      proxy.delayMs = 0;
      await partner.page.getByTestId('notice').filter({ hasText: '空号停机错号' }).waitFor({ timeout: 20_000 });
      await Promise.all(occupying);

      const mutation = sent.filter((entry) => entry.operation === 'RecordContactAttempt');
      expect(mutation.map((entry) => entry.status)).toEqual([...mutation.slice(0, -1).map(() => 503), 200]);
      expect(mutation.length).toBeGreaterThan(1);
      expect(await attempts()).toBe(before + 1);
    } finally {
      await partner.close();
    }
  });
});

describe('the web app while a department cannot be reached', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let gateway: RunningGateway;
  let watched: WatchedPage;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(100, webGatewayOverrides({ development: true })), launchBrowser()]);
    // hr (the labour registry, where the workers' names are) answers nowhere.
    gateway = await startGatewayOn(platform, { ...webGatewayOverrides({ development: true }), subgraphUrls: { hr: `http://127.0.0.1:${await closedPort()}/graphql` } });
    watched = await watchedPage(browser);
  });
  afterAll(async () => {
    await watched?.close();
    expect({ blocked: watched?.blocked, errors: watched?.errors }).toEqual({ blocked: [], errors: [] });
    await browser?.close();
    await gateway?.stop();
    await platform?.stop();
  });

  it('a partial answer (SUBGRAPH_UNAVAILABLE for hr): the page shows what came, and says 人社数据暂不可用 instead of failing', async () => {
    const base = gateway.url.replace(/\/graphql$/, '');
    await watched.page.goto(`${base}/signin`);
    await watched.page.click('button[data-department="partner"]');
    await watched.page.waitForURL(`${base}/partner`);
    await watched.page.selectOption('select[name="purpose"]', 'follow-up');
    await watched.page.locator('tr[data-testid^="transfer-"]').first().waitFor();
    // The partner department's rows are there; the names, which hr holds, are not.
    // (the recorder keeps a response after the page has rendered it)
    await until(0, () => watched.graphql.filter((entry) => entry.operationName === 'PartnerTransfers').length);
    const answer = watched.graphql.find((entry) => entry.operationName === 'PartnerTransfers')?.response as { errors?: { extensions?: Record<string, unknown> }[] } | undefined;
    expect(answer?.errors?.map((error) => error.extensions)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', department: 'hr' })]));
    expect(await watched.page.locator('tr[data-testid^="transfer-"]').first().innerText()).toContain('（待县级核实）');
    expect(await watched.page.getByTestId('notice-unavailable').innerText()).toBe('人社数据暂不可用，其余数据照常显示；稍后自动恢复');
    expect(await watched.page.locator('.error').count()).toBe(0);
  });
});
