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

const today = todayInChina();
const daysAgo = (n: number) => addDays(today, -n);

const OTHER_VILLAGE_STAFF: Identity & { purpose: Purpose } = {
  subject: 'situation-test-village',
  department: 'civil',
  role: 'village_assistant',
  region: OTHER_VILLAGE,
  permissions: [],
  purpose: 'verification',
};

const CONFLICT_FIELDS = `id kind label status householdCode villageCode villageName
  person { id name }
  sources { department departmentLabel fact since }
  resolution { note keptSource resolvedBy resolvedAt }`;

const CONFLICTS = `query C($region: String, $kind: ConflictKind, $status: ConflictStatus, $first: Int, $after: String) {
  conflicts(region: $region, kind: $kind, status: $status, first: $first, after: $after) {
    region { code }
    totalCount
    countsByKind { kind label count }
    pageInfo { hasNextPage endCursor }
    freshness { departments { department } }
    nodes { ${CONFLICT_FIELDS} }
  }
}`;

const RESOLVE = `mutation R($input: ResolveConflictInput!) { resolveConflict(input: $input) { ${CONFLICT_FIELDS} } }`;

const employment = (id: number, kind: string, place: string, startedAgo: number) => ({
  employment_status: 'EMPLOYED',
  employment_id: id,
  employment_kind: kind,
  employment_place: place,
  employer_name: '东川某建材公司',
  employment_started_on: daysAgo(startedAgo),
});
const openTransfer = (id: number, startedAgo: number) => ({ transfer_id: id, transfer_city_code: '4403', transfer_started_on: daysAgo(startedAgo) });

const localVsPartner = personRow({ ...employment(11, 'LOCAL_ENTERPRISE', 'IN_COUNTY', 20), ...openTransfer(21, 40) });
const localAfterTransferEnded = personRow({ ...employment(12, 'LOCAL_ENTERPRISE', 'IN_TOWNSHIP', 20), ...openTransfer(22, 80), transfer_ended_on: daysAgo(30) });
const disabledFullTime = personRow({
  village_code: OTHER_VILLAGE,
  able_labourer: false,
  disability_grade: 2,
  disability_kind: 'PHYSICAL',
  ...employment(13, 'POVERTY_WORKSHOP', 'IN_TOWNSHIP', 100),
});
const disabledHomeBased = personRow({ able_labourer: false, disability_grade: 1, disability_kind: 'PHYSICAL', ...employment(14, 'HOME_BASED', 'IN_TOWNSHIP', 100) });
const hhLifted = `${TEST_VILLAGE}8001`;
const liftedHardship = personRow({
  household_code: hhLifted,
  poverty_status: 'LIFTED',
  poverty_status_since: '2025-12-01',
  assistance_kinds: ['SPECIAL_HARDSHIP'],
  assistance_since: '2025-06-01',
});
const notLiftedHardship = personRow({ poverty_status: 'NOT_LIFTED', assistance_kinds: ['SPECIAL_HARDSHIP'], assistance_since: '2025-06-01' });
const unemployedButWorking = personRow({ last_employment_ended_on: daysAgo(200), ...openTransfer(23, 60), last_follow_up_on: daysAgo(3), last_follow_up_still_employed: true });
const unemployedNotWorking = personRow({ ...openTransfer(24, 60), last_follow_up_on: daysAgo(3), last_follow_up_still_employed: false });
const studentWorking = personRow({ population_status: 'STUDENT', able_labourer: false, ...employment(15, 'LOCAL_ENTERPRISE', 'IN_COUNTY', 10) });
const studentFarming = personRow({ population_status: 'STUDENT', able_labourer: false, ...employment(16, 'FARMING', 'IN_TOWNSHIP', 10) });

const cid = (kind: string, subject: string) => `${kind}:${subject}`;
const C_LOCAL = cid('EMPLOYED_LOCALLY_VS_PARTNER_CITY', localVsPartner.worker_id);
const C_DISABLED = cid('SEVERE_DISABILITY_VS_FULL_TIME_JOB', disabledFullTime.worker_id);
const C_LIFTED = cid('LIFTED_WITH_SPECIAL_HARDSHIP', hhLifted);
const C_UNEMPLOYED = cid('HR_UNEMPLOYED_VS_PARTNER_WORKING', unemployedButWorking.worker_id);
const C_STUDENT = cid('STUDENT_WITH_FULL_TIME_JOB', studentWorking.worker_id);

let situation: SituationAlone;

async function conflicts(identity: Identity & { purpose?: Purpose }, variables: Record<string, unknown> = {}) {
  return situation.queryAs(identity, CONFLICTS, { first: 100, ...variables });
}

async function list(variables: Record<string, unknown> = {}) {
  const response = await conflicts(COUNTY_STAFF, variables);
  expect(response.errors).toBeUndefined();
  return response.data.conflicts;
}

async function resolve(input: Record<string, unknown>, identity: Identity & { purpose?: Purpose } = COUNTY_STAFF) {
  return situation.queryAs(identity, RESOLVE, { input });
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
  await insertPeople(situation.db, [
    localVsPartner,
    localAfterTransferEnded,
    disabledFullTime,
    disabledHomeBased,
    liftedHardship,
    notLiftedHardship,
    unemployedButWorking,
    unemployedNotWorking,
    studentWorking,
    studentFarming,
  ]);
  await situation.db.query(`update household_situation set poverty_status_since = '2025-12-01' where code = $1`, [hhLifted]);
});

afterAll(async () => {
  await situation?.stop();
});

describe('conflicts between departments', () => {
  it('lists each kind with both sources and their dates, and not the near misses', async () => {
    const page = await list();
    expect(page.nodes.map((n: any) => n.id).sort()).toEqual([C_LOCAL, C_DISABLED, C_LIFTED, C_UNEMPLOYED, C_STUDENT].sort());
    expect(page.totalCount).toBe(5);
    expect(page.countsByKind).toHaveLength(5);
    expect(page.countsByKind.every((c: any) => c.count === 1)).toBe(true);
    expect(page.freshness.departments).toHaveLength(5);
    const byId = new Map(page.nodes.map((n: any) => [n.id, n]));

    const local: any = byId.get(C_LOCAL);
    expect(local).toMatchObject({ status: 'OPEN', resolution: null, villageCode: TEST_VILLAGE, person: { id: localVsPartner.worker_id } });
    expect(local.sources.map((s: any) => [s.department, s.since])).toEqual([
      ['hr', daysAgo(20)],
      ['partner', daysAgo(40)],
    ]);
    expect(local.sources[0].fact).toContain('县内乡外');
    expect(local.sources[1].fact).toContain('深圳市');

    const disabled: any = byId.get(C_DISABLED);
    expect(disabled.sources.map((s: any) => [s.department, s.since])).toEqual([
      ['civil', null],
      ['hr', daysAgo(100)],
    ]);
    expect(disabled.sources[0].fact).toContain('二级残疾');
    expect(disabled.villageName).toBe('测试二村');

    const lifted: any = byId.get(C_LIFTED);
    expect(lifted).toMatchObject({ person: null, householdCode: hhLifted });
    expect(lifted.sources.map((s: any) => [s.department, s.since])).toEqual([
      ['poverty', '2025-12-01'],
      ['civil', '2025-06-01'],
    ]);

    const unemployed: any = byId.get(C_UNEMPLOYED);
    expect(unemployed.sources.map((s: any) => [s.department, s.since])).toEqual([
      ['hr', daysAgo(200)],
      ['partner', daysAgo(3)],
    ]);
    expect(unemployed.sources[1].fact).toContain(daysAgo(3));

    const student: any = byId.get(C_STUDENT);
    expect(student.sources.map((s: any) => s.department)).toEqual(['hr', 'hr']);
    for (const node of page.nodes) for (const source of node.sources) expect(source.fact).not.toMatch(/\d{17}[\dX]/);
  });

  it('filters by kind and region, pages, and refuses other counties and dashboards', async () => {
    const byKind = await list({ kind: 'LIFTED_WITH_SPECIAL_HARDSHIP' });
    expect(byKind.nodes.map((n: any) => n.id)).toEqual([C_LIFTED]);
    const village = await list({ region: OTHER_VILLAGE });
    expect(village.nodes.map((n: any) => n.id)).toEqual([C_DISABLED]);

    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await list({ first: 2, after });
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual((await list()).nodes.map((n: any) => n.id));

    expect((await conflicts(COUNTY_STAFF, { region: '530102' })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await conflicts(COUNTY_DASHBOARD)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
    const own = await conflicts(OTHER_VILLAGE_STAFF);
    expect(own.data.conflicts.nodes.map((n: any) => n.id)).toEqual([C_DISABLED]);
  });

  it('names the field of every bad input', async () => {
    const empty = await resolve({ conflictId: C_STUDENT, note: '   ' });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const long = await resolve({ conflictId: C_STUDENT, note: '核'.repeat(501) });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    // The note's description promises no ID numbers: a note is read by every officer of the region.
    const withIdNumber = await resolve({ conflictId: C_STUDENT, note: '核实 530113 19900101 1234 本人在校' });
    expect(withIdNumber.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    expect(JSON.stringify(withIdNumber.errors)).not.toContain('19900101');
    const unknownDepartment = await resolve({ conflictId: C_STUDENT, note: '已核实', keptSource: 'police' });
    expect(unknownDepartment.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.keptSource' });
    const otherDepartment = await resolve({ conflictId: C_LOCAL, note: '已核实', keptSource: 'civil' });
    expect(otherDepartment.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.keptSource' });
    const unknown = await resolve({ conflictId: cid('EMPLOYED_LOCALLY_VS_PARTNER_CITY', 'nobody'), note: '已核实' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.conflictId' });
    const unknownKind = await resolve({ conflictId: 'NO_SUCH_KIND:x', note: '已核实' });
    expect(unknownKind.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.conflictId' });
    const outOfScope = await resolve({ conflictId: C_LOCAL, note: '已核实' }, OTHER_VILLAGE_STAFF);
    expect(outOfScope.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.conflictId' });
    const dashboard = await resolve({ conflictId: C_LOCAL, note: '已核实' }, COUNTY_DASHBOARD);
    expect(dashboard.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const partner = await resolve(
      { conflictId: C_LOCAL, note: '已核实' },
      { subject: 'p', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [], purpose: 'follow-up' },
    );
    expect(partner.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const viewer = await resolve({ conflictId: C_LOCAL, note: '已核实' }, { ...COUNTY_STAFF, role: 'viewer' });
    expect(viewer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const { rows } = await situation.db.query('select count(*)::int as n from conflict_resolution');
    expect(rows[0].n).toBe(0);
  });

  it('resolves a conflict, refuses resolving it twice, and reopens it when a fact changes', async () => {
    const resolved = await resolve({ conflictId: C_LOCAL, note: ' 已电话核实，本人已返乡在县内就业 ', keptSource: 'hr' });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveConflict).toMatchObject({
      id: C_LOCAL,
      status: 'RESOLVED',
      resolution: { note: '已电话核实，本人已返乡在县内就业', keptSource: 'hr', resolvedBy: COUNTY_STAFF.subject },
    });
    expect(resolved.data.resolveConflict.sources).toHaveLength(2);

    const again = await resolve({ conflictId: C_LOCAL, note: '再次处理' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.conflictId' });

    const open = await list();
    expect(open.nodes.map((n: any) => n.id)).not.toContain(C_LOCAL);
    expect(open.countsByKind.find((c: any) => c.kind === 'EMPLOYED_LOCALLY_VS_PARTNER_CITY').count).toBe(0);
    const done = await list({ status: 'RESOLVED' });
    expect(done.nodes.map((n: any) => n.id)).toEqual([C_LOCAL]);
    expect(done.nodes[0].resolution.note).toBe('已电话核实，本人已返乡在县内就业');
    const both = await list({ status: null });
    expect(both.totalCount).toBe(5);

    // hr records a new employment (another date): the facts changed, so the conflict is open again.
    await situation.db.query(`update person_situation set employment_id = 31, employment_started_on = $2 where worker_id = $1`, [localVsPartner.worker_id, daysAgo(2)]);
    const reopened = (await list()).nodes.find((n: any) => n.id === C_LOCAL);
    expect(reopened).toMatchObject({ status: 'OPEN', resolution: null });
    expect(reopened.sources[0].since).toBe(daysAgo(2));
    expect((await list({ status: 'RESOLVED' })).nodes).toHaveLength(0);

    // …and can be resolved again for the new facts (the old resolution stays on record).
    const second = await resolve({ conflictId: C_LOCAL, note: '新就业登记已核实' });
    expect(second.data.resolveConflict).toMatchObject({ status: 'RESOLVED', resolution: { note: '新就业登记已核实', keptSource: null } });
    const { rows } = await situation.db.query('select conflict_id, village_code, length(fingerprint) as l from conflict_resolution order by id');
    expect(rows).toEqual([
      { conflict_id: C_LOCAL, village_code: TEST_VILLAGE, l: 64 },
      { conflict_id: C_LOCAL, village_code: TEST_VILLAGE, l: 64 },
    ]);
  });

  it('resolves household conflicts and answers NOT_FOUND once the facts no longer conflict', async () => {
    const household = await resolve({ conflictId: C_LIFTED, note: '扶贫部门核实后将重新认定', keptSource: 'civil' }, { ...COUNTY_STAFF, department: 'poverty' });
    expect(household.errors).toBeUndefined();
    expect(household.data.resolveConflict).toMatchObject({ status: 'RESOLVED', person: null, householdCode: hhLifted });

    await situation.db.query(`update person_situation set transfer_ended_on = $2 where worker_id = $1`, [unemployedButWorking.worker_id, daysAgo(1)]);
    const gone = await resolve({ conflictId: C_UNEMPLOYED, note: '已核实' });
    expect(gone.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.conflictId' });
    expect((await list()).nodes.map((n: any) => n.id)).not.toContain(C_UNEMPLOYED);
  });
});
