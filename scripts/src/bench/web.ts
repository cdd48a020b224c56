import { type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { DEVELOPMENT_PSEUDONYM_KEY, SUBGRAPH_NAMES, withDatabase, type SubgraphName } from '@jiuye/common';
import { seedDemoCounty, startEmbeddedPostgres } from '@jiuye/devtools';
import type { Browser } from 'playwright-core';
import { parseFlags } from '../args';
import { PROJECT_ROOT } from '../local-databases';
import { databaseEnv, spawnService, stopChild, waitUntilReady } from '../services';

/**
 * npm run bench:web [-- --workers 10000 --runs 5 --refresh 3 --cycles 4 --timeout 120]
 *
 * The 数据大屏 in a real browser: seeds (or reuses) a demo county in its own embedded PostgreSQL
 * (.data/bench-web-<workers>), starts the six subgraphs and the gateway as separate processes
 * (development mode: the gateway serves web/dist and the development sign-in), signs in as the
 * dashboard account in headless Chromium (@sparticuz/chromium, as the web tests) and prints:
 * - first render with data: navigation start → the headline tiles filled (the page's own clock), cold and warm;
 * - the JavaScript the /dashboard route loads: each file's raw and gzipped size from web/dist;
 * - GraphQL requests per refresh cycle (?refresh=N) over a few cycles, and any non-local request.
 * Build first: npm run build -w web (the script refuses a missing web/dist).
 */
/** BENCH_PORT_BASE moves every port (two benches on one machine). */
const BASE = Number(process.env.BENCH_PORT_BASE ?? 5000) + 200;
const PORTS = { gateway: BASE, hr: BASE + 1, poverty: BASE + 2, civil: BASE + 3, training: BASE + 4, partner: BASE + 5, situation: BASE + 6 };
const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function launchBrowser(): Promise<Browser> {
  // Both are ES modules; the shipped Chromium (no download site is reachable), as testing/src/browser.ts launches it.
  const { default: shipped } = await import('@sparticuz/chromium');
  const { chromium } = await import('playwright-core');
  const dropped = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);
  const quiet = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'];
  return chromium.launch({ executablePath: await shipped.executablePath(), args: [...shipped.args.filter((arg) => !dropped.has(arg)), ...quiet], headless: true });
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { workers: 'number', runs: 'number', refresh: 'number', cycles: 'number', timeout: 'number' });
  const workers = (flags.workers as number | undefined) ?? 10_000;
  const runs = (flags.runs as number | undefined) ?? 5;
  const refresh = (flags.refresh as number | undefined) ?? 3;
  const cycles = (flags.cycles as number | undefined) ?? 4;
  const timeoutMs = ((flags.timeout as number | undefined) ?? 120) * 1000;
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web/dist/index.html is missing: run npm run build -w web first');
  const dataDirectory = path.join(PROJECT_ROOT, '.data', `bench-web-${workers}`);
  console.log(`npm run bench:web: ${workers.toLocaleString('en')} workers, ${runs} loads, refresh every ${refresh} s over ${cycles} cycles`);
  const pg = await startEmbeddedPostgres({ dataDirectory, port: Number(process.env.BENCH_WEB_PG_PORT ?? 54341), persistent: true });
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(pg.serverUrl, `jiuye_${name}`)])) as Record<SubgraphName, string>;
  const children: ChildProcess[] = [];
  let browser: Browser | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all(children.map(stopChild));
    await pg.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    // The data set: reused when it already holds this many workers (as npm run bench).
    const seeded = path.join(dataDirectory, 'seed-report.json');
    let present = 0;
    try {
      const client = new Client({ connectionString: urls.hr });
      await client.connect();
      present = Number((await client.query('select count(*) as n from worker')).rows[0].n);
      await client.end();
    } catch {
      present = 0;
    }
    if (Math.abs(present - workers) > workers * 0.01 || !existsSync(seeded)) {
      console.log(`seeding ${workers.toLocaleString('en')} workers…`);
      const report = await seedDemoCounty({ databaseUrls: urls, pseudonymKey: DEVELOPMENT_PSEUDONYM_KEY, workers });
      writeFileSync(seeded, JSON.stringify(report));
    } else {
      console.log(`reusing the data set (${present.toLocaleString('en')} workers)`);
    }

    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://localhost:${PORTS[name]}/graphql`]));
    const baseEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY, ...subgraphUrls };
    const processes: Record<string, ChildProcess> = {};
    for (const name of SUBGRAPH_NAMES) {
      processes[name] = spawnService(PROJECT_ROOT, `subgraphs/${name}/dist/main.js`, {
        ...baseEnv,
        ...databaseEnv(name, urls),
        [`${name.toUpperCase()}_PORT`]: String(PORTS[name]),
      });
      children.push(processes[name]);
    }
    await Promise.all(SUBGRAPH_NAMES.map((name) => waitUntilReady(`http://localhost:${PORTS[name]}/ready`, processes[name], name)));
    processes.gateway = spawnService(PROJECT_ROOT, 'gateway/dist/main.js', {
      ...baseEnv,
      GATEWAY_PORT: String(PORTS.gateway),
      WEB_ROOT: WEB_DIST,
      AUDIT_DATABASE_URL: withDatabase(pg.serverUrl, 'jiuye_audit'),
    });
    children.push(processes.gateway);
    await waitUntilReady(`http://localhost:${PORTS.gateway}/ready`, processes.gateway, 'gateway');
    const base = `http://localhost:${PORTS.gateway}`;

    browser = await launchBrowser();
    const foreign: string[] = [];
    const scripts = new Set<string>();
    const graphql: number[] = [];
    /** A fresh 1920×1080 context (empty cache) that blocks and counts non-local requests; session: the signed-in account to start with. */
    const open = async (session?: string) => {
      const context = await browser!.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await context.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === 'localhost' || host === '127.0.0.1') return route.continue();
        foreign.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      if (session) await context.addInitScript(`sessionStorage.setItem('jiuye.session', ${JSON.stringify(session)})`);
      const page = await context.newPage();
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
        if (url.pathname === '/graphql' && request.method() === 'POST') graphql.push(Date.now());
      });
      return page;
    };

    // Sign in as the development dashboard account, as a user does; later pages start with its session.
    const signIn = await open();
    await signIn.goto(`${base}/signin`);
    await signIn.click('button[data-department="dashboard"]');
    await signIn.waitForURL(`${base}/dashboard`);
    const session = await signIn.evaluate<string>("sessionStorage.getItem('jiuye.session') ?? ''");
    await signIn.context().close();
    if (!session) throw new Error('the sign-in page stored no session');

    // First render with data: navigation start → the labour-force tile holds a figure (the page's own clock).
    // A function, not a string: the page's CSP (script-src 'self') refuses a string predicate's eval.
    // With it, when the page's one Dashboard request ended (its resource timing), to tell the graph's share from the page's.
    const filled = () => {
      const tile = (globalThis as unknown as { document: { querySelector(selector: string): { textContent: string | null } | null } }).document.querySelector(
        '[data-testid="figure-labourForce"] .tile-number',
      );
      if (!tile?.textContent) return null;
      const request = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/graphql')) as { requestStart: number; responseEnd: number } | undefined;
      return { filled: performance.now(), asked: request?.requestStart ?? 0, answered: request?.responseEnd ?? 0 };
    };
    const measure = async (page: Awaited<ReturnType<typeof open>>) => {
      await page.goto(`${base}/dashboard?refresh=600`, { waitUntil: 'commit' });
      try {
        const handle = await page.waitForFunction(filled, undefined, { polling: 'raf', timeout: timeoutMs });
        return (await handle.jsonValue())!;
      } catch (error) {
        const shown = await page
          .locator('.wall-error, .wall-loading')
          .allInnerTexts()
          .catch(() => []);
        throw new Error(`the tiles were not filled within ${timeoutMs / 1000} s (the page shows: ${shown.join(' ') || 'nothing'}): ${(error as Error).message.split('\n')[0]}`, {
          cause: error,
        });
      }
    };
    type Timing = Awaited<ReturnType<typeof measure>>;
    const cold: Timing[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await open(session);
      scripts.clear();
      cold.push(await measure(page));
      await page.context().close();
    }
    const routeScripts = [...scripts].sort();
    const page = await open(session);
    await measure(page);
    const warm: Timing[] = [];
    for (let i = 0; i < runs; i++) warm.push(await measure(page));

    // Requests per refresh cycle, after a fresh load.
    await page.goto(`${base}/dashboard?refresh=${refresh}`);
    await page.waitForFunction(filled, undefined, { polling: 'raf', timeout: timeoutMs });
    const start = graphql.length;
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, refresh * cycles * 1000 + 500));
    const elapsed = (Date.now() - started) / 1000;
    const requests = graphql.length - start;
    await page.context().close();

    console.log('\n## 数据大屏 (/dashboard), headless Chromium 1920×1080');
    console.log(`first render with data (navigation → tiles filled), median / slowest:`);
    const line = (timings: Timing[]) =>
      `${median(timings.map((t) => t.filled)).toFixed(0)} / ${Math.max(...timings.map((t) => t.filled)).toFixed(0)} ms` +
      ` (the Dashboard request: sent at ${median(timings.map((t) => t.asked)).toFixed(0)} ms, answered in ${median(timings.map((t) => t.answered - t.asked)).toFixed(0)} ms)`;
    // The first load after the platform started also pays the services' and PostgreSQL's cold start: shown apart.
    console.log(`  first load after the start: ${line(cold.slice(0, 1))}`);
    if (cold.length > 1) console.log(`  cold (empty cache): ${line(cold.slice(1))}`);
    console.log(`  warm (reload):      ${line(warm)}`);
    console.log('\n| JavaScript file (/dashboard) | raw KiB | gzip KiB |\n|---|---|---|');
    let raw = 0;
    let gzip = 0;
    for (const file of routeScripts) {
      const local = path.join(WEB_DIST, file);
      if (!existsSync(local)) continue;
      const bytes = readFileSync(local);
      const packed = gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gzip += packed;
      console.log(`| ${file} | ${(bytes.length / 1024).toFixed(1)} | ${(packed / 1024).toFixed(1)} |`);
    }
    console.log(`| total (${routeScripts.length} files) | ${(raw / 1024).toFixed(1)} | ${(gzip / 1024).toFixed(1)} |`);
    const cyclesSeen = Math.floor(elapsed / refresh);
    console.log(
      `\nGraphQL requests per refresh cycle: ${requests} requests in ${cyclesSeen} cycles of ${refresh} s (${elapsed.toFixed(1)} s) → ${(requests / cyclesSeen).toFixed(2)} per cycle`,
    );
    console.log(`requests to other hosts: ${foreign.length}${foreign.length ? ` (${foreign.slice(0, 3).join(', ')})` : ''}`);
    if (foreign.length) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(`bench:web failed: ${(error as Error).message}`);
  process.exit(1);
});
