import { addDays, makeIdNumber, todayInChina, type Identity, type Purpose } from '@jiuye/common';
import { trainingSubgraph } from '@jiuye/training';
import { officerOf, pseudonymOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';

type Who = Identity & { purpose?: Purpose };

const TODAY = todayInChina();
const COUNTY = '530113';
const institutionStaff = (institution: number): Who => officerOf('training', { region: undefined, institution: String(institution), permissions: [] });
const inst1 = institutionStaff(1);
const inst2 = institutionStaff(2);
const countyTraining: Who = officerOf('training', { region: COUNTY });
const viewer: Who = officerOf('training', { role: 'viewer', region: COUNTY });
const hrOfficer: Who = officerOf('hr', { region: COUNTY });

const COURSE_FIELDS = 'id name trade kind level levelLabel hours durationDays subsidyPerTrainee closedOn closeReason institution { id }';
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { ${COURSE_FIELDS} } }`;
const UPDATE_COURSE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { ${COURSE_FIELDS} } }`;
const CLOSE_COURSE = `mutation($input: CloseCourseInput!) { closeCourse(input: $input) { ${COURSE_FIELDS} } }`;
const COURSE = `query($id: ID!) { course(id: $id) { id name } }`;
const COURSES = `query($includeClosed: Boolean) { courses(first: 100, includeClosed: $includeClosed) { nodes { id } } }`;
const INSTITUTION_COURSES = `{ institutions(first: 10) { nodes { id courses { id } } } }`;

const CLASS_FIELDS = 'id startsOn endsOn capacity location teacher status closedOn closeReason placesTaken course { id } sessions { id heldOn startsAt endsAt topic }';
const CREATE_CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { ${CLASS_FIELDS} } }`;
const UPDATE_CLASS = `mutation($input: UpdateTrainingClassInput!) { updateTrainingClass(input: $input) { ${CLASS_FIELDS} } }`;
const CLOSE_CLASS = `mutation($input: CloseTrainingClassInput!) { closeTrainingClass(input: $input) { ${CLASS_FIELDS} } }`;
const CANCEL_CLASS = `mutation($input: CancelTrainingClassInput!) { cancelTrainingClass(input: $input) { ${CLASS_FIELDS} } }`;
const CLASS = `query($id: ID!) { trainingClass(id: $id) { ${CLASS_FIELDS} } }`;
const ADD_SESSION = `mutation($input: AddClassSessionInput!) { addClassSession(input: $input) { id heldOn startsAt endsAt topic trainingClass { id } } }`;
const UPDATE_SESSION = `mutation($input: UpdateClassSessionInput!) { updateClassSession(input: $input) { id heldOn startsAt endsAt topic } }`;
const REMOVE_SESSION = `mutation($input: RemoveClassSessionInput!) { removeClassSession(input: $input) { id sessions { id } } }`;
const ENROL = `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id } }`;

function errorOf(response: GraphQLResponse): Record<string, any> | undefined {
  return response.errors?.[0]?.extensions;
}

function fieldsOf(response: GraphQLResponse): string[] {
  const extensions = errorOf(response) ?? {};
  return extensions.problems ? extensions.problems.map((p: { field: string }) => p.field) : [extensions.field];
}

describe('training catalogue: courses, classes, schedules', () => {
  let training: TestSubgraph;
  let personSeq = 0;

  const TABLES = ['course', 'training_class', 'class_session', 'enrolment'];
  async function snapshot(): Promise<unknown[]> {
    const rows: unknown[] = [];
    for (const table of TABLES) rows.push(await training.sql(`select * from "${table}" order by id`));
    return rows;
  }

  const course = (extra: Record<string, unknown> = {}) => ({
    name: `电工（初级）${Math.random().toString(36).slice(2, 6)}`,
    trade: 'ELECTRICIAN',
    kind: 'MEDIUM_TERM',
    level: 5,
    hours: 480,
    durationDays: 90,
    subsidyPerTrainee: 2400,
    ...extra,
  });
  const klass = (courseId: string, extra: Record<string, unknown> = {}) => ({
    courseId,
    startsOn: addDays(TODAY, 10),
    endsOn: addDays(TODAY, 39),
    capacity: 30,
    location: '东川区技工学校实训楼',
    teacher: '李老师',
    ...extra,
  });

  async function createCourse(who: Who, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await training.queryAs(who, CREATE_COURSE, { input: course(extra) });
    expect(response.errors).toBeUndefined();
    return response.data.createCourse.id;
  }

  async function createClass(who: Who, courseId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await training.queryAs(who, CREATE_CLASS, { input: klass(courseId, extra) });
    expect(response.errors).toBeUndefined();
    return response.data.createTrainingClass.id;
  }

  /** A confirmed trainee written directly, in the given status. */
  async function trainee(classId: string, status: 'ENROLLED' | 'COMPLETED' | 'DROPPED', enrolledOn = TODAY): Promise<number> {
    const idNumber = makeIdNumber(COUNTY, '1990-01-01', ++personSeq);
    const [row] = await training.sql<{ id: number }>(
      `insert into enrolment (class_id, worker_id, id_number, enrolled_on, status, completed_on, confirmation) values (?, ?, ?, ?, ?, ?, 'CONFIRMED') returning id`,
      [Number(classId), pseudonymOf(idNumber), idNumber, enrolledOn, status, status === 'COMPLETED' ? TODAY : null],
    );
    return row.id;
  }

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    await training.sql(
      `insert into institution (id, name, kind, division_code) values
         (1, '东川区技工学校', 'TECHNICAL_SCHOOL', '530113101'),
         (2, '汤丹镇职业技能培训中心', 'TRAINING_CENTRE', '530113102'),
         (3, '五华区某企业培训中心', 'ENTERPRISE', '530102001')`,
    );
  });
  afterAll(() => training?.stop());

  describe('courses', () => {
    it('an institution opens a course of its own; the grade is shown as officials write it', async () => {
      const response = await training.queryAs(inst1, CREATE_COURSE, { input: course({ name: '  电工（初级） ' }) });
      expect(response.errors).toBeUndefined();
      expect(response.data.createCourse).toMatchObject({
        name: '电工（初级）',
        trade: 'ELECTRICIAN',
        kind: 'MEDIUM_TERM',
        level: 5,
        levelLabel: '五级/初级工',
        hours: 480,
        durationDays: 90,
        subsidyPerTrainee: 2400,
        closedOn: null,
        institution: { id: '1' },
      });
      const none = await training.queryAs(inst1, CREATE_COURSE, { input: course({ level: null }) });
      expect(none.data.createCourse).toMatchObject({ level: null, levelLabel: null });
    });

    it('an institution cannot write another’s; county training staff write those of their region only', async () => {
      const before = await snapshot();
      expect(errorOf(await training.queryAs(inst1, CREATE_COURSE, { input: course({ institutionId: '2' }) }))).toMatchObject({ code: 'FORBIDDEN', reason: 'other-institution' });
      expect(errorOf(await training.queryAs(countyTraining, CREATE_COURSE, { input: course({ institutionId: '3' }) }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await training.queryAs(countyTraining, CREATE_COURSE, { input: course({ institutionId: '99' }) }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.institutionId',
      });
      expect(fieldsOf(await training.queryAs(countyTraining, CREATE_COURSE, { input: course() }))).toEqual(['input.institutionId']);
      expect(errorOf(await training.queryAs(viewer, CREATE_COURSE, { input: course({ institutionId: '2' }) }))).toMatchObject({ code: 'FORBIDDEN', reason: 'read-only' });
      expect(errorOf(await training.queryAs(hrOfficer, CREATE_COURSE, { input: course({ institutionId: '2' }) }))).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
      expect(await snapshot()).toEqual(before);
      const response = await training.queryAs(countyTraining, CREATE_COURSE, { input: course({ institutionId: '2' }) });
      expect(response.data.createCourse.institution.id).toBe('2');
    });

    it('names every wrong field at once and writes nothing', async () => {
      const before = await snapshot();
      const response = await training.queryAs(inst1, CREATE_COURSE, { input: course({ name: 'x', level: 6, hours: 0, durationDays: 0, subsidyPerTrainee: -1 }) });
      expect(fieldsOf(response).sort()).toEqual(['input.durationDays', 'input.hours', 'input.level', 'input.name', 'input.subsidyPerTrainee']);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['name', { name: '电' }, { name: '电工' }],
      ['level', { level: 0 }, { level: 1 }],
      ['level', { level: 6 }, { level: 5 }],
      ['hours', { hours: 2001 }, { hours: 2000 }],
      ['durationDays', { durationDays: 367 }, { durationDays: 366 }],
      ['subsidyPerTrainee', { subsidyPerTrainee: 20_001 }, { subsidyPerTrainee: 0 }],
    ])('%s: refused just past the rule, accepted at its edge', async (field, wrong, edge) => {
      const before = await snapshot();
      expect(fieldsOf(await training.queryAs(inst1, CREATE_COURSE, { input: course(wrong) }))).toEqual([`input.${field}`]);
      expect(await snapshot()).toEqual(before);
      await createCourse(inst1, edge);
    });

    it('refuses a second open course of the same name in the institution', async () => {
      await createCourse(inst1, { name: '焊工（中级）' });
      const before = await snapshot();
      expect(errorOf(await training.queryAs(inst1, CREATE_COURSE, { input: course({ name: '焊工（中级）' }) }))).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
      expect(await snapshot()).toEqual(before);
      await createCourse(inst2, { name: '焊工（中级）' });
    });

    it('changes the fields given; another institution’s course reads as missing', async () => {
      const id = await createCourse(inst1);
      const changed = await training.queryAs(inst1, UPDATE_COURSE, { input: { id, hours: 400, subsidyPerTrainee: 2000, clearLevel: true } });
      expect(changed.data.updateCourse).toMatchObject({ id, hours: 400, subsidyPerTrainee: 2000, level: null, durationDays: 90, trade: 'ELECTRICIAN' });
      const wrong = await training.queryAs(inst1, UPDATE_COURSE, { input: { id, hours: 0, level: 3, clearLevel: true } });
      expect(fieldsOf(wrong)).toEqual(['input.clearLevel']);
      expect(fieldsOf(await training.queryAs(inst1, UPDATE_COURSE, { input: { id, hours: 0 } }))).toEqual(['input.hours']);
      const other = await training.queryAs(inst2, UPDATE_COURSE, { input: { id, hours: 1 } });
      const missing = await training.queryAs(inst2, UPDATE_COURSE, { input: { id: '99999', hours: 1 } });
      expect(errorOf(other)).toEqual(errorOf(missing));
      expect(other.errors?.[0].message).toBe(missing.errors?.[0].message);
      expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect((await training.queryAs(inst2, COURSE, { id })).data.course).toBeNull();
      expect((await training.queryAs(countyTraining, COURSE, { id })).data.course).toMatchObject({ id });
    });

    it('closes a course: no new classes, hidden from the lists unless asked, not changed again', async () => {
      const id = await createCourse(inst1);
      expect(fieldsOf(await training.queryAs(inst1, CLOSE_COURSE, { input: { id, closedOn: addDays(TODAY, 1), reason: '停办' } }))).toEqual(['input.closedOn']);
      const closed = await training.queryAs(inst1, CLOSE_COURSE, { input: { id, closedOn: TODAY, reason: '生源不足停办' } });
      expect(closed.data.closeCourse).toMatchObject({ closedOn: TODAY, closeReason: '生源不足停办' });
      expect(errorOf(await training.queryAs(inst1, CLOSE_COURSE, { input: { id, closedOn: TODAY, reason: '再次停办' } }))).toMatchObject({ code: 'CONFLICT' });
      expect(errorOf(await training.queryAs(inst1, UPDATE_COURSE, { input: { id, hours: 10 } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      const before = await snapshot();
      expect(errorOf(await training.queryAs(inst1, CREATE_CLASS, { input: klass(id) }))).toMatchObject({ code: 'CONFLICT', field: 'input.courseId' });
      expect(await snapshot()).toEqual(before);
      const ids = async (includeClosed: boolean) => (await training.queryAs(inst1, COURSES, { includeClosed })).data.courses.nodes.map((n: { id: string }) => n.id);
      expect(await ids(false)).not.toContain(id);
      expect(await ids(true)).toContain(id);
      const nested = await training.queryAs(inst1, INSTITUTION_COURSES);
      expect(nested.data.institutions.nodes[0].courses.map((c: { id: string }) => c.id)).not.toContain(id);
    });
  });

  describe('classes', () => {
    let courseId: string;
    beforeAll(async () => {
      courseId = await createCourse(inst1, { name: '电工（初级）班级' });
    });

    it('opens a class of the institution’s course with its teacher', async () => {
      const response = await training.queryAs(inst1, CREATE_CLASS, { input: klass(courseId, { teacher: ' 李老师 ' }) });
      expect(response.errors).toBeUndefined();
      expect(response.data.createTrainingClass).toMatchObject({
        startsOn: addDays(TODAY, 10),
        endsOn: addDays(TODAY, 39),
        capacity: 30,
        teacher: '李老师',
        status: 'OPEN',
        placesTaken: 0,
        sessions: [],
        course: { id: courseId },
      });
    });

    it('another institution’s course reads as missing, and nothing is written', async () => {
      const before = await snapshot();
      const other = await training.queryAs(inst2, CREATE_CLASS, { input: klass(courseId) });
      const missing = await training.queryAs(inst2, CREATE_CLASS, { input: klass('99999') });
      expect(errorOf(other)).toEqual(errorOf(missing));
      expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND', field: 'input.courseId' });
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['capacity', { capacity: 201 }, { capacity: 200 }],
      ['capacity', { capacity: 0 }, { capacity: 1 }],
      ['endsOn', { endsOn: addDays(TODAY, 9) }, { endsOn: addDays(TODAY, 10) }],
      ['endsOn', { endsOn: addDays(TODAY, 10 + 366) }, { endsOn: addDays(TODAY, 10 + 365) }],
      ['startsOn', { startsOn: addDays(TODAY, 367), endsOn: addDays(TODAY, 370) }, { startsOn: addDays(TODAY, 366), endsOn: addDays(TODAY, 370) }],
      ['location', { location: '楼' }, { location: '楼内' }],
      ['teacher', { teacher: '李' }, { teacher: '李四' }],
      ['teacher', { teacher: '李'.repeat(51) }, { teacher: '李'.repeat(50) }],
    ])('%s: refused just past the rule, accepted at its edge', async (field, wrong, edge) => {
      const before = await snapshot();
      expect(fieldsOf(await training.queryAs(inst1, CREATE_CLASS, { input: klass(courseId, wrong) }))).toEqual([`input.${field}`]);
      expect(await snapshot()).toEqual(before);
      await createClass(inst1, courseId, edge);
    });

    it('changes an open class; not below the places taken, nor the first day once begun', async () => {
      const id = await createClass(inst1, courseId, { startsOn: addDays(TODAY, -5), endsOn: addDays(TODAY, 20), capacity: 3 });
      await trainee(id, 'ENROLLED', addDays(TODAY, -5));
      await trainee(id, 'ENROLLED', addDays(TODAY, -5));
      const before = await snapshot();
      expect(errorOf(await training.queryAs(inst1, UPDATE_CLASS, { input: { id, capacity: 1 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity' });
      expect(fieldsOf(await training.queryAs(inst1, UPDATE_CLASS, { input: { id, startsOn: addDays(TODAY, -4) } }))).toEqual(['input.startsOn']);
      expect(errorOf(await training.queryAs(inst2, UPDATE_CLASS, { input: { id, capacity: 10 } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(await snapshot()).toEqual(before);
      const changed = await training.queryAs(inst1, UPDATE_CLASS, { input: { id, capacity: 2, endsOn: addDays(TODAY, 25), location: '汤丹镇文化站', teacher: '王老师' } });
      expect(changed.errors).toBeUndefined();
      expect(changed.data.updateTrainingClass).toMatchObject({ capacity: 2, endsOn: addDays(TODAY, 25), location: '汤丹镇文化站', teacher: '王老师', placesTaken: 2 });
    });

    it('cancels a class: trainees still enrolled are dropped with the reason, places freed, no more enrolments', async () => {
      const id = await createClass(inst1, courseId);
      const [a, b] = [await trainee(id, 'ENROLLED'), await trainee(id, 'ENROLLED')];
      const dropped = await trainee(id, 'DROPPED');
      expect(fieldsOf(await training.queryAs(inst1, CANCEL_CLASS, { input: { id, reason: '停' } }))).toEqual(['input.reason']);
      const cancelled = await training.queryAs(inst1, CANCEL_CLASS, { input: { id, reason: '报名人数不足' } });
      expect(cancelled.errors).toBeUndefined();
      expect(cancelled.data.cancelTrainingClass).toMatchObject({ status: 'CANCELLED', closedOn: TODAY, closeReason: '报名人数不足', placesTaken: 0 });
      const rows = await training.sql<{ id: number; status: string; drop_reason: string | null }>(`select id, status, drop_reason from enrolment where class_id = ? order by id`, [
        Number(id),
      ]);
      expect(rows).toEqual([
        { id: a, status: 'DROPPED', drop_reason: '班级取消：报名人数不足' },
        { id: b, status: 'DROPPED', drop_reason: '班级取消：报名人数不足' },
        { id: dropped, status: 'DROPPED', drop_reason: null },
      ]);
      const enrol = await training.queryAs(countyTraining, ENROL, { input: { classId: id, idNumber: makeIdNumber(COUNTY, '1991-02-03', 900), enrolledOn: TODAY } });
      expect(errorOf(enrol)).toMatchObject({ code: 'CONFLICT', field: 'input.classId' });
      expect(errorOf(await training.queryAs(inst1, CANCEL_CLASS, { input: { id, reason: '再次取消' } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      expect(errorOf(await training.queryAs(inst1, UPDATE_CLASS, { input: { id, capacity: 5 } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    });

    it('does not cancel a class once a trainee completed, and changes nothing', async () => {
      const id = await createClass(inst1, courseId, { startsOn: addDays(TODAY, -40), endsOn: addDays(TODAY, -1) });
      await trainee(id, 'COMPLETED', addDays(TODAY, -40));
      await trainee(id, 'ENROLLED', addDays(TODAY, -40));
      const before = await snapshot();
      expect(errorOf(await training.queryAs(inst1, CANCEL_CLASS, { input: { id, reason: '报名人数不足' } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      expect(await snapshot()).toEqual(before);
    });

    it('closes a class that ended once every trainee completed or dropped', async () => {
      const id = await createClass(inst1, courseId, { startsOn: addDays(TODAY, -40), endsOn: addDays(TODAY, -2) });
      await trainee(id, 'COMPLETED', addDays(TODAY, -40));
      const open = await trainee(id, 'ENROLLED', addDays(TODAY, -40));
      const before = await snapshot();
      expect(errorOf(await training.queryAs(inst1, CLOSE_CLASS, { input: { id, closedOn: TODAY } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      expect(errorOf(await training.queryAs(inst1, CLOSE_CLASS, { input: { id, closedOn: addDays(TODAY, -3) } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.closedOn',
      });
      expect(fieldsOf(await training.queryAs(inst1, CLOSE_CLASS, { input: { id, closedOn: addDays(TODAY, 1) } }))).toEqual(['input.closedOn']);
      expect(errorOf(await training.queryAs(inst2, CLOSE_CLASS, { input: { id, closedOn: TODAY } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(await snapshot()).toEqual(before);
      await training.sql(`update enrolment set status = 'DROPPED', drop_reason = '外出务工' where id = ?`, [open]);
      const closed = await training.queryAs(inst1, CLOSE_CLASS, { input: { id, closedOn: addDays(TODAY, -2), note: '按期结业' } });
      expect(closed.errors).toBeUndefined();
      expect(closed.data.closeTrainingClass).toMatchObject({ status: 'CLOSED', closedOn: addDays(TODAY, -2), closeReason: '按期结业' });
      const enrol = await training.queryAs(countyTraining, ENROL, { input: { classId: id, idNumber: makeIdNumber(COUNTY, '1991-02-03', 901), enrolledOn: addDays(TODAY, -3) } });
      expect(errorOf(enrol)).toMatchObject({ code: 'CONFLICT', field: 'input.classId' });
    });
  });

  describe('schedules', () => {
    let classId: string;
    const day = (n: number) => addDays(TODAY, 10 + n);
    const session = (extra: Record<string, unknown> = {}) => ({ classId, heldOn: day(0), startsAt: '08:30', endsAt: '10:00', topic: '安全用电常识', ...extra });

    beforeAll(async () => {
      classId = await createClass(inst1, await createCourse(inst1, { name: '电工（排课）' }));
    });

    it('adds sessions on class days, in time order on the class', async () => {
      const first = await training.queryAs(inst1, ADD_SESSION, { input: session() });
      expect(first.errors).toBeUndefined();
      expect(first.data.addClassSession).toMatchObject({ heldOn: day(0), startsAt: '08:30', endsAt: '10:00', topic: '安全用电常识', trainingClass: { id: classId } });
      // Touching the end of the first session is not an overlap.
      await training.queryAs(inst1, ADD_SESSION, { input: session({ startsAt: '10:00', endsAt: '11:30', topic: '电工识图' }) });
      await training.queryAs(inst1, ADD_SESSION, { input: session({ heldOn: day(1), startsAt: '14:00', endsAt: '17:00', topic: '实操' }) });
      const read = await training.queryAs(inst1, CLASS, { id: classId });
      expect(read.data.trainingClass.sessions.map((s: { startsAt: string; heldOn: string }) => `${s.heldOn} ${s.startsAt}`)).toEqual([
        `${day(0)} 08:30`,
        `${day(0)} 10:00`,
        `${day(1)} 14:00`,
      ]);
    });

    it('validates times, topic, the class days and overlaps, and writes nothing when refused', async () => {
      const before = await snapshot();
      expect(fieldsOf(await training.queryAs(inst1, ADD_SESSION, { input: session({ startsAt: '24:00', endsAt: '8:00', topic: '课' }) })).sort()).toEqual([
        'input.endsAt',
        'input.startsAt',
        'input.topic',
      ]);
      expect(fieldsOf(await training.queryAs(inst1, ADD_SESSION, { input: session({ startsAt: '10:00', endsAt: '10:00' }) }))).toEqual(['input.endsAt']);
      expect(errorOf(await training.queryAs(inst1, ADD_SESSION, { input: session({ heldOn: day(-1) }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
      expect(errorOf(await training.queryAs(inst1, ADD_SESSION, { input: session({ heldOn: day(30) }) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
      expect(errorOf(await training.queryAs(inst1, ADD_SESSION, { input: session({ startsAt: '09:59', endsAt: '10:30' }) }))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.startsAt',
      });
      expect(errorOf(await training.queryAs(inst2, ADD_SESSION, { input: session({ heldOn: day(2) }) }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.classId' });
      expect(await snapshot()).toEqual(before);
      // The last class day at 23:59 is still inside.
      const edge = await training.queryAs(inst1, ADD_SESSION, { input: session({ heldOn: day(29), startsAt: '22:00', endsAt: '23:59' }) });
      expect(edge.errors).toBeUndefined();
    });

    it('moves and removes sessions not yet held; a held one stays on the record', async () => {
      const added = await training.queryAs(inst1, ADD_SESSION, { input: session({ heldOn: day(5), startsAt: '08:00', endsAt: '09:00', topic: '复习' }) });
      const id = added.data.addClassSession.id;
      const moved = await training.queryAs(inst1, UPDATE_SESSION, { input: { id, heldOn: day(6), topic: '复习与考核' } });
      expect(moved.data.updateClassSession).toMatchObject({ heldOn: day(6), startsAt: '08:00', topic: '复习与考核' });
      expect(errorOf(await training.queryAs(inst1, UPDATE_SESSION, { input: { id, startsAt: '08:30' } }))).toBeUndefined();
      expect(fieldsOf(await training.queryAs(inst1, UPDATE_SESSION, { input: { id, endsAt: '08:00' } }))).toEqual(['input.endsAt']);
      const other = await training.queryAs(inst2, REMOVE_SESSION, { input: { id } });
      const missing = await training.queryAs(inst2, REMOVE_SESSION, { input: { id: '99999' } });
      expect(errorOf(other)).toEqual(errorOf(missing));
      expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      const removed = await training.queryAs(inst1, REMOVE_SESSION, { input: { id } });
      expect(removed.data.removeClassSession.sessions.map((s: { id: string }) => s.id)).not.toContain(id);

      // A session of a running class held yesterday.
      const running = await createClass(inst1, await createCourse(inst1, { name: '电工（在训）' }), { startsOn: addDays(TODAY, -3), endsOn: addDays(TODAY, 20) });
      const held = await training.queryAs(inst1, ADD_SESSION, { input: { classId: running, heldOn: addDays(TODAY, -1), startsAt: '08:00', endsAt: '09:00', topic: '开班第一课' } });
      const heldId = held.data.addClassSession.id;
      expect(errorOf(await training.queryAs(inst1, REMOVE_SESSION, { input: { id: heldId } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      expect(errorOf(await training.queryAs(inst1, UPDATE_SESSION, { input: { id: heldId, topic: '改写' } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      // Moving a future session into the past is refused.
      const later = await training.queryAs(inst1, ADD_SESSION, { input: { classId: running, heldOn: addDays(TODAY, 2), startsAt: '08:00', endsAt: '09:00', topic: '第二课' } });
      expect(fieldsOf(await training.queryAs(inst1, UPDATE_SESSION, { input: { id: later.data.addClassSession.id, heldOn: addDays(TODAY, -2) } }))).toEqual(['input.heldOn']);
    });

    it('a class whose dates would leave sessions outside is not moved', async () => {
      const before = await snapshot();
      expect(errorOf(await training.queryAs(inst1, UPDATE_CLASS, { input: { id: classId, endsOn: day(20) } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
      expect(await snapshot()).toEqual(before);
    });
  });
});
