import pg from 'pg';
import { makeIdNumber, todayInChina, type Identity, type SituationConfig } from '@jiuye/common';
import { type DemoHousehold } from '@jiuye/devtools';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';
import { openSourcePools, rebuildReadModel } from '../../src/projection/feed';
import { runDailyEvaluation } from '../../src/task/task.daily';

/**
 * 应登尽登 (issue 14) through the gateway, against the seeded demo county: poverty adds a
 * working-age member to a registered household; the read model lists them as an unregistered
 * labourer (a child and an elder added alongside are not listed), counts them (suppressed for
 * dashboards), and answers person(idNumber) for them where hr's worker(idNumber) says NOT_FOUND;
 * the monthly check opens an UNREGISTERED_LABOURER task (once per month), an officer assigns it,
 * closing fails until hr registers the person, then it closes as REGISTERED. A person only civil
 * affairs knows is found too; the lookups are logged; scope, purpose and bad input are refused.
 */
jest.setTimeout(300_000);

const TODAY = todayInChina();
const yearsAgo = (years: number) => `${Number(TODAY.slice(0, 4)) - years}-03-15`;
let platform: TestPlatform;
let household: DemoHousehold;
let adult: { idNumber: string; name: string };
let child: { idNumber: string; name: string };
let elder: { idNumber: string; name: string };
let civilOnly: { idNumber: string };
let baseline: number;

const LIST = `query($region: String, $first: Int, $after: String) { unregisteredLabourers(region: $region, first: $first, after: $after) {
  region { code } totalCount pageInfo { hasNextPage endCursor }
  nodes { id name idNumberMasked idNumber sex age householdCode villageCode villageName povertyStatus responsibleCadre } } }`;
const FIGURES = `query($region: String) { labourRegistryCompleteness(region: $region) {
  region { code } workingAgeMembers { value suppressed } unregistered { value suppressed } registeredShare { value suppressed } } }`;
const PERSON = `query($id: String!) { person(idNumber: $id) { id name idNumberMasked sex age householdCode villageCode villageName povertyStatus
  departments inLabourRegistry unregisteredLabourer worker { id } situation { id employmentStatus } } }`;
const WORKER = `query($id: String!) { worker(idNumber: $id) { id } }`;
const TASKS = `query($region: String) { tasks(region: $region, kind: UNREGISTERED_LABOURER, first: 100) {
  totalCount nodes { id kind subject label status assignee dueOn householdCode villageCode outcome history { toStatus actor note } } } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { id kind subject status assignee assigneeKind } }`;
const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { id status outcome } }`;

const officerOf = (department: Identity['department'], region: string, subject = `${department}-${region}`): Identity => ({
  subject,
  department,
  role: 'officer',
  region,
  permissions: ['reveal'],
});
const DASHBOARD: Identity = { subject: 'dash-completeness', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] };

async function situationRows<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: platform.subgraphs.situation.config.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A number of this birth date that neither hr nor poverty nor civil holds. */
async function freshIdNumber(birthDate: string, from: number): Promise<string> {
  for (let sequence = from; ; sequence += 1) {
    const candidate = makeIdNumber(DEMO_COUNTY, birthDate, sequence);
    const [hr] = await platform.subgraphs.hr.sql('select 1 from worker where id_number = ?', [candidate]);
    const [poverty] = await platform.subgraphs.poverty.sql('select 1 from household_member where id_number = ?', [candidate]);
    const [civil] = await platform.subgraphs.civil.sql('select 1 from person_circumstance where id_number = ?', [candidate]);
    if (!hr && !poverty && !civil) return candidate;
  }
}

async function listed(region: string, as: Identity = COUNTY_OFFICER): Promise<any> {
  const response: any = await platform.queryAs(as, LIST, { region, first: 500 });
  expect(response.errors).toBeUndefined();
  return response.data.unregisteredLabourers;
}

beforeAll(async () => {
  platform = await startTestPlatform(300);
  household = [...platform.county.households(1000)].flat().find((h) => h.povertyStatus === 'LIFTED' && h.cadreId !== null)!;
  baseline = (await listed(DEMO_COUNTY)).totalCount;
  adult = { idNumber: await freshIdNumber(yearsAgo(30), 940), name: '应登甲' };
  child = { idNumber: await freshIdNumber(yearsAgo(10), 940), name: '应登乙' };
  elder = { idNumber: await freshIdNumber(yearsAgo(70), 940), name: '应登丙' };
  civilOnly = { idNumber: await freshIdNumber(yearsAgo(70), 960) };
  const poverty = officerOf('poverty', household.villageCode);
  for (const person of [adult, child, elder]) {
    const added: any = await platform.queryAs(poverty, `mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { id } }`, {
      input: { householdCode: household.code, idNumber: person.idNumber, name: person.name, relationship: 'OTHER' },
    });
    expect(added.errors).toBeUndefined();
  }
});
afterAll(() => platform?.stop());

describe('应登尽登: working-age members of poor households outside the labour registry', () => {
  it('lists the working-age member poverty added (not the child, not the elder), with the household and its cadre', async () => {
    const page = await until(
      () => listed(household.villageCode),
      (p) => p.nodes.some((n: any) => n.idNumber === adult.idNumber),
      'the new member in the read model',
    );
    const names = page.nodes.map((n: any) => n.name);
    expect(names).toContain(adult.name);
    expect(names).not.toContain(child.name);
    expect(names).not.toContain(elder.name);
    const node = page.nodes.find((n: any) => n.idNumber === adult.idNumber);
    expect(node).toMatchObject({
      householdCode: household.code,
      villageCode: household.villageCode,
      povertyStatus: 'LIFTED',
      age: 30 - (TODAY.slice(5) < '03-15' ? 1 : 0),
      idNumberMasked: expect.stringMatching(/^\d{6}\*+/),
    });
    expect(node.responsibleCadre).toEqual(expect.any(String));
    expect(node.id).toMatch(/^w/);
    expect((await listed(DEMO_COUNTY)).totalCount).toBe(baseline + 1);
  });

  it('pages by village and worker key', async () => {
    const first: any = await platform.queryAs(COUNTY_OFFICER, LIST, { region: DEMO_COUNTY, first: 1 });
    expect(first.errors).toBeUndefined();
    expect(first.data.unregisteredLabourers.nodes).toHaveLength(1);
    const bad: any = await platform.queryAs(COUNTY_OFFICER, LIST, { region: DEMO_COUNTY, first: 1, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('counts them: exact for officers, suppressed for dashboards (a count of 1)', async () => {
    const officer: any = await platform.queryAs(COUNTY_OFFICER, FIGURES, { region: household.villageCode });
    expect(officer.errors).toBeUndefined();
    const figures = officer.data.labourRegistryCompleteness;
    const village = await listed(household.villageCode);
    expect(figures.unregistered).toEqual({ value: village.totalCount, suppressed: false });
    expect(figures.workingAgeMembers.value).toBeGreaterThanOrEqual(village.totalCount);
    const [members] = await platform.subgraphs.poverty.sql<{ n: number }>(
      `select count(*)::int as n from household_member m join household h on h.code = m.household_code
        where m.removed_on is null and h.poverty_status is not null and m.household_code like ? || '%'
          and extract(year from age(?::date, m.birth_date)) between 16 and 60`,
      [household.villageCode, TODAY],
    );
    expect(figures.workingAgeMembers.value).toBe(members.n);
    const dashboard: any = await platform.queryAs(DASHBOARD, FIGURES, { region: household.villageCode }, null);
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data.labourRegistryCompleteness.unregistered).toEqual({ value: null, suppressed: true });
  });

  it('is person-level: refused without a purpose and to dashboards; outside the region is refused by the region check', async () => {
    const noPurpose: any = await platform.queryAs(COUNTY_OFFICER, LIST, { region: DEMO_COUNTY }, null);
    expect(noPurpose.errors?.[0]?.extensions?.code).toBe('PURPOSE_REQUIRED');
    const dashboard: any = await platform.queryAs(DASHBOARD, LIST, { region: DEMO_COUNTY });
    expect(dashboard.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const elsewhere: any = await platform.queryAs(officerOf('hr', `${household.villageCode.slice(0, 9)}999`), LIST, { region: household.villageCode });
    expect(elsewhere.data?.unregisteredLabourers ?? null).toBeNull();
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('logs every person it returns (worker key and village)', async () => {
    const reader = officerOf('hr', household.villageCode, 'completeness-reader');
    await listed(household.villageCode, reader);
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const node = (await listed(household.villageCode)).nodes.find((n: any) => n.idNumber === adult.idNumber);
      const rows = await until(
        async () => (await audit.query(`select worker_id, village_code from access_log where staff = $1`, [reader.subject])).rows,
        (r) => r.some((row: any) => row.worker_id === node.id),
        'the access log entry',
      );
      expect(rows).toContainEqual({ worker_id: node.id, village_code: household.villageCode });
    } finally {
      await audit.end();
    }
  });
});

describe('person(idNumber): people known only to poverty or civil affairs', () => {
  it('hr’s worker(idNumber) does not know the new member; person(idNumber) answers, logged as a lookup', async () => {
    const caller = officerOf('hr', household.villageCode, 'person-lookup');
    const worker: any = await platform.queryAs(caller, WORKER, { id: adult.idNumber });
    expect(worker.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'idNumber' });
    const response: any = await platform.queryAs(caller, PERSON, { id: adult.idNumber });
    expect(response.errors).toBeUndefined();
    expect(response.data.person).toMatchObject({
      name: adult.name,
      householdCode: household.code,
      villageCode: household.villageCode,
      povertyStatus: 'LIFTED',
      departments: ['poverty'],
      inLabourRegistry: false,
      unregisteredLabourer: true,
      worker: null,
      situation: null,
    });
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const rows = (await audit.query(`select worker_id, lookup, fields from access_log where staff = $1`, [caller.subject])).rows;
      // The gateway charges and logs person(idNumber) as a lookup by ID number (gateway/src/audit/id-lookups.ts), with its outcome.
      expect(rows).toContainEqual(
        expect.objectContaining({ worker_id: response.data.person.id, lookup: 'found', fields: expect.arrayContaining(['lookup:Query.person(idNumber)']) }),
      );
      expect(JSON.stringify(rows)).not.toContain(adult.idNumber);
    } finally {
      await audit.end();
    }
  });

  it('answers for a child poverty knows (not on the list: under 16)', async () => {
    const response: any = await platform.queryAs(officerOf('poverty', household.villageCode), PERSON, { id: child.idNumber });
    expect(response.errors).toBeUndefined();
    expect(response.data.person).toMatchObject({ departments: ['poverty'], inLabourRegistry: false, unregisteredLabourer: false, age: 10 - (TODAY.slice(5) < '03-15' ? 1 : 0) });
  });

  it('answers for a person only civil affairs knows, placed by the household civil recorded', async () => {
    const civil = officerOf('civil', household.villageCode);
    const recorded: any = await platform.queryAs(civil, `mutation($input: SetLeftBehindInput!) { setLeftBehind(input: $input) { id } }`, {
      input: { idNumber: civilOnly.idNumber, householdCode: household.code, kind: 'ELDERLY' },
    });
    expect(recorded.errors).toBeUndefined();
    const response: any = await until(
      () => platform.queryAs(civil, PERSON, { id: civilOnly.idNumber }),
      (r: any) => r.data?.person != null,
      'the civil person in the read model',
    );
    expect(response.data.person).toMatchObject({ departments: ['civil'], name: null, householdCode: household.code, inLabourRegistry: false, unregisteredLabourer: false });
    expect(response.data.person.sex).toMatch(/^(MALE|FEMALE)$/);
  });

  it('outside the region and unknown answer alike (NOT_FOUND on idNumber); bad numbers are bad input', async () => {
    const other = officerOf('hr', `${household.villageCode.slice(0, 9)}999`);
    const hidden: any = await platform.queryAs(other, PERSON, { id: adult.idNumber });
    const unknown: any = await platform.queryAs(other, PERSON, { id: await freshIdNumber(yearsAgo(33), 970) });
    const strip = (r: any) => JSON.parse(JSON.stringify(r), (key, value) => (key === 'requestId' ? undefined : value));
    expect(strip(hidden)).toEqual(strip(unknown));
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'idNumber' });
    const bad: any = await platform.queryAs(COUNTY_OFFICER, PERSON, { id: '53011319900101123' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    const city: any = await platform.queryAs({ subject: 'city-4403', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [] }, PERSON, {
      id: adult.idNumber,
    });
    expect(city.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the monthly check: a task per unregistered labourer, closed when hr registers the person', () => {
  let taskId: string;
  let workerKey: string;

  it('opens one UNREGISTERED_LABOURER task per person, once per month', async () => {
    // The service checked this month at start, before the member was added: run the month again.
    await situationRows(`delete from completeness_check where month = $1`, [TODAY.slice(0, 7)]);
    await runDailyEvaluation(platform.subgraphs.situation.config.databaseUrl, TODAY);
    const [check] = await situationRows<{ opened: number }>(`select opened from completeness_check where month = $1`, [TODAY.slice(0, 7)]);
    // Those listed before were given their tasks when the service started: only the new member now.
    expect(check.opened).toBe(1);
    const response: any = await platform.queryAs(COUNTY_OFFICER, TASKS, { region: household.villageCode });
    expect(response.errors).toBeUndefined();
    const node = (await listed(household.villageCode)).nodes.find((n: any) => n.idNumber === adult.idNumber);
    workerKey = node.id;
    const task = response.data.tasks.nodes.find((t: any) => t.subject === workerKey);
    expect(task).toMatchObject({ kind: 'UNREGISTERED_LABOURER', status: 'OPEN', assignee: null, householdCode: household.code, villageCode: household.villageCode });
    expect(task.label).toBe('应登尽登（劳动力未登记）');
    expect(task.history[0].actor).toBe('system:monthly');
    expect(task.history[0].note).toContain('帮扶责任人');
    expect(task.history[0].note).not.toContain(adult.idNumber);
    expect(task.history[0].note).not.toContain(adult.name);
    taskId = task.id;
    // The same month again: nothing more.
    await runDailyEvaluation(platform.subgraphs.situation.config.databaseUrl, TODAY);
    const again: any = await platform.queryAs(COUNTY_OFFICER, TASKS, { region: household.villageCode });
    expect(again.data.tasks.totalCount).toBe(response.data.tasks.totalCount);
  });

  it('is assigned by an officer; closing is refused until the registry holds the person', async () => {
    const assigned: any = await platform.queryAs(COUNTY_OFFICER, ASSIGN, {
      input: { kind: 'UNREGISTERED_LABOURER', subject: workerKey, assignee: 'cadre-wang', assigneeKind: 'CADRE', assigneeScope: household.villageCode },
    });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignTask).toMatchObject({ id: taskId, status: 'ASSIGNED', assignee: 'cadre-wang' });
    const badSubject: any = await platform.queryAs(COUNTY_OFFICER, ASSIGN, {
      input: { kind: 'UNREGISTERED_LABOURER', subject: household.code, assignee: 'cadre-wang', assigneeKind: 'CADRE', assigneeScope: household.villageCode },
    });
    expect(badSubject.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject' });
    const early: any = await platform.queryAs(COUNTY_OFFICER, CLOSE, { input: { taskId } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_BORNE_OUT' });
    const notApplicable: any = await platform.queryAs(COUNTY_OFFICER, CLOSE, { input: { taskId, outcome: 'NOT_APPLICABLE', note: '外出' } });
    expect(notApplicable.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_BORNE_OUT' });
  });

  it('hr registers the person: they leave the list, person() shows the registry, and the task closes as REGISTERED', async () => {
    const registered: any = await platform.queryAs(officerOf('hr', household.villageCode), `mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }`, {
      input: {
        idNumber: adult.idNumber,
        name: adult.name,
        householdCode: household.code,
        populationStatus: 'AT_HOME',
        employmentStatus: 'UNEMPLOYED',
        employmentIntention: 'LOCAL',
        skillLevel: 'NONE',
        education: 'JUNIOR_HIGH',
      },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerWorker.id).toBe(workerKey);
    await until(
      () => listed(household.villageCode),
      (p) => !p.nodes.some((n: any) => n.id === workerKey),
      'the registered person to leave the list',
    );
    const person: any = await platform.queryAs(COUNTY_OFFICER, PERSON, { id: adult.idNumber });
    expect(person.data.person).toMatchObject({
      departments: ['hr', 'poverty'],
      inLabourRegistry: true,
      unregisteredLabourer: false,
      worker: { id: workerKey },
      situation: { id: workerKey, employmentStatus: 'UNEMPLOYED' },
    });
    const closed: any = await platform.queryAs(COUNTY_OFFICER, CLOSE, { input: { taskId } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeTask).toMatchObject({ status: 'CLOSED', outcome: 'REGISTERED' });
    expect((await listed(DEMO_COUNTY)).totalCount).toBe(baseline);
  });
});

describe('the read model follows poverty: a member who leaves, a rebuild', () => {
  let leaver: { idNumber: string; name: string };
  let taskId: string;
  const poverty = () => officerOf('poverty', household.villageCode);

  it('a working-age member who leaves the household leaves the list; the open task then closes only as NOT_APPLICABLE, by an officer', async () => {
    leaver = { idNumber: await freshIdNumber(yearsAgo(25), 980), name: '应登丁' };
    const added: any = await platform.queryAs(poverty(), `mutation($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { id } }`, {
      input: { householdCode: household.code, idNumber: leaver.idNumber, name: leaver.name, relationship: 'OTHER' },
    });
    expect(added.errors).toBeUndefined();
    const page = await until(
      () => listed(household.villageCode),
      (p) => p.nodes.some((n: any) => n.idNumber === leaver.idNumber),
      'the new member',
    );
    const workerKey = page.nodes.find((n: any) => n.idNumber === leaver.idNumber).id;
    // An officer opens the task on demand (the month's check already ran).
    const assigned: any = await platform.queryAs(COUNTY_OFFICER, ASSIGN, {
      input: { kind: 'UNREGISTERED_LABOURER', subject: workerKey, assignee: 'cadre-li', assigneeKind: 'CADRE', assigneeScope: household.villageCode },
    });
    expect(assigned.errors).toBeUndefined();
    taskId = assigned.data.assignTask.id;
    const removed: any = await platform.queryAs(poverty(), `mutation($input: RemoveHouseholdMemberInput!) { removeHouseholdMember(input: $input) { id } }`, {
      input: { householdCode: household.code, idNumber: leaver.idNumber, removedOn: TODAY, reason: '外嫁迁出' },
    });
    expect(removed.errors).toBeUndefined();
    await until(
      () => listed(household.villageCode),
      (p) => !p.nodes.some((n: any) => n.idNumber === leaver.idNumber),
      'the member who left to leave the list',
    );
    const again: any = await platform.queryAs(COUNTY_OFFICER, ASSIGN, {
      input: { kind: 'UNREGISTERED_LABOURER', subject: workerKey, assignee: 'cadre-li', assigneeKind: 'CADRE', assigneeScope: household.villageCode },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.subject' });
    const registered: any = await platform.queryAs(COUNTY_OFFICER, CLOSE, { input: { taskId } });
    expect(registered.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_BORNE_OUT' });
    const closed: any = await platform.queryAs(COUNTY_OFFICER, CLOSE, { input: { taskId, outcome: 'NOT_APPLICABLE', note: '已迁出本户' } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeTask).toMatchObject({ status: 'CLOSED', outcome: 'NOT_APPLICABLE' });
  });

  it('a rebuild of the read model gives the same known people, list and tasks', async () => {
    const snapshot = () =>
      situationRows(
        `select (select count(*)::int from known_person) as known, (select count(*)::int from task where kind = 'UNREGISTERED_LABOURER') as tasks,
                (select string_agg(department || ':' || worker_id || ':' || coalesce(poverty_status, '') || ':' || coalesce(cadre_name, ''), ',' order by department, worker_id) from known_person) as rows`,
      );
    const before = await snapshot();
    expect(before[0].known).toBeGreaterThan(0);
    const listBefore = await listed(DEMO_COUNTY);
    const pools = openSourcePools((platform.subgraphs.situation.config as SituationConfig).sourceDatabaseUrls);
    try {
      await rebuildReadModel(platform.subgraphs.situation.config.databaseUrl, pools);
    } finally {
      await Promise.all(Object.values(pools).map((pool) => pool.end()));
    }
    expect(await snapshot()).toEqual(before);
    expect(await listed(DEMO_COUNTY)).toEqual(listBefore);
  });
});
