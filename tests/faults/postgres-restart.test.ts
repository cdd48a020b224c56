import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEPARTMENT_NAMES, SUBGRAPH_NAMES, todayInChina, withDatabase, type DepartmentName, type SubgraphName } from '@jiuye/common';
import { buildReadModel, freePort, seedDemoCounty } from '@jiuye/devtools';
import { TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { DEMO_COUNTY, TEST_JWT, userHeaders } from '@jiuye/testing/platform';
import { leaksIn } from '@jiuye/testing/gateway';
import { spawnService, sqlAt, startPostgresProcess, until, type ChildService, type PostgresProcess } from '@jiuye/testing/child-service';
import { readModelChecksums } from '@jiuye/testing/read-model';

/**
 * PostgreSQL restarted under load: the whole platform as child processes (six subgraphs and the
 * gateway, built) on one PostgreSQL process, a steady stream of hr mutations (employment
 * started) and queries (one worker across five departments), and PostgreSQL stopped cleanly and
 * started again in the middle of it. Every request is answered within a bound; those during the
 * outage with clear errors (codes users may see, no personal data); the services reconnect by
 * themselves (the same processes); every mutation that answered success is in hr's database;
 * the read model catches up and equals a fresh rebuild.
 */
// About one in five has no current employment: enough for a mutation every 400 ms through the run.
const WORKERS = 1000;
const SUBGRAPH_TIMEOUT_MS = 4000;
/**
 * No answer may take longer than this, outage or not: the gateway's timeout with room for a
 * loaded machine (2 shared cores), far below a hang (the client gives up at three times this).
 */
const ANSWER_BOUND_MS = 3 * SUBGRAPH_TIMEOUT_MS;
const OUTAGE_MS = 4000;
/** The codes a failed answer may carry: a database or department out of reach, said so; never an internal error. */
const CLEAR_CODES = new Set(['SUBGRAPH_UNAVAILABLE', 'ACCESS_LOG_UNAVAILABLE', 'OVERLOADED']);

const WORKER = `query($id: String!) { worker(idNumber: $id) { name employmentStatus povertyStatus currentTransfer { employerName } disability { grade } certificates { trade } } }`;
const START = `mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }`;
const OFFICER = { subject: 'faults-pg-officer', department: 'hr' as const, role: 'officer' as const, region: DEMO_COUNTY, permissions: ['reveal' as const] };

interface Answer {
  kind: 'query' | 'mutation';
  sentAt: number;
  ms: number;
  status: number | null;
  body: any;
  text: string;
  failure: string | null;
}

let directory: string;
let postgres: PostgresProcess;
let pgPort: number;
let databaseUrls: Record<SubgraphName, string>;
const services = {} as Record<SubgraphName | 'gateway', ChildService>;
let gatewayUrl: string;
let headers: Record<string, string>;
let idNumbers: string[];

async function ask(kind: Answer['kind'], body: unknown): Promise<Answer> {
  const sentAt = Date.now();
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(ANSWER_BOUND_MS * 3),
    });
    const text = await response.text();
    let parsed: any = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { kind, sentAt, ms: Date.now() - sentAt, status: response.status, body: parsed, text, failure: null };
  } catch (error) {
    return { kind, sentAt, ms: Date.now() - sentAt, status: null, body: null, text: '', failure: (error as Error).name };
  }
}

const ok = (answer: Answer) => answer.status === 200 && answer.body?.errors === undefined;
const codesOf = (answer: Answer): string[] => (answer.body?.errors ?? []).map((e: any) => e?.extensions?.code ?? 'NO_CODE');

/** What the stream saw, per phase, kind and outcome: printed with the services' last output when recovery does not come. */
function phaseSummary(answers: Answer[], stopAt: number, upAt: number): string {
  const phase = (a: Answer) => (a.sentAt + a.ms < stopAt ? 'before' : a.sentAt < upAt ? 'during' : 'after');
  const counts: Record<string, number> = {};
  for (const a of answers) {
    const key = `${phase(a)} ${a.kind} ${a.failure ?? a.status} ${ok(a) ? 'ok' : `${codesOf(a).join(',')} ${String(a.body?.errors?.[0]?.message).slice(0, 120)}`}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return JSON.stringify(counts, null, 1);
}

/** A process's output without its info lines (a crash's stack, warnings, errors), the end of it. */
function lastWords(output: string): string {
  return output
    .split('\n')
    .filter((line) => !line.startsWith('{"level":30'))
    .join('\n')
    .slice(-4000);
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'jiuye-pg-restart-'));
  pgPort = await freePort();
  postgres = await startPostgresProcess(path.join(directory, 'data'), pgPort);
  databaseUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(postgres.serverUrl, `restart_${name}`)])) as Record<SubgraphName, string>;
  await seedDemoCounty({ databaseUrls, pseudonymKey: TEST_PSEUDONYM_KEY, workers: WORKERS, batchSize: 100 });
  // Workers without a current employment, each started once by the stream.
  idNumbers = (
    await sqlAt<{ id_number: string }>(
      databaseUrls.hr,
      `select w.id_number from worker w where not exists (select 1 from employment e where e.worker_id = w.id and e.ends_on is null) order by w.id`,
    )
  ).map((r) => r.id_number);

  const ports = Object.fromEntries(await Promise.all([...SUBGRAPH_NAMES, 'gateway'].map(async (name) => [name, await freePort()]))) as Record<SubgraphName | 'gateway', number>;
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`]));
  for (const name of SUBGRAPH_NAMES) {
    const own = { [`${name.toUpperCase()}_DATABASE_URL`]: databaseUrls[name], [`${name.toUpperCase()}_PORT`]: String(ports[name]) };
    const sources =
      name === 'situation' ? { SITUATION_POLL_MS: '200', ...Object.fromEntries(DEPARTMENT_NAMES.map((d) => [`${d.toUpperCase()}_DATABASE_URL`, databaseUrls[d]])) } : {};
    services[name] = spawnService(`subgraphs/${name}/dist/main.js`, { ...urls, ...own, ...sources });
  }
  await Promise.all(SUBGRAPH_NAMES.map((name) => services[name].ready()));
  services.gateway = spawnService('gateway/dist/main.js', {
    ...urls,
    GATEWAY_PORT: String(ports.gateway),
    JWT_SECRET: TEST_JWT.secret,
    AUDIT_DATABASE_URL: withDatabase(postgres.serverUrl, 'restart_audit'),
    SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
    ID_LOOKUP_BUDGET_PER_MINUTE: '100000',
  });
  gatewayUrl = await services.gateway.ready();
  headers = await userHeaders(OFFICER, 'employment-service');
  // Warm: the query plans made and every pool open before the clock starts.
  const warm = await ask('query', { query: WORKER, variables: { id: idNumbers[0] } });
  expect(codesOf(warm)).toEqual([]);
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(services).map((service) => service.kill()));
  await postgres?.stop().catch(() => undefined);
  await rm(directory, { recursive: true, force: true });
});

describe('PostgreSQL restarted under load', () => {
  it('answers every request within the bound, clear errors during the outage, reconnects by itself, loses no committed mutation, and the read model catches up', async () => {
    const pids = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.child.pid]));
    const answers: Answer[] = [];
    const mutations: { idNumber: string; answer: Answer }[] = [];
    let next = 0;
    let streaming = true;
    // The stream: a mutation and a query every 400 ms, each on its own (open loop).
    const inFlight = new Set<Promise<void>>();
    const stream = (async () => {
      while (streaming) {
        if (next >= idNumbers.length) throw new Error(`the stream ran out of workers without a current employment (${idNumbers.length})`);
        const idNumber = idNumbers[next++];
        const input = { idNumber, kind: 'POVERTY_WORKSHOP', place: 'IN_TOWNSHIP', employerName: '村扶贫车间', location: '本村', startsOn: todayInChina(), monthlyWage: 2200 };
        const mutation = ask('mutation', { query: START, variables: { input } }).then((answer) => {
          answers.push(answer);
          mutations.push({ idNumber, answer });
        });
        const query = ask('query', { query: WORKER, variables: { id: idNumbers[(next * 7) % idNumbers.length] } }).then((answer) => void answers.push(answer));
        for (const request of [mutation, query]) {
          inFlight.add(request);
          void request.finally(() => inFlight.delete(request));
        }
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    })();

    // Some load through first: at least three successes of each kind.
    await until(
      'three queries and three mutations to succeed before the outage',
      async () => answers.filter((a) => ok(a) && a.kind === 'query').length >= 3 && answers.filter((a) => ok(a) && a.kind === 'mutation').length >= 3,
      30_000,
      50,
    );
    const stopAt = Date.now();
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    postgres = await startPostgresProcess(path.join(directory, 'data'), pgPort);
    const upAt = Date.now();
    // Recovered: a query and a mutation succeed again, through the same processes.
    let recoveredAt = 0;
    await until(
      'queries and mutations to succeed again',
      async () => {
        const good = answers.filter((a) => a.sentAt > upAt && ok(a));
        if (good.some((a) => a.kind === 'query') && good.some((a) => a.kind === 'mutation')) recoveredAt = Date.now();
        return recoveredAt > 0;
      },
      20_000,
      100,
    ).catch((error) => {
      throw new Error(
        `${(error as Error).message}\n${phaseSummary(answers, stopAt, upAt)}\n${Object.entries(services)
          .map(([n, s]) => `${n}: ${s.output().slice(-1500)}`)
          .join('\n')}`,
      );
    });
    // A little more load after recovery, then the stream stops and every request is answered.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    streaming = false;
    await stream;
    await Promise.all([...inFlight]);

    // Every request answered, none beyond the bound, none without an HTTP answer.
    expect(answers.filter((a) => a.failure !== null).map((a) => a.failure)).toEqual([]);
    const slow = answers
      .filter((a) => a.ms >= ANSWER_BOUND_MS)
      .map((a) => ({
        kind: a.kind,
        sent: a.sentAt - stopAt,
        ms: a.ms,
        up: upAt - stopAt,
        status: a.status,
        codes: codesOf(a),
        m: String(a.body?.errors?.[0]?.message).slice(0, 100),
      }));
    expect(slow).toEqual([]);
    // Before the outage queries and mutations succeeded (the stream is sound).
    const before = answers.filter((a) => a.sentAt + a.ms < stopAt);
    expect(before.filter((a) => ok(a) && a.kind === 'query').length).toBeGreaterThan(2);
    expect(before.filter((a) => ok(a) && a.kind === 'mutation').length).toBeGreaterThan(2);
    // Any answer that failed, at any time, says why with a clear code: never an internal error.
    expect(answers.filter((a) => !ok(a) && (codesOf(a).length === 0 || codesOf(a).some((code) => !CLEAR_CODES.has(code)))).map((a) => [a.status, codesOf(a)])).toEqual([]);
    // During the outage: errors, each with a clear code and message, no personal data.
    const during = answers.filter((a) => a.sentAt >= stopAt + 200 && a.sentAt + a.ms < upAt);
    expect(during.length).toBeGreaterThan(5);
    expect(during.filter(ok)).toEqual([]);
    for (const answer of during) {
      const errors = answer.body?.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(typeof error.message).toBe('string');
        expect(error.message.length).toBeGreaterThan(10);
      }
      expect(codesOf(answer).filter((code) => !CLEAR_CODES.has(code))).toEqual([]);
      expect(leaksIn(answer.text)).toEqual([]);
    }
    // Recovered without a restart: the same processes, and quickly after PostgreSQL was back.
    // A process that ended says how (its exit code and its last words: a crash's stack is on stderr).
    const ended = Object.entries(services)
      .filter(([, service]) => service.child.exitCode !== null)
      .map(([name, service]) => `${name} exited with ${service.child.exitCode}:\n${lastWords(service.output())}`);
    expect(ended).toEqual([]);
    expect(Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.child.exitCode === null ? service.child.pid : null]))).toEqual(pids);
    expect(recoveredAt - upAt).toBeLessThan(15_000);

    // Nothing committed is lost: every mutation that answered success is in hr's database.
    const succeeded = mutations.filter((m) => ok(m.answer));
    expect(succeeded.length).toBeGreaterThan(6);
    const ids = succeeded.map((m) => String(m.answer.body.data.recordEmploymentStart.id));
    const found = await sqlAt<{ id: string }>(databaseUrls.hr, `select id::text as id from employment where id::text = any($1::text[])`, [ids]);
    expect(found.map((r) => r.id).sort()).toEqual([...ids].sort());

    // The read model catches up (every outbox drained) and equals a fresh rebuild.
    const outboxes = async () =>
      (
        await Promise.all(DEPARTMENT_NAMES.map(async (name: DepartmentName) => (await sqlAt<{ n: number }>(databaseUrls[name], 'select count(*)::int as n from outbox'))[0].n))
      ).reduce((a, b) => a + b, 0);
    await until('every outbox to drain', async () => (await outboxes()) === 0, 30_000, 200);
    const reference = withDatabase(postgres.serverUrl, 'restart_situation_reference');
    await buildReadModel({ ...(databaseUrls as Record<DepartmentName, string>), situation: reference });
    expect(await readModelChecksums(databaseUrls.situation)).toEqual(await readModelChecksums(reference));
  }, 90_000);
});
