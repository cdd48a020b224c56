import { addDays, todayInChina, type Identity, type Purpose } from '@jiuye/common';
import {
  COUNTY_DASHBOARD,
  COUNTY_STAFF,
  insertPeople,
  insertRows,
  OTHER_VILLAGE,
  personRow,
  startSituationAlone,
  TEST_COUNTY,
  TEST_TOWNSHIP,
  TEST_VILLAGE,
  type SituationAlone,
} from '@jiuye/testing/situation';

/**
 * 防返贫监测候选 over constructed read-model rows: registered poor and lifted households flagged by
 * one of the three relapse rules, and not under an open monitoring case; monitored (边缘, 突发),
 * unregistered and already-open households are left out; several rules on one household are one
 * candidate with several signals; region scope and paging as everywhere.
 */
const today = todayInChina();
const daysAgo = (n: number) => addDays(today, -n);

const CANDIDATES = `query C($region: String, $first: Int, $after: String) { relapseCandidates(region: $region, first: $first, after: $after) {
  region { code } totalCount pageInfo { hasNextPage endCursor }
  nodes { householdCode villageCode villageName povertyStatus household { code } signals { rule label since reason } } } }`;

const lostJob = personRow({ poverty_status: 'LIFTED', last_employment_ended_on: daysAgo(20) });
const both = personRow({ poverty_status: 'NOT_LIFTED', last_employment_ended_on: daysAgo(30) });
const disabled = personRow({ poverty_status: 'LIFTED_UNSTABLE', village_code: OTHER_VILLAGE });
const underCase = personRow({ poverty_status: 'LIFTED' });
const closedCase = personRow({ poverty_status: 'LIFTED' });
const marginal = personRow({ poverty_status: 'MARGINAL', last_employment_ended_on: daysAgo(5) });
const unregistered = personRow({ last_employment_ended_on: daysAgo(5) });
const quiet = personRow({ poverty_status: 'LIFTED' });

const relapse = (person: { household_code: string; village_code: string }, facts: Record<string, unknown>) => ({
  code: person.household_code,
  village_code: person.village_code,
  open_case_id: null,
  open_case_step: null,
  allowance_ends_on: null,
  disability_certified_on: null,
  ...facts,
});

let situation: SituationAlone;

beforeAll(async () => {
  situation = await startSituationAlone();
  await insertRows(situation.db, 'division', [
    { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
    { code: TEST_TOWNSHIP, name: '测试镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    { code: TEST_VILLAGE, name: '测试一村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
    { code: OTHER_VILLAGE, name: '测试二村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
  ]);
  await insertPeople(situation.db, [lostJob, both, disabled, underCase, closedCase, marginal, unregistered, quiet]);
  await insertRows(situation.db, 'household_relapse', [
    relapse(both, { allowance_ends_on: daysAgo(15) }),
    relapse(disabled, { disability_certified_on: daysAgo(2) }),
    relapse(underCase, { disability_certified_on: daysAgo(2), open_case_id: 7, open_case_step: 'TOWNSHIP_CHECKED' }),
    // A closed case is not published as open: the household is a candidate again.
    relapse(closedCase, { allowance_ends_on: daysAgo(3) }),
    relapse(quiet, { allowance_ends_on: 'infinity', disability_certified_on: daysAgo(200) }),
  ]);
});

afterAll(async () => {
  await situation?.stop();
});

async function candidates(identity: Identity & { purpose?: Purpose }, variables: Record<string, unknown> = {}) {
  return situation.queryAs(identity, CANDIDATES, { first: 50, ...variables });
}

describe('relapseCandidates', () => {
  it('lists registered poor and lifted households flagged by a relapse rule, without an open case', async () => {
    const response = await candidates(COUNTY_STAFF);
    expect(response.errors).toBeUndefined();
    const page = response.data.relapseCandidates;
    const expected = [lostJob, both, disabled, closedCase].map((p) => p.household_code).sort();
    expect(page.nodes.map((n: any) => n.householdCode)).toEqual(expected);
    expect(page.totalCount).toBe(4);
    const byCode = new Map(page.nodes.map((n: any) => [n.householdCode, n]));
    expect((byCode.get(both.household_code) as any).signals.map((s: any) => s.rule)).toEqual(['POVERTY_HOUSEHOLD_LOST_ONLY_JOB', 'POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED']);
    const disabledNode: any = byCode.get(disabled.household_code);
    expect(disabledNode).toMatchObject({ villageCode: OTHER_VILLAGE, villageName: '测试二村', povertyStatus: 'LIFTED_UNSTABLE', household: { code: disabled.household_code } });
    expect(disabledNode.signals).toEqual([
      { rule: 'POVERTY_HOUSEHOLD_DISABILITY_RECORDED', label: '脱贫/监测户新增残疾', since: daysAgo(2), reason: expect.stringContaining(daysAgo(2)) },
    ]);
    expect((byCode.get(lostJob.household_code) as any).signals[0]).toMatchObject({ rule: 'POVERTY_HOUSEHOLD_LOST_ONLY_JOB', since: daysAgo(20) });
    for (const node of page.nodes) for (const signal of node.signals) expect(signal.reason).not.toContain('测试');
  });

  it('pages by household code and scopes by region', async () => {
    const first = await candidates(COUNTY_STAFF, { first: 3 });
    expect(first.data.relapseCandidates.pageInfo.hasNextPage).toBe(true);
    const rest = await candidates(COUNTY_STAFF, { first: 3, after: first.data.relapseCandidates.pageInfo.endCursor });
    expect([...first.data.relapseCandidates.nodes, ...rest.data.relapseCandidates.nodes]).toHaveLength(4);
    expect(rest.data.relapseCandidates.pageInfo.hasNextPage).toBe(false);

    const village = await candidates(COUNTY_STAFF, { region: OTHER_VILLAGE });
    expect(village.data.relapseCandidates.nodes.map((n: any) => n.householdCode)).toEqual([disabled.household_code]);
    const villageStaff = { ...COUNTY_STAFF, department: 'poverty' as const, role: 'village_assistant' as const, region: OTHER_VILLAGE };
    expect((await candidates(villageStaff, { region: TEST_VILLAGE })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await candidates(COUNTY_STAFF, { region: '530102' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await candidates(COUNTY_STAFF, { after: 'nope' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses dashboards (households by code are person-level)', async () => {
    const response = await candidates(COUNTY_DASHBOARD);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(response.data?.relapseCandidates ?? null).toBeNull();
  });
});
