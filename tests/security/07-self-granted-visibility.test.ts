import { addDays, INTERNAL_IDENTITY_HEADER, makeIdNumber, signInternalIdentity, todayInChina, type Identity, type SubgraphName } from '@jiuye/common';
import { ENTITIES_QUERY, postGraphQL, pseudonymOf, TEST_INTERNAL_SIGNING_KEY } from '@jiuye/testing/harness';
import { COUNTY_OFFICER, DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 7: a partner city or an institution could make any worker visible to itself by writing a
 * link — a transfer into its own batch, an enrolment of any ID number into its own class — since
 * the visibility authorities trusted their own writes. Defended by county evidence: such a link
 * is PENDING (the account sees only the row it wrote) until county staff whose region holds the
 * worker confirm it, or it is confirmed at once on a referral the county issued first; the
 * authorities (partner: transfers, training: trainees) and the read model count confirmed links
 * only. Runs the whole platform with the real authorities and no visibility cache, so that a
 * confirmation shows at once.
 */
jest.setTimeout(180_000);

let platform: TestPlatform;
const TODAY = todayInChina();
const SHENZHEN = '4403';

const shenzhen: Identity = { subject: 'partner-4403', department: 'partner', role: 'officer', partnerCity: SHENZHEN, permissions: [] };
const otherCountyOfficer: Identity = { subject: 'hr-530112', department: 'hr', role: 'officer', region: '530112', permissions: [] };
const countyViewer: Identity = { subject: 'hr-viewer', department: 'hr', role: 'viewer', region: DEMO_COUNTY, permissions: [] };
const countyPoverty: Identity = { subject: 'poverty-530113', department: 'poverty', role: 'officer', region: DEMO_COUNTY, permissions: [] };
const institutionStaff = (id: number): Identity => ({ subject: `institution-${id}`, department: 'training', role: 'officer', institution: String(id), permissions: [] });

/** Registered workers of the demo county nobody has transferred or trained: no city or institution sees them. */
let untouched: string[];
/** A valid ID number the registry does not know. */
let unknownIdNumber: string;
let batchId: string;
let classId: number;
let institution: number;

const WORKER = `query($id: String!) { worker(idNumber: $id) { id name phoneMasked currentTransfer { city { code } } enrolments { id status } } }`;
const RECORD_TRANSFER = `mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id confirmation employerName phoneMasked city { code } } }`;
const CONFIRM_TRANSFER = `mutation($input: DecideTransferInput!) { confirmTransfer(input: $input) { id confirmation decisionNote } }`;
const REJECT_TRANSFER = `mutation($input: DecideTransferInput!) { rejectTransfer(input: $input) { id confirmation decisionNote } }`;
const ENROL = `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id status confirmation enrolledOn trainingClass { id } } }`;
const CONFIRM_ENROLMENT = `mutation($input: DecideEnrolmentInput!) { confirmEnrolment(input: $input) { id confirmation } }`;

function transferInput(idNumber: string, extra: Record<string, unknown> = {}) {
  return { input: { batchId, idNumber, phone: '13800138000', employerName: '立讯精密', jobTitle: '普工', startedOn: addDays(TODAY, -40), fareReimbursed: false, ...extra } };
}

function codes(response: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

/** A hand-written _entities request straight to a department, signed as the gateway would sign it. */
async function entitiesAt(name: SubgraphName, identity: Identity, workerId: string, selection = 'id') {
  const headers = { [INTERNAL_IDENTITY_HEADER]: await signInternalIdentity({ ...identity, purpose: 'follow-up', requestId: 'hole-7' }, TEST_INTERNAL_SIGNING_KEY) };
  return postGraphQL(platform.subgraphs[name].url, ENTITIES_QUERY(`... on Worker { ${selection} }`), { representations: [{ __typename: 'Worker', id: workerId }] }, headers);
}

/** Waits until the read model has applied every change the partner and training departments made. */
async function readModelCaughtUp(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [partner] = await platform.subgraphs.partner.sql<{ n: number }>('select count(*)::int as n from outbox');
    const [training] = await platform.subgraphs.training.sql<{ n: number }>('select count(*)::int as n from outbox');
    if (partner.n === 0 && training.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the read model did not catch up');
}

async function transferCityInReadModel(idNumber: string): Promise<string | null> {
  await readModelCaughtUp();
  const [row] = await platform.subgraphs.situation.sql<{ transfer_city_code: string | null }>('select transfer_city_code from person_situation where worker_id = ?', [
    pseudonymOf(idNumber),
  ]);
  return row?.transfer_city_code ?? null;
}

/** What a partner city can learn about a worker through every way in. */
async function cityReach(idNumber: string) {
  const workerId = pseudonymOf(idNumber);
  const root = await platform.queryAs(shenzhen, WORKER, { id: idNumber }, 'follow-up');
  const entities = await Promise.all((['hr', 'poverty', 'civil', 'training', 'partner'] as SubgraphName[]).map((name) => entitiesAt(name, shenzhen, workerId)));
  const warnings = await platform.queryAs(shenzhen, `{ warnings(first: 200) { nodes { person { id } } } }`, {}, 'follow-up');
  return {
    root: root.data?.worker ?? null,
    rootCodes: codes(root),
    entities: entities.map((r) => r.data?._entities?.[0] ?? null),
    inWarnings: (warnings.data?.warnings?.nodes ?? []).some((n: { person: { id: string } | null }) => n.person?.id === workerId),
  };
}

beforeAll(async () => {
  platform = await startTestPlatform(300, {}, { accessCacheSeconds: 0 });
  const transferred = new Set((await platform.subgraphs.partner.sql<{ worker_id: string }>('select distinct worker_id from transfer')).map((r) => r.worker_id));
  const trained = new Set((await platform.subgraphs.training.sql<{ worker_id: string }>('select distinct worker_id from enrolment')).map((r) => r.worker_id));
  const registry = await platform.subgraphs.hr.sql<{ id_number: string }>(`select id_number from worker where village_code like '${DEMO_COUNTY}%' order by id limit 300`);
  untouched = registry.map((r) => r.id_number).filter((id) => !transferred.has(pseudonymOf(id)) && !trained.has(pseudonymOf(id)));
  expect(untouched.length).toBeGreaterThanOrEqual(6);
  for (let n = 990; ; n--) {
    const candidate = makeIdNumber(DEMO_COUNTY, '1988-08-08', n);
    if ((await platform.subgraphs.hr.sql('select 1 from worker where id_number = ?', [candidate])).length === 0) {
      unknownIdNumber = candidate;
      break;
    }
  }
  // Shenzhen's own batch, departed before the transfers below started.
  const departedOn = addDays(TODAY, -45);
  const batch = await platform.queryAs(
    shenzhen,
    `mutation($input: CreateTransferBatchInput!) { createTransferBatch(input: $input) { id } }`,
    {
      input: { batchNo: `DC-${departedOn.slice(0, 7)}-907`, cityCode: SHENZHEN, departedOn, destination: '深圳市龙岗区' },
    },
    'follow-up',
  );
  expect(batch.errors).toBeUndefined();
  batchId = batch.data.createTransferBatch.id;
  // A class that has started, with free places.
  const [open] = await platform.subgraphs.training.sql<{ id: number; institution_id: number }>(
    `select tc.id, c.institution_id from training_class tc join course c on c.id = tc.course_id
      where tc.starts_on <= ?::date and tc.ends_on >= ?::date
        and tc.capacity - (select count(*) from enrolment e where e.class_id = tc.id and e.status <> 'DROPPED') >= 4
      order by tc.id limit 1`,
    [TODAY, TODAY],
  );
  if (open) {
    classId = open.id;
    institution = open.institution_id;
  } else {
    // The demo calendar has no running class today: open one for an existing course.
    const [course] = await platform.subgraphs.training.sql<{ id: number; institution_id: number }>('select id, institution_id from course order by id limit 1');
    const [made] = await platform.subgraphs.training.sql<{ id: number }>(
      `insert into training_class (course_id, starts_on, ends_on, capacity, location) values (?, ?, ?, 30, '测试教室') returning id`,
      [course.id, addDays(TODAY, -3), addDays(TODAY, 30)],
    );
    classId = made.id;
    institution = course.institution_id;
  }
});

afterAll(async () => {
  await platform?.stop();
});

/** An error list as a caller compares two answers: everything but the per-request id. */
const withoutRequestId = (errors: any[] | undefined) => errors?.map(({ extensions: { requestId: _requestId, ...extensions }, ...error }) => ({ ...error, extensions }));
describe('hole 7: a partner city cannot make a worker visible by recording a transfer into its own batch (defended by county evidence: pending until confirmed)', () => {
  it('a transfer of a worker the city cannot see is pending, and the city still sees nothing of the worker — root, _entities, warnings, read model', async () => {
    const idNumber = untouched[0];
    const before = await cityReach(idNumber);
    expect(before.root).toBeNull();

    // The attack as it was written before the fix (no new fields selected): the write succeeds...
    const recorded = await platform.queryAs(
      shenzhen,
      `mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id employerName phoneMasked city { code } } }`,
      transferInput(idNumber),
      'follow-up',
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordTransfer).toMatchObject({ employerName: '立讯精密', phoneMasked: '138****8000', city: { code: SHENZHEN } });

    // ...but grants nothing: the city still cannot reach the worker any way.
    const after = await cityReach(idNumber);
    expect(after.root).toBeNull();
    expect(after.rootCodes).toEqual(['NOT_FOUND']);
    expect(after.entities).toEqual([null, null, null, null, null]);
    expect(after.inWarnings).toBe(false);
    expect(await transferCityInReadModel(idNumber)).toBeNull();

    // Its own row, in its own list: what it typed, nothing of the worker.
    const list = await platform.queryAs(shenzhen, `{ transfers(confirmation: PENDING, first: 50) { nodes { id confirmation employerName worker { id name } } } }`, {}, 'follow-up');
    expect(list.errors).toBeUndefined();
    const own = list.data.transfers.nodes.find((t: { id: string }) => t.id === recorded.data.recordTransfer.id);
    expect(own).toMatchObject({ confirmation: 'PENDING', employerName: '立讯精密' });
    expect(own.worker?.name ?? null).toBeNull();
  });

  it('answers an unknown ID number exactly as an unseen known one: pending, nothing else', async () => {
    const known = await platform.queryAs(shenzhen, RECORD_TRANSFER, transferInput(untouched[1]), 'follow-up');
    const unknown = await platform.queryAs(shenzhen, RECORD_TRANSFER, transferInput(unknownIdNumber), 'follow-up');
    const shape = (r: any) => ({ errors: r.errors, data: { ...r.data.recordTransfer, id: undefined } });
    expect(shape(unknown)).toEqual(shape(known));
    expect(unknown.data.recordTransfer.confirmation).toBe('PENDING');
  });

  it("only county staff of the worker's region confirm: not the city, another county, a viewer or an unrelated department", async () => {
    const [pending] = await platform.subgraphs.partner.sql<{ id: number }>(`select id from transfer where worker_id = ? and confirmation = 'PENDING'`, [pseudonymOf(untouched[1])]);
    const input = { input: { transferId: String(pending.id) } };
    const refusals: [Identity, string][] = [
      [shenzhen, 'county-evidence-required'],
      [countyViewer, 'read-only'],
      [countyPoverty, 'other-department'],
    ];
    for (const [who, reason] of refusals) {
      const response = await platform.queryAs(who, CONFIRM_TRANSFER, input);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason });
    }
    // Another county's officer is told what a made-up row id gets: the id reveals no transfer.
    const outside = await platform.queryAs(otherCountyOfficer, CONFIRM_TRANSFER, input);
    const madeUp = await platform.queryAs(otherCountyOfficer, CONFIRM_TRANSFER, { input: { transferId: '987654' } });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.transferId' });
    expect(withoutRequestId(outside.errors)).toEqual(withoutRequestId(madeUp.errors));
    const [row] = await platform.subgraphs.partner.sql<{ confirmation: string }>('select confirmation from transfer where id = ?', [pending.id]);
    expect(row.confirmation).toBe('PENDING');
    expect((await cityReach(untouched[1])).root).toBeNull();
  });

  it('once an hr officer of the region confirms it from the pending worklist, the city sees the worker', async () => {
    const idNumber = untouched[0];
    const worklist = await platform.query(`{ transfers(confirmation: PENDING, first: 100) { nodes { id confirmation worker { id name } } } }`);
    expect(worklist.errors).toBeUndefined();
    const item = worklist.data.transfers.nodes.find((t: { worker: { id: string } }) => t.worker.id === pseudonymOf(idNumber));
    expect(item.worker.name).toEqual(expect.any(String));

    const confirmed = await platform.query(CONFIRM_TRANSFER, { input: { transferId: item.id, reason: '县劳务办组织输出，已核实' } });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmTransfer).toEqual({ id: item.id, confirmation: 'CONFIRMED', decisionNote: '县劳务办组织输出，已核实' });

    const again = await platform.query(CONFIRM_TRANSFER, { input: { transferId: item.id } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.transferId' });

    const reach = await cityReach(idNumber);
    expect(reach.root).toMatchObject({ id: pseudonymOf(idNumber), name: item.worker.name, currentTransfer: { city: { code: SHENZHEN } } });
    expect(reach.entities.filter(Boolean)).toHaveLength(5);
    expect(await transferCityInReadModel(idNumber)).toBe(SHENZHEN);
  });

  it("a rejected transfer grants nothing, and stays the city's own row", async () => {
    const [pending] = await platform.subgraphs.partner.sql<{ id: number }>(`select id from transfer where worker_id = ? and confirmation = 'PENDING'`, [pseudonymOf(untouched[1])]);
    const noReason = await platform.query(REJECT_TRANSFER, { input: { transferId: String(pending.id) } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const rejected = await platform.query(REJECT_TRANSFER, { input: { transferId: String(pending.id), reason: '非组织输出人员' } });
    expect(rejected.data.rejectTransfer).toMatchObject({ confirmation: 'REJECTED', decisionNote: '非组织输出人员' });
    expect((await cityReach(untouched[1])).root).toBeNull();
  });

  it("with a referral the county issued first, the city's transfer is confirmed at once and the worker visible", async () => {
    const idNumber = untouched[2];
    const refused = await platform.queryAs(
      shenzhen,
      `mutation($input: ReferForTransferInput!) { referForTransfer(input: $input) { id } }`,
      { input: { idNumber, cityCode: SHENZHEN } },
      'follow-up',
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'county-evidence-required' });

    const referral = await platform.query(`mutation($input: ReferForTransferInput!) { referForTransfer(input: $input) { id cityCode validUntil used } }`, {
      input: { idNumber, cityCode: SHENZHEN, note: '转移就业推荐' },
    });
    expect(referral.errors).toBeUndefined();
    expect(referral.data.referForTransfer).toMatchObject({ cityCode: SHENZHEN, validUntil: addDays(TODAY, 90), used: false });

    const recorded = await platform.queryAs(shenzhen, RECORD_TRANSFER, transferInput(idNumber), 'follow-up');
    expect(recorded.data.recordTransfer.confirmation).toBe('CONFIRMED');
    const reach = await cityReach(idNumber);
    expect(reach.root).toMatchObject({ id: pseudonymOf(idNumber), currentTransfer: { city: { code: SHENZHEN } } });
    expect(await transferCityInReadModel(idNumber)).toBe(SHENZHEN);
  });
});

describe('hole 7: an institution cannot make a worker its trainee by enrolling an ID number into its own class (defended by county evidence: pending until confirmed)', () => {
  const reachOf = async (idNumber: string) => {
    const staff = institutionStaff(institution);
    const root = await platform.queryAs(staff, WORKER, { id: idNumber }, 'training');
    const entities = await Promise.all((['hr', 'poverty', 'civil', 'training', 'partner'] as SubgraphName[]).map((name) => entitiesAt(name, staff, pseudonymOf(idNumber))));
    return { root: root.data?.worker ?? null, entities: entities.map((r) => r.data?._entities?.[0] ?? null) };
  };

  it('an enrolment of a worker the institution cannot see is pending; the worker stays out of sight until an hr officer of the region confirms', async () => {
    const idNumber = untouched[3];
    expect((await reachOf(idNumber)).root).toBeNull();

    // The attack as it was written before the fix (no new fields selected): the write succeeds but grants nothing.
    const enrolled = await platform.queryAs(
      institutionStaff(institution),
      `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id status trainingClass { id } } }`,
      {
        input: { classId: String(classId), idNumber, enrolledOn: TODAY },
      },
      'training',
    );
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data.enrolTrainee).toMatchObject({ status: 'ENROLLED', trainingClass: { id: String(classId) } });

    const after = await reachOf(idNumber);
    expect(after.root).toBeNull();
    expect(after.entities).toEqual([null, null, null, null, null]);
    await readModelCaughtUp();
    const [row] = await platform.subgraphs.situation.sql<{ n: number }>('select count(*)::int as n from training_enrolment where worker_id = ?', [pseudonymOf(idNumber)]);
    expect(row.n).toBe(0);

    // Its own pending list shows its row; the county's worklist shows it with the worker.
    const own = await platform.queryAs(institutionStaff(institution), `{ pendingEnrolments(first: 50) { nodes { id confirmation worker { id name } } } }`, {}, 'training');
    const mine = own.data.pendingEnrolments.nodes.find((e: { id: string }) => e.id === enrolled.data.enrolTrainee.id);
    expect(mine.confirmation).toBe('PENDING');
    expect(mine.worker?.name ?? null).toBeNull();

    // Another county's officer is told what a made-up row id gets: the id reveals no enrolment.
    const refused = await platform.queryAs(otherCountyOfficer, CONFIRM_ENROLMENT, { input: { enrolmentId: enrolled.data.enrolTrainee.id } });
    const madeUp = await platform.queryAs(otherCountyOfficer, CONFIRM_ENROLMENT, { input: { enrolmentId: '987654' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.enrolmentId' });
    expect(withoutRequestId(refused.errors)).toEqual(withoutRequestId(madeUp.errors));
    const bySelf = await platform.queryAs(institutionStaff(institution), CONFIRM_ENROLMENT, { input: { enrolmentId: enrolled.data.enrolTrainee.id } }, 'training');
    expect(bySelf.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'county-evidence-required' });

    const worklist = await platform.query(`{ pendingEnrolments(first: 100) { nodes { id worker { id name } } } }`);
    const item = worklist.data.pendingEnrolments.nodes.find((e: { id: string }) => e.id === enrolled.data.enrolTrainee.id);
    expect(item.worker).toMatchObject({ id: pseudonymOf(idNumber), name: expect.any(String) });
    const confirmed = await platform.queryAs(COUNTY_OFFICER, CONFIRM_ENROLMENT, { input: { enrolmentId: item.id } });
    expect(confirmed.data.confirmEnrolment.confirmation).toBe('CONFIRMED');

    const reach = await reachOf(idNumber);
    expect(reach.root).toMatchObject({ id: pseudonymOf(idNumber), name: item.worker.name, enrolments: [{ id: item.id, status: 'ENROLLED' }] });
  });

  it('an unknown ID number gets the same pending answer as an unseen known one', async () => {
    const known = await platform.queryAs(institutionStaff(institution), ENROL, { input: { classId: String(classId), idNumber: untouched[4], enrolledOn: TODAY } }, 'training');
    const unknown = await platform.queryAs(institutionStaff(institution), ENROL, { input: { classId: String(classId), idNumber: unknownIdNumber, enrolledOn: TODAY } }, 'training');
    const shape = (r: any) => ({ errors: r.errors, data: { ...r.data.enrolTrainee, id: undefined } });
    expect(shape(unknown)).toEqual(shape(known));
    expect(unknown.data.enrolTrainee.confirmation).toBe('PENDING');
  });

  it('with a training referral the county issued first, the enrolment is confirmed at once', async () => {
    const idNumber = untouched[5];
    const referral = await platform.query(`mutation($input: ReferForTrainingInput!) { referForTraining(input: $input) { id used } }`, {
      input: { idNumber, institutionId: String(institution), classId: String(classId) },
    });
    expect(referral.errors).toBeUndefined();
    const enrolled = await platform.queryAs(institutionStaff(institution), ENROL, { input: { classId: String(classId), idNumber, enrolledOn: TODAY } }, 'training');
    expect(enrolled.data.enrolTrainee.confirmation).toBe('CONFIRMED');
    expect((await reachOf(idNumber)).root).toMatchObject({ id: pseudonymOf(idNumber) });
  });
});
