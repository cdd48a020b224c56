import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  DEVELOPMENT_INTERNAL_SIGNING_KEY,
  DEVELOPMENT_PSEUDONYM_KEY,
  INTERNAL_IDENTITY_HEADER,
  serviceUrl,
  signInternalIdentity,
  SUBGRAPH_NAMES,
  todayInChina,
  withDatabase,
  type SubgraphName,
} from '@jiuye/common';
import { parseFlags } from '../args';
import { identityFor, mintDevToken } from '../dev-tokens';
import { PROJECT_ROOT } from '../local-databases';
import { seedDemoCounty, type SeedReport } from '@jiuye/devtools';
import { databaseEnv, spawnService, stopChild, waitUntilReady } from '../services';
import { postgresPids, watchProcesses, type ProcessFigures } from './proc-stats';
import { SqlFloor } from '@jiuye/devtools/sql-floor';
import { startEmbeddedPostgres } from '@jiuye/devtools';

/**
 * npm run bench [-- --workers 100000 --duration 10 --connections 8 --skip-hive]
 *
 * Seeds (or reuses) a demo county of the chosen size in its own embedded PostgreSQL
 * (.data/bench-<workers>), starts the six subgraphs and our gateway as separate processes,
 * Hive Gateway on the same committed supergraph and the same subgraphs, and drives load from
 * a separate process (autocannon). Prints one table per scenario and the ratios of issue 6,
 * writes benchmarks/results-<workers>.json and the matching section of BENCHMARKS.md.
 */
/** BENCH_PORT_BASE moves every port (two benches on one machine, e.g. from two checkouts). */
const BASE = Number(process.env.BENCH_PORT_BASE ?? 5000);
const PORTS = { gateway: BASE, hr: BASE + 1, poverty: BASE + 2, civil: BASE + 3, training: BASE + 4, partner: BASE + 5, situation: BASE + 6, audit: BASE + 7, hive: BASE + 100 };

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

interface ScenarioResult {
  scenario: string;
  target: string;
  load: LoadResult;
  processes: Record<string, ProcessFigures>;
}

function runDriver(job: { url: string; body: string; bodies?: string[]; headers: Record<string, string>; connections: number; durationSeconds: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The job goes through a file: hundreds of request bodies do not fit in argv.
    const jobFile = path.join(os.tmpdir(), `jiuye-bench-job-${process.pid}.json`);
    writeFileSync(jobFile, JSON.stringify(job));
    const child = spawn(process.execPath, [path.join(__dirname, 'driver.js'), jobFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load driver exited with ${code}`))));
  });
}

async function graphql(url: string, query: string, headers: Record<string, string>, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

/** Whether something already listens on the port (on any address of this machine). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function sequentialLatency(times: number, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: Math.round(percentile(samples, 50) * 100) / 100, p95: Math.round(percentile(samples, 95) * 100) / 100 };
}

/** GET /stats, which answers only an authenticated caller (subgraphs: the gateway's signed identity; the gateway: a bearer token). */
async function stats(url: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(serviceUrl(url, '/stats'), { headers });
  if (!response.ok) throw new Error(`GET ${serviceUrl(url, '/stats')} answered ${response.status}`);
  return response.json();
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    workers: 'number',
    duration: 'number',
    connections: 'number',
    warmup: 'number',
    'skip-hive': 'boolean',
    only: 'string',
    profile: 'boolean',
    serve: 'boolean',
    'hive-dedupe': 'boolean',
    samples: 'number',
    'skip-copy': 'boolean',
  });
  // --profile: every service writes a CPU profile (node --cpu-prof) into .bench/profiles when it stops.
  const nodeArgs = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(PROJECT_ROOT, '.bench', 'profiles')}`] : [];
  const workers = (flags.workers as number | undefined) ?? 100_000;
  const duration = (flags.duration as number | undefined) ?? 10;
  const connections = (flags.connections as number | undefined) ?? 8;
  const warmup = (flags.warmup as number | undefined) ?? 3;
  // --samples: sequential requests for ratio 3 (each way); --skip-copy: no COPY for ratio 5 (A/B runs of the request paths on a busy machine).
  const samples = (flags.samples as number | undefined) ?? 300;
  const children: ChildProcess[] = [];
  const dataDirectory = path.join(PROJECT_ROOT, '.data', `bench-${workers}`);
  console.log(`npm run bench: ${workers.toLocaleString('en')} workers, ${duration} s per run, ${connections} connections, data in ${path.relative(PROJECT_ROOT, dataDirectory)}`);
  // Services left from an earlier run on these ports would answer /ready for the ones this run
  // starts (which could not listen), and the run would measure them: refuse instead.
  const taken = (await Promise.all(Object.entries(PORTS).map(async ([name, port]) => ((await portTaken(port)) ? `${name} ${port}` : null)))).filter(Boolean);
  if (taken.length) throw new Error(`ports in use (${taken.join(', ')}): stop what listens there, or set BENCH_PORT_BASE`);
  const pg = await startEmbeddedPostgres({ dataDirectory, port: Number(process.env.BENCH_PG_PORT ?? 54339), persistent: true });
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(pg.serverUrl, `jiuye_${name}`)])) as Record<SubgraphName, string>;
  const floor = new SqlFloor(urls);
  const cleanup = async () => {
    await Promise.all(children.map(stopChild));
    await floor.close().catch(() => undefined);
    await pg.stop().catch(() => undefined);
  };
  // Ctrl-C, or a SIGTERM (kill, a supervisor): the services and PostgreSQL are stopped, not left running.
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));
  try {
    // The data set: reused when it already holds this many workers.
    const seedReportFile = path.join(dataDirectory, 'seed-report.json');
    let present = 0;
    try {
      const client = new Client({ connectionString: urls.hr });
      await client.connect();
      present = Number((await client.query('select count(*) as n from worker')).rows[0].n);
      await client.end();
    } catch {
      present = 0;
    }
    let seedReport: SeedReport;
    if (Math.abs(present - workers) > workers * 0.01 || !existsSync(seedReportFile)) {
      console.log(`seeding ${workers.toLocaleString('en')} workers…`);
      seedReport = await seedDemoCounty({ databaseUrls: urls, pseudonymKey: DEVELOPMENT_PSEUDONYM_KEY, workers });
      writeFileSync(seedReportFile, JSON.stringify(seedReport));
      console.log(`  ${seedReport.rows.toLocaleString('en')} rows in ${(seedReport.elapsedMs / 1000).toFixed(1)} s (${seedReport.rowsPerSecond.toLocaleString('en')} rows/s)`);
      console.log(`  situation read model rebuilt in ${(seedReport.readModel!.elapsedMs / 1000).toFixed(1)} s (${seedReport.readModel!.workers.toLocaleString('en')} workers)`);
    } else {
      seedReport = JSON.parse(readFileSync(seedReportFile, 'utf8'));
      console.log(`reusing the data set (${present.toLocaleString('en')} workers; seeded at ${seedReport.rowsPerSecond.toLocaleString('en')} rows/s)`);
    }

    // The services, each its own process, as in production.
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://localhost:${PORTS[name]}/graphql`]));
    const baseEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY, ...subgraphUrls };
    const processes: Record<string, ChildProcess> = {};
    for (const name of SUBGRAPH_NAMES) {
      processes[name] = spawnService(
        PROJECT_ROOT,
        `subgraphs/${name}/dist/main.js`,
        { ...baseEnv, ...databaseEnv(name, urls), [`${name.toUpperCase()}_PORT`]: String(PORTS[name]) },
        nodeArgs,
      );
      children.push(processes[name]);
    }
    await Promise.all(SUBGRAPH_NAMES.map((name) => waitUntilReady(`http://localhost:${PORTS[name]}/ready`, processes[name], name)));
    // The 1,000-worker list of ratio 4 costs more than the default limit (50,000) allows.
    processes.gateway = spawnService(
      PROJECT_ROOT,
      'gateway/dist/main.js',
      {
        ...baseEnv,
        GATEWAY_PORT: String(PORTS.gateway),
        GATEWAY_MAX_COST: '200000',
        // The load test looks workers up by ID number thousands of times a minute from one account.
        ID_LOOKUP_BUDGET_PER_MINUTE: '100000000',
        AUDIT_DATABASE_URL: withDatabase(pg.serverUrl, 'jiuye_audit'),
        AUDIT_URL: `http://localhost:${PORTS.audit}/graphql`,
      },
      nodeArgs,
    );
    children.push(processes.gateway);
    await waitUntilReady(`http://localhost:${PORTS.gateway}/ready`, processes.gateway, 'gateway');
    // The audit service (the access log's reader), its own process as in production; ready once the gateway created the log.
    processes.audit = spawnService(
      PROJECT_ROOT,
      'gateway/dist/audit/main.js',
      { ...baseEnv, AUDIT_PORT: String(PORTS.audit), AUDIT_DATABASE_URL: withDatabase(pg.serverUrl, 'jiuye_audit') },
      nodeArgs,
    );
    children.push(processes.audit);
    await waitUntilReady(`http://localhost:${PORTS.audit}/ready`, processes.audit, 'audit');
    const targets: Record<string, string> = { gateway: `http://localhost:${PORTS.gateway}/graphql` };
    let hivePid: number | null = null;
    if (!flags['skip-hive']) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ensureHiveInstalled, startHiveGateway } = require('./hive') as HiveModule;
      await ensureHiveInstalled(PROJECT_ROOT);
      // --hive-dedupe: Hive's in-flight deduplication on (unsafe here: it ignores the per-caller identity).
      const hive = await startHiveGateway({
        root: PROJECT_ROOT,
        port: PORTS.hive,
        subgraphUrls: Object.fromEntries([...SUBGRAPH_NAMES, 'audit' as const].map((name) => [name, `http://localhost:${PORTS[name]}/graphql`])),
        env: { ...process.env, HIVE_DEDUPLICATE: flags['hive-dedupe'] ? '1' : '0' },
      });
      targets.hive = hive.url;
      hivePid = hive.pid;
      cleanupHive = hive.stop;
    }
    const groups: Record<string, () => number[]> = {
      ...Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, () => (child.pid ? [child.pid] : [])])),
      ...(hivePid ? { hive: () => [hivePid!] } : {}),
      postgres: postgresPids,
    };

    // What the scenarios read: a well-connected worker, the largest village and township.
    const hr = new Client({ connectionString: urls.hr });
    await hr.connect();
    const partnerDb = new Client({ connectionString: urls.partner });
    await partnerDb.connect();
    const [{ id_number: idNumber, id: workerId }] = (
      await hr.query(`select w.id_number, w.id from worker w where w.id = any($1::text[]) order by w.id limit 1`, [
        (await partnerDb.query(`select worker_id from transfer where ended_on is null order by id limit 200`)).rows.map((r) => r.worker_id),
      ])
    ).rows;
    const [{ village_code: village }] = (await hr.query(`select village_code, count(*) from worker group by 1 having count(*) >= 200 order by 2 desc limit 1`)).rows;
    // Distinct work per request: 300 workers, the villages with 200 or more workers, every township.
    const manyWorkers: string[] = (await hr.query(`select id_number from worker order by md5(id) limit 300`)).rows.map((r) => r.id_number);
    const manyVillages: string[] = (await hr.query(`select village_code from worker group by 1 having count(*) >= 200`)).rows.map((r) => r.village_code);
    const manyTownships: string[] = (await hr.query(`select distinct left(village_code, 9) as township from worker`)).rows.map((r) => r.township);
    const [{ township }] = (await hr.query(`select left(village_code, 9) as township, count(*) from worker group by 1 order by 2 desc limit 1`)).rows;
    const county = township.slice(0, 6);
    const [{ id: transferId }] = (await partnerDb.query(`select t.id from transfer t where t.ended_on is null order by t.id limit 1`)).rows;
    await hr.end();
    await partnerDb.end();

    const officer = await mintDevToken(identityFor({ department: 'hr', region: county }));
    const partnerOffice = await mintDevToken(identityFor({ department: 'partner', region: county }));
    const dashboard = await mintDevToken(identityFor({ department: 'dashboard', region: county }));
    const person = (token: string) => ({ authorization: `Bearer ${token}`, 'x-purpose': 'employment-service' });
    const today = todayInChina();
    const scenarios: {
      name: string;
      query: string;
      variables?: Record<string, unknown>;
      variants?: Record<string, unknown>[];
      headers: Record<string, string>;
      check: (data: any) => boolean;
    }[] = [
      {
        name: 'one worker, five departments',
        query: `query($id: String!) { worker(idNumber: $id) { name age employmentStatus currentEmployment { kind employerName } household { code povertyStatus currentAssistance { kind monthlyAmount } } disability { grade } careDuties { reason } certificates { trade } enrolments { status } transfers { employerName startedOn } suitableJobPostings(first: 3) { title } } }`,
        variables: { id: idNumber },
        variants: manyWorkers.map((id) => ({ id })),
        headers: person(officer),
        check: (data) => Boolean(data?.worker?.name),
      },
      {
        name: 'village list, 200 workers, three departments',
        query: `query($v: DivisionCode!) { workers(divisionCode: $v, first: 200) { nodes { name employmentStatus currentEmployment { kind } povertyStatus relationshipToHead transfers { employerName } } } }`,
        variables: { v: village },
        variants: manyVillages.map((v) => ({ v })),
        headers: person(officer),
        check: (data) => data?.workers?.nodes?.length === 200,
      },
      {
        name: 'township roster: unemployed, 100 per page',
        query: `query($t: DivisionCode!) { workers(divisionCode: $t, employmentStatus: UNEMPLOYED, first: 100) { totalCount nodes { name age povertyStatus certifiedTrades } } }`,
        variables: { t: township },
        variants: manyTownships.map((t) => ({ t })),
        headers: person(officer),
        check: (data) => data?.workers?.nodes?.length > 0,
      },
      {
        name: 'dashboard indicators (county)',
        query: `query($c: DivisionCode!) { povertyStatusCounts(divisionCode: $c) { status households members } trainingOutcomes(divisionCode: $c) { participants completions employedWithinThreeMonths } }`,
        variables: { c: county },
        headers: { authorization: `Bearer ${dashboard}` },
        check: (data) => data?.povertyStatusCounts?.length > 0,
      },
      {
        name: 'mutation: record a follow-up visit',
        query: `mutation($t: ID!, $d: LocalDate!) { recordFollowUpVisit(input: { transferId: $t, visitedOn: $d, stillEmployed: true, monthlyWage: 4800, rightsCase: false }) { id } }`,
        variables: { t: String(transferId), d: today },
        headers: person(partnerOffice),
        check: (data) => Boolean(data?.recordFollowUpVisit?.id),
      },
    ];

    if (flags.serve) {
      // --serve: leave the bench services up for a profiler or by-hand queries until Ctrl-C.
      console.log(
        `serving: gateway ${targets.gateway}${targets.hive ? `, Hive ${targets.hive}` : ''}; worker ${idNumber}, village ${village}, township ${township}\ntoken (hr, ${county}): ${officer}`,
      );
      await new Promise(() => undefined);
    }
    const results: ScenarioResult[] = [];
    // --only <text>: the scenarios whose name contains it (the ratios still run).
    for (const scenario of scenarios.filter((s) => !flags.only || s.name.includes(String(flags.only)))) {
      // Every variant read once before any gateway is measured: the warm-up of a varied run reaches
      // only some of them (3 s), so the first gateway measured would read the rest from disk
      // (10^6: 5.7 GB of data) and the second find them cached.
      if (scenario.variants) {
        const pending = [...scenario.variants];
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            for (let variables = pending.pop(); variables; variables = pending.pop()) await graphql(targets.gateway, scenario.query, scenario.headers, variables);
          }),
        );
      }
      for (const [target, url] of Object.entries(targets)) {
        const sanity = await graphql(url, scenario.query, scenario.headers, scenario.variables);
        if (sanity.errors || !scenario.check(sanity.data)) {
          throw new Error(`${scenario.name} via ${target} does not answer as expected: ${JSON.stringify(sanity.errors ?? sanity.data).slice(0, 300)}`);
        }
        const body = JSON.stringify({ query: scenario.query, variables: scenario.variables });
        const bodies = scenario.variants?.map((variables) => JSON.stringify({ query: scenario.query, variables }));
        // Each scenario twice when it has variants: every request the same (what many screens of one
        // dashboard send) and every request different (what many officers send).
        for (const mode of bodies ? (['same', 'varied'] as const) : (['same'] as const)) {
          const job = { url, body, ...(mode === 'varied' ? { bodies } : {}), headers: scenario.headers, connections };
          await runDriver({ ...job, durationSeconds: warmup });
          const watch = watchProcesses(groups);
          const load = await runDriver({ ...job, durationSeconds: duration });
          const name = mode === 'varied' ? `${scenario.name} (varied)` : scenario.name;
          results.push({ scenario: name, target, load, processes: watch.stop() });
          console.log(
            `  ${name.padEnd(56)} ${target.padEnd(8)} ${load.rps.toFixed(1).padStart(8)} req/s  p50 ${load.p50} ms  p95 ${load.p95} ms  p99 ${load.p99} ms  errors ${load.errors}`,
          );
        }
      }
    }

    // Ratio 2: the gateway's tax on a query one subgraph answers alone.
    const single = `query($id: String!) { worker(idNumber: $id) { name age employmentStatus currentEmployment { kind employerName } } }`;
    const singleBody = JSON.stringify({ query: single, variables: { id: idNumber } });
    // Different workers per request, so that the gateway's sharing of identical in-flight queries does not flatter it.
    const singleBodies = manyWorkers.map((id) => JSON.stringify({ query: single, variables: { id } }));
    const internal = async () => ({
      [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity(
        { ...identityFor({ department: 'hr', region: county }), purpose: 'employment-service', requestId: 'bench' },
        process.env.INTERNAL_SIGNING_KEY ?? DEVELOPMENT_INTERNAL_SIGNING_KEY,
      ),
    });
    await runDriver({ url: targets.gateway, body: singleBody, bodies: singleBodies, headers: person(officer), connections, durationSeconds: warmup });
    const viaGateway = await runDriver({ url: targets.gateway, body: singleBody, bodies: singleBodies, headers: person(officer), connections, durationSeconds: duration });
    await runDriver({ url: `http://localhost:${PORTS.hr}/graphql`, body: singleBody, bodies: singleBodies, headers: await internal(), connections, durationSeconds: warmup });
    const direct = await runDriver({
      url: `http://localhost:${PORTS.hr}/graphql`,
      body: singleBody,
      bodies: singleBodies,
      headers: await internal(),
      connections,
      durationSeconds: duration,
    });

    // Ratio 3: the federated one-worker query against hand-written SQL over the five databases, one at a time.
    const situation = scenarios[0];
    const federated = await sequentialLatency(samples, () => graphql(targets.gateway, situation.query, situation.headers, situation.variables));
    const sqlFloor = await sequentialLatency(samples, () => floor.situation(workerId));

    // Ratio 4: SQL statements and subgraph fetches per request for 10, 100 and 1,000 workers.
    const listQuery = (n: number, after?: string) =>
      `workers(divisionCode: "${county}", first: ${n}${after ? `, after: "${after}"` : ''}) { pageInfo { endCursor } nodes { name employmentStatus currentEmployment { kind } household { code povertyStatus currentAssistance { kind } } povertyStatus staysNearHome disability { grade } careDuties { reason } certifiedTrades enrolments { status } transfers { employerName } suitableJobPostings(first: 3) { title } } }`;
    const firstPage = await graphql(targets.gateway, `{ ${listQuery(500)} }`, person(officer));
    const cursor = firstPage.data.workers.pageInfo.endCursor;
    const flat: { workers: number; statements: Record<string, number>; fetches: Record<string, number> }[] = [];
    for (const [n, query] of [
      [10, `{ ${listQuery(10)} }`],
      [100, `{ ${listQuery(100)} }`],
      [500, `{ ${listQuery(500)} }`],
      [1000, `{ a: ${listQuery(500)} b: ${listQuery(500, cursor)} }`],
    ] as const) {
      const subgraphStats = async () => {
        const headers = await internal();
        return Promise.all(SUBGRAPH_NAMES.map((name) => stats(`http://localhost:${PORTS[name]}/graphql`, headers)));
      };
      const gatewayStats = { authorization: `Bearer ${officer}` };
      const before = await subgraphStats();
      const fetchesBefore = (await stats(targets.gateway, gatewayStats)).fetches;
      const answer = await graphql(targets.gateway, query, person(officer));
      if (answer.errors) throw new Error(`list of ${n}: ${JSON.stringify(answer.errors).slice(0, 300)}`);
      const after = await subgraphStats();
      const fetchesAfter = (await stats(targets.gateway, gatewayStats)).fetches;
      flat.push({
        workers: n,
        statements: Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, after[i].statements - before[i].statements])),
        fetches: Object.fromEntries(Object.keys(fetchesAfter).map((name) => [name, fetchesAfter[name] - (fetchesBefore[name] ?? 0)])),
      });
    }

    // Ratio 5: seeding against COPY of the same rows.
    const copy = flags['skip-copy'] ? { rowsPerSecond: Number.NaN } : await floor.copyRowsPerSecond();

    const byTarget = (scenario: string, target: string) => results.find((r) => r.scenario === scenario && r.target === target);
    const ratios = {
      gatewayOverHive: targets.hive
        ? Object.fromEntries(
            [...new Set(results.map((r) => r.scenario))]
              .filter((name) => byTarget(name, 'gateway') && byTarget(name, 'hive'))
              .map((name) => [name, Math.round((byTarget(name, 'gateway')!.load.rps / byTarget(name, 'hive')!.load.rps) * 100) / 100]),
          )
        : null,
      gatewayTax: {
        gatewayRps: viaGateway.rps,
        directRps: direct.rps,
        gatewayP50: viaGateway.p50,
        directP50: direct.p50,
        p50Ratio: Math.round((viaGateway.p50 / Math.max(direct.p50, 0.01)) * 100) / 100,
        rpsRatio: Math.round((direct.rps / viaGateway.rps) * 100) / 100,
      },
      sqlFloor: { federatedP50: federated.p50, sqlP50: sqlFloor.p50, ratio: Math.round((federated.p50 / sqlFloor.p50) * 100) / 100 },
      flat,
      seeding: {
        seedRowsPerSecond: seedReport.rowsPerSecond,
        copyRowsPerSecond: copy.rowsPerSecond,
        ratio: Math.round((seedReport.rowsPerSecond / copy.rowsPerSecond) * 100) / 100,
      },
    };
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    };
    const report = {
      date: new Date().toISOString(),
      command: `npm run bench -- --workers ${workers} --duration ${duration} --connections ${connections}${flags['hive-dedupe'] ? ' --hive-dedupe' : ''}${flags.samples ? ` --samples ${samples}` : ''}${flags['skip-copy'] ? ' --skip-copy' : ''}`,
      workers: present || seedReport.workers,
      machine,
      results,
      ratios,
    };
    mkdirSync(path.join(PROJECT_ROOT, 'benchmarks'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'benchmarks', `results-${workers}.json`), JSON.stringify(report, null, 2) + '\n');
    const markdown = renderMarkdown(report);
    console.log('\n' + markdown);
    updateBenchmarksFile(workers, markdown);
  } finally {
    await cleanupHive?.().catch(() => undefined);
    await cleanup();
  }
}

let cleanupHive: (() => Promise<void>) | undefined;

/** scripts/src/bench/hive.ts: Hive Gateway, installed on demand into .bench/hive (not a dependency of the project). */
interface HiveModule {
  ensureHiveInstalled(root: string): Promise<void>;
  startHiveGateway(options: {
    root: string;
    port: number;
    subgraphUrls: Record<string, string>;
    env?: NodeJS.ProcessEnv;
  }): Promise<{ url: string; pid: number; stop(): Promise<void> }>;
}

function renderMarkdown(report: any): string {
  const lines: string[] = [];
  lines.push(`### ${report.workers.toLocaleString('en')} workers`);
  lines.push('');
  lines.push(
    `\`${report.command}\` — ${report.date.slice(0, 10)}, ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGb} GiB, Node ${report.machine.node}`,
  );
  lines.push('');
  const scenarios = [...new Set(report.results.map((r: ScenarioResult) => r.scenario))] as string[];
  for (const scenario of scenarios) {
    lines.push(`**${scenario}**`);
    lines.push('');
    lines.push(
      '| gateway | req/s | p50 ms | p95 ms | p99 ms | errors | CPU % (gateway / hr / poverty / civil / training / partner / situation / postgres) | peak RSS MB (same order) |',
    );
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const r of report.results.filter((x: ScenarioResult) => x.scenario === scenario) as ScenarioResult[]) {
      const order = [r.target === 'hive' ? 'hive' : 'gateway', ...SUBGRAPH_NAMES, 'postgres'];
      lines.push(
        `| ${r.target === 'hive' ? 'Hive Gateway' : '@apollo/gateway (ours)'} | ${r.load.rps.toFixed(1)} | ${r.load.p50} | ${r.load.p95} | ${r.load.p99} | ${r.load.errors} | ${order.map((n) => r.processes[n]?.cpuPercent ?? '–').join(' / ')} | ${order.map((n) => r.processes[n]?.rssMb ?? '–').join(' / ')} |`,
      );
    }
    lines.push('');
  }
  const { ratios } = report;
  lines.push('**Ratios**');
  lines.push('');
  lines.push('| ratio | figure | target |');
  lines.push('|---|---|---|');
  if (ratios.gatewayOverHive) {
    for (const [scenario, value] of Object.entries(ratios.gatewayOverHive))
      lines.push(`| 1. ours ÷ Hive Gateway, req/s — ${scenario} | ${value} | ≥ 1.0 (one worker, village list) |`);
  } else lines.push('| 1. ours ÷ Hive Gateway | not measured (--skip-hive) | ≥ 1.0 |');
  lines.push(
    `| 2. gateway ÷ hr directly, p50 (single-subgraph query, a different worker each request) | ${ratios.gatewayTax.p50Ratio} (${ratios.gatewayTax.gatewayP50} ms ÷ ${ratios.gatewayTax.directP50} ms; req/s ${ratios.gatewayTax.gatewayRps.toFixed(0)} vs ${ratios.gatewayTax.directRps.toFixed(0)}) | ≤ 1.5 |`,
  );
  lines.push(
    `| 3. federated one worker ÷ hand-written SQL, p50, one at a time | ${ratios.sqlFloor.ratio} (${ratios.sqlFloor.federatedP50} ms ÷ ${ratios.sqlFloor.sqlP50} ms) | ≤ 3 |`,
  );
  for (const row of ratios.flat) {
    lines.push(
      `| 4. SQL statements / subgraph fetches, list of ${row.workers.toLocaleString('en')} | ${SUBGRAPH_NAMES.map((n) => `${n} ${row.statements[n]}`).join(', ')} / ${Object.entries(
        row.fetches,
      )
        .filter(([, v]) => (v as number) > 0)
        .map(([n, v]) => `${n} ${v}`)
        .join(', ')} | flat |`,
    );
  }
  lines.push(
    `| 5. seeding ÷ COPY, rows/s | ${ratios.seeding.ratio} (${ratios.seeding.seedRowsPerSecond.toLocaleString('en')} ÷ ${ratios.seeding.copyRowsPerSecond.toLocaleString('en')}) | ≥ 0.5 |`,
  );
  lines.push('');
  return lines.join('\n');
}

function updateBenchmarksFile(workers: number, markdown: string): void {
  const file = path.join(PROJECT_ROOT, 'BENCHMARKS.md');
  const start = `<!-- bench:${workers}:start -->`;
  const end = `<!-- bench:${workers}:end -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n## Results\n\n';
  const block = `${start}\n${markdown}\n${end}`;
  if (text.includes(start) && text.includes(end)) text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  else text = text.trimEnd() + '\n\n' + block + '\n';
  writeFileSync(file, text);
  console.log(`BENCHMARKS.md: section for ${workers.toLocaleString('en')} workers updated; benchmarks/results-${workers}.json written`);
}

main().catch((error) => {
  console.error(`npm run bench failed: ${(error as Error)?.message ?? String(error)}`, error);
  process.exit(1);
});
