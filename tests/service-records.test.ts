import pg from 'pg';
import { addDays, todayInChina, type Identity, type SituationConfig } from '@jiuye/common';
import { openSourcePools, rebuildReadModel } from '@jiuye/situation';
import { pseudonymOf } from '@jiuye/testing/harness';
import { startTestPlatform, COUNTY_OFFICER, DEMO_COUNTY, userHeaders, type TestPlatform } from '@jiuye/testing/platform';
import { type DemoHousehold, type DemoPerson } from '@jiuye/devtools';

/**
 * 一人一案 through the gateway: two departments record services for one worker, the change feed
 * carries them into the read model, the person's timeline shows both newest first with their
 * department and staff account, and the roster filter "no service in the last N days" follows.
 * Bad input names the field and writes nothing; an officer of another region gets the answer
 * of a person nobody knows; dashboards read no timeline.
 */
jest.setTimeout(180_000);

let platform: TestPlatform;
let households: DemoHousehold[];
const TODAY = todayInChina();

const POVERTY_OFFICER: Identity = { subject: 'poverty-county-officer', department: 'poverty', role: 'officer', region: DEMO_COUNTY, permissions: [] };
/** An hr officer of another township of the county (set once the worker is chosen). */
let OTHER_REGION: Identity;
const DASHBOARD: Identity = { subject: 'dash', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] };

const RECORD_HR = `mutation($input: RecordServiceInput!) { recordHrService(input: $input) { id department kind servedOn staffAccount outcome postingIds caseStatus closedOn note } }`;
const RECORD_POVERTY = `mutation($input: RecordServiceInput!) { recordPovertyService(input: $input) { id department kind servedOn staffAccount outcome channel } }`;
const UPDATE_CASE = `mutation($input: UpdateRightsCaseInput!) { updateHrRightsCase(input: $input) { id caseStatus closedOn outcome } }`;
const TIMELINE = `query($id: ID!) { situationPerson(id: $id) { id lastServiceOn serviceTimeline(first: 20) { totalCount nodes { department departmentLabel recordId kind servedOn staffAccount outcome channel postingSource postingIds caseStatus closedOn } } } }`;
const ROSTER = `query($region: String, $days: Int, $after: String) { roster(kind: REAL_NAME, region: $region, first: 500, after: $after, noServiceWithinDays: $days) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;

let worker: { person: DemoPerson; household: DemoHousehold; id: string };
let neighbour: { person: DemoPerson; id: string };
let postingId: string;
/** Workers the demo county already has service records for (devtools/src/seed/service-records.ts). */
const served = new Set<string>();

beforeAll(async () => {
  platform = await startTestPlatform(200);
  households = [...platform.county.households(1000)].flat();
  // Two registry workers of one village without the demo's service records (devtools/src/seed/service-records.ts): one gets services, the other none.
  for (const name of ['hr', 'poverty', 'civil', 'training', 'partner'] as const)
    for (const row of await platform.subgraphs[name].sql<{ worker_id: string }>('select distinct worker_id from service_record')) served.add(row.worker_id);
  expect(served.size).toBeGreaterThan(0);
  const byVillage = new Map<string, { person: DemoPerson; household: DemoHousehold }[]>();
  for (const household of households)
    for (const person of household.members.filter((m) => m.inLabourRegistry && !served.has(pseudonymOf(m.idNumber))))
      byVillage.set(household.villageCode, [...(byVillage.get(household.villageCode) ?? []), { person, household }]);
  const [first, second] = [...byVillage.values()].find((people) => people.length >= 2)!;
  worker = { ...first, id: pseudonymOf(first.person.idNumber) };
  neighbour = { person: second.person, id: pseudonymOf(second.person.idNumber) };
  const otherTownship = households.find((h) => h.townshipCode !== first.household.townshipCode)!.townshipCode;
  OTHER_REGION = { subject: 'hr-other-township', department: 'hr', role: 'officer', region: otherTownship, permissions: [] };
  const postings = await platform.subgraphs.hr.sql<{ id: number }>('select id from job_posting order by id limit 1');
  expect(postings).toHaveLength(1);
  postingId = String(postings[0].id);
  // Referrals and pushes name postings open on the day of the service: the first hr and partner postings run from 60 days ago to 30 days ahead.
  await platform.subgraphs.hr.sql(`update job_posting set open_from = ?::date, open_until = ?::date, closed_on = null, close_reason = null where id = ?`, [
    addDays(TODAY, -60),
    addDays(TODAY, 30),
    postings[0].id,
  ]);
  await platform.subgraphs.partner.sql(
    `update partner_job_posting set pushed_on = ?::date, valid_until = ?::date, closed_on = null, close_reason = null where id = (select min(id) from partner_job_posting)`,
    [addDays(TODAY, -60), addDays(TODAY, 30)],
  );
});
afterAll(() => platform?.stop());

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 15_000) throw new Error('the read model did not follow within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function rosterIds(region: string, days: number | null): Promise<{ ids: Set<string>; totalCount: number }> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const response: any = await platform.query(ROSTER, { region, days, after });
    expect(response.errors).toBeUndefined();
    for (const node of response.data.roster.nodes) ids.add(node.id);
    if (!response.data.roster.pageInfo.hasNextPage) return { ids, totalCount: response.data.roster.totalCount };
    after = response.data.roster.pageInfo.endCursor;
  }
}

const serviceRows = async () => ({
  hr: (await platform.subgraphs.hr.sql<{ n: number }>('select count(*)::int as n from service_record'))[0].n,
  poverty: (await platform.subgraphs.poverty.sql<{ n: number }>('select count(*)::int as n from service_record'))[0].n,
  partner: (await platform.subgraphs.partner.sql<{ n: number }>('select count(*)::int as n from service_record'))[0].n,
  training: (await platform.subgraphs.training.sql<{ n: number }>('select count(*)::int as n from service_record'))[0].n,
  civil: (await platform.subgraphs.civil.sql<{ n: number }>('select count(*)::int as n from service_record'))[0].n,
});

describe('一人一案: services recorded by two departments, one timeline', () => {
  it('hr and poverty record services; the feed applies them; the timeline shows both newest first with department and staff', async () => {
    const referral: any = await platform.query(RECORD_HR, {
      input: { workerId: worker.id, kind: 'JOB_REFERRAL', servedOn: addDays(TODAY, -10), postingIds: [postingId], outcome: 'PENDING', note: '推荐到县城物流园分拣岗' },
    });
    expect(referral.errors).toBeUndefined();
    expect(referral.data.recordHrService).toMatchObject({
      department: 'hr',
      kind: 'JOB_REFERRAL',
      servedOn: addDays(TODAY, -10),
      staffAccount: COUNTY_OFFICER.subject,
      outcome: 'PENDING',
      postingIds: [postingId],
      caseStatus: null,
    });
    const contact: any = await platform.queryAs(POVERTY_OFFICER, RECORD_POVERTY, {
      input: { workerId: worker.id, kind: 'CONTACT_ATTEMPT', servedOn: addDays(TODAY, -3), outcome: 'REACHED', channel: 'VISIT' },
    });
    expect(contact.errors).toBeUndefined();
    expect(contact.data.recordPovertyService).toMatchObject({ department: 'poverty', staffAccount: POVERTY_OFFICER.subject, outcome: 'REACHED', channel: 'VISIT' });

    let person: any;
    await waitFor(async () => {
      const response: any = await platform.query(TIMELINE, { id: worker.id });
      person = response.data?.situationPerson;
      // Both fields applied: they are read by two statements, which may see either side of the feed's commit.
      return person?.serviceTimeline.totalCount === 2 && person?.lastServiceOn !== null;
    });
    expect(person.lastServiceOn).toBe(addDays(TODAY, -3));
    expect(person.serviceTimeline.nodes).toEqual([
      {
        department: 'poverty',
        departmentLabel: '扶贫/乡村振兴',
        recordId: contact.data.recordPovertyService.id,
        kind: 'CONTACT_ATTEMPT',
        servedOn: addDays(TODAY, -3),
        staffAccount: POVERTY_OFFICER.subject,
        outcome: 'REACHED',
        channel: 'VISIT',
        postingSource: null,
        postingIds: [],
        caseStatus: null,
        closedOn: null,
      },
      {
        department: 'hr',
        departmentLabel: '人社',
        recordId: referral.data.recordHrService.id,
        kind: 'JOB_REFERRAL',
        servedOn: addDays(TODAY, -10),
        staffAccount: COUNTY_OFFICER.subject,
        outcome: 'PENDING',
        channel: null,
        postingSource: 'HR_JOB_POSTING',
        postingIds: [postingId],
        caseStatus: null,
        closedOn: null,
      },
    ]);
  });

  it('pages the timeline with a cursor, newest first', async () => {
    const first: any = await platform.query(
      `query($id: ID!) { situationPerson(id: $id) { serviceTimeline(first: 1) { totalCount nodes { department } pageInfo { hasNextPage endCursor } } } }`,
      { id: worker.id },
    );
    const page = first.data.situationPerson.serviceTimeline;
    expect(page).toMatchObject({ totalCount: 2, nodes: [{ department: 'poverty' }], pageInfo: { hasNextPage: true } });
    const second: any = await platform.query(
      `query($id: ID!, $after: String) { situationPerson(id: $id) { serviceTimeline(first: 1, after: $after) { nodes { department } pageInfo { hasNextPage } } } }`,
      { id: worker.id, after: page.pageInfo.endCursor },
    );
    expect(second.data.situationPerson.serviceTimeline).toEqual({ nodes: [{ department: 'hr' }], pageInfo: { hasNextPage: false } });
  });

  it('the timeline read is logged in the access log like other person fields', async () => {
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      let fields: string[] = [];
      await waitFor(async () => {
        const rows = (await audit.query(`select fields from access_log where staff = $1 and worker_id = $2`, [COUNTY_OFFICER.subject, worker.id])).rows;
        fields = rows.flatMap((row) => row.fields as string[]);
        return fields.includes('SituationPerson.serviceTimeline');
      });
      expect(fields).toContain('SituationPerson.lastServiceOn');
    } finally {
      await audit.end();
    }
  });

  it('the roster filter "no service in the last N days" excludes the served worker and keeps the neighbour', async () => {
    const village = worker.household.villageCode;
    const all = await rosterIds(village, null);
    expect(all.ids.has(worker.id)).toBe(true);
    expect(all.ids.has(neighbour.id)).toBe(true);
    const month = await rosterIds(village, 30);
    expect(month.ids.has(worker.id)).toBe(false);
    expect(month.ids.has(neighbour.id)).toBe(true);
    expect(month.totalCount).toBe(month.ids.size);
    // The latest service was 3 days ago: outside a window of 2 days.
    const twoDays = await rosterIds(village, 2);
    expect(twoDays.ids.has(worker.id)).toBe(true);
    // Over the county, counted the same way as listed.
    const county = await rosterIds(DEMO_COUNTY, 30);
    expect(county.ids.has(worker.id)).toBe(false);
    expect(county.totalCount).toBe(county.ids.size);
    const wrong: any = await platform.query(ROSTER, { region: village, days: 0 });
    expect(wrong.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'noServiceWithinDays' });
  });

  it('the roster export takes the same filter: the file holds exactly the filtered roster, and only those people are logged', async () => {
    const village = worker.household.villageCode;
    const month = await rosterIds(village, 30);
    const path = `/exports/roster.csv?kind=REAL_NAME&region=${village}&noServiceWithinDays=30`;
    const response = await fetch(platform.gateway.url.replace(/\/graphql$/, '') + path, { headers: await userHeaders(COUNTY_OFFICER, 'verification') });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line.length > 0);
    expect(lines[0]).toContain('近30天无服务记录');
    const header = lines.findIndex((line) => line.startsWith('序号,'));
    expect(lines.length - header - 1).toBe(month.totalCount);
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(`select worker_id from access_log where operation like $1`, [`export ${path}%`]);
      const ids = new Set(logged.rows.map((row) => row.worker_id));
      expect(ids).toEqual(month.ids);
      expect(ids.has(worker.id)).toBe(false);
      expect(ids.has(neighbour.id)).toBe(true);
    } finally {
      await audit.end();
    }
    // Bad windows are refused by the query's own check, naming the parameter; so is the filter on another export.
    for (const days of ['0', '-3', '1e2', '', '999999', 'thirty']) {
      const refused = await fetch(platform.gateway.url.replace(/\/graphql$/, '') + `/exports/roster.csv?kind=REAL_NAME&region=${village}&noServiceWithinDays=${days}`, {
        headers: await userHeaders(COUNTY_OFFICER, 'verification'),
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'noServiceWithinDays' });
    }
    const elsewhere = await fetch(platform.gateway.url.replace(/\/graphql$/, '') + `/exports/warnings.csv?region=${village}&noServiceWithinDays=30`, {
      headers: await userHeaders(COUNTY_OFFICER, 'verification'),
    });
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as any).errors[0].extensions.field).toBe('noServiceWithinDays');
  });
});

describe('references are checked with the department that holds them', () => {
  it('poverty refers to an hr posting and a partner posting, hr to a training class', async () => {
    const [pushed] = await platform.subgraphs.partner.sql<{ id: number }>('select id from partner_job_posting order by id limit 1');
    const [klass] = await platform.subgraphs.training.sql<{ id: number }>('select id from training_class order by id limit 1');
    const day = addDays(TODAY, -40);
    const hrPosting: any = await platform.queryAs(POVERTY_OFFICER, RECORD_POVERTY, {
      input: { workerId: neighbour.id, kind: 'JOB_REFERRAL', servedOn: day, postingSource: 'HR_JOB_POSTING', postingIds: [postingId], outcome: 'REFUSED' },
    });
    expect(hrPosting.errors).toBeUndefined();
    expect(hrPosting.data.recordPovertyService).toMatchObject({ department: 'poverty', outcome: 'REFUSED' });
    const partnerPush: any = await platform.queryAs(
      POVERTY_OFFICER,
      `mutation($input: RecordServiceInput!) { recordPovertyService(input: $input) { postingSource postingIds channel } }`,
      {
        input: { workerId: neighbour.id, kind: 'JOB_PUSH', servedOn: day, postingSource: 'PARTNER_PUSHED_POSTING', postingIds: [String(pushed.id)], channel: 'WECHAT' },
      },
    );
    expect(partnerPush.errors).toBeUndefined();
    expect(partnerPush.data.recordPovertyService).toEqual({ postingSource: 'PARTNER_PUSHED_POSTING', postingIds: [String(pushed.id)], channel: 'WECHAT' });
    const training: any = await platform.query(`mutation($input: RecordServiceInput!) { recordHrService(input: $input) { kind classId } }`, {
      input: { workerId: neighbour.id, kind: 'TRAINING_REFERRAL', servedOn: day, classId: String(klass.id) },
    });
    expect(training.errors).toBeUndefined();
    expect(training.data.recordHrService).toEqual({ kind: 'TRAINING_REFERRAL', classId: String(klass.id) });
    // Served 40 days ago: still without a service in the last 30 days.
    await waitFor(async () => {
      const response: any = await platform.query(TIMELINE, { id: neighbour.id });
      return response.data?.situationPerson?.serviceTimeline.totalCount === 3;
    });
    const month = await rosterIds(worker.household.villageCode, 30);
    expect(month.ids.has(neighbour.id)).toBe(true);
    const fifty = await rosterIds(worker.household.villageCode, 50);
    expect(fifty.ids.has(neighbour.id)).toBe(false);
  });
});

describe('bad input names the field and writes nothing', () => {
  const refused = async (identity: Identity, query: string, input: Record<string, unknown>) => {
    const before = await serviceRows();
    const response: any = await platform.queryAs(identity, query, { input });
    expect(response.errors).toHaveLength(1);
    expect(await serviceRows()).toEqual(before);
    return response.errors[0];
  };

  it('a future date, an unknown posting, an ID number in the note, a field the kind does not take', async () => {
    const future = await refused(COUNTY_OFFICER, RECORD_HR, { workerId: worker.id, kind: 'CAREER_GUIDANCE', servedOn: addDays(TODAY, 1) });
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.servedOn' });

    const unknownPosting = await refused(COUNTY_OFFICER, RECORD_HR, { workerId: worker.id, kind: 'JOB_REFERRAL', servedOn: TODAY, postingIds: ['999999'], outcome: 'PENDING' });
    expect(unknownPosting.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postingIds[0]', reason: 'NOT_FOUND' });

    const idInNote = await refused(COUNTY_OFFICER, RECORD_HR, { workerId: worker.id, kind: 'CAREER_GUIDANCE', servedOn: TODAY, note: `本人身份证 ${worker.person.idNumber} 已核` });
    expect(idInNote.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note', reason: 'ID_NUMBER_IN_TEXT' });
    expect(idInNote.message).not.toContain(worker.person.idNumber);
    // Spaced out in groups, still an ID number.
    const spaced = `${worker.person.idNumber.slice(0, 6)} ${worker.person.idNumber.slice(6, 14)} ${worker.person.idNumber.slice(14)}`;
    const spacedNote = await refused(POVERTY_OFFICER, RECORD_POVERTY, { workerId: worker.id, kind: 'CAREER_GUIDANCE', servedOn: TODAY, note: spaced });
    expect(spacedNote.extensions).toMatchObject({ field: 'input.note' });

    const push = await refused(COUNTY_OFFICER, RECORD_HR, { workerId: worker.id, kind: 'JOB_PUSH', servedOn: TODAY, postingIds: [postingId] });
    expect(push.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });

    const wrongOutcome = await refused(COUNTY_OFFICER, RECORD_HR, { workerId: worker.id, kind: 'CONTACT_ATTEMPT', servedOn: TODAY, outcome: 'HIRED' });
    expect(wrongOutcome.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });

    // Poverty holds no postings: it says whose they are, and the holder (hr) is asked whether they exist.
    const povertyReferral = await refused(POVERTY_OFFICER, RECORD_POVERTY, {
      workerId: worker.id,
      kind: 'JOB_REFERRAL',
      servedOn: TODAY,
      postingIds: [postingId],
      outcome: 'PENDING',
    });
    expect(povertyReferral.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postingSource' });
    const povertyUnknown = await refused(POVERTY_OFFICER, RECORD_POVERTY, {
      workerId: worker.id,
      kind: 'JOB_REFERRAL',
      servedOn: TODAY,
      postingSource: 'HR_JOB_POSTING',
      postingIds: ['999999'],
      outcome: 'PENDING',
    });
    expect(povertyUnknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postingIds[0]', reason: 'NOT_FOUND' });
    const unknownClass = await refused(COUNTY_OFFICER, RECORD_HR, { workerId: worker.id, kind: 'TRAINING_REFERRAL', servedOn: TODAY, classId: '999999' });
    expect(unknownClass.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.classId', reason: 'NOT_FOUND' });

    // The staff account is never typed: the input has no such field.
    const typedStaff = await refused(COUNTY_OFFICER, RECORD_HR, { workerId: worker.id, kind: 'CAREER_GUIDANCE', servedOn: TODAY, staffAccount: 'someone-else' });
    expect(typedStaff.message).toContain('staffAccount');
  });

  it('a referral or push names postings open on the day of the service: not before they open, not from their closing, not after they expire', async () => {
    // The second hr posting runs from 20 days ago to 10 days ahead and is closed (招满) 5 days ago, through hr's own mutation.
    const [second] = await platform.subgraphs.hr.sql<{ id: number }>('select id from job_posting order by id offset 1 limit 1');
    await platform.subgraphs.hr.sql(`update job_posting set open_from = ?::date, open_until = ?::date, closed_on = null, close_reason = null where id = ?`, [
      addDays(TODAY, -20),
      addDays(TODAY, 10),
      second.id,
    ]);
    const closed: any = await platform.query(`mutation($input: CloseJobPostingInput!) { closeJobPosting(input: $input) { id closedOn } }`, {
      input: { id: String(second.id), closedOn: addDays(TODAY, -5), reason: 'FILLED' },
    });
    expect(closed.errors).toBeUndefined();
    const referral = (servedOn: string) => ({ workerId: worker.id, kind: 'JOB_REFERRAL', servedOn, postingIds: [String(second.id)], outcome: 'PENDING' });
    for (const day of [addDays(TODAY, -25), addDays(TODAY, -5), TODAY]) {
      const notOpen = await refused(COUNTY_OFFICER, RECORD_HR, referral(day));
      expect(notOpen.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postingIds[0]', reason: 'POSTING_NOT_OPEN' });
      expect(notOpen.message).toContain(day);
    }
    // Asked of hr by poverty (the internal route): the same answer.
    const fromPoverty = await refused(POVERTY_OFFICER, RECORD_POVERTY, { ...referral(addDays(TODAY, -3)), postingSource: 'HR_JOB_POSTING' });
    expect(fromPoverty.extensions).toMatchObject({ field: 'input.postingIds[0]', reason: 'POSTING_NOT_OPEN' });
    // A partner city's pushed posting that expired two days ago, pushed today by poverty.
    const [expired] = await platform.subgraphs.partner.sql<{ id: number }>('select id from partner_job_posting order by id offset 1 limit 1');
    await platform.subgraphs.partner.sql(`update partner_job_posting set pushed_on = ?::date, valid_until = ?::date, closed_on = null, close_reason = null where id = ?`, [
      addDays(TODAY, -30),
      addDays(TODAY, -2),
      expired.id,
    ]);
    const push = await refused(POVERTY_OFFICER, RECORD_POVERTY, {
      workerId: worker.id,
      kind: 'JOB_PUSH',
      servedOn: TODAY,
      postingSource: 'PARTNER_PUSHED_POSTING',
      postingIds: [String(expired.id)],
      channel: 'SMS',
    });
    expect(push.extensions).toMatchObject({ field: 'input.postingIds[0]', reason: 'POSTING_NOT_OPEN' });
    // While it was open: recorded.
    const inTime: any = await platform.query(RECORD_HR, { input: referral(addDays(TODAY, -10)) });
    expect(inTime.errors).toBeUndefined();
  });

  it('a rights case is a case: opened, updated until closed, and closing it twice is a CONFLICT that changes nothing', async () => {
    const opened: any = await platform.query(RECORD_HR, { input: { workerId: worker.id, kind: 'RIGHTS_PROTECTION', servedOn: addDays(TODAY, -20), note: '欠薪投诉' } });
    expect(opened.errors).toBeUndefined();
    expect(opened.data.recordHrService).toMatchObject({ caseStatus: 'OPEN', closedOn: null, outcome: null });
    const id = opened.data.recordHrService.id;

    const noted: any = await platform.query(`mutation($input: UpdateRightsCaseInput!) { updateHrRightsCase(input: $input) { caseStatus note } }`, {
      input: { id, note: '已转劳动监察大队' },
    });
    expect(noted.data.updateHrRightsCase).toEqual({ caseStatus: 'OPEN', note: '已转劳动监察大队' });

    const beforeOpened = await refused(COUNTY_OFFICER, UPDATE_CASE, { id, closedOn: addDays(TODAY, -21), outcome: 'RESOLVED' });
    expect(beforeOpened.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedOn' });

    const closed: any = await platform.query(UPDATE_CASE, { input: { id, closedOn: addDays(TODAY, -2), outcome: 'RESOLVED' } });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.updateHrRightsCase).toEqual({ id, caseStatus: 'CLOSED', closedOn: addDays(TODAY, -2), outcome: 'RESOLVED' });

    const again = await refused(COUNTY_OFFICER, UPDATE_CASE, { id, closedOn: TODAY, outcome: 'UNRESOLVED' });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    const [row] = await platform.subgraphs.hr.sql(`select case_status, closed_on::text as closed_on, outcome from service_record where id = ?`, [Number(id)]);
    expect(row).toEqual({ case_status: 'CLOSED', closed_on: addDays(TODAY, -2), outcome: 'RESOLVED' });

    // The read model shows the closed case in the timeline.
    await waitFor(async () => {
      const response: any = await platform.query(TIMELINE, { id: worker.id });
      return (response.data?.situationPerson?.serviceTimeline.nodes ?? []).some(
        (n: any) => n.kind === 'RIGHTS_PROTECTION' && n.caseStatus === 'CLOSED' && n.closedOn === addDays(TODAY, -2),
      );
    });
  });
});

describe('the rebuild reads the same views', () => {
  it('a rebuild from the departments gives exactly the service rows the feed kept', async () => {
    const situation = platform.subgraphs.situation;
    const snapshot = () => situation.sql(`select * from person_service order by department, id`);
    const total = async () => Object.values(await serviceRows()).reduce((sum, n) => sum + n, 0);
    await waitFor(async () => (await snapshot()).length === (await total()));
    const kept = await snapshot();
    expect(kept.map((row: any) => row.department)).toEqual(expect.arrayContaining(['hr', 'poverty']));
    const config = situation.config as SituationConfig;
    const sources = openSourcePools(config.sourceDatabaseUrls);
    try {
      // Emptied first: whatever the rebuild leaves there, it read from the departments' views.
      await situation.sql('delete from person_service');
      await rebuildReadModel(config.databaseUrl, sources);
    } finally {
      await Promise.all(Object.values(sources).map((pool) => pool.end()));
    }
    expect(await snapshot()).toEqual(kept);
  });
});

describe('who may record and read', () => {
  it('an officer of another region gets the answer of a person nobody knows, writing and reading', async () => {
    const before = await serviceRows();
    const input = (workerId: string) => ({ input: { workerId, kind: 'CAREER_GUIDANCE', servedOn: TODAY } });
    const foreign: any = await platform.queryAs(OTHER_REGION, RECORD_HR, input(worker.id));
    const nobody: any = await platform.queryAs(OTHER_REGION, RECORD_HR, input('wNoSuchWorkerKey000000000000'));
    expect(foreign.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.workerId' });
    expect({ message: foreign.errors[0].message, code: foreign.errors[0].extensions.code, field: foreign.errors[0].extensions.field }).toEqual({
      message: nobody.errors[0].message,
      code: nobody.errors[0].extensions.code,
      field: nobody.errors[0].extensions.field,
    });
    const poverty: any = await platform.queryAs({ ...POVERTY_OFFICER, subject: 'poverty-other', region: OTHER_REGION.region }, RECORD_POVERTY, input(worker.id));
    expect(poverty.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.workerId' });
    expect(await serviceRows()).toEqual(before);

    const read: any = await platform.queryAs(OTHER_REGION, TIMELINE, { id: worker.id });
    const readNobody: any = await platform.queryAs(OTHER_REGION, TIMELINE, { id: 'wNoSuchWorkerKey000000000000' });
    expect(read.errors).toBeUndefined();
    expect(read.data.situationPerson).toBeNull();
    expect(readNobody.data.situationPerson).toBeNull();

    // A region's case is closed by that region only: the same NOT_FOUND as a case nobody opened.
    const [row] = await platform.subgraphs.hr.sql<{ id: number }>(`select id from service_record where worker_id = ? order by id limit 1`, [worker.id]);
    const update: any = await platform.queryAs(OTHER_REGION, UPDATE_CASE, { input: { id: String(row.id), note: '试探' } });
    const updateNobody: any = await platform.queryAs(OTHER_REGION, UPDATE_CASE, { input: { id: '999999', note: '试探' } });
    expect(update.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(update.errors[0].message).toBe(updateNobody.errors[0].message);
  });

  it('partner-city staff record for the workers transferred to their city, and for nobody else', async () => {
    const transferred = households.flatMap((h) => h.members.filter((m) => m.inLabourRegistry && m.transfer))[0];
    const city = transferred.transfer!.cityCode;
    const staff: Identity = { subject: `partner-${city}-station`, department: 'partner', role: 'officer', partnerCity: city, permissions: [] };
    const RECORD_PARTNER = `mutation($input: RecordServiceInput!) { recordPartnerService(input: $input) { department kind staffAccount outcome } }`;
    const own: any = await platform.queryAs(staff, RECORD_PARTNER, {
      input: { workerId: pseudonymOf(transferred.idNumber), kind: 'CONTACT_ATTEMPT', servedOn: TODAY, outcome: 'NO_ANSWER', channel: 'PHONE' },
    });
    expect(own.errors).toBeUndefined();
    expect(own.data.recordPartnerService).toEqual({ department: 'partner', kind: 'CONTACT_ATTEMPT', staffAccount: staff.subject, outcome: 'NO_ANSWER' });
    const stayed = households.flatMap((h) => h.members.filter((m) => m.inLabourRegistry && m.transfer === null))[0];
    const other: any = await platform.queryAs(staff, RECORD_PARTNER, {
      input: { workerId: pseudonymOf(stayed.idNumber), kind: 'CONTACT_ATTEMPT', servedOn: TODAY, outcome: 'NO_ANSWER' },
    });
    expect(other.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.workerId' });
  });

  it('another department cannot write hr’s records, and writes need a purpose', async () => {
    const other: any = await platform.queryAs(POVERTY_OFFICER, RECORD_HR, { input: { workerId: worker.id, kind: 'CAREER_GUIDANCE', servedOn: TODAY } });
    expect(other.errors[0].extensions.code).toBe('FORBIDDEN');
    const noPurpose: any = await platform.queryAs(COUNTY_OFFICER, RECORD_HR, { input: { workerId: worker.id, kind: 'CAREER_GUIDANCE', servedOn: TODAY } }, null);
    expect(noPurpose.errors[0].extensions.code).toBe('PURPOSE_REQUIRED');
  });

  it('partner-city staff reach people through their warnings: the day of the last service, not the timeline', async () => {
    const county: any = await platform.query(`{ warnings(region: "${DEMO_COUNTY}", first: 500) { nodes { rule person { transferCityCode } } } }`);
    const city = county.data.warnings.nodes.find((n: any) => n.rule.startsWith('TRANSFER_'))?.person.transferCityCode;
    expect(city).toBeDefined();
    const staff: Identity = { subject: `partner-${city}`, department: 'partner', role: 'officer', partnerCity: city, permissions: [] };
    const last: any = await platform.queryAs(staff, `{ warnings(first: 5) { nodes { person { id lastServiceOn } } } }`);
    expect(last.errors).toBeUndefined();
    expect(last.data.warnings.nodes.length).toBeGreaterThan(0);
    const timeline: any = await platform.queryAs(staff, `{ warnings(first: 5) { nodes { person { id serviceTimeline(first: 5) { totalCount } } } } }`);
    expect(timeline.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(timeline.errors[0].message).toContain('SituationPerson.serviceTimeline');
  });

  it('dashboards cannot read timelines or the filtered roster', async () => {
    const timeline: any = await platform.queryAs(DASHBOARD, TIMELINE, { id: worker.id }, null);
    expect(timeline.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(timeline.data?.situationPerson ?? null).toBeNull();
    const roster: any = await platform.queryAs(DASHBOARD, ROSTER, { region: DEMO_COUNTY, days: 30 }, null);
    expect(roster.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(roster.data?.roster ?? null).toBeNull();
  });
});

describe('作废: a record entered in error is withdrawn, not deleted', () => {
  const WITHDRAW_HR = `mutation($input: WithdrawServiceInput!) { withdrawHrService(input: $input) { id withdrawnAt withdrawnBy withdrawalReason } }`;
  const withdrawnColumns = async () =>
    (await platform.subgraphs.hr.sql<{ id: number; withdrawn: boolean }>(`select id, withdrawn_at is not null as withdrawn from service_record order by id`)).map(
      (row) => `${row.id}:${row.withdrawn}`,
    );

  it('leaves the timeline, lastServiceOn and the roster filter once the feed has it; stays in hr with who, when and why, and in the change history', async () => {
    // A registry worker nobody else in this file serves.
    const member = households
      .flatMap((household) => household.members.filter((m) => m.inLabourRegistry).map((person) => ({ person, household })))
      .find(
        ({ person, household }) =>
          person.idNumber !== worker.person.idNumber &&
          person.idNumber !== neighbour.person.idNumber &&
          household.townshipCode !== OTHER_REGION.region &&
          !served.has(pseudonymOf(person.idNumber)),
      )!;
    const id = pseudonymOf(member.person.idNumber);
    const recorded: any = await platform.query(RECORD_HR, { input: { workerId: id, kind: 'CAREER_GUIDANCE', servedOn: addDays(TODAY, -1) } });
    expect(recorded.errors).toBeUndefined();
    const recordId = recorded.data.recordHrService.id;
    await waitFor(async () => ((await platform.query(TIMELINE, { id })) as any).data?.situationPerson?.serviceTimeline.totalCount === 1);
    expect((await rosterIds(member.household.villageCode, 30)).ids.has(id)).toBe(false);

    // Bad input names the field and withdraws nothing.
    const before = await withdrawnColumns();
    for (const [input, field] of [
      [{ id: recordId, reason: '  ' }, 'input.reason'],
      [{ id: recordId, reason: '错' }, 'input.reason'],
      [{ id: recordId, reason: `服务对象错误，应为 ${member.person.idNumber}` }, 'input.reason'],
      [{ id: 'abc', reason: '录入错误' }, 'input.id'],
    ] as const) {
      const response: any = await platform.query(WITHDRAW_HR, { input });
      expect(response.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(response.errors)).not.toContain(member.person.idNumber);
    }
    // Another township's officer gets the answer of a record nobody holds.
    const unknown: any = await platform.queryAs(OTHER_REGION, WITHDRAW_HR, { input: { id: '99999999', reason: '录入错误' } });
    const foreign: any = await platform.queryAs(OTHER_REGION, WITHDRAW_HR, { input: { id: recordId, reason: '录入错误' } });
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    const answer = (response: any) => ({ message: response.errors[0].message, extensions: { ...response.errors[0].extensions, requestId: undefined } });
    expect(answer(foreign)).toEqual(answer(unknown));
    // Another department cannot withdraw hr's record.
    const poverty: any = await platform.queryAs(POVERTY_OFFICER, WITHDRAW_HR, { input: { id: recordId, reason: '录入错误' } });
    expect(poverty.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await withdrawnColumns()).toEqual(before);

    const withdrawn: any = await platform.query(WITHDRAW_HR, { input: { id: recordId, reason: '录入错误：服务对象选错' } });
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawHrService).toMatchObject({ id: recordId, withdrawnBy: COUNTY_OFFICER.subject, withdrawalReason: '录入错误：服务对象选错' });
    expect(withdrawn.data.withdrawHrService.withdrawnAt).toEqual(expect.any(String));

    await waitFor(async () => ((await platform.query(TIMELINE, { id })) as any).data?.situationPerson?.serviceTimeline.totalCount === 0);
    expect(((await platform.query(TIMELINE, { id })) as any).data.situationPerson.lastServiceOn).toBeNull();
    expect((await rosterIds(member.household.villageCode, 30)).ids.has(id)).toBe(true);

    // Kept in hr with who and why; the published view leaves it out; the change history has the update.
    const [row] = await platform.subgraphs.hr.sql<any>(`select withdrawn_by, withdrawal_reason, withdrawn_at is not null as at from service_record where id = ?`, [
      Number(recordId),
    ]);
    expect(row).toEqual({ withdrawn_by: COUNTY_OFFICER.subject, withdrawal_reason: '录入错误：服务对象选错', at: true });
    expect(await platform.subgraphs.hr.sql(`select id from situation_source_v1.service_record where id = ?`, [Number(recordId)])).toEqual([]);
    const history = await platform.subgraphs.hr.sql<any>(`select operation, changes from change_history where table_name = 'service_record' and row_key = ? order by id`, [
      String(recordId),
    ]);
    expect(history.map((entry: any) => entry.operation)).toEqual(['INSERT', 'UPDATE']);
    expect(Object.keys(history[1].changes).sort()).toEqual(['withdrawal_reason', 'withdrawn_at', 'withdrawn_by']);

    // Twice: CONFLICT, nothing changes.
    const again: any = await platform.query(WITHDRAW_HR, { input: { id: recordId, reason: '重复作废' } });
    expect(again.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    const [still] = await platform.subgraphs.hr.sql<any>(`select withdrawal_reason from service_record where id = ?`, [Number(recordId)]);
    expect(still.withdrawal_reason).toBe('录入错误：服务对象选错');
  });

  it('a withdrawn rights case is not changed any more', async () => {
    const opened: any = await platform.query(RECORD_HR, { input: { workerId: worker.id, kind: 'RIGHTS_PROTECTION', servedOn: addDays(TODAY, -5), note: '误录' } });
    const id = opened.data.recordHrService.id;
    const withdrawn: any = await platform.query(WITHDRAW_HR, { input: { id, reason: '重复录入的案件' } });
    expect(withdrawn.errors).toBeUndefined();
    const update: any = await platform.query(UPDATE_CASE, { input: { id, closedOn: TODAY, outcome: 'RESOLVED' } });
    expect(update.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
  });
});
