import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEFAULT_GATEWAY_MAX_IN_FLIGHT, SUBGRAPH_NAMES, withDatabase } from '@jiuye/common';
import { startEmbeddedPostgres } from '@jiuye/devtools';
import { parseFlags } from '../args';
import { identityFor, mintDevToken } from '../dev-tokens';
import { PROJECT_ROOT } from '../local-databases';
import { spawnService, stopChild, waitUntilReady } from '../services';
import { watchProcesses } from './proc-stats';

/**
 * node scripts/dist/bench/overload.js [-- --connections 2000 --seconds 20 --delay 1000]
 * Load shedding, measured: the gateway (its own process, built) in front of departments that
 * answer every request after `delay` ms, under more concurrent clients than it should hold.
 * Run twice: with GATEWAY_MAX_IN_FLIGHT at its default, and with a bound so high it never
 * applies; prints for each the answers (200 / 503), latency and the gateway's peak RSS.
 * Not a timed test: numbers for the README / BENCHMARKS.md.
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { connections: 'number', seconds: 'number', delay: 'number', bound: 'number' });
  const connections = (flags.connections as number | undefined) ?? 2000;
  const seconds = (flags.seconds as number | undefined) ?? 20;
  const delayMs = (flags.delay as number | undefined) ?? 1000;
  const bound = (flags.bound as number | undefined) ?? DEFAULT_GATEWAY_MAX_IN_FLIGHT;
  const postgres = await startEmbeddedPostgres({ dataDirectory: path.join(mkdtempSync(path.join(os.tmpdir(), 'jiuye-bench-overload-')), 'pg'), persistent: false });
  // Every department: slow, and a page of 50 workers per answer (what a list screen asks for).
  const page = { data: { workers: { nodes: Array.from({ length: 50 }, (_, i) => ({ id: `w${String(i).padStart(30, '0')}` })) } } };
  const department = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/ready') return response.end('{"status":"ready"}');
      setTimeout(() => response.end(JSON.stringify(page)), delayMs);
    });
  });
  department.maxConnections = 100_000;
  await new Promise<void>((resolve) => department.listen(0, '127.0.0.1', () => resolve()));
  const departmentUrl = `http://127.0.0.1:${(department.address() as AddressInfo).port}/graphql`;
  const token = await mintDevToken(identityFor({ department: 'hr', region: '530113' }));
  try {
    for (const [label, maxInFlight] of [
      [`bound ${bound}`, bound],
      ['no bound (1000000)', 1_000_000],
    ] as const) {
      const port = 40_000 + Math.floor(Math.random() * 20_000);
      const gateway = spawnService(PROJECT_ROOT, 'gateway/dist/main.js', {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        GATEWAY_PORT: String(port),
        GATEWAY_MAX_IN_FLIGHT: String(maxInFlight),
        SUBGRAPH_TIMEOUT_MS: '60000',
        AUDIT_DATABASE_URL: withDatabase(postgres.serverUrl, `bench_overload_audit_${maxInFlight}`),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, departmentUrl])),
      });
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitUntilReady(`${base}/health`, gateway, 'gateway');
        // A few requests first (the query plans cached, the pools warm): the idle figure to compare with.
        for (let i = 0; i < 20; i++) {
          await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'employment-service' },
            body: JSON.stringify({ query: `{ workers(divisionCode: "530113", first: ${i + 1}) { nodes { id } } }` }),
          });
        }
        const idle = watchProcesses({ gateway: () => [gateway.pid!] }).stop().gateway.rssMb;
        const watch = watchProcesses({ gateway: () => [gateway.pid!] }, 100);
        const result = await loadInChild({ url: `${base}/graphql`, token, connections, seconds });
        const figures = watch.stop().gateway;
        // Every place freed once the load is gone (the requests autocannon left open at the end included).
        const drained = Date.now();
        let inFlight = -1;
        while (Date.now() - drained < 30_000) {
          const response = await fetch(`${base}/stats`, { headers: { authorization: `Bearer ${token}` } });
          if (response.ok) inFlight = ((await response.json()) as { inFlight: number }).inFlight;
          if (inFlight === 1) break; // the /stats request itself
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        console.log(
          `${label.padEnd(22)} ${connections} clients, ${seconds} s: ${result.ok} answered (200), ${result.shed} shed (503), ${result.errors} errors; ` +
            `p50 ${result.p50} ms, p99 ${result.p99} ms; gateway RSS ${idle} MB idle, ${figures.rssMb} MB peak; ` +
            `${inFlight === 1 ? `all places free ${((Date.now() - drained) / 1000).toFixed(1)} s after the load` : `still ${inFlight - 1} in flight 30 s after the load`}`,
        );
      } finally {
        await stopChild(gateway);
      }
    }
  } finally {
    department.closeAllConnections();
    department.close();
    await postgres.stop();
  }
}

interface LoadJob {
  url: string;
  token: string;
  connections: number;
  seconds: number;
}

interface LoadResult {
  ok: number;
  shed: number;
  errors: number;
  p50: number;
  p99: number;
}

/** autocannon in a process of its own, so that the load generator does not slow the stand-in departments here. */
function loadInChild(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--load', JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`the load generator exited with ${code}`))));
  });
}

async function load(job: LoadJob): Promise<void> {
  const result = await autocannon({
    url: job.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}`, 'x-purpose': 'employment-service' },
    connections: job.connections,
    duration: job.seconds,
    timeout: 60,
    requests: [
      {
        // Different page sizes: no two requests in flight share a department fetch.
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          body: JSON.stringify({ query: `{ workers(divisionCode: "530113", first: ${1 + Math.floor(Math.random() * 50)}) { nodes { id } } }` }),
        }),
      },
    ],
  });
  const codes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const answer: LoadResult = { ok: result['2xx'], shed: codes['503']?.count ?? 0, errors: result.errors + result.timeouts, p50: result.latency.p50, p99: result.latency.p99 };
  process.stdout.write(JSON.stringify(answer));
}

const loadIndex = process.argv.indexOf('--load');
(loadIndex >= 0 ? load(JSON.parse(process.argv[loadIndex + 1]) as LoadJob) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
