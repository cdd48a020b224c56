import { addDays, DEV_CADRE_ACCOUNT, todayInChina, type Identity } from '@jiuye/common';
import { type DemoHousehold } from '@jiuye/devtools';
import { pseudonymOf } from '@jiuye/testing/harness';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Issue 14's "Done when", walked once through the gateway on the real stack (a seeded demo county,
 * five department databases, the read model and its feed), in the order the issue tells it:
 * 1. a county officer assigns a zero-employment household to the village assistant, who records
 *    services (一人一案) and the employment; the household leaves the list and the task closes with
 *    its days-to-clear;
 * 2. a partner city posts a job and sees its matches' counts, records a self-organised migrant and
 *    a follow-up, and reads its assessment;
 * 3. targets are set and the completion rates appear in the ranking and the quarterly table;
 * 4. a relapse-monitoring case goes from candidate to exit.
 * platform.query speaks as the county's hr officer (assigns, refers, sets targets).
 * Each part is tested in depth in its own file (subgraphs/situation/test/task/, tests/service-records,
 * tests/partner-city-job, tests/targets, tests/relapse-monitoring); this one proves they make one story.
 */
jest.setTimeout(300_000);

const TODAY = todayInChina();
const YEAR = TODAY.slice(0, 4);
const QUARTER = `${YEAR}-Q${Math.floor((Number(TODAY.slice(5, 7)) - 1) / 3) + 1}`;
const SHENZHEN = '4403';
let platform: TestPlatform;
let households: DemoHousehold[];

const shenzhen: Identity = { subject: 'partner-4403-done-when', department: 'partner', role: 'officer', partnerCity: SHENZHEN, permissions: [] };
const poverty = (subject: string, region: string, role: Identity['role'] = 'officer'): Identity => ({ subject, department: 'poverty', role, region, permissions: [] });
const civil: Identity = { subject: 'civil-county-done-when', department: 'civil', role: 'officer', region: DEMO_COUNTY, permissions: [] };

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function readModelCaughtUp(): Promise<void> {
  await until(
    async () => {
      let pending = 0;
      for (const name of ['hr', 'poverty', 'civil', 'training', 'partner'] as const)
        pending += (await platform.subgraphs[name].sql<{ n: number }>('select count(*)::int as n from outbox'))[0].n;
      return pending;
    },
    (pending) => pending === 0,
    'the read model to apply every change',
  );
}

beforeAll(async () => {
  platform = await startTestPlatform(400);
  households = [...platform.county.households(1000)].flat();
});
afterAll(() => platform?.stop());

describe("issue 14's Done when, through the gateway", () => {
  it('1. a zero-employment household: assigned, served, employed, off the list, the task closed with its days-to-clear', async () => {
    const ZERO = `query($region: String) { zeroEmploymentHouseholds(region: $region, first: 500) { nodes { code villageCode members { id name ableLabourer employmentStatus } } } }`;
    const zero: any = await platform.query(ZERO, { region: DEMO_COUNTY });
    expect(zero.errors).toBeUndefined();
    const held = new Set((await platform.subgraphs.situation.sql<{ subject: string }>(`select subject from task where assignee = ?`, [DEV_CADRE_ACCOUNT])).map((r) => r.subject));
    const household = zero.data.zeroEmploymentHouseholds.nodes.find(
      (h: any) => !held.has(h.code) && h.members.some((m: any) => m.ableLabourer && m.employmentStatus !== 'UNABLE_TO_WORK'),
    );
    expect(household).toBeDefined();
    const member = household.members.find((m: any) => m.ableLabourer && m.employmentStatus !== 'UNABLE_TO_WORK');
    const idNumber = households.find((h) => h.code === household.code)!.members.find((m) => pseudonymOf(m.idNumber) === member.id)!.idNumber;
    const assistant: Identity = { subject: `assistant-${household.villageCode}`, department: 'hr', role: 'village_assistant', region: household.villageCode, permissions: [] };

    const TASK_FIELDS = `id status assignee outcome daysToClear zeroEmploymentSince zeroEmploymentClearedOn history { toStatus actor }`;
    const assigned: any = await platform.query(`mutation($input: AssignTaskInput!) { assignTask(input: $input) { ${TASK_FIELDS} } }`, {
      input: { kind: 'ZERO_EMPLOYMENT_HOUSEHOLD', subject: household.code, assignee: assistant.subject, assigneeKind: 'VILLAGE_ASSISTANT', assigneeScope: household.villageCode },
    });
    expect(assigned.errors).toBeUndefined();
    const taskId = assigned.data.assignTask.id;
    expect(assigned.data.assignTask).toMatchObject({ status: 'ASSIGNED', assignee: assistant.subject });
    const mine: any = await platform.queryAs(assistant, `query { myTasks(filter: ALL) { nodes { id } } }`);
    expect(mine.data.myTasks.nodes.map((n: any) => n.id)).toContain(taskId);
    const acknowledged: any = await platform.queryAs(assistant, `mutation($input: AcknowledgeTaskInput!) { acknowledgeTask(input: $input) { status } }`, { input: { taskId } });
    expect(acknowledged.data.acknowledgeTask.status).toBe('ACKNOWLEDGED');

    // The assistant's services: a visit and career guidance (一人一案), then the job found.
    const RECORD = `mutation($input: RecordServiceInput!) { recordHrService(input: $input) { id kind staffAccount } }`;
    for (const input of [
      { workerId: member.id, kind: 'CONTACT_ATTEMPT', servedOn: addDays(TODAY, -2), outcome: 'REACHED', channel: 'VISIT' },
      { workerId: member.id, kind: 'CAREER_GUIDANCE', servedOn: TODAY, note: '介绍村扶贫车间岗位' },
    ]) {
      const recorded: any = await platform.queryAs(assistant, RECORD, { input });
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data.recordHrService.staffAccount).toBe(assistant.subject);
    }
    const employed: any = await platform.queryAs(assistant, `mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }`, {
      input: { idNumber, kind: 'POVERTY_WORKSHOP', place: 'IN_TOWNSHIP', employerName: '村扶贫车间', location: '本村', startsOn: TODAY, monthlyWage: 2200 },
    });
    expect(employed.errors).toBeUndefined();

    const TIMELINE = `query($id: ID!) { situationPerson(id: $id) { serviceTimeline(first: 20) { nodes { department kind staffAccount } } } }`;
    const timeline: any = await until(
      () => platform.queryAs(assistant, TIMELINE, { id: member.id }),
      (r: any) => (r.data?.situationPerson?.serviceTimeline.nodes ?? []).filter((n: any) => n.staffAccount === assistant.subject).length === 2,
      'the services in the timeline',
    );
    expect(timeline.data.situationPerson.serviceTimeline.nodes.filter((n: any) => n.staffAccount === assistant.subject).map((n: any) => n.kind)).toEqual([
      'CAREER_GUIDANCE',
      'CONTACT_ATTEMPT',
    ]);
    await until(
      () => platform.queryAs(assistant, `query($id: ID!) { task(id: $id) { zeroEmploymentClearedOn } }`, { id: taskId }),
      (r: any) => r.data?.task?.zeroEmploymentClearedOn === TODAY,
      'the household cleared',
    );
    const after: any = await platform.query(ZERO, { region: household.villageCode });
    expect(after.data.zeroEmploymentHouseholds.nodes.map((h: any) => h.code)).not.toContain(household.code);

    const closed: any = await platform.queryAs(assistant, `mutation($input: CloseTaskInput!) { closeTask(input: $input) { ${TASK_FIELDS} } }`, {
      input: { taskId, note: '已在村扶贫车间就业' },
    });
    expect(closed.errors).toBeUndefined();
    const task = closed.data.closeTask;
    expect(task).toMatchObject({ status: 'CLOSED', outcome: 'EMPLOYED' });
    expect(task.daysToClear).toBe(Math.round((Date.parse(task.zeroEmploymentClearedOn) - Date.parse(task.zeroEmploymentSince)) / 86_400_000));
    expect(task.history.map((e: any) => e.toStatus)).toEqual(['OPEN', 'ASSIGNED', 'ACKNOWLEDGED', 'ACKNOWLEDGED', 'CLOSED']);

    // 办理记录: the task's services are the household members' services since the situation began
    // (openedOn), from every department, newest first — the assistant's two among them when on or after that day.
    const SERVICES = `query($id: ID!) { task(id: $id) { openedOn services(first: 100) { totalCount nodes { servedOn department kind staffAccount } } } }`;
    const worked: any = await platform.queryAs(assistant, SERVICES, { id: taskId });
    expect(worked.errors).toBeUndefined();
    const { openedOn, services } = worked.data.task;
    const MEMBER_TIMELINE = `query($id: ID!) { situationPerson(id: $id) { serviceTimeline(first: 100) { nodes { servedOn department kind staffAccount } } } }`;
    const expected: any[] = [];
    for (const one of household.members) {
      const answer: any = await platform.queryAs(assistant, MEMBER_TIMELINE, { id: one.id });
      expect(answer.errors).toBeUndefined();
      expected.push(...answer.data.situationPerson.serviceTimeline.nodes.filter((n: any) => n.servedOn >= openedOn));
    }
    expect(services.totalCount).toBe(expected.length);
    expect(services.nodes.every((n: any) => n.servedOn >= openedOn)).toBe(true);
    expect([...services.nodes].sort((a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [...expected].sort((a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(services.nodes.map((n: any) => n.servedOn)).toEqual([...services.nodes.map((n: any) => n.servedOn)].sort().reverse());
    const assistantServices = services.nodes.filter((n: any) => n.staffAccount === assistant.subject).map((n: any) => n.kind);
    // Today's guidance always belongs to the task; the visit two days ago when the situation began before it.
    expect(assistantServices).toEqual(addDays(TODAY, -2) >= openedOn ? ['CAREER_GUIDANCE', 'CONTACT_ATTEMPT'] : ['CAREER_GUIDANCE']);
  });

  let migrantVillage: string;

  it("2. the partner city: posts a job and sees its matches' counts, records a self-organised migrant and a follow-up, reads its assessment", async () => {
    const ASSESSMENT = `query($year: Int!) { partnerAssessment(year: $year) { cityCode transfers selfOrganised suppressed followUp { visited } } }`;
    const before: any = await platform.queryAs(shenzhen, ASSESSMENT, { year: Number(YEAR) }, 'follow-up');
    expect(before.errors).toBeUndefined();

    const posted: any = await platform.queryAs(
      shenzhen,
      `mutation($input: CreatePartnerJobPostingInput!) { createPartnerJobPosting(input: $input) { id } }`,
      { input: { employerName: '比亚迪股份有限公司', title: '装配工', monthlyWage: 5200, headcount: 30, pushedOn: TODAY, validUntil: addDays(TODAY, 60) } },
      'follow-up',
    );
    expect(posted.errors).toBeUndefined();
    const matches: any = await platform.queryAs(
      shenzhen,
      `query($id: ID!) { partnerJobPosting(id: $id) { willingWorkers { total suppressed byTownship { code workers } byTrade { trade workers } } } }`,
      { id: posted.data.createPartnerJobPosting.id },
      'follow-up',
    );
    expect(matches.errors).toBeUndefined();
    const willing = matches.data.partnerJobPosting.willingWorkers;
    expect(willing.byTownship.length).toBeGreaterThan(0);
    // Counts only, never a name: either published or withheld, and the townships add up to the total when nothing is withheld.
    if (!willing.suppressed) expect(willing.byTownship.reduce((sum: number, t: any) => sum + t.workers, 0)).toBe(willing.total);
    else for (const t of willing.byTownship) expect(t.workers === null || t.workers === 0 || t.workers >= 5).toBe(true);
    expect(JSON.stringify(willing)).not.toMatch(/[\u4e00-\u9fa5]{2,}/);

    // 自发外出: registry workers with no transfer, referred by the county, recorded by the city (five: a figure the assessment publishes).
    const transferred = new Set((await platform.subgraphs.partner.sql<{ worker_id: string }>('select distinct worker_id from transfer')).map((r) => r.worker_id));
    const workers = (await platform.subgraphs.hr.sql<{ id_number: string; village_code: string }>(`select id_number, village_code from worker order by id limit 200`))
      .filter((w) => !transferred.has(pseudonymOf(w.id_number)))
      .slice(0, 5);
    expect(workers).toHaveLength(5);
    migrantVillage = workers[0].village_code;
    for (const worker of workers) {
      const referred: any = await platform.query(`mutation($input: ReferForTransferInput!) { referForTransfer(input: $input) { id } }`, {
        input: { idNumber: worker.id_number, cityCode: SHENZHEN },
      });
      expect(referred.errors).toBeUndefined();
      const migrant: any = await platform.queryAs(
        shenzhen,
        `mutation($input: RecordSelfOrganisedTransferInput!) { recordSelfOrganisedTransfer(input: $input) { id confirmation selfOrganised batch { id } } }`,
        { input: { idNumber: worker.id_number, phone: '13912345678', employerName: '比亚迪股份有限公司', jobTitle: '装配工', startedOn: addDays(TODAY, -10) } },
        'follow-up',
      );
      expect(migrant.errors).toBeUndefined();
      expect(migrant.data.recordSelfOrganisedTransfer).toMatchObject({ confirmation: 'CONFIRMED', selfOrganised: true, batch: null });
      const visit: any = await platform.queryAs(
        shenzhen,
        `mutation($input: RecordFollowUpVisitInput!) { recordFollowUpVisit(input: $input) { id transfer { id endedOn } } }`,
        { input: { transferId: migrant.data.recordSelfOrganisedTransfer.id, visitedOn: TODAY, stillEmployed: true, monthlyWage: 5200, rightsCase: false } },
        'follow-up',
      );
      expect(visit.errors).toBeUndefined();
      expect(visit.data.recordFollowUpVisit.transfer).toEqual({ id: migrant.data.recordSelfOrganisedTransfer.id, endedOn: null });
    }

    const after: any = await platform.queryAs(shenzhen, ASSESSMENT, { year: Number(YEAR) }, 'follow-up');
    expect(after.errors).toBeUndefined();
    expect(after.data.partnerAssessment.cityCode).toBe(SHENZHEN);
    // The city's figures count them: self-organised this year, straight from partner's rows (the demo has none), published at 5.
    const [truth] = await platform.subgraphs.partner.sql<{ self: number }>(
      `select count(*)::int as self from transfer where city_code = ? and confirmation = 'CONFIRMED' and batch_id is null and extract(year from started_on) = ?`,
      [SHENZHEN, Number(YEAR)],
    );
    expect(truth.self).toBe((before.data.partnerAssessment.selfOrganised ?? 0) + 5);
    expect(after.data.partnerAssessment.selfOrganised).toBe(truth.self);
    const visited = after.data.partnerAssessment.followUp.visited;
    if (visited !== null) expect(visited).toBeGreaterThanOrEqual(5);
  });

  it('3. targets: the completion rate in the ranking and in the quarterly assessment table', async () => {
    await readModelCaughtUp();
    const township = migrantVillage.slice(0, 9);
    const COMPLETION = `query($region: String, $period: String!) { completion(region: $region, period: $period, measure: NEW_TRANSFERS) {
      total { target actual { value } completionRate } subregions { region { code } target actual { value suppressed } completionRate } } }`;
    const before: any = await platform.query(COMPLETION, { region: township, period: YEAR });
    expect(before.errors).toBeUndefined();
    const villageActual = before.data.completion.subregions.find((s: any) => s.region.code === migrantVillage).actual.value;
    expect(villageActual).toBeGreaterThanOrEqual(1); // the migrant recorded above
    const villageTarget = villageActual * 2;
    const set: any = await platform.query(`mutation($input: SetTargetsInput!) { setTargets(input: $input) { targets { region { code } target } } }`, {
      input: {
        period: YEAR,
        measure: 'NEW_TRANSFERS',
        targets: [
          { region: township, target: villageTarget + 10 },
          { region: migrantVillage, target: villageTarget },
        ],
      },
    });
    expect(set.errors).toBeUndefined();

    const completion: any = await platform.query(COMPLETION, { region: township, period: YEAR });
    const village = completion.data.completion.subregions.find((s: any) => s.region.code === migrantVillage);
    expect(village).toMatchObject({ target: villageTarget, completionRate: 0.5 });

    const ranking: any = await platform.query(
      `query($week: LocalDate) { villageRanking(week: $week, basis: COMPLETION_RATE) { basis targetPeriod all { villageCode target yearToDate completionRate rank } } }`,
      { week: TODAY },
    );
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data.villageRanking).toMatchObject({ basis: 'COMPLETION_RATE', targetPeriod: YEAR });
    const ranked = ranking.data.villageRanking.all.find((v: any) => v.villageCode === migrantVillage);
    expect(ranked).toMatchObject({ target: villageTarget, rank: 1 });
    expect(ranked.completionRate).toBeCloseTo(ranked.yearToDate / villageTarget, 10);

    const table: any = await platform.query(
      `query($county: String, $quarter: String!) { assessment(county: $county, quarter: $quarter) { quarter townships { key yearTarget yearToDate { value } yearRate rank } } }`,
      { county: DEMO_COUNTY, quarter: QUARTER },
    );
    expect(table.errors).toBeUndefined();
    const row = table.data.assessment.townships.find((r: any) => r.key === township);
    expect(row.yearTarget).toBe(villageTarget + 10);
    expect(row.yearRate).toBeCloseTo(row.yearToDate.value / (villageTarget + 10), 10);
    expect(row.rank).toBe(1);
  });

  it('4. a relapse-monitoring case from candidate to exit', async () => {
    const county = poverty('poverty-county-done-when', DEMO_COUNTY);
    const CANDIDATES = `query($region: String) { relapseCandidates(region: $region, first: 500) { nodes { householdCode signals { rule } } } }`;
    const flagged: any = await platform.queryAs(county, CANDIDATES, { region: DEMO_COUNTY });
    const already = new Set(flagged.data.relapseCandidates.nodes.map((n: any) => n.householdCode));
    const household = households.find(
      (h) =>
        h.povertyStatus === 'LIFTED' &&
        !already.has(h.code) &&
        h.assistance.length === 0 &&
        h.members.some((m) => m.inLabourRegistry) &&
        h.members.every((m) => m.disability === null),
    )!;
    const member = household.members.find((m) => m.inLabourRegistry)!;
    const disability: any = await platform.queryAs(civil, `mutation($input: RecordDisabilityInput!) { recordDisability(input: $input) { id } }`, {
      input: { idNumber: member.idNumber, householdCode: household.code, kind: 'PHYSICAL', grade: 3, certifiedOn: addDays(TODAY, -3) },
    });
    expect(disability.errors).toBeUndefined();
    const candidate: any = await until(
      () => platform.queryAs(county, CANDIDATES, { region: household.villageCode }),
      (r: any) => r.data?.relapseCandidates.nodes.some((n: any) => n.householdCode === household.code),
      'the relapse candidate',
    );
    expect(candidate.data.relapseCandidates.nodes.find((n: any) => n.householdCode === household.code).signals.map((s: any) => s.rule)).toContain(
      'POVERTY_HOUSEHOLD_DISABILITY_RECORDED',
    );

    const village = poverty('poverty-village-done-when', household.villageCode, 'village_assistant');
    const township = poverty('poverty-township-done-when', household.townshipCode);
    const opened: any = await platform.queryAs(village, `mutation($input: OpenMonitoringCaseInput!) { openMonitoringCase(input: $input) { id step } }`, {
      input: { householdCode: household.code, riskTypes: ['DISABILITY'], entryRoute: 'DEPARTMENT_DATA', sourceRule: 'POVERTY_HOUSEHOLD_DISABILITY_RECORDED', openedOn: TODAY },
    });
    expect(opened.errors).toBeUndefined();
    const caseId = opened.data.openMonitoringCase.id;
    const MOVE = `mutation($input: MoveMonitoringCaseInput!) { moveMonitoringCase(input: $input) { step } }`;
    for (const [who, to, note] of [
      [village, 'VILLAGE_REVIEWED', '村民代表评议通过'],
      [township, 'TOWNSHIP_CHECKED', '乡镇入户核实'],
      [county, 'COUNTY_APPROVED', '县级审定纳入监测'],
    ] as const) {
      const moved: any = await platform.queryAs(who, MOVE, { input: { caseId, to, on: TODAY, note } });
      expect(moved.errors).toBeUndefined();
      expect(moved.data.moveMonitoringCase.step).toBe(to);
    }
    const measure: any = await platform.queryAs(village, `mutation($input: RecordMonitoringMeasureInput!) { recordMonitoringMeasure(input: $input) { kind } }`, {
      input: { caseId, kind: 'EMPLOYMENT', takenOn: TODAY, responsible: '村劳动保障协理员', note: '安排公益性岗位' },
    });
    expect(measure.errors).toBeUndefined();
    const exited: any = await platform.queryAs(county, `mutation($input: MoveMonitoringCaseInput!) { moveMonitoringCase(input: $input) { step closedOn } }`, {
      input: { caseId, to: 'EXITED', on: TODAY, note: '就业稳定，风险已消除' },
    });
    expect(exited.errors).toBeUndefined();
    expect(exited.data.moveMonitoringCase).toEqual({ step: 'EXITED', closedOn: TODAY });
    const read: any = await platform.queryAs(
      county,
      `query($code: String!) { household(code: $code) { povertyStatus monitoringCases { transitions { toStep } measures { kind } } } }`,
      { code: household.code },
    );
    expect(read.data.household.povertyStatus).toBe('LIFTED');
    expect(read.data.household.monitoringCases[0].transitions.map((t: any) => t.toStep)).toEqual([
      'CANDIDATE',
      'VILLAGE_REVIEWED',
      'TOWNSHIP_CHECKED',
      'COUNTY_APPROVED',
      'EXITED',
    ]);
    expect(read.data.household.monitoringCases[0].measures).toEqual([{ kind: 'EMPLOYMENT' }]);
  });
});
