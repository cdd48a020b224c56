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
 * Warnings and conflicts as tasks, over constructed read-model rows: created when an officer
 * assigns them (due from the rule's level, configurable), taken by a partner city's station or a
 * cadre whose scope must cover the subject, closed only when the warning no longer holds or the
 * conflict is resolved, or as NOT_APPLICABLE with a note by an officer.
 */
jest.setTimeout(120_000);

const today = todayInChina();
const daysAgo = (n: number) => addDays(today, -n);
type Caller = Identity & { purpose?: Purpose };

const STATION: Caller = { subject: 'sz-station-1', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [], purpose: 'follow-up' };
const OTHER_STATION: Caller = { ...STATION, subject: 'gz-station-1', partnerCity: '4401' };
const CADRE: Caller = { subject: 'cadre-1', department: 'poverty', role: 'officer', region: TEST_TOWNSHIP, permissions: [], purpose: 'assistance' };
const ASSISTANT: Caller = { subject: 'assistant-1', department: 'hr', role: 'village_assistant', region: TEST_VILLAGE, permissions: [], purpose: 'employment-service' };

const FIELDS = `id kind rule label status assignee assigneeKind openedOn dueOn outcome history { fromStatus toStatus actor note }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { ${FIELDS} } }`;
const ACK = `mutation($input: AcknowledgeTaskInput!) { acknowledgeTask(input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { ${FIELDS} } }`;
const MY = `query($filter: TaskListFilter) { myTasks(filter: $filter) { totalCount nodes { id status dueOn overdue } } }`;

const transferred = personRow({ transfer_id: 31, transfer_city_code: '4403', transfer_started_on: daysAgo(60) });
const onAllowance = personRow({ assistance_kinds: ['SUBSISTENCE_ALLOWANCE'], assistance_since: '2024-01-01', last_employment_ended_on: daysAgo(200) });
const localVsPartner = personRow({
  village_code: OTHER_VILLAGE,
  employment_status: 'EMPLOYED',
  employment_id: 41,
  employment_kind: 'LOCAL_ENTERPRISE',
  employment_place: 'IN_COUNTY',
  employer_name: '东川某建材公司',
  employment_started_on: daysAgo(20),
  transfer_id: 42,
  transfer_city_code: '4403',
  transfer_started_on: daysAgo(40),
});
const W_FOLLOW_UP = `TRANSFER_NO_FOLLOW_UP:${transferred.worker_id}`;
const W_ALLOWANCE = `ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED:${onAllowance.worker_id}`;
const C_LOCAL = `EMPLOYED_LOCALLY_VS_PARTNER_CITY:${localVsPartner.worker_id}`;

let situation: SituationAlone;
const as = (identity: Caller, text: string, variables: Record<string, unknown> = {}): Promise<any> => situation.queryAs(identity, text, variables);

beforeAll(async () => {
  situation = await startSituationAlone({ taskDueDays: { zeroEmployment: 15, red: 5, orange: 12, yellow: 20, conflict: 25 } });
  await insertRows(situation.db, 'division', [
    { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
    { code: TEST_TOWNSHIP, name: '测试镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
    { code: TEST_VILLAGE, name: '测试一村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
    { code: OTHER_VILLAGE, name: '测试二村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
  ]);
  await insertRows(situation.db, 'partner_city', [
    { code: '4403', name: '深圳市' },
    { code: '4401', name: '广州市' },
  ]);
  await insertPeople(situation.db, [transferred, onAllowance, localVsPartner]);
});
afterAll(() => situation?.stop());

describe('warnings as tasks', () => {
  let taskId: string;

  it('an officer assigns a warning to the partner city station it concerns; due by its level (configured)', async () => {
    const wrongCity = await as(COUNTY_STAFF, ASSIGN, {
      input: { kind: 'WARNING', subject: W_FOLLOW_UP, assignee: OTHER_STATION.subject, assigneeKind: 'PARTNER_STATION', assigneeScope: '4401' },
    });
    expect(wrongCity.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeScope', reason: 'NOT_COVERING' });
    const assigned = await as(COUNTY_STAFF, ASSIGN, {
      input: { kind: 'WARNING', subject: W_FOLLOW_UP, assignee: STATION.subject, assigneeKind: 'PARTNER_STATION', assigneeScope: '4403' },
    });
    expect(assigned.errors).toBeUndefined();
    const task = assigned.data.assignTask;
    taskId = task.id;
    expect(task).toMatchObject({ kind: 'WARNING', rule: 'TRANSFER_NO_FOLLOW_UP', status: 'ASSIGNED', openedOn: today, dueOn: addDays(today, 20) });
    expect(task.history.map((e: any) => e.toStatus)).toEqual(['OPEN', 'ASSIGNED']);
    const notice = await situation.db.query(`select recipient, kind from notification_outbox where task_id = $1`, [Number(taskId)]);
    expect(notice.rows).toEqual([{ recipient: STATION.subject, kind: 'TASK_ASSIGNED' }]);
  });

  it('the station sees it in its worklist, acknowledges it, and cannot close it while the warning holds', async () => {
    const mine = await as(STATION, MY);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myTasks.nodes.map((n: any) => n.id)).toEqual([taskId]);
    expect((await as(OTHER_STATION, MY)).data.myTasks.totalCount).toBe(0);
    expect((await as(OTHER_STATION, ACK, { input: { taskId } })).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await as(STATION, ACK, { input: { taskId } })).data.acknowledgeTask.status).toBe('ACKNOWLEDGED');
    const refused = await as(STATION, CLOSE, { input: { taskId } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_BORNE_OUT' });
    expect(refused.errors![0].message).toContain('the warning still holds');
    const notApplicable = await as(STATION, CLOSE, { input: { taskId, outcome: 'NOT_APPLICABLE', note: '已电话联系' } });
    expect(notApplicable.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('closes once the warning no longer holds (a follow-up recorded)', async () => {
    await situation.db.query(`update person_situation set last_follow_up_on = $2, last_follow_up_still_employed = true where worker_id = $1`, [transferred.worker_id, today]);
    const closed = await as(STATION, CLOSE, { input: { taskId, note: '已回访，在岗' } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeTask).toMatchObject({ status: 'CLOSED', outcome: 'WARNING_CLEARED' });
    // A warning that no longer holds cannot be assigned again.
    const gone = await as(COUNTY_STAFF, ASSIGN, {
      input: { kind: 'WARNING', subject: W_FOLLOW_UP, assignee: STATION.subject, assigneeKind: 'PARTNER_STATION', assigneeScope: '4403' },
    });
    expect(gone.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.subject' });
  });

  it('an officer closes a warning as NOT_APPLICABLE with a note; the assistant cannot', async () => {
    const assigned = await as(COUNTY_STAFF, ASSIGN, {
      input: { kind: 'WARNING', subject: W_ALLOWANCE, assignee: ASSISTANT.subject, assigneeKind: 'VILLAGE_ASSISTANT', assigneeScope: TEST_VILLAGE },
    });
    expect(assigned.errors).toBeUndefined();
    const id = assigned.data.assignTask.id;
    expect(assigned.data.assignTask.dueOn).toBe(addDays(today, 12));
    expect((await as(ASSISTANT, CLOSE, { input: { taskId: id, outcome: 'NOT_APPLICABLE', note: '本人长期患病' } })).errors![0].extensions.code).toBe('FORBIDDEN');
    const closed = await as(COUNTY_STAFF, CLOSE, { input: { taskId: id, outcome: 'NOT_APPLICABLE', note: '本人长期患病，经核实不具备就业条件' } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeTask).toMatchObject({ status: 'CLOSED', outcome: 'NOT_APPLICABLE' });
    expect(closed.data.closeTask.history.at(-1)).toMatchObject({ toStatus: 'CLOSED', actor: COUNTY_STAFF.subject, note: '本人长期患病，经核实不具备就业条件' });
  });
});

describe('conflicts as tasks', () => {
  it('a cadre of the township takes a conflict; it closes when the conflict is resolved', async () => {
    const outside = await as(COUNTY_STAFF, ASSIGN, { input: { kind: 'CONFLICT', subject: C_LOCAL, assignee: CADRE.subject, assigneeKind: 'CADRE', assigneeScope: '530102001' } });
    expect(outside.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assigneeScope', reason: 'OUTSIDE_REGION' });
    const assigned = await as(COUNTY_STAFF, ASSIGN, {
      input: { kind: 'CONFLICT', subject: C_LOCAL, assignee: CADRE.subject, assigneeKind: 'CADRE', assigneeScope: TEST_TOWNSHIP },
    });
    expect(assigned.errors).toBeUndefined();
    const id = assigned.data.assignTask.id;
    expect(assigned.data.assignTask.dueOn).toBe(addDays(today, 25));
    const open = await as(CADRE, CLOSE, { input: { taskId: id } });
    expect(open.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_BORNE_OUT' });
    const resolved = await as(COUNTY_STAFF, `mutation($input: ResolveConflictInput!) { resolveConflict(input: $input) { status } }`, {
      input: { conflictId: C_LOCAL, note: '转移已结束，人社记录为准', keptSource: 'hr' },
    });
    expect(resolved.data.resolveConflict.status).toBe('RESOLVED');
    const closed = await as(CADRE, CLOSE, { input: { taskId: id } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeTask).toMatchObject({ status: 'CLOSED', outcome: 'CONFLICT_RESOLVED' });
  });

  it('a dashboard reads no task', async () => {
    const response = await as(COUNTY_DASHBOARD, MY);
    expect(response.errors![0].extensions.code).toBe('FORBIDDEN');
  });
});
