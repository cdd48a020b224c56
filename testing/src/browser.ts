import os from 'node:os';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { DEVELOPMENT_JWT_SECRET, type GatewayConfig, type Identity, type WebSettings } from '@jiuye/common';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { TEST_JWT, tokenFor } from './platform';
import { requireBuiltWeb } from './web';

/**
 * Headless Chromium for the web tests: the browser @sparticuz/chromium ships inside its npm
 * package (no download site is reachable), driven by playwright-core. Every page blocks and
 * records any request to a host other than this machine (the app must work offline), and
 * collects console errors; a test asserts both are empty.
 */

/** Where the README's screenshots live. */
export const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

/**
 * Gateway settings for the web tests: the built app, GraphiQL, a CORS allow-list, and — with
 * `development` — the development environment and JWT secret, so the sign-in page gets the
 * development accounts (GET /auth/dev-accounts) as under npm start.
 */
export function webGatewayOverrides(options: { development?: boolean; web?: Partial<WebSettings> } = {}): Partial<GatewayConfig> {
  const web: WebSettings = { root: requireBuiltWeb(), graphiql: true, corsOrigins: [], ...options.web };
  return options.development ? { web, environment: 'development', jwt: { ...TEST_JWT, secret: DEVELOPMENT_JWT_SECRET } } : { web };
}

// chromium.args is tuned for AWS Lambda: two would switch off what the tests check (CORS, mixed
// content), and --single-process ends the browser when its first context closes.
const DROPPED_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);
// Without them Chromium calls Google's hosts at start, which this closed network refuses.
const QUIET_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'];

/**
 * @sparticuz/chromium is an ES module, which jest's CommonJS runtime cannot load: a short Node
 * process extracts the browser (once; later calls find it in the temp folder) and prints its path and arguments.
 */
async function sparticuzChromium(): Promise<{ executablePath: string; args: string[] }> {
  const script = "import('@sparticuz/chromium').then(async ({ default: c }) => console.log(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))";
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') });
  return JSON.parse(stdout) as { executablePath: string; args: string[] };
}

export async function launchBrowser(): Promise<Browser> {
  const shipped = await sparticuzChromium();
  const executablePath = shipped.executablePath;
  const args = [...shipped.args.filter((arg) => !DROPPED_ARGS.has(arg)), ...QUIET_ARGS];
  return chromium.launch({ executablePath, args, headless: true });
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests to other hosts, blocked. */
  blocked: string[];
  /** console.error messages and uncaught page errors. */
  errors: string[];
  /**
   * Every request the page sent to this machine (method and path; a POST to /graphql with its
   * variables), in order, when sent (ms since the epoch). Kept synchronously on `request`.
   */
  sent: { method: string; path: string; at: number; variables?: unknown }[];
  /**
   * Every request to /graphql that finished: its operation name and the JSON it answered. Kept on
   * `requestfinished`, after reading the answer's body, asynchronously: a page can have rendered
   * from an answer before its entry is here. Read it after `waitForRecorded` or `graphqlSettled`.
   */
  graphql: RecordedGraphQL[];
  /** The first entry of `graphql` (from index `from`, default 0) that matches, once recorded; fails naming `what` after timeoutMs. */
  waitForRecorded(predicate: (entry: RecordedGraphQL) => boolean, options?: { from?: number; what?: string; timeoutMs?: number }): Promise<RecordedGraphQL>;
  /** Resolves once every /graphql request the page has sent has finished or failed and each finished one is recorded in `graphql`. */
  graphqlSettled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface RecordedGraphQL {
  operationName: string | null;
  query: string;
  variables: unknown;
  response: unknown;
  startedAt: number;
}

const isGraphQLPost = (request: Request) => request.url().includes('/graphql') && request.method() === 'POST';
/** A GraphQL request's JSON body; null when it is not JSON (an upload). */
function graphqlBody(request: Request): { query?: string; operationName?: string; variables?: unknown } | null {
  try {
    return request.postDataJSON() as { query?: string; operationName?: string; variables?: unknown } | null;
  } catch {
    return null;
  }
}

/** A 1920×1080 page that blocks (and records) any non-local request and collects console errors and GraphQL traffic. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  const graphql: RecordedGraphQL[] = [];
  // /graphql requests sent and not yet recorded (or failed), and who waits for a change of either.
  const unsettled = new Set<Request>();
  let changed: (() => void)[] = [];
  const notify = () => {
    const waiting = changed;
    changed = [];
    for (const wake of waiting) wake();
  };
  /** Re-checks `done` at each recording or settled request until it answers, or fails naming `what` after timeoutMs. */
  function waitUntil<T>(done: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        changed = changed.filter((wake) => wake !== check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what} (recorded: ${graphql.map((entry) => entry.operationName).join(', ') || 'none'}; unsettled: ${unsettled.size})`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        const value = done();
        if (value === undefined) return void changed.push(check);
        clearTimeout(timer);
        resolve(value);
      };
      check();
    });
  }
  const sent: WatchedPage['sent'] = [];
  page.on('request', (request) => {
    if (!isLocal(request.url()) || !/^https?:/.test(request.url())) return;
    const entry: WatchedPage['sent'][number] = { method: request.method(), path: new URL(request.url()).pathname, at: Date.now() };
    if (isGraphQLPost(request)) {
      unsettled.add(request);
      entry.variables = graphqlBody(request)?.variables ?? null;
    }
    sent.push(entry);
  });
  page.on('requestfailed', (request) => {
    if (unsettled.delete(request)) notify();
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('requestfinished', (request: Request) => {
    if (!isGraphQLPost(request)) return;
    const startedAt = request.timing().startTime;
    void (async () => {
      try {
        const body = graphqlBody(request);
        const response = await request.response().catch(() => null);
        const json: unknown = await response?.json().catch(() => null);
        const operation = body?.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? null;
        graphql.push({ operationName: operation, query: body?.query ?? '', variables: body?.variables ?? null, response: json, startedAt });
      } finally {
        unsettled.delete(request);
        notify();
      }
    })();
  });
  return {
    page,
    context,
    blocked,
    errors,
    graphql,
    sent,
    waitForRecorded: (predicate, { from = 0, what = 'a recorded GraphQL request', timeoutMs = 10_000 } = {}) =>
      waitUntil(() => graphql.slice(from).find(predicate), what, timeoutMs),
    graphqlSettled: async (timeoutMs = 10_000) => void (await waitUntil(() => (unsettled.size === 0 ? true : undefined), "the page's GraphQL requests to settle", timeoutMs)),
    close: () => context.close(),
  };
}

/**
 * <name>.png at 1920×1080, after the page's fonts have loaded: into docs/screenshots/ (the README's
 * pictures) with UPDATE_SCREENSHOTS=1, else into the temp folder, so a test run leaves the tree clean.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  const folder = process.env.UPDATE_SCREENSHOTS === '1' ? SCREENSHOTS : path.join(os.tmpdir(), 'jiuye-screenshots');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * A page signed in as `identity` (as the sign-in page leaves the session) on the workbench, with
 * the purpose 信息核查 declared: the start of every workbench test that acts as a named account.
 */
export async function signedInWorkbench(browser: Browser, base: string, identity: Identity): Promise<WatchedPage> {
  const watched = await watchedPage(browser);
  const session = JSON.stringify({ token: await tokenFor(identity), department: identity.department, role: identity.role, region: identity.region });
  await watched.context.addInitScript(`if (!sessionStorage.getItem('jiuye.session')) sessionStorage.setItem('jiuye.session', ${JSON.stringify(session)})`);
  await watched.page.goto(`${base}/workbench`);
  await watched.page.getByRole('radio', { name: '信息核查' }).check();
  await watched.page.getByRole('button', { name: '确认' }).click();
  await watched.page.getByTestId('purpose-bar').waitFor();
  return watched;
}

/** Reads until `done` holds for the value read (every 200 ms); fails naming `what` after `ms`. */
export async function readUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
