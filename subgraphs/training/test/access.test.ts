import { Client } from 'pg';
import { addDays, makeIdNumber, scopeKind, todayInChina, type RequestIdentity } from '@jiuye/common';
import { trainingSubgraph } from '@jiuye/training';
import { ENTITIES_QUERY, expectFlatCost, officerOf, pseudonymOf, startTestSubgraph, TEST_PSEUDONYM_KEY, type TestSubgraph } from '@jiuye/testing/harness';
import { createDemoCounty, type DemoHousehold, type DemoPerson, trainingSeeder } from '@jiuye/devtools';

/**
 * Who sees what of the training records, against the seeded demo county (东川区 530113).
 * Training itself decides for institution staff (their trainees); hr's residence and partner's
 * transfers are played by the test: hr places every demo person in their household's village,
 * partner has worker A transferred to city 4403.
 */
describe('training subgraph: access control', () => {
  let training: TestSubgraph;
  const TODAY = todayInChina();
  const county = createDemoCounty({ workers: 300 });
  const households: DemoHousehold[] = [];
  for (const batch of county.households(100)) households.push(...batch);
  const { courses, classes } = county.reference;
  const people: { person: DemoPerson; village: string }[] = households.flatMap((h) => h.members.map((person) => ({ person, village: h.villageCode })));
  const institutionOfClass = (classId: number) => courses.find((c) => c.id === classes.find((k) => k.id === classId)!.courseId)!.institutionId;
  const trainees = people.filter((p) => p.person.enrolments.length > 0);

  // A: a trainee of institution IA with a certificate from that training; B: a trainee of another institution IB, in another village.
  const A = trainees.find((p) => p.person.certificates.some((c) => c.enrolmentId !== null))!;
  const IA = institutionOfClass(A.person.enrolments[0].classId);
  const B = trainees.find((p) => p.village !== A.village && p.person.enrolments.every((e) => institutionOfClass(e.classId) !== IA))!;
  const IB = institutionOfClass(B.person.enrolments[0].classId);
  const workerA = pseudonymOf(A.person.idNumber);
  const workerB = pseudonymOf(B.person.idNumber);
  const COUNTY = county.reference.county.code;
  const OTHER_COUNTY = '530114';
  const CITY = '4403';

  // Extra rows: a running class of each institution, and A's completed training at IB with its certificate.
  const courseIA = courses.find((c) => c.institutionId === IA)!;
  const courseIB = courses.find((c) => c.institutionId === IB)!;
  const RUNNING_IB = 901;
  const PAST_IB = 902;
  const RUNNING_IA = 903;
  const A_AT_IB = 9001;
  const A_IB_CERTIFICATE = 'S530113202500900001';

  const residence = new Map(people.map((p) => [pseudonymOf(p.person.idNumber), p.village]));
  const remoteAuthority = async (identity: RequestIdentity, ids: readonly string[]): Promise<Set<string>> => {
    const kind = scopeKind(identity);
    if (kind === 'region') return new Set(ids.filter((id) => residence.get(id)?.startsWith(identity.region!)));
    if (kind === 'partner-city') return new Set(identity.partnerCity === CITY ? ids.filter((id) => id === workerA) : []);
    return new Set();
  };

  const countyOfficer = officerOf('hr', { region: COUNTY });
  const otherCountyOfficer = officerOf('hr', { region: OTHER_COUNTY });
  const villageAssistantA = officerOf('poverty', { role: 'village_assistant', region: A.village, permissions: [] });
  const partnerStaff = (city = CITY) => officerOf('partner', { region: undefined, partnerCity: city, permissions: [] });
  const institutionStaff = (institution: number) => officerOf('training', { region: undefined, institution: String(institution), permissions: [] });
  const dashboard = (region = COUNTY) => ({ ...officerOf('dashboard', { role: 'viewer', region, permissions: [] }), purpose: undefined });
  const auditor = { ...officerOf('auditor', { role: 'viewer', region: undefined, permissions: [] }), purpose: undefined };
  const trainingOfficer = (region = COUNTY) => officerOf('training', { region });

  const WORKER = (selection: string) => ENTITIES_QUERY(`... on Worker { ${selection} }`);
  const workers = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Worker', id })) });
  const ROSTER = `query($id: ID!) { trainingClass(id: $id) { id placesTaken enrolments { id worker { id } } } }`;
  const OUTCOMES = `query($divisionCode: DivisionCode, $institutionId: ID) { trainingOutcomes(divisionCode: $divisionCode, institutionId: $institutionId) { participants completions } }`;
  const ENROL = `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id status worker { id } trainingClass { id } } }`;
  const ATTEND = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id attendanceDays } }`;
  const DROP = `mutation($input: DropTrainingInput!) { dropTraining(input: $input) { id status } }`;
  const CERTIFY = `mutation($input: CertifyTraineeInput!) { certifyTrainee(input: $input) { id number worker { id } enrolment { id } } }`;

  const count = async (table: string): Promise<number> => (await training.sql<{ n: number }>(`select count(*)::int as n from "${table}"`))[0].n;
  const tables = async () => ({
    enrolment: await count('enrolment'),
    certificate: await count('certificate'),
    enrolments: await training.sql('select id, status, attendance_days, completed_on::text, drop_reason from enrolment order by id'),
  });
  const enrolmentsAt = async (institution: number) =>
    (
      await training.sql<{ id: number }>(
        `select e.id from enrolment e join training_class tc on tc.id = e.class_id join course c on c.id = tc.course_id where c.institution_id = ? order by e.id`,
        [institution],
      )
    ).map((row) => String(row.id));
  const expectForbidden = (response: { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown }, reason: string) => {
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason });
  };
  const newPerson = (n: number) => makeIdNumber('530113', '1991-02-03', n);

  beforeAll(async () => {
    training = await startTestSubgraph(trainingSubgraph, undefined, { remoteAuthority });
    const client = new Client({ connectionString: training.config.databaseUrl });
    await client.connect();
    try {
      const context = { pseudonymKey: TEST_PSEUDONYM_KEY, today: county.options.today };
      await trainingSeeder.seedReference(client, county.reference, context);
      for (const batch of [households]) await trainingSeeder.seedHouseholds(client, batch, context);
      const classRows: [number, number, string, string, number, string][] = [
        [RUNNING_IB, courseIB.id, addDays(TODAY, -5), addDays(TODAY, 30), 10, '测试教室一'],
        [PAST_IB, courseIB.id, '2025-01-06', '2025-02-04', 10, '测试教室二'],
        [RUNNING_IA, courseIA.id, addDays(TODAY, -5), addDays(TODAY, 30), 10, '测试教室三'],
      ];
      for (const row of classRows) {
        await client.query(`insert into training_class (id, course_id, starts_on, ends_on, capacity, location) values ($1, $2, $3, $4, $5, $6)`, row);
      }
      await client.query(
        `insert into enrolment (id, class_id, worker_id, id_number, enrolled_on, attendance_days, status, completed_on, confirmation) values ($1, $2, $3, $4, '2025-01-06', 30, 'COMPLETED', '2025-02-04', 'CONFIRMED')`,
        [A_AT_IB, PAST_IB, workerA, A.person.idNumber],
      );
      await client.query(`insert into certificate (id, worker_id, id_number, enrolment_id, trade, grade, number, issued_on) values (9001, $1, $2, $3, $4, 5, $5, '2025-03-01')`, [
        workerA,
        A.person.idNumber,
        A_AT_IB,
        courseIB.trade,
        A_IB_CERTIFICATE,
      ]);
      await trainingSeeder.finish(client, context);
    } finally {
      await client.end();
    }
  });
  afterAll(() => training?.stop());

  it('has the fixtures it relies on', () => {
    expect(IA).not.toBe(IB);
    expect(A.village).not.toBe(B.village);
    expect(A.village.startsWith(COUNTY)).toBe(true);
    expect(A.person.enrolments.some((e) => e.status === 'COMPLETED')).toBe(true);
  });

  describe('region staff', () => {
    it('see the workers of their region, not of another county (entities resolve to null)', async () => {
      const own = await training.queryAs(countyOfficer, WORKER('id enrolments { id } certificates { number } certifiedTrades'), workers(workerA, workerB));
      expect(own.errors).toBeUndefined();
      expect(own.data._entities.map((w: { id: string } | null) => w?.id)).toEqual([workerA, workerB]);
      expect(own.data._entities[0].enrolments.length).toBe(A.person.enrolments.length + 1);
      expect(own.data._entities[0].certificates.map((c: { number: string }) => c.number)).toContain(A_IB_CERTIFICATE);

      const other = await training.queryAs(otherCountyOfficer, WORKER('id enrolments { id } certificates { number } certifiedTrades'), workers(workerA, workerB));
      expect(other.errors).toBeUndefined();
      expect(other.data._entities).toEqual([null, null]);
    });

    it('see class rosters filtered to the people of their region; outcomes of another region are FORBIDDEN', async () => {
      const classId = String(B.person.enrolments[0].classId);
      const own = await training.queryAs(countyOfficer, ROSTER, { id: classId });
      expect(own.errors).toBeUndefined();
      expect(own.data.trainingClass.enrolments.map((e: { worker: { id: string } }) => e.worker.id)).toContain(workerB);

      // Classes of institutions anywhere stay readable (the catalogue); the roster is emptied of people outside the region.
      const other = await training.queryAs(otherCountyOfficer, ROSTER, { id: classId });
      expect(other.errors).toBeUndefined();
      expect(other.data.trainingClass.id).toBe(classId);
      expect(other.data.trainingClass.placesTaken).toBe(own.data.trainingClass.placesTaken);
      expect(other.data.trainingClass.enrolments).toEqual([]);

      const outside = await training.queryAs(otherCountyOfficer, OUTCOMES, { divisionCode: COUNTY });
      expectForbidden(outside, 'outside-region');
      expect(outside.errors?.[0].message).toContain('divisionCode');
    });

    it('a village assistant reads their own village, not the next one', async () => {
      const response = await training.queryAs(villageAssistantA, WORKER('id enrolments { id }'), workers(workerA, workerB));
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0].id).toBe(workerA);
      expect(response.data._entities[1]).toBeNull();
      const roster = await training.queryAs(villageAssistantA, ROSTER, { id: String(B.person.enrolments[0].classId) });
      expect(roster.data.trainingClass.enrolments.map((e: { worker: { id: string } }) => e.worker.id)).not.toContain(workerB);
    });

    it('need a declared purpose for anything about a person', async () => {
      const noPurpose = { ...countyOfficer, purpose: undefined };
      const entities = await training.queryAs(noPurpose, WORKER('id enrolments { id }'), workers(workerA));
      expect(entities.errors?.[0].extensions?.code).toBe('PURPOSE_REQUIRED');
      const roster = await training.queryAs(noPurpose, ROSTER, { id: String(A.person.enrolments[0].classId) });
      expect(roster.errors?.[0].extensions?.code).toBe('PURPOSE_REQUIRED');
      expect(roster.errors?.[0].path).toEqual(['trainingClass', 'enrolments']);
      // The catalogue and the counts need none.
      const catalogue = await training.queryAs(noPurpose, `{ institutions { totalCount } trainingOutcomes { participants } }`);
      expect(catalogue.errors).toBeUndefined();
    });
  });

  describe('partner-city staff', () => {
    it('see the skills of workers transferred to their city, nobody else (also by a hand-written _entities)', async () => {
      const response = await training.queryAs(
        partnerStaff(),
        WORKER('id certifiedTrades certificates { number trade grade enrolment { id } } enrolments { id status trainingClass { course { name } } }'),
        workers(workerA, workerB),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0].id).toBe(workerA);
      expect(response.data._entities[0].certificates.map((c: { number: string }) => c.number).sort()).toEqual(
        [...A.person.certificates.map((c) => c.number), A_IB_CERTIFICATE].sort(),
      );
      expect(response.data._entities[0].enrolments).toHaveLength(A.person.enrolments.length + 1);
      expect(response.data._entities[1]).toBeNull();
      // What was read, for the access log.
      expect((response as { extensions?: { accessLog?: { workerId?: string }[] } }).extensions?.accessLog?.map((entry) => entry.workerId)).toEqual([workerA]);

      const otherCity = await training.queryAs(partnerStaff('3301'), WORKER('id certifiedTrades'), workers(workerA));
      expect(otherCity.errors).toBeUndefined();
      expect(otherCity.data._entities).toEqual([null]);
    });

    it('see no one else on a class roster, and no region aggregates', async () => {
      const roster = await training.queryAs(partnerStaff(), ROSTER, { id: String(B.person.enrolments[0].classId) });
      expect(roster.errors).toBeUndefined();
      expect(roster.data.trainingClass.enrolments).toEqual([]);
      expectForbidden(await training.queryAs(partnerStaff(), OUTCOMES), 'no-region-scope');
    });
  });

  describe('institution staff', () => {
    it("see their own trainees, and of them only their own institution's enrolments and certificates", async () => {
      const selection = 'id enrolments { id trainingClass { id course { institution { id } } } } certificates { number enrolment { id } }';
      const ia = await training.queryAs(institutionStaff(IA), WORKER(selection), workers(workerA, workerB));
      expect(ia.errors).toBeUndefined();
      expect(ia.data._entities[1]).toBeNull();
      const a = ia.data._entities[0];
      expect(a.id).toBe(workerA);
      expect(a.enrolments.map((e: { id: string }) => Number(e.id)).sort()).toEqual(A.person.enrolments.map((e) => e.id).sort());
      expect(a.enrolments.every((e: { trainingClass: { course: { institution: { id: string } } } }) => e.trainingClass.course.institution.id === String(IA))).toBe(true);
      // The certificate from IB's training is not theirs; those from their training and from elsewhere are.
      expect(a.certificates.map((c: { number: string }) => c.number).sort()).toEqual(A.person.certificates.map((c) => c.number).sort());

      const ib = await training.queryAs(institutionStaff(IB), WORKER(selection), workers(workerA, workerB));
      expect(ib.errors).toBeUndefined();
      expect(ib.data._entities[0].enrolments.map((e: { id: string }) => e.id)).toEqual([String(A_AT_IB)]);
      expect(ib.data._entities[0].certificates).toContainEqual({ number: A_IB_CERTIFICATE, enrolment: { id: String(A_AT_IB) } });
      expect(ib.data._entities[1].id).toBe(workerB);

      const stranger = await training.queryAs(institutionStaff(IB), WORKER('id'), workers(pseudonymOf(newPerson(1))));
      expect(stranger.data._entities).toEqual([null]);
    });

    it('list only their own institution, courses and classes; another institution named explicitly is FORBIDDEN', async () => {
      const staff = institutionStaff(IA);
      const lists = await training.queryAs(
        staff,
        `{ institutions { nodes { id } } courses(first: 500) { nodes { id institution { id } } } trainingClasses(first: 500) { nodes { id course { institution { id } } } } }`,
      );
      expect(lists.errors).toBeUndefined();
      expect(lists.data.institutions.nodes).toEqual([{ id: String(IA) }]);
      expect(lists.data.courses.nodes.map((c: { id: string }) => Number(c.id)).sort()).toEqual(
        courses
          .filter((c) => c.institutionId === IA)
          .map((c) => c.id)
          .sort(),
      );
      const classIds = lists.data.trainingClasses.nodes.map((c: { id: string }) => Number(c.id));
      expect(classIds).toContain(RUNNING_IA);
      expect(classIds).not.toContain(RUNNING_IB);
      expect(lists.data.trainingClasses.nodes.every((c: { course: { institution: { id: string } } }) => c.course.institution.id === String(IA))).toBe(true);

      expectForbidden(await training.queryAs(staff, `{ courses(institutionId: "${IB}") { totalCount } }`), 'other-institution');
      const ownExplicit = await training.queryAs(staff, `{ courses(institutionId: "${IA}") { totalCount } }`);
      expect(ownExplicit.errors).toBeUndefined();
      const byOtherCourse = await training.queryAs(staff, `{ trainingClasses(courseId: "${courseIB.id}") { totalCount } }`);
      expect(byOtherCourse.data.trainingClasses.totalCount).toBe(0);

      // Another institution's class is as unknown as a missing one; their own shows its roster.
      const other = await training.queryAs(staff, ROSTER, { id: String(PAST_IB) });
      expect(other.errors).toBeUndefined();
      expect(other.data.trainingClass).toBeNull();
      const own = await training.queryAs(staff, ROSTER, { id: String(A.person.enrolments[0].classId) });
      expect(own.data.trainingClass.enrolments.map((e: { worker: { id: string } }) => e.worker.id)).toContain(workerA);

      const outcomes = await training.queryAs(staff, OUTCOMES);
      expect(outcomes.errors).toBeUndefined();
      expect(outcomes.data.trainingOutcomes.participants).toBe((await enrolmentsAt(IA)).length);
      expectForbidden(await training.queryAs(staff, OUTCOMES, { institutionId: String(IB) }), 'other-institution');

      // An account naming no valid institution reaches nothing.
      const invalid = officerOf('training', { region: undefined, institution: '0', permissions: [] });
      for (const query of [`{ institutions { totalCount } }`, `{ trainingClasses { totalCount } }`, `{ courses { totalCount } }`]) {
        expectForbidden(await training.queryAs(invalid, query), 'no-scope');
      }
    });

    it('are answered by one statement per batch of workers, however many', async () => {
      const selection = 'id enrolments { id status } certificates { number enrolment { id } } certifiedTrades';
      const measure = async (n: number) => {
        const ids = [workerA, ...Array.from({ length: n - 1 }, (_, i) => `w-unknown-${i}`)];
        const before = training.database.statements.total;
        const response = await training.queryAs(institutionStaff(IA), WORKER(selection), workers(...ids));
        expect(response.errors).toBeUndefined();
        expect(response.data._entities.filter((w: unknown) => w !== null)).toHaveLength(1);
        return training.database.statements.total - before;
      };
      const small = await measure(5);
      const large = await measure(200);
      // authority, enrolments, certificates, linked enrolments, certified trades.
      expectFlatCost(small, large, 5);
    });
  });

  describe('dashboards and auditors', () => {
    it('read the outcome counts within their region, never a person', async () => {
      const own = await training.queryAs(dashboard(), OUTCOMES);
      expect(own.errors).toBeUndefined();
      expect(own.data.trainingOutcomes.participants).toBe(await count('enrolment'));
      const province = await training.queryAs(dashboard('53'), OUTCOMES, { divisionCode: COUNTY });
      expect(province.data.trainingOutcomes).toEqual(own.data.trainingOutcomes);
      const elsewhere = await training.queryAs(dashboard('530114'), OUTCOMES);
      expect(elsewhere.data.trainingOutcomes.participants).toBe(0);
      expectForbidden(await training.queryAs(dashboard(), OUTCOMES, { divisionCode: '530102' }), 'outside-region');

      expectForbidden(await training.queryAs(dashboard(), WORKER('id'), workers(workerA)), 'aggregates-only');
      expectForbidden(await training.queryAs(dashboard(), WORKER('certifiedTrades'), workers(workerA)), 'aggregates-only');
      const roster = await training.queryAs(dashboard(), ROSTER, { id: String(A.person.enrolments[0].classId) });
      expectForbidden(roster, 'aggregates-only');
      expect(roster.errors?.[0].path).toEqual(['trainingClass', 'enrolments']);
    });

    it('auditors read nothing here', async () => {
      expectForbidden(await training.queryAs(auditor, WORKER('id'), workers(workerA)), 'auditor-log-only');
      expectForbidden(await training.queryAs(auditor, OUTCOMES), 'no-region-scope');
    });
  });

  describe('writes', () => {
    const aEnrolmentAtIA = () => String(A.person.enrolments[0].id);

    it('are for training staff only: another department, a viewer or no purpose write nothing', async () => {
      const before = await tables();
      const enrol = { input: { classId: String(RUNNING_IA), idNumber: A.person.idNumber, enrolledOn: TODAY } };
      const certify = { input: { idNumber: A.person.idNumber, trade: 'COOK', grade: 5, number: 'S530113202600900001', issuedOn: TODAY } };
      const attend = { input: { enrolmentId: aEnrolmentAtIA(), attendanceDays: 1 } };

      for (const [query, variables] of [
        [ENROL, enrol],
        [CERTIFY, certify],
        [ATTEND, attend],
      ] as const) {
        const other = await training.queryAs(countyOfficer, query, variables);
        expectForbidden(other, 'other-department');
        expect(other.data).toBeNull();
        expectForbidden(await training.queryAs(officerOf('training', { role: 'viewer', region: COUNTY }), query, variables), 'read-only');
        const noPurpose = await training.queryAs({ ...trainingOfficer(), purpose: undefined }, query, variables);
        expect(noPurpose.errors?.[0].extensions?.code).toBe('PURPOSE_REQUIRED');
      }
      expect(await tables()).toEqual(before);
    });

    it('region staff write only for workers of their region', async () => {
      const before = await tables();
      const other = trainingOfficer(OTHER_COUNTY);
      expectForbidden(await training.queryAs(other, ENROL, { input: { classId: String(RUNNING_IA), idNumber: A.person.idNumber, enrolledOn: TODAY } }), 'outside-scope');
      // An enrolment outside the scope is as unknown as one that never was (hole 6).
      expect((await training.queryAs(other, ATTEND, { input: { enrolmentId: aEnrolmentAtIA(), attendanceDays: 1 } })).errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.enrolmentId',
      });
      // An enrolment outside the scope is as unknown as one that never was (hole 6).
      expect((await training.queryAs(other, DROP, { input: { enrolmentId: aEnrolmentAtIA(), reason: '外出务工' } })).errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.enrolmentId',
      });
      expectForbidden(
        await training.queryAs(other, CERTIFY, { input: { idNumber: A.person.idNumber, trade: 'COOK', grade: 5, number: 'S530113202600900002', issuedOn: TODAY } }),
        'outside-scope',
      );
      expect(await tables()).toEqual(before);

      // A malformed input still gets the field named; a missing enrolment is NOT_FOUND.
      const malformed = await training.queryAs(other, ENROL, { input: { classId: 'x', idNumber: A.person.idNumber, enrolledOn: TODAY } });
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.classId' });
      const missing = await training.queryAs(other, ATTEND, { input: { enrolmentId: '99999', attendanceDays: 1 } });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.enrolmentId' });

      const own = await training.queryAs(trainingOfficer(), ENROL, { input: { classId: String(RUNNING_IB), idNumber: A.person.idNumber, enrolledOn: TODAY } });
      expect(own.errors).toBeUndefined();
      expect(own.data.enrolTrainee).toMatchObject({ status: 'ENROLLED', worker: { id: workerA }, trainingClass: { id: String(RUNNING_IB) } });
      expect(await count('enrolment')).toBe(before.enrolment + 1);
    });

    it("institution staff write only in their own institution's classes and for their own trainees", async () => {
      const staff = institutionStaff(IB);
      const before = await tables();
      expectForbidden(await training.queryAs(staff, ENROL, { input: { classId: String(RUNNING_IA), idNumber: newPerson(2), enrolledOn: TODAY } }), 'outside-scope');
      // An enrolment outside the scope is as unknown as one that never was (hole 6).
      expect((await training.queryAs(staff, ATTEND, { input: { enrolmentId: aEnrolmentAtIA(), attendanceDays: 1 } })).errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.enrolmentId',
      });
      // An enrolment outside the scope is as unknown as one that never was (hole 6).
      expect((await training.queryAs(staff, DROP, { input: { enrolmentId: aEnrolmentAtIA(), reason: '外出务工' } })).errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.enrolmentId',
      });
      // Not their trainee; and a training of another institution.
      expectForbidden(
        await training.queryAs(staff, CERTIFY, { input: { idNumber: newPerson(3), trade: 'COOK', grade: 5, number: 'S530113202600900003', issuedOn: TODAY } }),
        'outside-scope',
      );
      // A is also IB's trainee (A_AT_IB), but the training named is IA's.
      const completedAtIA = A.person.enrolments.find((e) => e.status === 'COMPLETED')!;
      expectForbidden(
        await training.queryAs(staff, CERTIFY, {
          input: { idNumber: A.person.idNumber, trade: 'COOK', grade: 5, number: 'S530113202600900004', issuedOn: TODAY, enrolmentId: String(completedAtIA.id) },
        }),
        'outside-scope',
      );
      expect(await tables()).toEqual(before);

      // Their own class: a worker they could not see is a pending enrolment (hole 7): their own row, attendance on it,
      // but no certificate and no sight of the worker until the county confirms (confirmation is tested in links.test.ts).
      const enrolled = await training.queryAs(staff, `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id status confirmation trainingClass { id } } }`, {
        input: { classId: String(RUNNING_IB), idNumber: newPerson(4), enrolledOn: TODAY },
      });
      expect(enrolled.errors).toBeUndefined();
      expect(enrolled.data.enrolTrainee).toMatchObject({ status: 'ENROLLED', confirmation: 'PENDING', trainingClass: { id: String(RUNNING_IB) } });
      const attended = await training.queryAs(staff, ATTEND, { input: { enrolmentId: enrolled.data.enrolTrainee.id, attendanceDays: 3 } });
      expect(attended.errors).toBeUndefined();
      expectForbidden(
        await training.queryAs(staff, CERTIFY, { input: { idNumber: newPerson(4), trade: 'COOK', grade: 5, number: 'S530113202600900005', issuedOn: TODAY } }),
        'outside-scope',
      );
      const onPending = await training.queryAs(staff, CERTIFY, {
        input: { idNumber: newPerson(4), trade: 'COOK', grade: 5, number: 'S530113202600900005', issuedOn: TODAY, enrolmentId: enrolled.data.enrolTrainee.id },
      });
      expect(onPending.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.enrolmentId' });
      expect((await training.queryAs(staff, WORKER('id enrolments { id }'), workers(pseudonymOf(newPerson(4))))).data._entities).toEqual([null]);

      // The other institution does not see the new trainee.
      const ia = await training.queryAs(institutionStaff(IA), WORKER('id'), workers(pseudonymOf(newPerson(4))));
      expect(ia.data._entities).toEqual([null]);
    });
  });
});
