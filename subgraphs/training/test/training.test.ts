import { addDays, addMonths, idNumberCheckCharacter, makeIdNumber, todayInChina } from '@jiuye/common';
import { trainingSubgraph } from '@jiuye/training';
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, type TestSubgraph, expectFlatCost } from '@jiuye/testing/harness';
import { employedWithinThreeMonths, employmentDeadline } from '../src/enrolment/enrolment.entity';

const TODAY = todayInChina();
const person = (n: number) => makeIdNumber('530113', '1990-01-01', n);

/** Reference rows (no mutations create them: they come from the institutions' own systems and the seeder). */
const INSTITUTIONS = [
  [1, '东川区技工学校', 'TECHNICAL_SCHOOL', '530113101'],
  [2, '汤丹镇职业技能培训中心', 'TRAINING_CENTRE', '530113102'],
  [3, '五华区某企业培训中心', 'ENTERPRISE', '530102001'],
] as const;
const COURSES = [
  [1, 1, '电工（中长期）', 'ELECTRICIAN', 'MEDIUM_TERM', 90],
  [2, 1, '焊工（中长期）', 'WELDER', 'MEDIUM_TERM', 90],
  [3, 2, '中式烹调', 'COOK', 'SHORT_PRACTICAL', 30],
  [4, 2, '家政服务', 'DOMESTIC_SERVICE', 'SHORT_PRACTICAL', 7],
  [5, 2, '养老护理（订单式）', 'ELDERLY_CARE', 'ORDER_BASED', 30],
  [6, 2, '农村电商创业', 'ECOMMERCE', 'ENTREPRENEURSHIP', 10],
  [7, 2, '缝纫工岗前培训', 'SEWING', 'PRE_JOB', 5],
  [8, 3, '挖掘机操作（定向）', 'EXCAVATOR', 'DIRECTED', 30],
] as const;
/** 2026-03-02 … 2026-05-30: 90 days. */
const PAST_CLASS = 1;
/** Started 9 days ago, 30 days long. */
const RUNNING_CLASS = 2;
/** Starts in 10 days, 7 days long, 2 places. */
const SMALL_CLASS = 3;
/** 2026-01-05 … 2026-04-04. */
const ENDED_CLASS = 4;
/** 2025-09-02 … 2025-11-30, medium-term: the three-month rule on constructed dates. */
const OUTCOME_CLASS = 5;
/** Starts in 10 days, 3 places: concurrent enrolments. */
const RACE_CLASS = 11;
const CLASSES: [number, number, string, string, number, string][] = [
  [PAST_CLASS, 1, '2026-03-02', '2026-05-30', 30, '东川区技工学校实训楼'],
  [RUNNING_CLASS, 3, addDays(TODAY, -9), addDays(TODAY, 20), 30, '汤丹镇文化站'],
  [SMALL_CLASS, 4, addDays(TODAY, 10), addDays(TODAY, 16), 2, '汤丹镇便民服务中心'],
  [ENDED_CLASS, 2, '2026-01-05', '2026-04-04', 30, '东川区技工学校焊接车间'],
  [OUTCOME_CLASS, 1, '2025-09-02', '2025-11-30', 40, '东川区技工学校实训楼'],
  // Course 6: five classes for pagination by start date, two sharing a start date.
  [6, 6, '2025-03-01', '2025-03-10', 20, '乌龙镇'],
  [7, 6, '2025-04-01', '2025-04-10', 20, '乌龙镇'],
  [8, 6, '2025-04-01', '2025-04-10', 20, '拖布卡镇'],
  [9, 6, '2025-05-01', '2025-05-10', 20, '乌龙镇'],
  [10, 6, '2025-06-01', '2025-06-10', 20, '乌龙镇'],
  [RACE_CLASS, 7, addDays(TODAY, 10), addDays(TODAY, 14), 3, '拖布卡镇'],
];

const ENROL = `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id status enrolledOn attendanceDays worker { id } trainingClass { id } } }`;
const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id attendanceDays attendanceRate status } }`;
const COMPLETE = `mutation($input: CompleteTrainingInput!) { completeTraining(input: $input) { id status completedOn employedWithinThreeMonths } }`;
const DROP = `mutation($input: DropTrainingInput!) { dropTraining(input: $input) { id status dropReason } }`;
const CERTIFY = `mutation($input: CertifyTraineeInput!) { certifyTrainee(input: $input) { id trade grade gradeLabel number issuedOn worker { id } enrolment { id } } }`;
const EMPLOYED = `mutation($input: RecordPostTrainingEmploymentInput!) { recordPostTrainingEmployment(input: $input) { id employedOn employedWithinThreeMonths } }`;

describe('training subgraph', () => {
  let training: TestSubgraph;
  const count = async (table: string) => (await training.sql<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n;
  const enrolmentRow = async (id: string | number) =>
    (await training.sql(`select status, attendance_days, completed_on::text, employed_on::text, drop_reason from enrolment where id = ?`, [Number(id)]))[0];

  /** Enrols through the API and returns the enrolment id. */
  async function enrol(classId: number, idNumber: string, enrolledOn: string): Promise<string> {
    const response = await training.query(ENROL, { input: { classId: String(classId), idNumber, enrolledOn } });
    expect(response.errors).toBeUndefined();
    return response.data.enrolTrainee.id;
  }

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph);
    for (const row of INSTITUTIONS) await training.sql(`insert into institution (id, name, kind, division_code) values (?, ?, ?, ?)`, [...row]);
    for (const row of COURSES) await training.sql(`insert into course (id, institution_id, name, trade, kind, duration_days) values (?, ?, ?, ?, ?, ?)`, [...row]);
    for (const row of CLASSES) await training.sql(`insert into training_class (id, course_id, starts_on, ends_on, capacity, location) values (?, ?, ?, ?, ?, ?)`, row);
  });
  afterAll(() => training?.stop());

  describe('queries', () => {
    it('lists institutions in a division, by kind', async () => {
      const county = await training.query(`{ institutions(divisionCode: "530113") { totalCount nodes { id name kind divisionCode courses { name } } } }`);
      expect(county.errors).toBeUndefined();
      expect(county.data.institutions.totalCount).toBe(2);
      expect(county.data.institutions.nodes.map((i: { id: string }) => i.id)).toEqual(['1', '2']);
      expect(county.data.institutions.nodes[0]).toMatchObject({
        kind: 'TECHNICAL_SCHOOL',
        divisionCode: '530113101',
        courses: [{ name: '焊工（中长期）' }, { name: '电工（中长期）' }],
      });

      const township = await training.query(`{ institutions(divisionCode: "530113102", kind: TRAINING_CENTRE) { totalCount nodes { name } } }`);
      expect(township.data.institutions).toEqual({ totalCount: 1, nodes: [{ name: '汤丹镇职业技能培训中心' }] });

      const city = await training.query(`{ institutions(divisionCode: "5301") { totalCount } }`);
      expect(city.errors).toBeUndefined();
      expect(city.data.institutions.totalCount).toBe(3);
      const invalid = await training.query(`query($code: DivisionCode) { institutions(divisionCode: $code) { totalCount } }`, { code: '53011' });
      expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(invalid.errors?.[0].message).toMatch(/DivisionCode/);
    });

    it('filters courses by kind, trade and institution', async () => {
      const medium = await training.query(`{ courses(kind: MEDIUM_TERM) { totalCount nodes { name trade kind durationDays institution { name } } } }`);
      expect(medium.errors).toBeUndefined();
      expect(medium.data.courses.totalCount).toBe(2);
      expect(medium.data.courses.nodes[0]).toEqual({
        name: '电工（中长期）',
        trade: 'ELECTRICIAN',
        kind: 'MEDIUM_TERM',
        durationDays: 90,
        institution: { name: '东川区技工学校' },
      });

      const byTrade = await training.query(`{ courses(trade: EXCAVATOR) { nodes { id kind } } }`);
      expect(byTrade.data.courses.nodes).toEqual([{ id: '8', kind: 'DIRECTED' }]);

      const byInstitution = await training.query(`{ courses(institutionId: "2", kind: SHORT_PRACTICAL) { totalCount nodes { id } } }`);
      expect(byInstitution.data.courses).toEqual({ totalCount: 2, nodes: [{ id: '3' }, { id: '4' }] });

      const badId = await training.query(`{ courses(institutionId: "abc") { totalCount } }`);
      expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'institutionId' });
    });

    it('filters classes by course and start dates, and finds one class with its course and institution', async () => {
      const range = await training.query(`{ trainingClasses(startsFrom: "2026-01-01", startsTo: "2026-03-31") { totalCount nodes { id startsOn } } }`);
      expect(range.errors).toBeUndefined();
      expect(range.data.trainingClasses).toEqual({
        totalCount: 2,
        nodes: [
          { id: String(ENDED_CLASS), startsOn: '2026-01-05' },
          { id: String(PAST_CLASS), startsOn: '2026-03-02' },
        ],
      });

      const byCourse = await training.query(`{ trainingClasses(courseId: "1") { nodes { id } } }`);
      expect(byCourse.data.trainingClasses.nodes).toEqual([{ id: String(OUTCOME_CLASS) }, { id: String(PAST_CLASS) }]);

      const one = await training.query(`{ trainingClass(id: "${PAST_CLASS}") { startsOn endsOn lengthDays capacity location course { name kind institution { name kind } } } }`);
      expect(one.data.trainingClass).toEqual({
        startsOn: '2026-03-02',
        endsOn: '2026-05-30',
        lengthDays: 90,
        capacity: 30,
        location: '东川区技工学校实训楼',
        course: { name: '电工（中长期）', kind: 'MEDIUM_TERM', institution: { name: '东川区技工学校', kind: 'TECHNICAL_SCHOOL' } },
      });
      const missing = await training.query(`{ trainingClass(id: "999") { id } }`);
      expect(missing.errors).toBeUndefined();
      expect(missing.data.trainingClass).toBeNull();

      const reversed = await training.query(`{ trainingClasses(startsFrom: "2026-03-31", startsTo: "2026-01-01") { totalCount } }`);
      expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsTo' });
    });

    it('pages through courses and classes without overlap, with the total count', async () => {
      const COURSES_PAGE = `query($after: String) { courses(institutionId: "2", first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
      const first = await training.query(COURSES_PAGE);
      expect(first.data.courses.totalCount).toBe(5);
      expect(first.data.courses.pageInfo.hasNextPage).toBe(true);
      const second = await training.query(COURSES_PAGE, { after: first.data.courses.pageInfo.endCursor });
      expect(second.data.courses.totalCount).toBe(5);
      expect(second.data.courses.pageInfo.hasNextPage).toBe(false);
      const ids = [...first.data.courses.nodes, ...second.data.courses.nodes].map((c: { id: string }) => c.id);
      expect(ids).toEqual(['3', '4', '5', '6', '7']);

      const CLASSES_PAGE = `query($after: String) { trainingClasses(courseId: "6", first: 2, after: $after) { totalCount nodes { id startsOn } pageInfo { hasNextPage endCursor } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: any = await training.query(CLASSES_PAGE, { after });
        expect(page.errors).toBeUndefined();
        expect(page.data.trainingClasses.totalCount).toBe(5);
        seen.push(...page.data.trainingClasses.nodes.map((c: { id: string }) => c.id));
        after = page.data.trainingClasses.pageInfo.hasNextPage ? page.data.trainingClasses.pageInfo.endCursor : null;
        pages++;
      } while (after);
      // Two classes start on 2025-04-01: the cursor (start date, id) splits them without loss or repeat.
      expect(pages).toBe(3);
      expect(seen).toEqual(['6', '7', '8', '9', '10']);

      const tooMany = await training.query(`{ courses(first: 501) { totalCount } }`);
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const badCursor = await training.query(`{ trainingClasses(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
      expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('a trainee from enrolment to certificate and job', () => {
    const ID_NUMBER = person(11);

    it('enrols, attends, completes, finds a job, is certified; the worker shows it all', async () => {
      const enrolled = await training.query(ENROL, { input: { classId: String(PAST_CLASS), idNumber: ID_NUMBER, enrolledOn: '2026-02-20' } });
      expect(enrolled.errors).toBeUndefined();
      expect(enrolled.data.enrolTrainee).toMatchObject({
        status: 'ENROLLED',
        enrolledOn: '2026-02-20',
        attendanceDays: 0,
        worker: { id: pseudonymOf(ID_NUMBER) },
        trainingClass: { id: String(PAST_CLASS) },
      });
      const enrolmentId = enrolled.data.enrolTrainee.id;
      // The ID number is kept for matching but never leaves the subgraph.
      expect(JSON.stringify(enrolled)).not.toContain(ID_NUMBER);
      expect((await training.sql(`select id_number from enrolment where id = ?`, [Number(enrolmentId)]))[0].id_number).toBe(ID_NUMBER);

      const attended = await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 72 } });
      expect(attended.errors).toBeUndefined();
      expect(attended.data.recordAttendance).toEqual({ id: enrolmentId, attendanceDays: 72, attendanceRate: 0.8, status: 'ENROLLED' });

      const completed = await training.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-05-30' } });
      expect(completed.errors).toBeUndefined();
      // Completed on 2026-05-30, no job recorded, window closed on 2026-08-30: false (today is later).
      expect(completed.data.completeTraining).toEqual({
        id: enrolmentId,
        status: 'COMPLETED',
        completedOn: '2026-05-30',
        employedWithinThreeMonths: TODAY > '2026-08-30' ? false : null,
      });

      const employed = await training.query(EMPLOYED, { input: { enrolmentId, employedOn: '2026-07-15' } });
      expect(employed.errors).toBeUndefined();
      expect(employed.data.recordPostTrainingEmployment).toEqual({ id: enrolmentId, employedOn: '2026-07-15', employedWithinThreeMonths: true });

      const certified = await training.query(CERTIFY, {
        input: { idNumber: ID_NUMBER, trade: 'ELECTRICIAN', grade: 4, number: 's530113202600000001', issuedOn: '2026-06-10', enrolmentId },
      });
      expect(certified.errors).toBeUndefined();
      expect(certified.data.certifyTrainee).toMatchObject({
        trade: 'ELECTRICIAN',
        grade: 4,
        gradeLabel: '四级/中级工',
        number: 'S530113202600000001',
        issuedOn: '2026-06-10',
        worker: { id: pseudonymOf(ID_NUMBER) },
        enrolment: { id: enrolmentId },
      });
      const elsewhere = await training.query(CERTIFY, { input: { idNumber: ID_NUMBER, trade: 'WELDER', grade: 5, number: 'S530113202000000077', issuedOn: '2020-04-01' } });
      expect(elsewhere.errors).toBeUndefined();
      expect(elsewhere.data.certifyTrainee.enrolment).toBeNull();
      const again = await training.query(CERTIFY, { input: { idNumber: ID_NUMBER, trade: 'ELECTRICIAN', grade: 3, number: 'S530113202600000099', issuedOn: '2026-10-10' } });
      expect(again.errors).toBeUndefined();

      const worker = await training.query(
        ENTITIES_QUERY(`... on Worker { id
          enrolments { id status attendanceRate employedWithinThreeMonths trainingClass { startsOn endsOn course { name trade kind institution { name } } } }
          certificates { number trade grade }
          certifiedTrades }`),
        { representations: [{ __typename: 'Worker', id: pseudonymOf(ID_NUMBER) }] },
      );
      expect(worker.errors).toBeUndefined();
      expect(worker.data._entities[0]).toEqual({
        id: pseudonymOf(ID_NUMBER),
        enrolments: [
          {
            id: enrolmentId,
            status: 'COMPLETED',
            attendanceRate: 0.8,
            employedWithinThreeMonths: true,
            trainingClass: {
              startsOn: '2026-03-02',
              endsOn: '2026-05-30',
              course: { name: '电工（中长期）', trade: 'ELECTRICIAN', kind: 'MEDIUM_TERM', institution: { name: '东川区技工学校' } },
            },
          },
        ],
        certificates: [
          { number: 'S530113202600000099', trade: 'ELECTRICIAN', grade: 3 },
          { number: 'S530113202600000001', trade: 'ELECTRICIAN', grade: 4 },
          { number: 'S530113202000000077', trade: 'WELDER', grade: 5 },
        ],
        // Distinct, in vocabulary order.
        certifiedTrades: ['ELECTRICIAN', 'WELDER'],
      });

      const roster = await training.query(`{ trainingClass(id: "${PAST_CLASS}") { placesTaken enrolments { id worker { id } } } }`);
      expect(roster.data.trainingClass.enrolments).toContainEqual({ id: enrolmentId, worker: { id: pseudonymOf(ID_NUMBER) } });
    });

    it('lists a worker with no training as empty lists, not errors', async () => {
      const nobody = await training.query(ENTITIES_QUERY('... on Worker { enrolments { id } certificates { id } certifiedTrades }'), {
        representations: [{ __typename: 'Worker', id: 'w-nobody' }],
      });
      expect(nobody.errors).toBeUndefined();
      expect(nobody.data._entities).toEqual([{ enrolments: [], certificates: [], certifiedTrades: [] }]);
    });
  });

  describe('enrolTrainee rules', () => {
    it('refuses a class that does not exist, has ended, is full or already has the worker, and writes nothing', async () => {
      const before = await count('enrolment');
      const missing = await training.query(ENROL, { input: { classId: '999', idNumber: person(21), enrolledOn: TODAY } });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.classId' });

      const ended = await training.query(ENROL, { input: { classId: String(ENDED_CLASS), idNumber: person(21), enrolledOn: '2026-04-05' } });
      expect(ended.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.classId' });
      expect(ended.errors?.[0].message).toContain('2026-04-04');
      expect(await count('enrolment')).toBe(before);

      // The last day of the class is still open.
      await enrol(ENDED_CLASS, person(21), '2026-04-04');

      // Capacity 2: a third trainee is refused; a dropout frees a place.
      const first = await enrol(SMALL_CLASS, person(22), TODAY);
      await enrol(SMALL_CLASS, person(23), TODAY);
      const beforeFull = await count('enrolment');
      const full = await training.query(ENROL, { input: { classId: String(SMALL_CLASS), idNumber: person(24), enrolledOn: TODAY } });
      expect(full.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.classId' });
      expect(full.errors?.[0].message).toContain('2 places');
      expect(await count('enrolment')).toBe(beforeFull);
      const places = await training.query(`{ trainingClass(id: "${SMALL_CLASS}") { capacity placesTaken } }`);
      expect(places.data.trainingClass).toEqual({ capacity: 2, placesTaken: 2 });

      const twice = await training.query(ENROL, { input: { classId: String(SMALL_CLASS), idNumber: person(22), enrolledOn: TODAY } });
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(twice.errors?.[0].message).not.toContain(person(22));
      expect(await count('enrolment')).toBe(beforeFull);

      const dropped = await training.query(DROP, { input: { enrolmentId: first, reason: '外出务工' } });
      expect(dropped.errors).toBeUndefined();
      await enrol(SMALL_CLASS, person(24), TODAY);
      // Dropping out does not allow enrolling again in the same class.
      const rejoin = await training.query(ENROL, { input: { classId: String(SMALL_CLASS), idNumber: person(22), enrolledOn: TODAY } });
      expect(rejoin.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
    });

    it('never overfills a class when clerks enrol at the same moment', async () => {
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => training.query(ENROL, { input: { classId: String(RACE_CLASS), idNumber: person(70 + i), enrolledOn: TODAY } })),
      );
      expect(responses.filter((r) => !r.errors).length).toBe(3);
      expect(responses.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(5);
      expect((await training.sql(`select count(*)::int as n from enrolment where class_id = ?`, [RACE_CLASS]))[0].n).toBe(3);
    });

    it('names every wrong field and writes nothing', async () => {
      const before = await count('enrolment');
      const bad = await training.query(ENROL, { input: { classId: 'x1', idNumber: person(25), enrolledOn: addDays(TODAY, 1) } });
      expect(bad.data).toBeNull();
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.classId', 'input.enrolledOn']);

      // A wrong ID number together with other problems joins the list.
      const wrongId = person(25).slice(0, 17) + (person(25)[17] === '0' ? '1' : '0');
      const both = await training.query(ENROL, { input: { classId: '0', idNumber: wrongId, enrolledOn: TODAY } });
      expect(both.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.classId', 'input.idNumber']);
      expect(both.errors?.[0].message).not.toContain(wrongId);

      const badDate = await training.query(ENROL, { input: { classId: '1', idNumber: person(25), enrolledOn: '2026-02-30' } });
      expect(badDate.errors?.[0].message).toMatch(/LocalDate/);
      expect(await count('enrolment')).toBe(before);
    });
  });

  describe('ID numbers', () => {
    const valid = person(31);
    const withX = (() => {
      for (let n = 1; n < 1000; n++) {
        const candidate = makeIdNumber('530113', '1985-06-15', n);
        if (candidate.endsWith('X')) return candidate;
      }
      throw new Error('no ID number ending in X');
    })();
    const cases: [string, string, string][] = [
      ['a wrong check character', valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1'), 'CHECK_CHARACTER'],
      [
        'an impossible birth date (1999-02-30)',
        (() => {
          const first17 = '53011319990230001';
          return first17 + idNumberCheckCharacter(first17);
        })(),
        'BIRTH_DATE',
      ],
      ['17 characters', valid.slice(0, 17), 'LENGTH'],
      ['a lower-case x', withX.slice(0, 17) + 'x', 'LOWERCASE_X'],
    ];

    it.each(cases)('rejects %s with the reason, in enrolTrainee and certifyTrainee, and writes nothing', async (_label, idNumber, reason) => {
      const [enrolments, certificates] = [await count('enrolment'), await count('certificate')];
      const enrolled = await training.query(ENROL, { input: { classId: String(RUNNING_CLASS), idNumber, enrolledOn: TODAY } });
      expect(enrolled.data).toBeNull();
      expect(enrolled.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber', reason });
      expect(enrolled.errors?.[0].message).not.toContain(idNumber);

      const certified = await training.query(CERTIFY, { input: { idNumber, trade: 'COOK', grade: 5, number: 'S530113202600009999', issuedOn: '2026-01-01' } });
      expect(certified.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber', reason });
      expect(certified.errors?.[0].message).not.toContain(idNumber);
      expect([await count('enrolment'), await count('certificate')]).toEqual([enrolments, certificates]);
    });
  });

  describe('attendance and completion', () => {
    it('keeps attendance within the class length and the days run so far', async () => {
      const enrolmentId = await enrol(RUNNING_CLASS, person(41), addDays(TODAY, -9));
      // The class started 9 days ago: today is its 10th day.
      const ok = await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 10 } });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.recordAttendance).toMatchObject({ attendanceDays: 10, attendanceRate: 10 / 30 });

      const tooMany = await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 11 } });
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendanceDays' });
      const beyondLength = await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 31 } });
      expect(beyondLength.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendanceDays' });
      expect(beyondLength.errors?.[0].message).toContain('30 days');
      const negative = await training.query(ATTEND, { input: { enrolmentId: 'abc', attendanceDays: -1 } });
      expect(negative.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.enrolmentId', 'input.attendanceDays']);
      const missing = await training.query(ATTEND, { input: { enrolmentId: '99999', attendanceDays: 1 } });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.enrolmentId' });
      expect((await enrolmentRow(enrolmentId)).attendance_days).toBe(10);

      await training.query(DROP, { input: { enrolmentId, reason: '家中老人需要照料' } });
      const afterDrop = await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 5 } });
      expect(afterDrop.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });
      expect((await enrolmentRow(enrolmentId)).attendance_days).toBe(10);
    });

    it('completes only with at least 80 % attendance, explaining the shortfall, and writes nothing otherwise', async () => {
      const enrolmentId = await enrol(PAST_CLASS, person(42), '2026-03-01');
      // 71 of 90 days is 78 %: one day short.
      await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 71 } });
      const short = await training.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-05-30' } });
      expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.enrolmentId', reason: 'ATTENDANCE' });
      expect(short.errors?.[0].message).toContain('71 of 90');
      expect(short.errors?.[0].message).toContain('80 %');
      expect(short.errors?.[0].message).toContain('72 days');
      expect(await enrolmentRow(enrolmentId)).toMatchObject({ status: 'ENROLLED', completed_on: null });

      await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 72 } });
      const early = await training.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-03-01' } });
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.completedOn' });
      expect(early.errors?.[0].message).toContain('2026-03-02');
      const future = await training.query(COMPLETE, { input: { enrolmentId, completedOn: addDays(TODAY, 1) } });
      expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.completedOn' });
      expect(await enrolmentRow(enrolmentId)).toMatchObject({ status: 'ENROLLED', completed_on: null });

      const done = await training.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-05-29' } });
      expect(done.errors).toBeUndefined();
      expect(done.data.completeTraining).toMatchObject({ status: 'COMPLETED', completedOn: '2026-05-29' });

      const twice = await training.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-05-30' } });
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });
      // A completed trainee's attendance may be corrected, never below the threshold.
      const below = await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 60 } });
      expect(below.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attendanceDays' });
      const corrected = await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 88 } });
      expect(corrected.data.recordAttendance).toMatchObject({ attendanceDays: 88, status: 'COMPLETED' });
      expect(await enrolmentRow(enrolmentId)).toMatchObject({ status: 'COMPLETED', completed_on: '2026-05-29', attendance_days: 88 });

      const dropCompleted = await training.query(DROP, { input: { enrolmentId, reason: '误操作' } });
      expect(dropCompleted.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });
      expect((await enrolmentRow(enrolmentId)).status).toBe('COMPLETED');
    });

    it('drops a trainee with a reason, once', async () => {
      const enrolmentId = await enrol(RUNNING_CLASS, person(43), TODAY);
      const noReason = await training.query(DROP, { input: { enrolmentId, reason: ' 走' } });
      expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      expect((await enrolmentRow(enrolmentId)).status).toBe('ENROLLED');

      const dropped = await training.query(DROP, { input: { enrolmentId, reason: '  外出务工  ' } });
      expect(dropped.errors).toBeUndefined();
      expect(dropped.data.dropTraining).toEqual({ id: enrolmentId, status: 'DROPPED', dropReason: '外出务工' });
      const again = await training.query(DROP, { input: { enrolmentId, reason: '再次退学' } });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });
      expect((await enrolmentRow(enrolmentId)).drop_reason).toBe('外出务工');
      const complete = await training.query(COMPLETE, { input: { enrolmentId, completedOn: TODAY } });
      expect(complete.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });
    });
  });

  describe('certifyTrainee rules', () => {
    it("refuses a duplicate number, a wrong grade, another worker's or an unfinished enrolment, and writes nothing", async () => {
      const owner = person(51);
      const stranger = person(52);
      const unfinished = await enrol(RUNNING_CLASS, owner, TODAY);
      const first = await training.query(CERTIFY, { input: { idNumber: owner, trade: 'COOK', grade: 5, number: 'S530113202600000500', issuedOn: '2026-01-10' } });
      expect(first.errors).toBeUndefined();
      const before = await count('certificate');

      const duplicate = await training.query(CERTIFY, { input: { idNumber: stranger, trade: 'COOK', grade: 5, number: 's530113202600000500', issuedOn: '2026-01-10' } });
      expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.number' });

      for (const grade of [0, 6]) {
        const badGrade = await training.query(CERTIFY, { input: { idNumber: owner, trade: 'COOK', grade, number: 'S530113202600000501', issuedOn: '2026-01-10' } });
        expect(badGrade.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.grade' });
      }
      const everything = await training.query(CERTIFY, { input: { idNumber: owner, trade: 'COOK', grade: 9, number: '#1', issuedOn: addDays(TODAY, 3), enrolmentId: 'none' } });
      expect(everything.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.grade', 'input.number', 'input.issuedOn', 'input.enrolmentId']);

      const notFinished = await training.query(CERTIFY, {
        input: { idNumber: owner, trade: 'COOK', grade: 5, number: 'S530113202600000502', issuedOn: TODAY, enrolmentId: unfinished },
      });
      expect(notFinished.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.enrolmentId' });
      const notTheirs = await training.query(CERTIFY, {
        input: { idNumber: stranger, trade: 'COOK', grade: 5, number: 'S530113202600000503', issuedOn: TODAY, enrolmentId: unfinished },
      });
      expect(notTheirs.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.enrolmentId' });
      expect(notTheirs.errors?.[0].message).not.toContain(stranger);
      const missing = await training.query(CERTIFY, { input: { idNumber: owner, trade: 'COOK', grade: 5, number: 'S530113202600000504', issuedOn: TODAY, enrolmentId: '99999' } });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.enrolmentId' });
      expect(await count('certificate')).toBe(before);

      // Issued before the training it came from was completed.
      const completedId = await enrol(PAST_CLASS, owner, '2026-03-02');
      await training.query(ATTEND, { input: { enrolmentId: completedId, attendanceDays: 90 } });
      await training.query(COMPLETE, { input: { enrolmentId: completedId, completedOn: '2026-05-30' } });
      const tooEarly = await training.query(CERTIFY, {
        input: { idNumber: owner, trade: 'ELECTRICIAN', grade: 4, number: 'S530113202600000505', issuedOn: '2026-05-29', enrolmentId: completedId },
      });
      expect(tooEarly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.issuedOn' });
      expect(await count('certificate')).toBe(before);
    });
  });

  describe('recordPostTrainingEmployment rules', () => {
    it('needs a completed training, a date not before completion, and keeps the first job', async () => {
      const enrolmentId = await enrol(PAST_CLASS, person(61), '2026-03-02');
      const notCompleted = await training.query(EMPLOYED, { input: { enrolmentId, employedOn: '2026-06-01' } });
      expect(notCompleted.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });

      await training.query(ATTEND, { input: { enrolmentId, attendanceDays: 80 } });
      await training.query(COMPLETE, { input: { enrolmentId, completedOn: '2026-05-30' } });
      const beforeCompletion = await training.query(EMPLOYED, { input: { enrolmentId, employedOn: '2026-05-29' } });
      expect(beforeCompletion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employedOn' });
      const future = await training.query(EMPLOYED, { input: { enrolmentId: 'x', employedOn: addDays(TODAY, 1) } });
      expect(future.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual(['input.enrolmentId', 'input.employedOn']);
      expect((await enrolmentRow(enrolmentId)).employed_on).toBeNull();

      // 2026-05-30 + 3 months = 2026-08-30: a job from 2026-09-01 is too late for the indicator.
      const late = await training.query(EMPLOYED, { input: { enrolmentId, employedOn: '2026-09-01' } });
      expect(late.data.recordPostTrainingEmployment).toMatchObject({ employedOn: '2026-09-01', employedWithinThreeMonths: false });
      const later = await training.query(EMPLOYED, { input: { enrolmentId, employedOn: '2026-10-01' } });
      expect(later.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employedOn' });
      expect((await enrolmentRow(enrolmentId)).employed_on).toBe('2026-09-01');
      const corrected = await training.query(EMPLOYED, { input: { enrolmentId, employedOn: '2026-08-30' } });
      expect(corrected.data.recordPostTrainingEmployment).toMatchObject({ employedOn: '2026-08-30', employedWithinThreeMonths: true });
    });
  });

  describe('the three-month employment rule', () => {
    it('applies on constructed dates (month ends clamp like PostgreSQL)', () => {
      const completed = (completedOn: string, employedOn: string | null) => ({ status: 'COMPLETED' as const, completedOn, employedOn });
      expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
      expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
      expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
      expect(employmentDeadline('2026-05-30')).toBe('2026-08-30');
      // Not completed: unknown.
      expect(employedWithinThreeMonths({ status: 'ENROLLED', completedOn: null, employedOn: null }, '2027-01-01')).toBeNull();
      expect(employedWithinThreeMonths({ status: 'DROPPED', completedOn: null, employedOn: null }, '2027-01-01')).toBeNull();
      // Employed on the last day of the window, or the day after.
      expect(employedWithinThreeMonths(completed('2025-11-30', '2026-02-28'), '2026-11-01')).toBe(true);
      expect(employedWithinThreeMonths(completed('2025-11-30', '2026-03-01'), '2026-11-01')).toBe(false);
      expect(employedWithinThreeMonths(completed('2025-11-30', '2025-11-30'), '2025-11-30')).toBe(true);
      // No job: open while inside the window, false the day after it closes.
      expect(employedWithinThreeMonths(completed('2026-01-31', null), '2026-04-30')).toBeNull();
      expect(employedWithinThreeMonths(completed('2026-01-31', null), '2026-05-01')).toBe(false);
    });

    it('agrees between Enrolment.employedWithinThreeMonths and trainingOutcomes, computed in one statement', async () => {
      const rows: [string, string, string | null, string | null, boolean | null][] = [
        ['w-outcome-a', 'COMPLETED', '2025-11-30', '2026-02-28', true],
        ['w-outcome-b', 'COMPLETED', '2025-11-30', '2026-03-01', false],
        ['w-outcome-c', 'COMPLETED', '2026-01-31', null, false],
        ['w-outcome-d', 'COMPLETED', addDays(TODAY, -30), null, null],
        ['w-outcome-e', 'COMPLETED', addDays(TODAY, -30), addDays(TODAY, -5), true],
        ['w-outcome-f', 'ENROLLED', null, null, null],
        ['w-outcome-g', 'DROPPED', null, null, null],
      ];
      for (const [workerId, status, completedOn, employedOn] of rows) {
        await training.sql(
          `insert into enrolment (class_id, worker_id, id_number, enrolled_on, attendance_days, status, completed_on, employed_on, confirmation) values (?, ?, '530113199001010000', '2025-09-01', 80, ?, ?, ?, 'CONFIRMED')`,
          [OUTCOME_CLASS, workerId, status, completedOn, employedOn],
        );
      }
      const workers = await training.query(ENTITIES_QUERY('... on Worker { id enrolments { employedWithinThreeMonths } }'), {
        representations: rows.map(([id]) => ({ __typename: 'Worker', id })),
      });
      expect(workers.errors).toBeUndefined();
      expect(workers.data._entities.map((w: { enrolments: { employedWithinThreeMonths: boolean | null }[] }) => w.enrolments[0].employedWithinThreeMonths)).toEqual(
        rows.map((row) => row[4]),
      );

      const { response, statements } = await training.countStatements(
        `{ trainingOutcomes(courseKind: MEDIUM_TERM, from: "2025-01-01", to: "2025-12-31") { participants completions employedWithinThreeMonths awaitingOutcome employmentRate } }`,
      );
      expect(response.errors).toBeUndefined();
      expect(statements).toBe(1);
      // 4 completions with a known outcome (a, b, c, e), 2 of them employed in time; d still inside its window.
      expect(response.data.trainingOutcomes).toEqual({ participants: 7, completions: 5, employedWithinThreeMonths: 2, awaitingOutcome: 1, employmentRate: 0.5 });

      const byInstitution = await training.query(`{ trainingOutcomes(institutionId: "1", from: "2025-09-02", to: "2025-09-02") { participants completions } }`);
      expect(byInstitution.data.trainingOutcomes).toEqual({ participants: 7, completions: 5 });
      const none = await training.query(`{ trainingOutcomes(courseKind: DIRECTED) { participants completions employmentRate } }`);
      expect(none.data.trainingOutcomes).toEqual({ participants: 0, completions: 0, employmentRate: null });
      const reversed = await training.query(`{ trainingOutcomes(from: "2026-01-01", to: "2025-01-01") { participants } }`);
      expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    });
  });

  describe('federation', () => {
    it('resolves 10 or 200 workers with the same small number of SQL statements', async () => {
      // 200 workers, each with an enrolment and two certificates (one linked to the enrolment).
      await training.sql(
        `insert into enrolment (class_id, worker_id, id_number, enrolled_on, attendance_days, status, completed_on, employed_on, confirmation)
         select case when i % 2 = 0 then ${PAST_CLASS} else ${ENDED_CLASS} end, 'w-bulk-' || i, '530113199001010000', '2026-01-01', 75, 'COMPLETED', '2026-04-04', null, 'CONFIRMED'
           from generate_series(0, 199) as i`,
      );
      await training.sql(
        `insert into certificate (worker_id, id_number, enrolment_id, trade, grade, number, issued_on)
         select e.worker_id, e.id_number, case when t.k = 0 then e.id else null end, case when t.k = 0 then 'WELDER' else 'COOK' end, 4, 'BULK' || lpad(e.id::text, 8, '0') || t.k, '2026-05-01'
           from enrolment e cross join (values (0), (1)) as t(k) where e.worker_id like 'w-bulk-%'`,
      );
      const selection = `... on Worker { id
        enrolments { id status attendanceRate employedWithinThreeMonths worker { id } trainingClass { startsOn lengthDays placesTaken course { name trade institution { name } } } }
        certificates { number gradeLabel enrolment { id enrolledOn } }
        certifiedTrades }`;
      const representations = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Worker', id: `w-bulk-${i}` }));
      const small = await training.countStatements(ENTITIES_QUERY(selection), { representations: representations(10) });
      const large = await training.countStatements(ENTITIES_QUERY(selection), { representations: representations(200) });
      expect(small.response.errors).toBeUndefined();
      expect(large.response.errors).toBeUndefined();
      expect(large.response.data._entities).toHaveLength(200);
      // Distinct trades in vocabulary order (WELDER comes before COOK in Trade).
      expect(large.response.data._entities[199].certifiedTrades).toEqual(['WELDER', 'COOK']);
      expect(large.response.data._entities[0].enrolments[0].trainingClass.course.institution.name).toBe('东川区技工学校');
      // enrolments, classes, places taken, courses, institutions, certificates, linked enrolments, certified trades.
      expectFlatCost(small.statements, large.statements, 8);

      // What hr's @requires asks for: one statement however many workers.
      const trades = await training.countStatements(ENTITIES_QUERY('... on Worker { certifiedTrades }'), { representations: representations(200) });
      expect(trades.statements).toBe(1);
      const bare = await training.countStatements(ENTITIES_QUERY('... on Worker { id }'), { representations: representations(200) });
      expect(bare.statements).toBe(0);
    });
  });
});
