import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DEVELOPMENT_PSEUDONYM_KEY, SUBGRAPH_NAMES, withDatabase, type SubgraphName } from '@jiuye/common';
import { freePort, seedDemoCounty, startEmbeddedPostgres } from '@jiuye/devtools';
import { parseFlags } from '../args';
import { identityFor, mintDevToken } from '../dev-tokens';
import { PROJECT_ROOT } from '../local-databases';
import { databaseEnv, spawnService, stopChild, waitUntilReady } from '../services';
import { watchProcesses } from './proc-stats';

/**
 * node scripts/dist/bench/tracing.js [--workers 2000 --duration 10 --connections 8 --warmup 3 --rounds 3]
 *
 * What tracing costs: one worker's situation across the five departments through the gateway,
 * requests per second and the services' CPU per request with tracing off, on (every request
 * traced, exported by OTLP http/protobuf to a receiver here that counts the bytes and discards
 * them) and sampled (one request in ten); three identical set-ups on the same data, the same load
 * (autocannon in its own process, a different worker per request). A throwaway embedded
 * PostgreSQL, removed at the end.
 */
const QUERY = `query($id: String!) { worker(idNumber: $id) {
  name employmentStatus currentEmployment { kind employerName }
  household { code povertyStatus assistanceGrants { kind monthlyAmount } }
  disability { kind grade } careDuties { reason } certificates { trade grade } transfers { employerName city { name } } } }`;

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function runDriver(job: { url: string; body: string; bodies: string[]; headers: Record<string, string>; connections: number; durationSeconds: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const jobFile = path.join(os.tmpdir(), `jiuye-bench-tracing-job-${process.pid}.json`);
    writeFileSync(jobFile, JSON.stringify(job));
    const child = spawn(process.execPath, [path.join(__dirname, 'driver.js'), jobFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load driver exited with ${code}`))));
  });
}

/** An OTLP/HTTP endpoint (http/protobuf, the default) that counts the bytes it is sent and keeps nothing. */
async function startReceiver(): Promise<{ url: string; bytes: () => number; stop: () => Promise<void> }> {
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytes: () => bytes, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

type Mode = 'off' | 'on' | 'sampled';
const MODES: Mode[] = ['off', 'on', 'sampled'];
/** What each mode adds to the services' environment (the receiver's URL filled in). */
const TRACING: Record<Mode, (endpoint: string) => Record<string, string>> = {
  off: () => ({}),
  on: (endpoint) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }),
  // One request in ten traced, decided at the gateway (the subgraphs follow the traceparent's flag).
  sampled: (endpoint) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }),
};

/** The six subgraphs and the gateway as processes, on free ports; the gateway's URL. */
async function startStack(mode: Mode, urls: Record<SubgraphName, string>, tracing: Record<string, string>, children: ChildProcess[]): Promise<{ url: string; pids: number[] }> {
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPH_NAMES, 'gateway'].map(async (name) => [name, await freePort()]))) as Record<SubgraphName | 'gateway', number>;
  const baseEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY,
    ...tracing,
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
  };
  const subgraphs = SUBGRAPH_NAMES.map((name) =>
    spawnService(PROJECT_ROOT, `subgraphs/${name}/dist/main.js`, { ...baseEnv, ...databaseEnv(name, urls), [`${name.toUpperCase()}_PORT`]: String(ports[name]) }),
  );
  children.push(...subgraphs);
  await Promise.all(SUBGRAPH_NAMES.map((name, i) => waitUntilReady(`http://127.0.0.1:${ports[name]}/ready`, subgraphs[i], `${name} (tracing ${mode})`)));
  const gateway = spawnService(PROJECT_ROOT, 'gateway/dist/main.js', {
    ...baseEnv,
    GATEWAY_PORT: String(ports.gateway),
    ID_LOOKUP_BUDGET_PER_MINUTE: '100000000',
    AUDIT_DATABASE_URL: withDatabase(urls.hr, `jiuye_audit_${mode}`),
  });
  children.push(gateway);
  await waitUntilReady(`http://127.0.0.1:${ports.gateway}/ready`, gateway, `gateway (tracing ${mode})`);
  return { url: `http://127.0.0.1:${ports.gateway}/graphql`, pids: [...subgraphs, gateway].map((child) => child.pid!) };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { workers: 'number', duration: 'number', connections: 'number', warmup: 'number', rounds: 'number' });
  const rounds = (flags.rounds as number | undefined) ?? 3;
  const workers = (flags.workers as number | undefined) ?? 2000;
  const duration = (flags.duration as number | undefined) ?? 10;
  const connections = (flags.connections as number | undefined) ?? 8;
  const warmup = (flags.warmup as number | undefined) ?? 3;
  const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'jiuye-bench-tracing-'));
  const pg = await startEmbeddedPostgres({ dataDirectory: path.join(dataDirectory, 'pg'), port: await freePort(), persistent: false, fast: true });
  const receiver = await startReceiver();
  const children: ChildProcess[] = [];
  try {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(pg.serverUrl, `jiuye_${name}`)])) as Record<SubgraphName, string>;
    console.log(`seeding ${workers.toLocaleString('en')} workers…`);
    await seedDemoCounty({ databaseUrls: urls, pseudonymKey: DEVELOPMENT_PSEUDONYM_KEY, workers });
    const hr = new Client({ connectionString: urls.hr });
    await hr.connect();
    const ids: string[] = (await hr.query(`select id_number from worker order by md5(id) limit 300`)).rows.map((r) => r.id_number);
    const county: string = (await hr.query(`select left(village_code, 6) as county from worker limit 1`)).rows[0].county;
    await hr.end();
    const token = await mintDevToken(identityFor({ department: 'hr', region: county }));
    const headers = { authorization: `Bearer ${token}`, 'x-purpose': 'employment-service' };
    const bodies = ids.map((id) => JSON.stringify({ query: QUERY, variables: { id } }));

    // Both set-ups side by side (one idles while the other is measured), measured in alternating rounds: on a
    // shared machine the load of the moment moves the figures more than tracing does, so the medians count.
    const stacks = {} as Record<Mode, { url: string; pids: number[] }>;
    for (const mode of MODES) stacks[mode] = await startStack(mode, urls, TRACING[mode](receiver.url), children);
    for (const mode of MODES) {
      const check: any = await (await fetch(stacks[mode].url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: bodies[0] })).json();
      if (check.errors || !check.data?.worker) throw new Error(`the worker query does not answer (tracing ${mode}): ${JSON.stringify(check).slice(0, 300)}`);
      await runDriver({ url: stacks[mode].url, body: bodies[0], bodies, headers, connections, durationSeconds: warmup });
    }
    const results: Record<Mode, (LoadResult & { exportedBytes: number; cpuMsPerRequest: number; rssMb: number })[]> = { off: [], on: [], sampled: [] };
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 === 0 ? MODES : [...MODES].reverse()) {
        const before = receiver.bytes();
        // CPU per request of the seven services: steadier than req/s when other work shares the cores.
        const watch = watchProcesses({ services: () => stacks[mode].pids });
        const load = await runDriver({ url: stacks[mode].url, body: bodies[0], bodies, headers, connections, durationSeconds: duration });
        const figures = watch.stop().services;
        // The last batches (the batch processor exports every 5 s).
        if (mode !== 'off') await new Promise((resolve) => setTimeout(resolve, 5500));
        const exportedBytes = receiver.bytes() - before;
        const cpuMsPerRequest = (((figures.cpuPercent ?? 0) / 100) * duration * 1000) / Math.max(1, load.requests);
        results[mode].push({ ...load, exportedBytes, cpuMsPerRequest, rssMb: figures.rssMb ?? 0 });
        console.log(
          `round ${round + 1} tracing ${mode.padEnd(3)} ${load.rps.toFixed(1).padStart(8)} req/s  p50 ${load.p50} ms  p95 ${load.p95} ms  errors ${load.errors}  CPU ${cpuMsPerRequest.toFixed(1)} ms/request  RSS ${figures.rssMb} MB  exported ${(exportedBytes / Math.max(1, load.requests) / 1024).toFixed(1)} KB/request`,
        );
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const summary = (mode: Mode) => ({
      rps: median(results[mode].map((r) => r.rps)),
      p50: median(results[mode].map((r) => r.p50)),
      p95: median(results[mode].map((r) => r.p95)),
      cpu: median(results[mode].map((r) => r.cpuMsPerRequest)),
      rss: Math.max(...results[mode].map((r) => r.rssMb)),
    });
    const off = summary('off');
    const line = (mode: Mode, s: ReturnType<typeof summary>) =>
      `median ${mode.padEnd(3)}: ${s.rps.toFixed(1)} req/s, p50 ${s.p50} ms, p95 ${s.p95} ms, services' CPU ${s.cpu.toFixed(1)} ms/request, peak RSS of the seven ${s.rss} MB`;
    console.log(line('off', off));
    for (const mode of ['on', 'sampled'] as const) {
      const traced = summary(mode);
      console.log(
        `${line(mode, traced)}: ${((1 - traced.rps / off.rps) * 100).toFixed(1)} % fewer requests/s, ${((traced.cpu / off.cpu - 1) * 100).toFixed(1)} % more CPU per request than off` +
          ` (round by round, median: ${((median(results[mode].map((r, i) => r.cpuMsPerRequest / results.off[i].cpuMsPerRequest)) - 1) * 100).toFixed(1)} % more CPU)`,
      );
    }
  } finally {
    await Promise.all(children.map(stopChild));
    await receiver.stop();
    await pg.stop().catch(() => undefined);
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench (tracing) failed: ${(error as Error).message}`);
  process.exit(1);
});
