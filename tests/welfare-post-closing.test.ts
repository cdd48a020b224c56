import pg from 'pg';
import type { SituationConfig } from '@jiuye/common';
import { openSourcePools, rebuildReadModel } from '@jiuye/situation';
import { readModelChecksums } from '@jiuye/testing/read-model';
import { backdateHistory } from '@jiuye/testing/situation';
import { startTestPlatform, DEMO_COUNTY, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Issue 13 leftover, through the gateway against the seeded demo county: a public-welfare post
 * closed with hr's closeWelfarePost (撤岗) stops counting in the indicators from its closing day —
 * developed and filled drop by one for today, in its village and in the county — while a past
 * period before the closing still counts it (the read model's copy of the post carries the days
 * it opened and closed, hr's situation_source_v1.welfare_post_v2); a rebuild gives the rows the
 * feed kept.
 */
jest.setTimeout(180_000);

const chinaDay = (shift = 0) => new Date(Date.now() + 8 * 3600_000 + shift * 86_400_000).toISOString().slice(0, 10);
const TODAY = chinaDay();
const OPENED = chinaDay(-200);
const STARTED = chinaDay(-150);
/** A month wholly between the holder's start and today: its stock day (its last day) had the post open and held. */
const PAST_MONTH = chinaDay(-100).slice(0, 7);
const THIS_MONTH = TODAY.slice(0, 7);
const POSTS = 3;

const CREATE = `mutation($input: CreateWelfarePostInput!) { createWelfarePost(input: $input) { id openedOn } }`;
const ASSIGN = `mutation($input: AssignWelfarePostInput!) { assignWelfarePost(input: $input) { id } }`;
const RELEASE = `mutation($input: ReleaseWelfarePostInput!) { releaseWelfarePost(input: $input) { id endsOn } }`;
const CLOSE = `mutation($input: CloseWelfarePostInput!) { closeWelfarePost(input: $input) { id closedOn open } }`;
const INDICATORS = `query($region: String, $period: String!) {
  indicators(region: $region, period: $period) { period { asOf } welfarePostsDeveloped { value suppressed } welfarePostsFilled { value suppressed } }
}`;

let platform: TestPlatform;
let village: string;
let idNumber: string;

beforeAll(async () => {
  // Exact counts for one village: no small-cell suppression here (tests/security and the indicators' tests cover it).
  platform = await startTestPlatform(300, {}, { situation: { suppressionThreshold: 1 } });
  // History from long ago, so the past month is answered from it rather than as before the history.
  const situationDb = new pg.Client({ connectionString: (platform.subgraphs.situation.config as SituationConfig).databaseUrl });
  await situationDb.connect();
  try {
    await backdateHistory(situationDb, '2020-01-01');
  } finally {
    await situationDb.end();
  }
  // A registry worker who may start on a post on STARTED: 20 to 55 then, at home, unemployed, holding nothing.
  const [worker] = await platform.subgraphs.hr.sql<{ id_number: string; village_code: string }>(
    `select w.id_number, w.village_code from worker w
      where w.birth_date between (?::date - interval '55 years') and (?::date - interval '20 years')
        and w.population_status = 'AT_HOME' and w.employment_status = 'UNEMPLOYED'
        and not exists (select 1 from employment e where e.worker_id = w.id and e.ends_on is null)
        and not exists (select 1 from welfare_post_assignment a where a.worker_id = w.id and a.ends_on is null)
      order by w.id limit 1`,
    [STARTED, STARTED],
  );
  expect(worker).toBeDefined();
  ({ village_code: village, id_number: idNumber } = worker);
});
afterAll(() => platform?.stop());

async function mutate(text: string, input: Record<string, unknown>): Promise<any> {
  const response: any = await platform.query(text, { input });
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** Developed and filled of a region and period (never withheld at threshold 1). */
async function welfare(region: string, period: string): Promise<{ developed: number; filled: number }> {
  const response: any = await platform.query(INDICATORS, { region, period });
  expect(response.errors).toBeUndefined();
  const { welfarePostsDeveloped: developed, welfarePostsFilled: filled } = response.data.indicators;
  expect([developed.suppressed, filled.suppressed]).toEqual([false, false]);
  return { developed: developed.value, filled: filled.value };
}

/** Waits until the read model's copy of the post and its holdings read as expected (the feed applied hr's change). */
async function copied(postId: string, check: (post: { closed_on: string | null } | undefined, holdingsEnded: (string | null)[]) => boolean): Promise<void> {
  const started = Date.now();
  for (;;) {
    const situation = platform.subgraphs.situation;
    const [post] = await situation.sql<{ closed_on: string | null }>(`select to_char(closed_on, 'YYYY-MM-DD') as closed_on from welfare_post where id = ?`, [Number(postId)]);
    const holdings = await situation.sql<{ ends_on: string | null }>(`select to_char(ends_on, 'YYYY-MM-DD') as ends_on from welfare_assignment where post_id = ?`, [
      Number(postId),
    ]);
    if (
      check(
        post,
        holdings.map((h) => h.ends_on),
      )
    )
      return;
    if (Date.now() - started > 15_000) throw new Error('the read model did not follow hr within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a closed public-welfare post (撤岗) stops counting in the indicators from its closing day', () => {
  it('developed and filled drop by one for today in its village and the county; the past month still counts it; a rebuild agrees', async () => {
    const post = { kind: 'CLEANING', villageCode: village, managingDepartment: '住建局', fundingSource: 'EMPLOYMENT_FUND', monthlyAllowance: 500, openedOn: OPENED };
    const ids: string[] = [];
    for (let i = 0; i < POSTS; i++) ids.push((await mutate(CREATE, { ...post, title: `测试保洁员${i + 1}` })).createWelfarePost.id);
    const [closing] = ids;
    await copied(ids[POSTS - 1], (copy) => copy !== undefined && copy.closed_on === null);

    const pastBefore = await welfare(village, PAST_MONTH);
    // Held from STARTED to today (its last day), then closed today: vacant, as closing requires.
    const { assignWelfarePost } = await mutate(ASSIGN, { postId: closing, idNumber, startsOn: STARTED });
    await mutate(RELEASE, { assignmentId: assignWelfarePost.id, endsOn: TODAY, reason: '聘期届满' });
    await copied(closing, (_post, ended) => ended.length === 1 && ended[0] === TODAY);
    const [villageOpen, countyOpen, pastHeld] = [await welfare(village, THIS_MONTH), await welfare(DEMO_COUNTY, THIS_MONTH), await welfare(village, PAST_MONTH)];
    // The holding counted on the past stock day (it had started), the post developed then as now.
    expect(pastHeld).toEqual({ developed: pastBefore.developed, filled: pastBefore.filled + 1 });
    expect(villageOpen.developed).toBeGreaterThanOrEqual(POSTS);

    const { closeWelfarePost } = await mutate(CLOSE, { id: closing, closedOn: TODAY, reason: '岗位撤销' });
    expect(closeWelfarePost).toMatchObject({ closedOn: TODAY, open: false });
    await copied(closing, (copy) => copy?.closed_on === TODAY);

    expect(await welfare(village, THIS_MONTH)).toEqual({ developed: villageOpen.developed - 1, filled: villageOpen.filled - 1 });
    expect(await welfare(DEMO_COUNTY, THIS_MONTH)).toEqual({ developed: countyOpen.developed - 1, filled: countyOpen.filled - 1 });
    // Before the closing day the post was open and held: the past month is as it was.
    expect(await welfare(village, PAST_MONTH)).toEqual(pastHeld);

    // The feed's rows and a rebuild's are the same, the closed post's copy with its days.
    const config = platform.subgraphs.situation.config as SituationConfig;
    const fed = await readModelChecksums(config.databaseUrl);
    const sources = openSourcePools(config.sourceDatabaseUrls);
    try {
      await rebuildReadModel(config.databaseUrl, sources);
    } finally {
      await Promise.all(Object.values(sources).map((pool) => pool.end()));
    }
    expect(await readModelChecksums(config.databaseUrl)).toEqual(fed);
    const [copy] = await platform.subgraphs.situation.sql<{ opened_on: string; closed_on: string }>(
      `select to_char(opened_on, 'YYYY-MM-DD') as opened_on, to_char(closed_on, 'YYYY-MM-DD') as closed_on from welfare_post where id = ?`,
      [Number(closing)],
    );
    expect(copy).toEqual({ opened_on: OPENED, closed_on: TODAY });
    expect(await welfare(village, THIS_MONTH)).toEqual({ developed: villageOpen.developed - 1, filled: villageOpen.filled - 1 });
  });
});
