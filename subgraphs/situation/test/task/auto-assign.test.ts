import pg from 'pg';
import { ConfigError, DEV_CADRE_ACCOUNT, EXAMPLE_ACCOUNTS, identityFor, loadSituationConfig, makeIdNumber, todayInChina, type Identity } from '@jiuye/common';
import { pseudonymOf } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { runDailyEvaluation } from '../../src/task/task.daily';

/**
 * Tasks reach the responsible person by themselves (issue 14): a cadre carries the staff account
 * they sign in with (poverty's createCadre / updateCadre, officers only, one cadre per account,
 * kept in the change history); a zero-employment household's task that the feed opens is assigned
 * to its responsible cadre's account (CADRE, scope the household's village), notified through the
 * outbox and recorded as assigned by the system; without an account it waits, unassigned, in the
 * region's list; an officer still reassigns; the cadre's worklist shows it; the same account
 * holding another village's scope never receives it. Against the seeded demo county, through the
 * gateway, with the real feed.
 */
jest.setTimeout(300_000);

const TODAY = todayInChina();
let platform: TestPlatform;

const POVERTY_OFFICER: Identity = { subject: 'poverty-officer-530113', department: 'poverty', role: 'officer', region: DEMO_COUNTY, permissions: [] };
const cadreIdentity = (account: string, village: string): Identity => ({ subject: account, department: 'poverty', role: 'village_assistant', region: village, permissions: [] });

const TASK_FIELDS = `id kind subject status assignee assigneeKind assigneeScope history { fromStatus toStatus actor note assignee }`;
const TASK = `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;
const MY = `query { myTasks(filter: ALL, first: 100) { totalCount nodes { id subject status } } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { ${TASK_FIELDS} } }`;
const ACK = `mutation($input: AcknowledgeTaskInput!) { acknowledgeTask(input: $input) { id status } }`;
const REGION = `query($region: String, $status: TaskStatus) { tasks(region: $region, status: $status, first: 500) { nodes { id subject status assignee } countsByAssignee { assignee open } } }`;
const CREATE_UNIT = `mutation($input: CreateResponsibleUnitInput!) { createResponsibleUnit(input: $input) { id } }`;
const CREATE_CADRE = `mutation($input: CreateCadreInput!) { createCadre(input: $input) { id name account } }`;
const UPDATE_CADRE = `mutation($input: UpdateCadreInput!) { updateCadre(input: $input) { id account } }`;
const ASSIGN_RESPONSIBILITY = `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { householdCode } }`;
const CURRENT_EMPLOYMENT = `query($idNumber: String!) { worker(idNumber: $idNumber) { currentEmployment { id } } }`;
const END_EMPLOYMENT = `mutation($input: RecordEmploymentEndInput!) { recordEmploymentEnd(input: $input) { id } }`;

async function rows<T = any>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
const situationRows = <T = any>(text: string, values: unknown[] = []) => rows<T>(platform.subgraphs.situation.config.databaseUrl, text, values);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Households with exactly one member employed (ending that job makes them zero-employment), without a task yet, one per village. */
async function householdsWithOneJob(): Promise<{ code: string; village_code: string }[]> {
  return situationRows(
    `select distinct on (h.village_code) h.code, h.village_code from household_situation h
      where h.employed_members = 1 and h.able_labourers >= 1 and h.poverty_status is not null
        and not exists (select 1 from task t where t.subject = h.code)
      order by h.village_code, h.code`,
  );
}

/** Ends the one current job in the household (hr), so that the feed opens its zero-employment task. */
async function endTheJob(code: string): Promise<void> {
  const household = [...platform.county.households(1000)].flat().find((h) => h.code === code)!;
  for (const member of household.members) {
    const found: any = await platform.query(CURRENT_EMPLOYMENT, { idNumber: member.idNumber });
    const employment = found.data?.worker?.currentEmployment;
    if (!employment) continue;
    const ended: any = await platform.query(END_EMPLOYMENT, { input: { employmentId: employment.id, endsOn: TODAY, reason: '合同到期' } });
    expect(ended.errors).toBeUndefined();
    return;
  }
  throw new Error(`no current employment in household ${code}`);
}

const taskOf = (code: string) =>
  until(
    () =>
      situationRows<{ id: number; status: string; assignee: string | null }>(`select id, status, assignee from task where kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and subject = $1`, [
        code,
      ]),
    (found) => found.length === 1,
    `the feed to open the task of ${code}`,
  ).then((found) => found[0]);

let unitId: string;

async function cadreFor(householdCode: string, villageCode: string, name: string, account: string | null): Promise<string> {
  const created: any = await platform.queryAs(POVERTY_OFFICER, CREATE_CADRE, {
    input: { name, unitId, role: 'RESPONSIBLE_PERSON', villageCode, since: '2020-01-01', ...(account ? { account } : {}) },
  });
  expect(created.errors).toBeUndefined();
  const assigned: any = await platform.queryAs(POVERTY_OFFICER, ASSIGN_RESPONSIBILITY, { input: { householdCode, cadreId: created.data.createCadre.id, since: TODAY } });
  expect(assigned.errors).toBeUndefined();
  return created.data.createCadre.id;
}

let withAccount: { code: string; village_code: string };
let withoutAccount: { code: string; village_code: string };
let later: { code: string; village_code: string };

beforeAll(async () => {
  platform = await startTestPlatform(300);
  const candidates = await householdsWithOneJob();
  expect(candidates.length).toBeGreaterThanOrEqual(2);
  [withAccount, withoutAccount] = candidates;
  const unit: any = await platform.queryAs(POVERTY_OFFICER, CREATE_UNIT, { input: { name: '县人社局', kind: 'PARTY_GOVERNMENT' } });
  expect(unit.errors).toBeUndefined();
  unitId = unit.data.createResponsibleUnit.id;
  const open = await situationRows<{ code: string; village_code: string }>(
    `select t.subject as code, t.village_code from task t where t.kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and t.status = 'OPEN' and t.assignee is null order by t.subject limit 1`,
  );
  later = open[0];
});
afterAll(() => platform?.stop());

describe("a cadre's staff account (poverty)", () => {
  it('is checked, held by one cadre only, set by officers only, and kept in the change history', async () => {
    const village = withAccount.village_code;
    const bad: any = await platform.queryAs(POVERTY_OFFICER, CREATE_CADRE, {
      input: { name: '张三', unitId, role: 'RESPONSIBLE_PERSON', villageCode: village, since: '2020-01-01', account: 'has space' },
    });
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(bad.errors[0].extensions)).toContain('input.account');
    const first: any = await platform.queryAs(POVERTY_OFFICER, CREATE_CADRE, {
      input: { name: '李四', unitId, role: 'RESPONSIBLE_PERSON', villageCode: village, since: '2020-01-01', account: 'cadre-unique-1' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data.createCadre.account).toBe('cadre-unique-1');
    const twice: any = await platform.queryAs(POVERTY_OFFICER, CREATE_CADRE, {
      input: { name: '王五', unitId, role: 'RESPONSIBLE_PERSON', villageCode: village, since: '2020-01-01', account: 'cadre-unique-1' },
    });
    expect(twice.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.account' });
    const assistant = cadreIdentity('poverty-assistant', village);
    const byAssistant: any = await platform.queryAs(assistant, UPDATE_CADRE, { input: { id: first.data.createCadre.id, account: 'cadre-unique-2' } });
    expect(byAssistant.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const both: any = await platform.queryAs(POVERTY_OFFICER, UPDATE_CADRE, { input: { id: first.data.createCadre.id, account: 'cadre-unique-2', clearAccount: true } });
    expect(both.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const changed: any = await platform.queryAs(POVERTY_OFFICER, UPDATE_CADRE, { input: { id: first.data.createCadre.id, account: 'cadre-unique-2' } });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateCadre.account).toBe('cadre-unique-2');
    const cleared: any = await platform.queryAs(POVERTY_OFFICER, UPDATE_CADRE, { input: { id: first.data.createCadre.id, clearAccount: true } });
    expect(cleared.data.updateCadre.account).toBeNull();
    const history = await rows<{ changes: Record<string, unknown>; actor: string }>(
      platform.subgraphs.poverty.config.databaseUrl,
      `select changes, actor from change_history where table_name = 'cadre' and row_key = $1 and operation = 'UPDATE' order by id`,
      [String(first.data.createCadre.id)],
    );
    expect(history.map((h) => h.changes.account)).toEqual([
      ['cadre-unique-1', 'cadre-unique-2'],
      ['cadre-unique-2', null],
    ]);
    expect(history.every((h) => h.actor === POVERTY_OFFICER.subject)).toBe(true);
  });
});

describe("a zero-employment household's task goes to its responsible cadre's account", () => {
  const ACCOUNT = 'cadre-auto-001';
  let taskId: string;

  it('the feed opens the task and assigns it to the cadre (CADRE, the village), notified, by the system', async () => {
    await cadreFor(withAccount.code, withAccount.village_code, '赵帮扶', ACCOUNT);
    await endTheJob(withAccount.code);
    const opened = await taskOf(withAccount.code);
    taskId = String(opened.id);
    const task: any = await platform.query(TASK, { id: taskId });
    expect(task.errors).toBeUndefined();
    expect(task.data.task).toMatchObject({ status: 'ASSIGNED', assignee: ACCOUNT, assigneeKind: 'CADRE', assigneeScope: withAccount.village_code });
    expect(task.data.task.history.map((e: any) => [e.fromStatus, e.toStatus, e.actor, e.assignee])).toEqual([
      [null, 'OPEN', 'system:feed', null],
      ['OPEN', 'ASSIGNED', 'system:auto-assign', ACCOUNT],
    ]);
    const notices = await situationRows(`select recipient, recipient_kind, kind, text from notification_outbox where task_id = $1`, [opened.id]);
    expect(notices).toEqual([expect.objectContaining({ recipient: ACCOUNT, recipient_kind: 'CADRE', kind: 'TASK_ASSIGNED' })]);
    expect(notices[0].text).not.toContain(withAccount.code);
  });

  it("shows in the cadre's worklist, who acknowledges it; the same account with another village's scope never sees it", async () => {
    const cadre = cadreIdentity(ACCOUNT, withAccount.village_code);
    const mine: any = await platform.queryAs(cadre, MY);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myTasks.nodes).toEqual([{ id: taskId, subject: withAccount.code, status: 'ASSIGNED' }]);
    const elsewhere = cadreIdentity(ACCOUNT, withoutAccount.village_code);
    const theirs: any = await platform.queryAs(elsewhere, MY);
    expect(theirs.data.myTasks.totalCount).toBe(0);
    const peek: any = await platform.queryAs(elsewhere, TASK, { id: taskId });
    expect(peek.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const acknowledged: any = await platform.queryAs(cadre, ACK, { input: { taskId } });
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data.acknowledgeTask.status).toBe('ACKNOWLEDGED');
  });

  it('an officer still reassigns it; the cadre no longer holds it', async () => {
    const assistant = 'assistant-reassigned';
    const reassigned: any = await platform.query(ASSIGN, {
      input: { kind: 'ZERO_EMPLOYMENT_HOUSEHOLD', subject: withAccount.code, assignee: assistant, assigneeKind: 'VILLAGE_ASSISTANT', assigneeScope: withAccount.village_code },
    });
    expect(reassigned.errors).toBeUndefined();
    expect(reassigned.data.assignTask).toMatchObject({ status: 'ASSIGNED', assignee: assistant, assigneeKind: 'VILLAGE_ASSISTANT' });
    expect(reassigned.data.assignTask.history.at(-1)).toMatchObject({ fromStatus: 'ACKNOWLEDGED', toStatus: 'ASSIGNED', actor: COUNTY_OFFICER.subject });
    const cadre: any = await platform.queryAs(cadreIdentity(ACCOUNT, withAccount.village_code), MY);
    expect(cadre.data.myTasks.totalCount).toBe(0);
  });

  it('without a cadre account the task waits unassigned in the region list, and nobody is told', async () => {
    await cadreFor(withoutAccount.code, withoutAccount.village_code, '钱帮扶', null);
    await endTheJob(withoutAccount.code);
    const opened = await taskOf(withoutAccount.code);
    // The feed's next cycles must not assign it either.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [task] = await situationRows(`select status, assignee from task where id = $1`, [opened.id]);
    expect(task).toEqual({ status: 'OPEN', assignee: null });
    const region: any = await platform.query(REGION, { region: withoutAccount.village_code, status: 'OPEN' });
    expect(region.errors).toBeUndefined();
    expect(region.data.tasks.nodes.map((n: any) => n.subject)).toContain(withoutAccount.code);
    expect(region.data.tasks.countsByAssignee.find((c: any) => c.assignee === null)?.open).toBeGreaterThanOrEqual(1);
    expect(await situationRows(`select id from notification_outbox where task_id = $1`, [opened.id])).toEqual([]);
  });

  it("an open task nobody holds goes to the cadre once the cadre's account is set", async () => {
    const cadreId = await cadreFor(later.code, later.village_code, '孙帮扶', null);
    const set: any = await platform.queryAs(POVERTY_OFFICER, UPDATE_CADRE, { input: { id: cadreId, account: 'cadre-auto-002' } });
    expect(set.errors).toBeUndefined();
    const assigned = await until(
      () => situationRows(`select status, assignee, assignee_kind, assignee_scope from task where kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and subject = $1`, [later.code]),
      (found) => found[0]?.assignee != null,
      'the feed to assign the open task',
    );
    expect(assigned[0]).toEqual({ status: 'ASSIGNED', assignee: 'cadre-auto-002', assignee_kind: 'CADRE', assignee_scope: later.village_code });
    const mine: any = await platform.queryAs(cadreIdentity('cadre-auto-002', later.village_code), MY);
    expect(mine.data.myTasks.nodes.map((n: any) => n.subject)).toContain(later.code);
  });
});

describe("应登尽登: the monthly check's task goes to the cadre's account too", () => {
  it('assigns the new UNREGISTERED_LABOURER task to the account of the household’s cadre (none with TASK_AUTO_ASSIGN off)', async () => {
    const taken = new Set([withAccount.code, withoutAccount.code, later.code]);
    const household = [...platform.county.households(1000)].flat().find((h) => h.povertyStatus === 'LIFTED' && h.cadreId !== null && !taken.has(h.code))!;
    await cadreFor(household.code, household.villageCode, '吴帮扶', 'cadre-auto-003');
    const freshIdNumber = async (): Promise<string> => {
      for (let sequence = 970; ; sequence += 1) {
        const candidate = makeIdNumber(DEMO_COUNTY, `${Number(TODAY.slice(0, 4)) - 30}-03-15`, sequence);
        const [held] = await platform.subgraphs.poverty.sql('select 1 from household_member where id_number = ?', [candidate]);
        const [registered] = await platform.subgraphs.hr.sql('select 1 from worker where id_number = ?', [candidate]);
        if (!held && !registered) return candidate;
      }
    };
    const idNumber = await freshIdNumber();
    const poverty: Identity = { ...POVERTY_OFFICER, permissions: ['reveal'] };
    const added: any = await platform.queryAs(poverty, `mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { id } }`, {
      input: { householdCode: household.code, idNumber, name: '应登丁', relationship: 'OTHER' },
    });
    expect(added.errors).toBeUndefined();
    const workerId = pseudonymOf(idNumber);
    await until(
      () => situationRows(`select 1 from known_person where worker_id = $1 and cadre_account = 'cadre-auto-003'`, [workerId]),
      (found) => found.length === 1,
      'the new member with the cadre account in known_person',
    );
    const url = platform.subgraphs.situation.config.databaseUrl;
    const taskOfPerson = () => situationRows(`select status, assignee, assignee_kind, assignee_scope from task where kind = 'UNREGISTERED_LABOURER' and subject = $1`, [workerId]);
    await situationRows(`delete from completeness_check where month = $1`, [TODAY.slice(0, 7)]);
    await runDailyEvaluation(url, TODAY, false);
    expect(await taskOfPerson()).toEqual([{ status: 'OPEN', assignee: null, assignee_kind: null, assignee_scope: null }]);
    await situationRows(`delete from completeness_check where month = $1`, [TODAY.slice(0, 7)]);
    await runDailyEvaluation(url, TODAY);
    expect(await taskOfPerson()).toEqual([{ status: 'ASSIGNED', assignee: 'cadre-auto-003', assignee_kind: 'CADRE', assignee_scope: household.villageCode }]);
    const mine: any = await platform.queryAs(cadreIdentity('cadre-auto-003', household.villageCode), MY);
    expect(mine.data.myTasks.nodes.map((n: any) => n.subject)).toContain(workerId);
    const [task] = await situationRows(`select id from task where kind = 'UNREGISTERED_LABOURER' and subject = $1`, [workerId]);
    const notices = await situationRows(`select recipient, kind, text from notification_outbox where task_id = $1`, [task.id]);
    expect(notices).toEqual([expect.objectContaining({ recipient: 'cadre-auto-003', kind: 'TASK_ASSIGNED' })]);
    expect(notices[0].text).not.toContain(idNumber);
    expect(notices[0].text).not.toContain('应登丁');
  });
});

describe('the demo county', () => {
  it("gives the dev cadre account (npm start prints its token) a zero-employment household's task: its worklist is not empty", async () => {
    const request = EXAMPLE_ACCOUNTS.find((account) => account.request.subject === DEV_CADRE_ACCOUNT)!.request;
    const mine: any = await platform.queryAs(identityFor(request), MY);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myTasks.totalCount).toBeGreaterThanOrEqual(1);
    const held = await situationRows(`select kind, assignee_kind, status from task where assignee = $1`, [DEV_CADRE_ACCOUNT]);
    expect(held.length).toBe(mine.data.myTasks.totalCount);
    for (const task of held) expect(task).toEqual({ kind: 'ZERO_EMPLOYMENT_HOUSEHOLD', assignee_kind: 'CADRE', status: 'ASSIGNED' });
    const cadres = await rows(platform.subgraphs.poverty.config.databaseUrl, `select count(*)::int as n from cadre where account = $1`, [DEV_CADRE_ACCOUNT]);
    expect(cadres).toEqual([{ n: 1 }]);
  });
});

describe('TASK_AUTO_ASSIGN', () => {
  it('is on by default, off when asked, and anything else is refused by name', () => {
    const base: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'postgres://jiuye@localhost:5432/jiuye' };
    delete base.TASK_AUTO_ASSIGN;
    expect(loadSituationConfig(base).taskAutoAssign).toBe(true);
    expect(loadSituationConfig({ ...base, TASK_AUTO_ASSIGN: 'off' }).taskAutoAssign).toBe(false);
    expect(() => loadSituationConfig({ ...base, TASK_AUTO_ASSIGN: 'maybe' })).toThrow(ConfigError);
    expect(() => loadSituationConfig({ ...base, TASK_AUTO_ASSIGN: 'maybe' })).toThrow(/TASK_AUTO_ASSIGN/);
  });
});
