import { addDays, makeIdNumber, todayInChina, type Identity, type Purpose, type RequestIdentity } from '@jiuye/common';
import { trainingSubgraph } from '@jiuye/training';
import { ENTITIES_QUERY, officerOf, pseudonymOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';

/**
 * Hole 7 in the training department: an institution's enrolment of a worker it cannot see is
 * PENDING until county staff of the worker's region confirm it (confirmEnrolment /
 * rejectEnrolment), or confirmed at once on a referral the county issued first (referForTraining).
 */
type Who = Identity & { purpose?: Purpose };

const TODAY = todayInChina();
const DONGCHUAN = '530113';
const person = (n: number) => makeIdNumber(DONGCHUAN, '1992-03-04', n);
const RESIDENTS = new Set([1, 2, 3, 4, 5, 6].map((n) => pseudonymOf(person(n))));

/** hr as the real one would answer for region staff: persons 1–6 live in Dongchuan. */
async function remoteAuthority(identity: RequestIdentity, workerIds: readonly string[]): Promise<Set<string>> {
  return new Set(workerIds.filter((id) => identity.region === DONGCHUAN && RESIDENTS.has(id)));
}

const institution = (id: number): Who => officerOf('training', { region: undefined, institution: String(id), permissions: [], purpose: 'training' });
const hrOfficer: Who = officerOf('hr', { region: DONGCHUAN, subject: 'hr-dongchuan' });
const trainingOffice: Who = officerOf('training', { region: DONGCHUAN });
const otherCounty: Who = officerOf('hr', { region: '530112' });
const viewer: Who = officerOf('training', { role: 'viewer', region: DONGCHUAN });
const povertyOfficer: Who = officerOf('poverty', { region: DONGCHUAN });

const ENROL = `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id confirmation worker { id } } }`;
const CONFIRM = `mutation($input: DecideEnrolmentInput!) { confirmEnrolment(input: $input) { id confirmation decisionNote worker { id } } }`;
const REJECT = `mutation($input: DecideEnrolmentInput!) { rejectEnrolment(input: $input) { id confirmation decisionNote } }`;
const REFER = `mutation($input: ReferForTrainingInput!) { referForTraining(input: $input) { id validUntil used } }`;
const SEES = ENTITIES_QUERY('... on Worker { id enrolments { id } certifiedTrades }');

const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;

describe("training: pending enrolments and the county's evidence (hole 7)", () => {
  let training: TestSubgraph;
  const CLASS_1 = 801;
  const CLASS_1B = 802;
  const CLASS_2 = 803;
  const enrol = (n: number, classId = CLASS_1, who: Who = institution(1)) =>
    training.queryAs(who, ENROL, { input: { classId: String(classId), idNumber: person(n), enrolledOn: TODAY } });
  const seenBy = async (institutionId: number, n: number) =>
    (await training.queryAs(institution(institutionId), SEES, { representations: [{ __typename: 'Worker', id: pseudonymOf(person(n)) }] })).data._entities[0];
  const pendingOf = async (n: number) =>
    (await training.sql<{ id: number }>(`select id from enrolment where worker_id = ? and confirmation = 'PENDING'`, [pseudonymOf(person(n))]))[0].id;
  const rows = () => training.sql('select id, confirmation, decided_by from enrolment order by id');

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph, undefined, { remoteAuthority });
    await training.sql(
      `insert into institution (id, name, kind, division_code) values (1, '东川区职业技能培训中心', 'TRAINING_CENTRE', '530113'), (2, '昆明技师学院', 'TECHNICAL_SCHOOL', '530100')`,
    );
    await training.sql(
      `insert into course (id, institution_id, name, trade, kind, duration_days) values (11, 1, '中式烹调', 'COOK', 'SHORT_PRACTICAL', 30), (12, 2, '电工', 'ELECTRICIAN', 'MEDIUM_TERM', 90)`,
    );
    await training.sql(
      `insert into training_class (id, course_id, starts_on, ends_on, capacity, location) values (?, 11, ?, ?, 20, '一班'), (?, 11, ?, ?, 20, '二班'), (?, 12, ?, ?, 20, '电工班')`,
      [CLASS_1, addDays(TODAY, -3), addDays(TODAY, 27), CLASS_1B, addDays(TODAY, -3), addDays(TODAY, 27), CLASS_2, addDays(TODAY, -3), addDays(TODAY, 87)],
    );
  });
  afterAll(() => training?.stop());

  it("an institution's enrolment of a worker it cannot see is pending and shows no worker; region staff's is confirmed", async () => {
    const pending = await enrol(1);
    expect(pending.errors).toBeUndefined();
    expect(pending.data.enrolTrainee).toMatchObject({ confirmation: 'PENDING', worker: null });
    expect(await seenBy(1, 1)).toBeNull();

    const byCounty = await enrol(2, CLASS_1, trainingOffice);
    expect(byCounty.data.enrolTrainee).toMatchObject({ confirmation: 'CONFIRMED', worker: { id: pseudonymOf(person(2)) } });
    expect(await seenBy(1, 2)).toMatchObject({ id: pseudonymOf(person(2)) });
    // Its trainee already: a second class of the same institution needs no new evidence.
    expect((await enrol(2, CLASS_1B)).data.enrolTrainee).toMatchObject({ confirmation: 'CONFIRMED', worker: { id: pseudonymOf(person(2)) } });
  });

  it('confirm and reject validate their input, naming the field, and write nothing on a refusal', async () => {
    const before = await rows();
    expect(errorOf(await training.queryAs(hrOfficer, CONFIRM, { input: { enrolmentId: 'abc' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.enrolmentId' });
    expect(errorOf(await training.queryAs(hrOfficer, CONFIRM, { input: { enrolmentId: '99999' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.enrolmentId' });
    const id = String(await pendingOf(1));
    expect(errorOf(await training.queryAs(hrOfficer, REJECT, { input: { enrolmentId: id, reason: ' ' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(await rows()).toEqual(before);
  });

  it('only officers of hr or training whose region holds the worker decide: not the institution, another county, a viewer, poverty, or without a purpose', async () => {
    const input = { enrolmentId: String(await pendingOf(1)) };
    const cases: [Who, Record<string, unknown>][] = [
      [institution(1), { code: 'FORBIDDEN', reason: 'county-evidence-required' }],
      // Another region's enrolment answers as a row id that does not exist (no row-id oracle).
      [otherCounty, { code: 'NOT_FOUND', field: 'input.enrolmentId' }],
      [viewer, { code: 'FORBIDDEN', reason: 'read-only' }],
      [povertyOfficer, { code: 'FORBIDDEN', reason: 'other-department' }],
      [{ ...hrOfficer, purpose: undefined }, { code: 'PURPOSE_REQUIRED' }],
    ];
    for (const [who, expected] of cases) expect(errorOf(await training.queryAs(who, CONFIRM, { input }))).toMatchObject(expected);
    expect(await seenBy(1, 1)).toBeNull();
    // Byte for byte the answer another county gets for a row id nobody has.
    const unknown = await training.queryAs(otherCounty, CONFIRM, { input: { enrolmentId: '99999' } });
    expect((await training.queryAs(otherCounty, CONFIRM, { input })).errors).toEqual(unknown.errors);

    const confirmed = await training.queryAs(hrOfficer, CONFIRM, { input: { ...input, reason: '人社局培训推荐，已核实' } });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmEnrolment).toMatchObject({ confirmation: 'CONFIRMED', decisionNote: '人社局培训推荐，已核实', worker: { id: pseudonymOf(person(1)) } });
    expect(await seenBy(1, 1)).toMatchObject({ enrolments: [{ id: input.enrolmentId }] });
    expect(await seenBy(2, 1)).toBeNull();
    expect(errorOf(await training.queryAs(hrOfficer, REJECT, { input: { ...input, reason: '迟到的驳回' } }))).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });
  });

  it('a rejected enrolment grants nothing and frees its place', async () => {
    await enrol(3);
    const id = String(await pendingOf(3));
    const rejected = await training.queryAs(trainingOffice, REJECT, { input: { enrolmentId: id, reason: '未经人社推荐' } });
    expect(rejected.data.rejectEnrolment).toMatchObject({ confirmation: 'REJECTED', decisionNote: '未经人社推荐' });
    expect(await seenBy(1, 3)).toBeNull();
    const places = await training.queryAs(trainingOffice, `{ trainingClass(id: "${CLASS_1}") { placesTaken } }`);
    expect(places.data.trainingClass.placesTaken).toBe(2); // persons 1 and 2; the rejected claim holds no place
  });

  it('a referral confirms the next enrolment at that institution (or that class) once; it needs county staff and valid input', async () => {
    const cases: [Who, Record<string, unknown>, Record<string, unknown>][] = [
      [institution(1), { idNumber: person(4), institutionId: '1' }, { code: 'FORBIDDEN', reason: 'county-evidence-required' }],
      [otherCounty, { idNumber: person(4), institutionId: '1' }, { code: 'FORBIDDEN', reason: 'outside-scope' }],
      [viewer, { idNumber: person(4), institutionId: '1' }, { code: 'FORBIDDEN', reason: 'read-only' }],
      [hrOfficer, { idNumber: 'x', institutionId: '1' }, { code: 'BAD_USER_INPUT', field: 'input.idNumber' }],
      [hrOfficer, { idNumber: person(4), institutionId: 'one' }, { code: 'BAD_USER_INPUT', field: 'input.institutionId' }],
      [hrOfficer, { idNumber: person(4), institutionId: '9' }, { code: 'NOT_FOUND', field: 'input.institutionId' }],
      [hrOfficer, { idNumber: person(4), institutionId: '1', classId: String(CLASS_2) }, { code: 'BAD_USER_INPUT', field: 'input.classId' }],
      [hrOfficer, { idNumber: person(4), institutionId: '1', validUntil: addDays(TODAY, 400) }, { code: 'BAD_USER_INPUT', field: 'input.validUntil' }],
    ];
    for (const [who, input, expected] of cases) expect(errorOf(await training.queryAs(who, REFER, { input }))).toMatchObject(expected);
    expect(await training.sql('select 1 from training_referral')).toHaveLength(0);

    // Person 4 referred to class 1B only: an enrolment in class 1 stays pending, one in 1B is confirmed.
    const referral = await training.queryAs(hrOfficer, REFER, { input: { idNumber: person(4), institutionId: '1', classId: String(CLASS_1B) } });
    expect(referral.data.referForTraining).toMatchObject({ used: false, validUntil: addDays(TODAY, 90) });
    expect((await enrol(4, CLASS_1)).data.enrolTrainee.confirmation).toBe('PENDING');
    expect((await enrol(4, CLASS_1B)).data.enrolTrainee).toMatchObject({ confirmation: 'CONFIRMED', worker: { id: pseudonymOf(person(4)) } });

    // Person 5 referred to institution 2 (any class): institution 1's enrolment is not confirmed by it.
    await training.queryAs(hrOfficer, REFER, { input: { idNumber: person(5), institutionId: '2' } });
    expect((await enrol(5, CLASS_1)).data.enrolTrainee.confirmation).toBe('PENDING');
    expect((await enrol(5, CLASS_2, institution(2))).data.enrolTrainee.confirmation).toBe('CONFIRMED');
    expect(await training.sql('select institution_id, enrolment_id is not null as used from training_referral order by id')).toEqual([
      { institution_id: 1, used: true },
      { institution_id: 2, used: true },
    ]);
  });

  it("lists pending enrolments: the county its region's with the worker, an institution only its own rows", async () => {
    const county = await training.queryAs(hrOfficer, `{ pendingEnrolments(first: 50) { totalCount nodes { confirmation worker { id } } } }`);
    expect(county.errors).toBeUndefined();
    expect(county.data.pendingEnrolments.nodes.map((e: { worker: { id: string } }) => e.worker.id).sort()).toEqual([pseudonymOf(person(4)), pseudonymOf(person(5))].sort());
    const own = await training.queryAs(institution(2), `{ pendingEnrolments(first: 50) { nodes { id } } }`);
    expect(own.data.pendingEnrolments.nodes).toEqual([]);
    const mine = await training.queryAs(institution(1), `{ pendingEnrolments(first: 50) { nodes { confirmation worker { id } } } }`);
    // Person 4 is its trainee already (confirmed in class 1B); person 5 is not.
    expect(mine.data.pendingEnrolments.nodes).toEqual([
      { confirmation: 'PENDING', worker: { id: pseudonymOf(person(4)) } },
      { confirmation: 'PENDING', worker: null },
    ]);
  });
});
