import { createLogger, DEPARTMENT_NAMES, type DepartmentName } from '@jiuye/common';
import { buildReadModel, seedDemoCounty } from '@jiuye/devtools';
import { ChangeFeed, openSourcePools, rebuildReadModel } from '@jiuye/situation';
import { VERSIONED_TABLES } from '@jiuye/situation/read-model';
import { freshDatabaseUrl, TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { sqlAt } from '@jiuye/testing/child-service';
import { readModelChecksums } from '@jiuye/testing/read-model';

/**
 * Issue 16: the fast rebuild (COPY, history settled once per table, reads a batch ahead) gives
 * exactly what the change feed gives. A seeded county is built, changed in three departments
 * (text a COPY must escape among the changes), the feed applies the changes; then a rebuild into
 * a database of its own and a rebuild in place both equal the feed's model, table by table
 * (checksums), and the in-place rebuild leaves the history as it was (the content did not change).
 * A row the model holds wrongly is put right by a rebuild with the versions the triggers would
 * have written: the wrong one ended, the right one current again.
 */
jest.setTimeout(240_000);

const WORKERS = 600;
/** Tab, newline, carriage return, backslash, quotes, comma and braces: every character COPY's text format or an array literal treats specially. */
const AWKWARD_NAME = 'Tab\there\nnew\rline \\ "quoted", {braced} 单位';

let departments: Record<DepartmentName, string>;
const situationUrl = freshDatabaseUrl('situation_fed');

/** Count and md5 of every version table, in a fixed order: the history, compared before and after. */
async function historyChecksums(url: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const table of VERSIONED_TABLES) {
    const [row] = await sqlAt<{ rows: number; md5: string | null }>(
      url,
      `select count(*)::int as rows, md5(string_agg(v::text, '|' order by v::text)) as md5 from "${table}_version" v`,
    );
    out[table] = row;
  }
  return out;
}

async function rebuildInPlace(): Promise<void> {
  const sources = openSourcePools(departments);
  try {
    await rebuildReadModel(situationUrl, sources);
  } finally {
    await Promise.all(Object.values(sources).map((pool) => pool.end()));
  }
}

beforeAll(async () => {
  departments = Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, freshDatabaseUrl(name)])) as Record<DepartmentName, string>;
  await seedDemoCounty({ databaseUrls: departments, pseudonymKey: TEST_PSEUDONYM_KEY, workers: WORKERS, batchSize: 300 });
  await buildReadModel({ ...departments, situation: situationUrl });
});

describe('a rebuild equals the change feed', () => {
  it('for a changed county: a fresh rebuild and one in place equal the feed, and the in-place rebuild keeps the history', async () => {
    const [skills] = await sqlAt<{ n: number }>(
      departments.hr,
      `with changed as (update worker set skill_level = case skill_level when 'NONE' then 'BASIC' else 'NONE' end
                         where id in (select id from worker order by id limit 150) returning 1) select count(*)::int as n from changed`,
    );
    const [named] = await sqlAt<{ n: number }>(
      departments.hr,
      `with changed as (update employment set employer_name = $1
                         where id in (select id from employment where ends_on is null order by id limit 40) returning 1) select count(*)::int as n from changed`,
      [AWKWARD_NAME],
    );
    const [ended] = await sqlAt<{ n: number }>(
      departments.hr,
      `with changed as (update employment set ends_on = current_date - 1, end_reason = '合同期满'
                         where id in (select id from employment where ends_on is null and starts_on < current_date - 1 order by id desc limit 30) returning 1)
       select count(*)::int as n from changed`,
    );
    const [cares] = await sqlAt<{ n: number }>(
      departments.civil,
      `with changed as (delete from care_duty where id in (select id from care_duty order by id limit 20) returning 1) select count(*)::int as n from changed`,
    );
    expect({ skills: skills.n, named: named.n }).toEqual({ skills: 150, named: 40 });
    expect(ended.n).toBeGreaterThan(0);
    expect(cares.n).toBeGreaterThan(0);

    const feed = new ChangeFeed({ situationUrl, sourceUrls: departments, pollMs: 60_000, logger: createLogger('rebuild-test', 'warn') });
    try {
      let applied = 0;
      for (let n = await feed.runCycle(); n > 0; n = await feed.runCycle()) applied += n;
      expect(applied).toBeGreaterThanOrEqual(150 + 40);
    } finally {
      await feed.stop();
    }
    const awkward = await sqlAt<{ n: number }>(situationUrl, 'select count(*)::int as n from person_situation where employer_name = $1', [AWKWARD_NAME]);
    expect(awkward[0].n).toBeGreaterThan(0);
    const fed = await readModelChecksums(situationUrl);
    const history = await historyChecksums(situationUrl);

    const freshUrl = freshDatabaseUrl('situation_rebuilt');
    await buildReadModel({ ...departments, situation: freshUrl });
    expect(await readModelChecksums(freshUrl)).toEqual(fed);

    await rebuildInPlace();
    expect(await readModelChecksums(situationUrl)).toEqual(fed);
    expect(await historyChecksums(situationUrl)).toEqual(history);
  });

  it('a row held wrongly: the rebuild ends its version and makes the right content current again', async () => {
    const [person] = await sqlAt<{ worker_id: string; skill_level: string }>(situationUrl, 'select worker_id, skill_level from person_situation order by worker_id limit 1');
    // Written as the feed writes (the triggers keep the history): a version with the wrong skill starts.
    await sqlAt(situationUrl, `update person_situation set skill_level = case skill_level when 'NONE' then 'BASIC' else 'NONE' end where worker_id = $1`, [person.worker_id]);
    const versions = () =>
      sqlAt<{ skill_level: string; current: boolean }>(
        situationUrl,
        `select skill_level, valid_to is null as current from person_situation_version where worker_id = $1 order by valid_from`,
        [person.worker_id],
      );
    const wrong = await versions();
    expect(wrong.filter((v) => v.current).map((v) => v.skill_level)).not.toEqual([person.skill_level]);

    await rebuildInPlace();
    const after = await versions();
    expect(after).toHaveLength(wrong.length + 1);
    expect(after.filter((v) => v.current)).toEqual([{ skill_level: person.skill_level, current: true }]);
    expect(after.slice(0, -1).every((v) => !v.current)).toBe(true);
    const [row] = await sqlAt<{ skill_level: string }>(situationUrl, 'select skill_level from person_situation where worker_id = $1', [person.worker_id]);
    expect(row.skill_level).toBe(person.skill_level);
  });
});
