import type { Browser } from 'playwright-core';
import { waitFor } from '@jiuye/testing/gateway';
import { postGraphQL } from '@jiuye/testing/harness';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { launchBrowser, screenshot, watchedPage, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';

/**
 * The built app in headless Chromium against the whole platform in process (demo county,
 * development sign-in as under npm start). Every request to another host is blocked and fails
 * the test; so does any console error.
 */
describe('the web app in a browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  const pages: WatchedPage[] = [];

  const open = async () => {
    const watched = await watchedPage(browser);
    pages.push(watched);
    return watched;
  };
  const signIn = async (watched: WatchedPage, department: string) => {
    await watched.page.goto(`${base}/`);
    await watched.page.waitForURL(`${base}/signin`);
    await watched.page.click(`button[data-department="${department}"]`);
  };

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(200, webGatewayOverrides({ development: true })), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
  });
  afterEach(async () => {
    for (const watched of pages.splice(0)) {
      await watched.close();
      expect({ blocked: watched.blocked, errors: watched.errors }).toEqual({ blocked: [], errors: [] });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('signs the dashboard account in from the role picker and lands on /dashboard with a figure from the graph', async () => {
    const watched = await open();
    await signIn(watched, 'dashboard');
    await watched.page.waitForURL(`${base}/dashboard`);
    const token = await watched.page.evaluate<string>("JSON.parse(sessionStorage.getItem('jiuye.session') ?? '{}').token");
    const graph = await postGraphQL(platform.gateway.url, '{ situationFreshness { departments { department label } } }', {}, { authorization: `Bearer ${token}` });
    expect(graph.errors).toBeUndefined();
    // The wall's freshness panel: one row per department, labelled as the graph labels it.
    for (const department of graph.data.situationFreshness.departments) {
      await watched.page.getByTestId(`freshness-${department.department}`).waitFor();
      expect(await watched.page.getByTestId(`freshness-${department.department}`).innerText()).toContain(department.label);
    }
    expect(graph.data.situationFreshness.departments).toHaveLength(5);

    // Sign-out clears the session and returns to the picker.
    await watched.page.click('text=退出');
    await watched.page.waitForURL(`${base}/signin`);
    expect(await watched.page.evaluate<string | null>("sessionStorage.getItem('jiuye.session')")).toBeNull();
  });

  it.each([
    ['hr', '/workbench'],
    ['partner', '/partner'],
    ['auditor', '/graphiql'],
  ])('lands the %s account on %s', async (department, landing) => {
    const watched = await open();
    await signIn(watched, department);
    await watched.page.waitForURL(`${base}${landing}`);
    await watched.page.getByTestId('account').waitFor();
  });

  it('shows the signed-in account in the header, and the workbench asks for the purpose of use first', async () => {
    const watched = await open();
    await signIn(watched, 'hr');
    await watched.page.waitForURL(`${base}/workbench`);
    expect(await watched.page.getByTestId('account').innerText()).toBe('人社 · 科员 · 辖区 530113');
    await watched.page.getByTestId('purpose-prompt').waitFor();
  });

  it('loads GraphiQL offline and runs a query with the signed-in token', async () => {
    const watched = await open();
    await signIn(watched, 'dashboard');
    await watched.page.waitForURL(`${base}/dashboard`);
    await watched.page.goto(`${base}/graphiql`);
    // The schema is introspected first (the editor's hints); then run the default query.
    await watched.page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('IntrospectionQuery'));
    await watched.page.locator('.graphiql-query-editor .CodeMirror').click();
    await watched.page.locator('.graphiql-execute-button').click();
    await watched.page.locator('.result-window').getByText('"situationFreshness"').waitFor();
    // The page shows the answer before the watcher has read the response body: wait for it.
    const answered = () => watched.graphql.filter((entry) => entry.query.includes('situationFreshness') && (entry.response as any)?.data?.situationFreshness);
    await waitFor(() => answered().length > 0, 10_000).catch(() => undefined);
    expect(answered().length).toBeGreaterThan(0);
    await screenshot(watched.page, 'graphiql');
  });
});
