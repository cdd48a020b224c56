import { addDays, NOT_CLEARABLE, todayInChina, type Identity, type Purpose } from '@jiuye/common';
import { trainingSubgraph } from '@jiuye/training';
import { officerOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';

type Who = Identity & { purpose?: Purpose };
const TODAY = todayInChina();
const inst1: Who = officerOf('training', { region: undefined, institution: '1', permissions: [] });

const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;
const UPDATE_COURSE = `mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { id name level hours subsidyPerTrainee } }`;
const CREATE_CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id } }`;
const UPDATE_CLASS = `mutation($input: UpdateTrainingClassInput!) { updateTrainingClass(input: $input) { id capacity location teacher funder funderCityCode } }`;
const ADD_SESSION = `mutation($input: AddClassSessionInput!) { addClassSession(input: $input) { id } }`;
const UPDATE_SESSION = `mutation($input: UpdateClassSessionInput!) { updateClassSession(input: $input) { id heldOn startsAt endsAt topic } }`;

function refused(response: GraphQLResponse): Record<string, string> {
  expect(response.data ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions ?? {};
  expect(extensions.code).toBe('BAD_USER_INPUT');
  return Object.fromEntries((extensions.problems as { field: string; message: string }[]).map((p) => [p.field, p.message]));
}

describe('training update inputs: null clears an optional field, absent keeps it, null on a required field is refused; the history keeps old → null', () => {
  let training: TestSubgraph;
  let courseId: string;
  let classId: string;

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    await training.sql(`insert into institution (id, name, kind, division_code) values (1, '东川区技工学校', 'TECHNICAL_SCHOOL', '530113101')`);
    const course = await training.queryAs(inst1, CREATE_COURSE, {
      input: { name: '电工（初级）', trade: 'ELECTRICIAN', kind: 'MEDIUM_TERM', level: 5, hours: 480, durationDays: 90, subsidyPerTrainee: 2400 },
    });
    courseId = course.data.createCourse.id;
    const created = await training.queryAs(inst1, CREATE_CLASS, {
      input: { courseId, startsOn: addDays(TODAY, 10), endsOn: addDays(TODAY, 39), capacity: 30, location: '东川区技工学校实训楼', teacher: '李老师', funder: 'LOCAL_FISCAL' },
    });
    expect(created.errors).toBeUndefined();
    classId = created.data.createTrainingClass.id;
  });
  afterAll(() => training?.stop());

  const history = (table: string, key: string) =>
    training.sql<{ changes: unknown }>(`select changes from change_history where table_name = ? and row_key = ? and operation = 'UPDATE' order by id`, [table, key]);

  it('updateCourse: level: null clears the grade (as clearLevel: true); name, hours and subsidyPerTrainee: null are refused, nothing written', async () => {
    expect(refused(await training.queryAs(inst1, UPDATE_COURSE, { input: { id: courseId, name: null, hours: null, subsidyPerTrainee: null, level: null } }))).toEqual({
      'input.name': NOT_CLEARABLE,
      'input.hours': NOT_CLEARABLE,
      'input.subsidyPerTrainee': NOT_CLEARABLE,
    });
    const kept = await training.queryAs(inst1, UPDATE_COURSE, { input: { id: courseId, hours: 500 } });
    expect(kept.data.updateCourse).toEqual({ id: courseId, name: '电工（初级）', level: 5, hours: 500, subsidyPerTrainee: 2400 });
    const cleared = await training.queryAs(inst1, UPDATE_COURSE, { input: { id: courseId, level: null } });
    expect(cleared.data.updateCourse).toEqual({ id: courseId, name: '电工（初级）', level: null, hours: 500, subsidyPerTrainee: 2400 });
    expect((await history('course', courseId)).map((h) => h.changes)).toEqual([{ hours: [480, 500] }, { level: [5, null] }]);
  });

  it('updateTrainingClass: funder: null clears the funder; teacher, location and capacity: null are refused; left out, they stay', async () => {
    expect(refused(await training.queryAs(inst1, UPDATE_CLASS, { input: { id: classId, teacher: null, location: null, capacity: null } }))).toEqual({
      'input.teacher': NOT_CLEARABLE,
      'input.location': NOT_CLEARABLE,
      'input.capacity': NOT_CLEARABLE,
    });
    const kept = await training.queryAs(inst1, UPDATE_CLASS, { input: { id: classId, capacity: 25 } });
    expect(kept.data.updateTrainingClass).toEqual({ id: classId, capacity: 25, location: '东川区技工学校实训楼', teacher: '李老师', funder: 'LOCAL_FISCAL', funderCityCode: null });
    const cleared = await training.queryAs(inst1, UPDATE_CLASS, { input: { id: classId, funder: null } });
    expect(cleared.data.updateTrainingClass).toMatchObject({ capacity: 25, teacher: '李老师', funder: null, funderCityCode: null });
    expect((await history('training_class', classId)).map((h) => h.changes)).toEqual([{ capacity: [30, 25] }, { funder: ['LOCAL_FISCAL', null] }]);
  });

  it('updateClassSession: every field is required — null on each is refused naming it', async () => {
    const session = await training.queryAs(inst1, ADD_SESSION, { input: { classId, heldOn: addDays(TODAY, 10), startsAt: '08:30', endsAt: '10:00', topic: '安全用电常识' } });
    expect(session.errors).toBeUndefined();
    const id = session.data.addClassSession.id;
    expect(refused(await training.queryAs(inst1, UPDATE_SESSION, { input: { id, heldOn: null, startsAt: null, endsAt: null, topic: null } }))).toEqual({
      'input.heldOn': NOT_CLEARABLE,
      'input.startsAt': NOT_CLEARABLE,
      'input.endsAt': NOT_CLEARABLE,
      'input.topic': NOT_CLEARABLE,
    });
    const kept = await training.queryAs(inst1, UPDATE_SESSION, { input: { id, topic: '电工识图' } });
    expect(kept.data.updateClassSession).toEqual({ id, heldOn: addDays(TODAY, 10), startsAt: '08:30', endsAt: '10:00', topic: '电工识图' });
  });
});
