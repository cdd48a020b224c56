import { DEPARTMENT_NAMES, type DepartmentName } from '@jiuye/common';
import { buildReadModel, seedDemoCounty } from '@jiuye/devtools';
import { freshDatabaseUrl, TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { situationEnv, spawnService, sqlAt, until, writingTransaction, type ChildService } from '@jiuye/testing/child-service';
import { readModelChecksums } from '@jiuye/testing/read-model';

/**
 * kill -9 of the situation service in the middle of its work, as a real process: the read model
 * is written in one transaction per feed batch (and one for a rebuild), and the departments'
 * outbox rows are deleted in transactions that commit only after it. Whatever the moment of the
 * kill, the model after a restart equals a fresh rebuild, and every outbox row is applied once.
 */

// Enough workers that a rebuild writes several batches of 2000 (projection/feed.ts, WORKER_BATCH) and a
// feed batch touching all of them takes long enough to be caught under way.
// A rebuild loads people and their events with COPY, people first in each batch: any COPY of its
// transaction means people written and batches to go.
const REBUILD_WRITING = /^copy "/;
const WORKERS = 5000;
const SITUATION_MAIN = 'subgraphs/situation/dist/main.js';

let departments: Record<DepartmentName, string>;
const running: ChildService[] = [];

function startSituation(situationUrl: string): ChildService {
  const service = spawnService(SITUATION_MAIN, situationEnv(situationUrl, departments));
  running.push(service);
  return service;
}

/** What a rebuild from the departments' rows as they are now produces, in a database of its own. */
async function freshRebuild(): Promise<Awaited<ReturnType<typeof readModelChecksums>>> {
  const url = freshDatabaseUrl('situation_reference');
  await buildReadModel({ ...departments, situation: url });
  return readModelChecksums(url);
}

const outboxRows = async (department: DepartmentName) => (await sqlAt<{ n: number }>(departments[department], 'select count(*)::int as n from outbox'))[0].n;
const appliedChanges = async (situationUrl: string, department: DepartmentName) =>
  (await sqlAt<{ n: number }>(situationUrl, 'select coalesce(sum(applied_changes), 0)::int as n from source_state where department = $1', [department]))[0].n;

beforeAll(async () => {
  departments = Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, freshDatabaseUrl(name)])) as Record<DepartmentName, string>;
  await seedDemoCounty({ databaseUrls: departments, pseudonymKey: TEST_PSEUDONYM_KEY, workers: WORKERS, batchSize: 1000 });
});

afterAll(async () => {
  await Promise.all(running.map((service) => service.kill()));
});

describe('kill -9 of the situation service', () => {
  const situationUrl = freshDatabaseUrl('situation_killed');

  it('in the middle of its first rebuild: nothing half-written; after a restart the model equals a fresh rebuild', async () => {
    const first = startSituation(situationUrl);
    // The rebuild's transaction has written and is inserting projected people: several batches to go.
    await until('the rebuild to be writing people', () => writingTransaction(situationUrl, REBUILD_WRITING).catch(() => false), 60_000);
    await first.kill();
    const people = await sqlAt<{ n: number }>(situationUrl, 'select count(*)::int as n from person_situation');
    expect(people[0].n).toBe(0);
    const rebuilt = await sqlAt<{ n: number }>(situationUrl, 'select count(*)::int as n from source_state where rebuilt_at is not null');
    expect(rebuilt[0].n).toBe(0);

    const second = startSituation(situationUrl);
    await second.ready();
    const model = await readModelChecksums(situationUrl);
    expect(model.person_situation.rows).toBeGreaterThan(4000);
    expect(model).toEqual(await freshRebuild());
    await second.stop();
  });

  it('in the middle of a feed batch: no outbox row lost or applied twice; after a restart the model equals a fresh rebuild', async () => {
    const service = startSituation(situationUrl);
    await service.ready();
    const before = await readModelChecksums(situationUrl);
    const appliedBefore = await appliedChanges(situationUrl, 'hr');
    // One change per worker in hr: one outbox row each, one feed batch (5000 rows a cycle).
    const changed = await sqlAt<{ n: number }>(
      departments.hr,
      `with changed as (update worker set skill_level = case skill_level when 'NONE' then 'BASIC' else 'NONE' end,
                                           employment_intention = case employment_intention when 'LOCAL' then 'OUT_OF_PROVINCE' else 'LOCAL' end
                        returning 1) select count(*)::int as n from changed`,
    );
    const written = changed[0].n;
    expect(written).toBeGreaterThan(4000);
    await until('the feed batch to be writing people', () => writingTransaction(situationUrl, /"person_situation"/), 30_000, 5);
    await service.kill();

    // Caught under way: the department's delete of the taken rows never committed, nor did the model.
    expect(await outboxRows('hr')).toBe(written);
    expect(await readModelChecksums(situationUrl)).toEqual(before);
    expect(await appliedChanges(situationUrl, 'hr')).toBe(appliedBefore);

    const restarted = startSituation(situationUrl);
    await restarted.ready();
    await until('the outbox to drain', async () => (await outboxRows('hr')) === 0);
    // Every row applied, each once (a replay would count twice).
    await until('the batch to be counted', async () => (await appliedChanges(situationUrl, 'hr')) === appliedBefore + written);
    expect(await appliedChanges(situationUrl, 'hr')).toBe(appliedBefore + written);
    const after = await readModelChecksums(situationUrl);
    expect(after.person_situation).not.toEqual(before.person_situation);
    expect(after).toEqual(await freshRebuild());
    await restarted.stop();
  });

  it('in the middle of npm run situation:rebuild over a built model: readers keep the previous model; the next rebuild equals a fresh one', async () => {
    const before = await readModelChecksums(situationUrl);
    const env = { ...Object.fromEntries(DEPARTMENT_NAMES.map((name) => [`${name.toUpperCase()}_DATABASE_URL`, departments[name]])), SITUATION_DATABASE_URL: situationUrl };
    const script = spawnService('scripts/dist/situation-rebuild.js', env);
    running.push(script);
    await until('the rebuild to be writing people', () => writingTransaction(situationUrl, REBUILD_WRITING), 60_000);
    await script.kill();
    expect(await readModelChecksums(situationUrl)).toEqual(before);

    const service = startSituation(situationUrl);
    await service.ready();
    // The department changes after the kill reach the model through the feed.
    await sqlAt(departments.hr, `update worker set skill_level = 'TECHNICIAN' where id in (select id from worker order by id limit 50)`);
    await until('the outbox to drain', async () => (await outboxRows('hr')) === 0);
    await service.stop();
    expect(await readModelChecksums(situationUrl)).toEqual(await freshRebuild());
  });
});
