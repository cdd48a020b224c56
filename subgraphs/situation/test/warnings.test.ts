import { addDays, addMonths, todayInChina, type Identity, type Purpose } from '@jiuye/common';
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

const today = todayInChina();
const daysAgo = (n: number) => addDays(today, -n);
const monthsAgo = (n: number, plusDays = 0) => addDays(addMonths(today, -n), plusDays);

const OTHER_VILLAGE_STAFF: Identity & { purpose: Purpose } = {
  subject: 'situation-test-village',
  department: 'hr',
  role: 'village_assistant',
  region: OTHER_VILLAGE,
  permissions: [],
  purpose: 'verification',
};

const WARNINGS = `query W($region: String, $rule: WarningRuleId, $level: WarningLevel, $first: Int, $after: String) {
  warnings(region: $region, rule: $rule, level: $level, first: $first, after: $after) {
    region { code }
    totalCount
    countsByRule { rule label level count }
    pageInfo { hasNextPage endCursor }
    freshness { departments { department } }
    nodes { id rule ruleLabel level reason since responsible { kind name unit } person { id name } householdCode villageCode villageName }
  }
}`;

let situation: SituationAlone;

// Fires / near misses, one person each (own household unless said).
const hhLostJob = `${TEST_VILLAGE}9001`;
const lostJob = personRow({ household_code: hhLostJob, poverty_status: 'LIFTED', last_employment_ended_on: daysAgo(89) });
const lostJobSibling = personRow({ household_code: hhLostJob, poverty_status: 'LIFTED', employment_status: 'NOT_SEEKING' });
const lostJob91 = personRow({ poverty_status: 'LIFTED', last_employment_ended_on: daysAgo(91) });
const hhStillEmployed = `${TEST_VILLAGE}9002`;
const lostJobButOtherWorks = personRow({ household_code: hhStillEmployed, poverty_status: 'NOT_LIFTED', last_employment_ended_on: daysAgo(10) });
const otherWorks = personRow({
  household_code: hhStillEmployed,
  poverty_status: 'NOT_LIFTED',
  employment_status: 'EMPLOYED',
  employment_id: 501,
  employment_kind: 'FARMING',
  employment_place: 'IN_TOWNSHIP',
  employment_started_on: daysAgo(200),
});
const lostJobNotPoor = personRow({ last_employment_ended_on: daysAgo(10) });

const allowanceLong = personRow({
  village_code: OTHER_VILLAGE,
  assistance_kinds: ['SUBSISTENCE_ALLOWANCE'],
  assistance_since: '2024-03-01',
  last_employment_ended_on: monthsAgo(3, -1),
});
const allowanceNever = personRow({ assistance_kinds: ['SUBSISTENCE_ALLOWANCE'] });
const allowanceRecent = personRow({ assistance_kinds: ['SUBSISTENCE_ALLOWANCE'], last_employment_ended_on: monthsAgo(3, 1) });
const noAllowance = personRow({ last_employment_ended_on: monthsAgo(6) });

const transfer = (id: number, startedAgo: number, followUpAgo: number | null, stillEmployed: boolean | null = true, endedAgo: number | null = null) => ({
  transfer_id: id,
  transfer_city_code: '4403',
  transfer_started_on: daysAgo(startedAgo),
  transfer_ended_on: endedAgo === null ? null : daysAgo(endedAgo),
  last_follow_up_on: followUpAgo === null ? null : daysAgo(followUpAgo),
  last_follow_up_still_employed: followUpAgo === null ? null : stillEmployed,
});
const followUp31 = personRow(transfer(1, 60, 31));
const followUp29 = personRow(transfer(2, 60, 29));
const neverFollowed31 = personRow(transfer(3, 31, null));
const neverFollowed29 = personRow(transfer(4, 29, null));
const endedTransfer = personRow(transfer(5, 100, 40, true, 5));
const notWorking = personRow(transfer(6, 60, 5, false));
const stillWorking = personRow(transfer(7, 60, 5, true));

const trainedLong = personRow({ medium_term_completed_on: monthsAgo(3, -1), medium_term_institution_id: 7 });
const trainedRecent = personRow({ medium_term_completed_on: monthsAgo(3, 1), medium_term_institution_id: 7 });
const trainedThenEmployedAfter = personRow({ medium_term_completed_on: monthsAgo(4), medium_term_institution_id: 7, employed_after_training_on: monthsAgo(3) });
const trainedEmployedNow = personRow({
  medium_term_completed_on: monthsAgo(4),
  medium_term_institution_id: 7,
  employment_status: 'EMPLOYED',
  employment_id: 502,
  employment_kind: 'LOCAL_ENTERPRISE',
  employment_place: 'IN_COUNTY',
  employment_started_on: monthsAgo(1),
});

const postEnded = personRow({ poverty_status: 'NOT_LIFTED' });
const postEndedNotPoor = personRow();

// 防返贫 (household_relapse, kept by the projector from civil's grants and disability certifications).
const allowanceStopped = personRow({ poverty_status: 'LIFTED' });
const allowanceStopped91 = personRow({ poverty_status: 'LIFTED' });
const allowanceRunning = personRow({ poverty_status: 'NOT_LIFTED' });
const allowanceStoppedNotPoor = personRow();
const disabled = personRow({ poverty_status: 'LIFTED_UNSTABLE' });
const disabledLong = personRow({ poverty_status: 'LIFTED' });
const disabledNotPoor = personRow();
const relapse = (person: { household_code: string }, facts: { allowance_ends_on?: string; disability_certified_on?: string }) => ({
  code: person.household_code,
  village_code: TEST_VILLAGE,
  open_case_id: null,
  open_case_step: null,
  allowance_ends_on: facts.allowance_ends_on ?? null,
  disability_certified_on: facts.disability_certified_on ?? null,
});

const id = (rule: string, subject: string) => `${rule}:${subject}`;
const EXPECTED = [
  id('POVERTY_HOUSEHOLD_LOST_ONLY_JOB', hhLostJob),
  id('ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED', allowanceLong.worker_id),
  id('ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED', allowanceNever.worker_id),
  id('TRANSFER_NOT_WORKING', notWorking.worker_id),
  id('POOR_LABOURER_WELFARE_POST_ENDED', postEnded.worker_id),
  id('TRANSFER_NO_FOLLOW_UP', followUp31.worker_id),
  id('TRANSFER_NO_FOLLOW_UP', neverFollowed31.worker_id),
  id('TRAINED_NO_JOB_3_MONTHS', trainedLong.worker_id),
  id('POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED', allowanceStopped.household_code),
  id('POVERTY_HOUSEHOLD_DISABILITY_RECORDED', disabled.household_code),
];

async function warnings(identity: Identity & { purpose?: Purpose }, variables: Record<string, unknown> = {}) {
  return situation.queryAs(identity, WARNINGS, { first: 100, ...variables });
}

async function allWarnings(variables: Record<string, unknown> = {}) {
  const response = await warnings(COUNTY_STAFF, variables);
  expect(response.errors).toBeUndefined();
  return response.data.warnings;
}

beforeAll(async () => {
  situation = await startSituationAlone();
  await insertRows(situation.db, 'division', [
    { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
    { code: TEST_TOWNSHIP, name: '测试镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    { code: TEST_VILLAGE, name: '测试一村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
    { code: OTHER_VILLAGE, name: '测试二村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
  ]);
  await insertRows(situation.db, 'partner_city', [{ code: '4403', name: '深圳市' }]);
  await insertRows(situation.db, 'institution', [{ id: 7, name: '东川区职业技能培训学校' }]);
  await insertPeople(situation.db, [
    lostJob,
    lostJobSibling,
    lostJob91,
    lostJobButOtherWorks,
    otherWorks,
    lostJobNotPoor,
    allowanceLong,
    allowanceNever,
    allowanceRecent,
    noAllowance,
    followUp31,
    followUp29,
    neverFollowed31,
    neverFollowed29,
    endedTransfer,
    notWorking,
    stillWorking,
    trainedLong,
    trainedRecent,
    trainedThenEmployedAfter,
    trainedEmployedNow,
    postEnded,
    postEndedNotPoor,
    allowanceStopped,
    allowanceStopped91,
    allowanceRunning,
    allowanceStoppedNotPoor,
    disabled,
    disabledLong,
    disabledNotPoor,
  ]);
  await insertRows(situation.db, 'household_relapse', [
    relapse(allowanceStopped, { allowance_ends_on: daysAgo(10) }),
    relapse(allowanceStopped91, { allowance_ends_on: daysAgo(91) }),
    relapse(allowanceRunning, { allowance_ends_on: 'infinity' }),
    relapse(allowanceStoppedNotPoor, { allowance_ends_on: daysAgo(10) }),
    relapse(disabled, { disability_certified_on: daysAgo(5) }),
    relapse(disabledLong, { disability_certified_on: daysAgo(91) }),
    relapse(disabledNotPoor, { disability_certified_on: daysAgo(5) }),
  ]);
  await situation.db.query(`update household_situation set cadre_name = '李帮扶', unit_name = '东川区人社局' where code = $1`, [hhLostJob]);
  await insertRows(situation.db, 'welfare_assignment', [
    { id: 1, post_id: 1, worker_id: postEnded.worker_id, starts_on: daysAgo(400), ends_on: daysAgo(10) },
    { id: 2, post_id: 1, worker_id: postEndedNotPoor.worker_id, starts_on: daysAgo(400), ends_on: daysAgo(10) },
  ]);
});

afterAll(async () => {
  await situation?.stop();
});

describe('early warnings', () => {
  it('fires every rule on its case and not on the near miss, ordered by level, rule, village, subject', async () => {
    const page = await allWarnings();
    const ids = page.nodes.map((n: any) => n.id);
    expect(new Set(ids)).toEqual(new Set(EXPECTED));
    expect(page.totalCount).toBe(EXPECTED.length);
    const ranks = { RED: 0, ORANGE: 1, YELLOW: 2 } as Record<string, number>;
    const keys = page.nodes.map((n: any) => [ranks[n.level], n.rule, n.villageCode, n.id.split(':')[1]].join('|'));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(page.nodes[0].level).toBe('RED');
    const counts = Object.fromEntries(page.countsByRule.map((c: any) => [c.rule, c.count]));
    expect(counts).toEqual({
      POVERTY_HOUSEHOLD_LOST_ONLY_JOB: 1,
      ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED: 2,
      TRANSFER_NO_FOLLOW_UP: 2,
      TRANSFER_NOT_WORKING: 1,
      TRAINED_NO_JOB_3_MONTHS: 1,
      POOR_LABOURER_WELFARE_POST_ENDED: 1,
      POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED: 1,
      POVERTY_HOUSEHOLD_DISABILITY_RECORDED: 1,
    });
    expect(page.freshness.departments).toHaveLength(5);
    for (const node of page.nodes) {
      expect(node.reason).not.toMatch(/\d{17}[\dX]/);
      expect(node.reason).not.toContain('测试');
    }
  });

  it('gives each warning its reason, date and responsible person', async () => {
    const byId = new Map((await allWarnings()).nodes.map((n: any) => [n.id, n]));
    const household: any = byId.get(id('POVERTY_HOUSEHOLD_LOST_ONLY_JOB', hhLostJob));
    expect(household).toMatchObject({ level: 'RED', person: null, householdCode: hhLostJob, villageCode: TEST_VILLAGE, since: daysAgo(89) });
    expect(household.reason).toContain(daysAgo(89));
    expect(household.reason).toContain('已脱贫');
    expect(household.responsible).toEqual({ kind: 'CADRE', name: '李帮扶', unit: '东川区人社局' });

    const allowance: any = byId.get(id('ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED', allowanceLong.worker_id));
    expect(allowance).toMatchObject({ level: 'ORANGE', since: monthsAgo(3, -1), villageName: '测试二村', person: { id: allowanceLong.worker_id, name: allowanceLong.name } });
    expect(allowance.reason).toContain(monthsAgo(3, -1));
    expect(allowance.responsible).toEqual({ kind: 'VILLAGE_ASSISTANT', name: '测试二村劳动保障协理员', unit: '测试二村' });
    expect((byId.get(id('ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED', allowanceNever.worker_id)) as any).since).toBeNull();

    const noFollowUp: any = byId.get(id('TRANSFER_NO_FOLLOW_UP', followUp31.worker_id));
    expect(noFollowUp).toMatchObject({ level: 'YELLOW', since: daysAgo(31) });
    expect(noFollowUp.reason).toContain('深圳市');
    expect(noFollowUp.reason).toContain(daysAgo(31));
    expect(noFollowUp.responsible).toEqual({ kind: 'PARTNER_STATION', name: '深圳市劳务工作站', unit: '深圳市' });
    expect((byId.get(id('TRANSFER_NO_FOLLOW_UP', neverFollowed31.worker_id)) as any).since).toBe(daysAgo(31));

    const notWorkingWarning: any = byId.get(id('TRANSFER_NOT_WORKING', notWorking.worker_id));
    expect(notWorkingWarning).toMatchObject({ level: 'ORANGE', since: daysAgo(5) });
    expect(notWorkingWarning.responsible.kind).toBe('PARTNER_STATION');

    const trained: any = byId.get(id('TRAINED_NO_JOB_3_MONTHS', trainedLong.worker_id));
    expect(trained).toMatchObject({ since: monthsAgo(3, -1) });
    expect(trained.reason).toContain('东川区职业技能培训学校');
    expect(trained.responsible).toEqual({ kind: 'INSTITUTION', name: '东川区职业技能培训学校', unit: '东川区职业技能培训学校' });

    const post: any = byId.get(id('POOR_LABOURER_WELFARE_POST_ENDED', postEnded.worker_id));
    expect(post).toMatchObject({ since: daysAgo(10) });
    expect(post.responsible.kind).toBe('VILLAGE_ASSISTANT');

    const stopped: any = byId.get(id('POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED', allowanceStopped.household_code));
    expect(stopped).toMatchObject({ level: 'ORANGE', person: null, householdCode: allowanceStopped.household_code, since: daysAgo(10) });
    expect(stopped.reason).toContain(daysAgo(10));
    expect(stopped.reason).toContain('已脱贫');
    const disability: any = byId.get(id('POVERTY_HOUSEHOLD_DISABILITY_RECORDED', disabled.household_code));
    expect(disability).toMatchObject({ level: 'ORANGE', since: daysAgo(5) });
    expect(disability.reason).toContain('脱贫不稳定');
  });

  it('filters by rule and level; counts stay per rule', async () => {
    const byRule = await allWarnings({ rule: 'TRANSFER_NO_FOLLOW_UP' });
    expect(byRule.nodes.map((n: any) => n.id).sort()).toEqual([id('TRANSFER_NO_FOLLOW_UP', followUp31.worker_id), id('TRANSFER_NO_FOLLOW_UP', neverFollowed31.worker_id)].sort());
    expect(byRule.totalCount).toBe(2);
    expect(byRule.countsByRule).toHaveLength(8);
    const orange = await allWarnings({ level: 'ORANGE' });
    expect(orange.totalCount).toBe(6);
    expect(orange.nodes.every((n: any) => n.level === 'ORANGE')).toBe(true);
  });

  it('pages with a stable keyset cursor', async () => {
    const all = (await allWarnings()).nodes.map((n: any) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await allWarnings({ first: 3, after });
      seen.push(...page.nodes.map((n: any) => n.id));
      expect(page.totalCount).toBe(EXPECTED.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const bad = await warnings(COUNTY_STAFF, { after: 'not-a-cursor' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badSize = await warnings(COUNTY_STAFF, { first: 0 });
    expect(badSize.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('scopes by region: a village, another county, village staff', async () => {
    const village = await allWarnings({ region: OTHER_VILLAGE });
    expect(village.nodes.map((n: any) => n.id)).toEqual([id('ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED', allowanceLong.worker_id)]);
    expect(village.countsByRule.find((c: any) => c.rule === 'TRANSFER_NO_FOLLOW_UP').count).toBe(0);

    const otherCounty = await warnings(COUNTY_STAFF, { region: '530102' });
    expect(otherCounty.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(otherCounty.errors?.[0].message).toContain('region');

    const own = await warnings(OTHER_VILLAGE_STAFF);
    expect(own.errors).toBeUndefined();
    expect(own.data.warnings.nodes.map((n: any) => n.id)).toEqual([id('ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED', allowanceLong.worker_id)]);
    const neighbour = await warnings(OTHER_VILLAGE_STAFF, { region: TEST_VILLAGE });
    expect(neighbour.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    const malformed = await warnings(COUNTY_STAFF, { region: '5301131' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
  });

  it('refuses dashboards; gives partner-city accounts only the transfer rules of their city', async () => {
    const dashboard = await warnings(COUNTY_DASHBOARD);
    expect(dashboard.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
    expect(dashboard.data?.warnings ?? null).toBeNull();
    const partner = await warnings({ subject: 'p', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [], purpose: 'follow-up' });
    // Household codes are for region staff, as in the departments (hole 10): refused on their own path, nothing else.
    expect(new Set((partner.errors ?? []).map((e: any) => `${e.path.at(-1)}:${e.extensions.reason}`))).toEqual(
      new Set(partner.data.warnings.nodes.length ? ['householdCode:field-household'] : []),
    );
    for (const node of partner.data.warnings.nodes) expect(node.householdCode).toBeNull();
    expect(partner.data.warnings.countsByRule.map((c: any) => c.rule).sort()).toEqual(['TRANSFER_NOT_WORKING', 'TRANSFER_NO_FOLLOW_UP']);
    for (const node of partner.data.warnings.nodes) expect(['TRANSFER_NOT_WORKING', 'TRANSFER_NO_FOLLOW_UP']).toContain(node.rule);
    const noPurpose = await warnings({ subject: 'p', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [] });
    expect(noPurpose.errors?.[0].extensions).toMatchObject({ code: 'PURPOSE_REQUIRED' });
  });

  it('lists the registered rules', async () => {
    const response = await situation.queryAs(COUNTY_STAFF, '{ warningRules { id label level subject departments description } }');
    expect(response.errors).toBeUndefined();
    const rules = response.data.warningRules;
    expect(rules.map((r: any) => r.id)).toEqual([
      'POVERTY_HOUSEHOLD_LOST_ONLY_JOB',
      'ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED',
      'TRANSFER_NO_FOLLOW_UP',
      'TRANSFER_NOT_WORKING',
      'TRAINED_NO_JOB_3_MONTHS',
      'POOR_LABOURER_WELFARE_POST_ENDED',
      'POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED',
      'POVERTY_HOUSEHOLD_DISABILITY_RECORDED',
    ]);
    expect(rules[0]).toMatchObject({ level: 'RED', subject: 'HOUSEHOLD', departments: ['poverty', 'hr'] });
    expect(rules.every((r: any) => /[\u4e00-\u9fa5]/.test(r.label) && r.description.length > 0)).toBe(true);
  });
});
