import { makeIdNumber } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import {
  addDays,
  count,
  COUNTY,
  errorOf,
  idNumberAged,
  insertPostings,
  insertReferenceData,
  insertWelfarePosts,
  LUOXUE,
  pseudonymOf,
  QINGKOU,
  register,
  REGISTER,
  registration,
  TANGDAN,
  today,
  YINMIN_VILLAGE,
} from './fixtures';

const START = `mutation($input: RecordEmploymentStartInput!) {
  recordEmploymentStart(input: $input) { id kind place employerName location startsOn endsOn monthlyWage current employer { id name } worker { id employmentStatus currentEmployment { id } } }
}`;
const END = `mutation($input: RecordEmploymentEndInput!) {
  recordEmploymentEnd(input: $input) { id endsOn endReason current worker { id employmentStatus currentEmployment { id } } }
}`;
const ASSIGN = `mutation($input: AssignWelfarePostInput!) {
  assignWelfarePost(input: $input) { id startsOn endsOn current post { id title vacant } worker { id employmentStatus currentEmployment { kind place employerName monthlyWage } } }
}`;
const RELEASE = `mutation($input: ReleaseWelfarePostInput!) {
  releaseWelfarePost(input: $input) { id endsOn current post { id vacant currentAssignment { id } } worker { id employmentStatus currentEmployment { id } employments { kind endsOn endReason } } }
}`;
const SUBSIDY = `mutation($input: RecordSubsidyPaymentInput!) {
  recordSubsidyPayment(input: $input) { id kind amount paidOn worker { id subsidies { kind amount } } }
}`;
const INTENTION = `mutation($input: RecordJobFairIntentionInput!) {
  recordJobFairIntention(input: $input) { id reachedOn fair { id name } posting { id title remainingHeadcount } worker { id jobFairIntentions { posting { id } } } }
}`;
const SIX = `mutation($input: UpdateSixClaritiesInput!) {
  updateSixClarities(input: $input) { id populationStatus employmentStatus employmentIntention skillLevel trainingWish education verifiedOn }
}`;

function employmentInput(idNumber: string, extra: Record<string, unknown> = {}) {
  return {
    idNumber,
    kind: 'LOCAL_ENTERPRISE',
    place: 'IN_COUNTY',
    employerId: '2',
    employerName: '昆明东川铜业有限公司',
    location: '东川区汤丹镇',
    startsOn: addDays(today(), -30),
    monthlyWage: 4200,
    ...extra,
  };
}

describe('hr subgraph: registry and daily work', () => {
  let hr: TestSubgraph;
  let sequence = 100;
  const nextIdNumber = (age = 35) => idNumberAged(age, sequence++);

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
    await insertPostings(hr);
    await insertWelfarePosts(hr);
  });
  afterAll(() => hr?.stop());

  describe('registerWorker', () => {
    it('registers a worker with the six clarities; birth date, sex and age come from the ID number', async () => {
      const idNumber = makeIdNumber(COUNTY, '1990-03-15', 13); // odd sequence → male
      const response = await hr.query(REGISTER, { input: registration(idNumber) });
      expect(response.errors).toBeUndefined();
      const worker = response.data.registerWorker;
      expect(worker).toMatchObject({
        id: pseudonymOf(idNumber),
        name: '李建国',
        sex: 'MALE',
        birthDate: '1990-03-15',
        idNumberMasked: `${idNumber.slice(0, 6)}************`,
        phoneMasked: '138****5678',
        household: { code: `${QINGKOU}0001` },
        village: { code: QINGKOU, name: '箐口村' },
        populationStatus: 'AT_HOME',
        employmentStatus: 'UNEMPLOYED',
        employmentIntention: 'LOCAL',
        skillLevel: 'NONE',
        trainingWish: 'WELDER',
        education: 'JUNIOR_HIGH',
        verifiedOn: today(),
      });
      const year = Number(today().slice(0, 4));
      expect([year - 1990 - 1, year - 1990]).toContain(worker.age);
      const [row] = await hr.sql(`select id_number, village_code from worker where id = ?`, [worker.id]);
      expect(row).toEqual({ id_number: idNumber, village_code: QINGKOU });
    });

    it('names every wrong field at once and writes nothing', async () => {
      const before = await count(hr, 'worker');
      const response = await hr.query(REGISTER, {
        input: registration(nextIdNumber(), '12345', { name: ' ', phone: '0871-123', employmentStatus: 'EMPLOYED' }),
      });
      const { extensions } = errorOf(response);
      expect(response.data).toBeNull();
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.field).toBe('input.name');
      expect(extensions.problems.map((p: { field: string }) => p.field)).toEqual(['input.name', 'input.phone', 'input.householdCode', 'input.employmentStatus']);
      expect(await count(hr, 'worker')).toBe(before);
    });

    it('keeps the registry to people aged 16 to 60', async () => {
      const before = await count(hr, 'worker');
      for (const age of [15, 61]) {
        const { extensions } = errorOf(await hr.query(REGISTER, { input: registration(idNumberAged(age, 900 + age)) }));
        expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
      }
      const oldest = await hr.query(REGISTER, { input: registration(idNumberAged(60, 960)) });
      expect(oldest.errors).toBeUndefined();
      expect(await count(hr, 'worker')).toBe(before + 1);
    });

    it('refuses a household whose village is not in the catalogue', async () => {
      const before = await count(hr, 'worker');
      const { extensions } = errorOf(await hr.query(REGISTER, { input: registration(nextIdNumber(), '5301131019990001') }));
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.householdCode', reason: 'UNKNOWN_VILLAGE' });
      expect(await count(hr, 'worker')).toBe(before);
    });

    it('refuses to register the same person twice (CONFLICT) and writes nothing', async () => {
      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      const before = await count(hr, 'worker');
      const { extensions, message } = errorOf(await hr.query(REGISTER, { input: registration(idNumber, `${LUOXUE}0003`) }));
      expect(extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(message).not.toContain(idNumber);
      expect(message).not.toContain('李建国');
      expect(await count(hr, 'worker')).toBe(before);
    });

    it.each([
      ['a wrong check character', 'CHECK_CHARACTER', (valid: string) => valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')],
      ['an impossible birth date 19990230', 'BIRTH_DATE', () => '530113199902300012'],
      ['17 characters', 'LENGTH', (valid: string) => valid.slice(0, 17)],
      ['a lower-case x', 'LOWERCASE_X', () => lowercaseXIdNumber()],
    ])('rejects an ID number with %s, giving the reason and never echoing the number', async (_label, reason, make) => {
      const bad = make(nextIdNumber());
      const before = await count(hr, 'worker');
      const response = await hr.query(REGISTER, { input: registration(bad) });
      const { extensions, message } = errorOf(response);
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber', reason });
      expect(message).not.toContain(bad);
      expect(await count(hr, 'worker')).toBe(before);

      const lookup = await hr.query(`query($idNumber: String!) { worker(idNumber: $idNumber) { id } }`, { idNumber: bad });
      expect(errorOf(lookup).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber', reason });
      expect(JSON.stringify(lookup)).not.toContain(bad);
    });
  });

  describe('worker(idNumber)', () => {
    it('finds a registered worker by ID number', async () => {
      const idNumber = nextIdNumber();
      const id = await register(hr, idNumber, `${LUOXUE}0001`);
      const response = await hr.query(`query($idNumber: String!) { worker(idNumber: $idNumber) { id name village { name } household { code } } }`, { idNumber });
      expect(response.errors).toBeUndefined();
      expect(response.data.worker).toEqual({ id, name: '李建国', village: { name: '落雪村' }, household: { code: `${LUOXUE}0001` } });
    });

    it('gives null and NOT_FOUND on idNumber for a valid number nobody registered, without echoing it', async () => {
      const idNumber = nextIdNumber();
      const response = await hr.query(`query($idNumber: String!) { worker(idNumber: $idNumber) { id name } }`, { idNumber });
      expect(response.data).toEqual({ worker: null });
      expect(errorOf(response).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'idNumber' });
      expect(JSON.stringify(response)).not.toContain(idNumber);
    });
  });

  describe('updateSixClarities', () => {
    it('updates the given clarities, clears the training wish with null and marks the record verified today', async () => {
      const idNumber = nextIdNumber();
      const id = await register(hr, idNumber);
      await hr.sql(`update worker set verified_on = ? where id = ?`, [addDays(today(), -40), id]);
      const response = await hr.query(SIX, { input: { idNumber, populationStatus: 'AWAY', skillLevel: 'BASIC', trainingWish: null, employmentStatus: 'NOT_SEEKING' } });
      expect(response.errors).toBeUndefined();
      expect(response.data.updateSixClarities).toEqual({
        id,
        populationStatus: 'AWAY',
        employmentStatus: 'NOT_SEEKING',
        employmentIntention: 'LOCAL',
        skillLevel: 'BASIC',
        trainingWish: null,
        education: 'JUNIOR_HIGH',
        verifiedOn: today(),
      });
    });

    it('refuses to clear a clarity or to set EMPLOYED by hand, naming the fields, and writes nothing', async () => {
      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      const before = await hr.sql(`select * from worker where id = ?`, [pseudonymOf(idNumber)]);
      const { extensions } = errorOf(await hr.query(SIX, { input: { idNumber, education: null, employmentStatus: 'EMPLOYED' } }));
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.problems.map((p: { field: string }) => p.field)).toEqual(['input.education', 'input.employmentStatus']);
      expect(await hr.sql(`select * from worker where id = ?`, [pseudonymOf(idNumber)])).toEqual(before);
    });

    it('gives NOT_FOUND for a worker not in the registry', async () => {
      expect(errorOf(await hr.query(SIX, { input: { idNumber: nextIdNumber(), skillLevel: 'BASIC' } })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.idNumber',
      });
    });
  });

  describe('employment records', () => {
    it('records the start of a job: the worker becomes EMPLOYED in the same transaction', async () => {
      const idNumber = nextIdNumber();
      const id = await register(hr, idNumber);
      const response = await hr.query(START, { input: employmentInput(idNumber) });
      expect(response.errors).toBeUndefined();
      const employment = response.data.recordEmploymentStart;
      expect(employment).toMatchObject({
        kind: 'LOCAL_ENTERPRISE',
        place: 'IN_COUNTY',
        employerName: '昆明东川铜业有限公司',
        monthlyWage: 4200,
        endsOn: null,
        current: true,
        employer: { id: '2', name: '昆明东川铜业有限公司' },
        worker: { id, employmentStatus: 'EMPLOYED', currentEmployment: { id: employment.id } },
      });
    });

    it('names every wrong field of a start and writes nothing', async () => {
      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      const before = await count(hr, 'employment');
      const response = await hr.query(START, {
        input: employmentInput(idNumber, { kind: 'TRANSFER_OUT_OF_PROVINCE', place: 'IN_COUNTY', monthlyWage: 0, startsOn: addDays(today(), 3), location: '' }),
      });
      const { extensions } = errorOf(response);
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.problems.map((p: { field: string }) => p.field)).toEqual(['input.location', 'input.place', 'input.startsOn', 'input.monthlyWage']);
      const tooMuch = await hr.query(START, { input: employmentInput(idNumber, { monthlyWage: 100_001 }) });
      expect(errorOf(tooMuch).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.monthlyWage' });
      const welfare = await hr.query(START, { input: employmentInput(idNumber, { kind: 'PUBLIC_WELFARE_POST' }) });
      expect(errorOf(welfare).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
      expect(await count(hr, 'employment')).toBe(before);
    });

    it('refuses an unknown employer, an unregistered worker and a second open job, writing nothing', async () => {
      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      const before = await count(hr, 'employment');
      expect(errorOf(await hr.query(START, { input: employmentInput(idNumber, { employerId: '999' }) })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.employerId',
      });
      expect(errorOf(await hr.query(START, { input: employmentInput(nextIdNumber()) })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.idNumber',
      });
      expect(await count(hr, 'employment')).toBe(before);

      expect((await hr.query(START, { input: employmentInput(idNumber, { employerId: null, kind: 'FLEXIBLE', employerName: '个体零工' }) })).errors).toBeUndefined();
      const second = await hr.query(START, { input: employmentInput(idNumber, { startsOn: addDays(today(), -1) }) });
      expect(errorOf(second).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.startsOn' });
      expect(await count(hr, 'employment')).toBe(before + 1);
    });

    it('the database itself refuses a second open employment (partial unique index)', async () => {
      const idNumber = nextIdNumber();
      const id = await register(hr, idNumber);
      await hr.query(START, { input: employmentInput(idNumber) });
      await expect(
        hr.sql(`insert into employment (worker_id, employer_name, kind, place, location, starts_on, monthly_wage) values (?, 'x', 'FLEXIBLE', 'IN_COUNTY', 'x', ?, 1000)`, [
          id,
          today(),
        ]),
      ).rejects.toThrow(/employment_one_open_per_worker/);
    });

    it('records the end of a job: the worker becomes UNEMPLOYED; the end is checked against the start', async () => {
      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      const started = await hr.query(START, { input: employmentInput(idNumber, { startsOn: addDays(today(), -100) }) });
      const employmentId = started.data.recordEmploymentStart.id;

      const early = await hr.query(END, { input: { employmentId, endsOn: addDays(today(), -101), reason: '合同期满' } });
      expect(errorOf(early).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
      const [{ ends_on: still }] = await hr.sql(`select ends_on from employment where id = ?`, [employmentId]);
      expect(still).toBeNull();

      const bad = await hr.query(END, { input: { employmentId: 'abc', endsOn: addDays(today(), 1), reason: 'x' } });
      expect(errorOf(bad).extensions.problems.map((p: { field: string }) => p.field)).toEqual(['input.employmentId', 'input.reason', 'input.endsOn']);

      const ended = await hr.query(END, { input: { employmentId, endsOn: addDays(today(), -2), reason: '返乡照料老人' } });
      expect(ended.errors).toBeUndefined();
      expect(ended.data.recordEmploymentEnd).toMatchObject({
        endsOn: addDays(today(), -2),
        endReason: '返乡照料老人',
        current: false,
        worker: { employmentStatus: 'UNEMPLOYED', currentEmployment: null },
      });

      const again = await hr.query(END, { input: { employmentId, endsOn: addDays(today(), -1), reason: '重复操作' } });
      expect(errorOf(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employmentId' });
      const missing = await hr.query(END, { input: { employmentId: '99999', endsOn: today(), reason: '合同期满' } });
      expect(errorOf(missing).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.employmentId' });

      // A new job may not start while the previous one was still running.
      const overlapping = await hr.query(START, { input: employmentInput(idNumber, { startsOn: addDays(today(), -3) }) });
      expect(errorOf(overlapping).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.startsOn' });
    });

    it('keeps EMPLOYED consistent with the records: no manual status change while a job is open', async () => {
      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      await hr.query(START, { input: employmentInput(idNumber) });
      const response = await hr.query(SIX, { input: { idNumber, employmentStatus: 'UNEMPLOYED' } });
      expect(errorOf(response).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employmentStatus' });
      const [{ employment_status }] = await hr.sql(`select employment_status from worker where id = ?`, [pseudonymOf(idNumber)]);
      expect(employment_status).toBe('EMPLOYED');
    });
  });

  describe('public-welfare posts', () => {
    it('assigns a vacant post to a villager with an employment in the same transaction, and releases both together', async () => {
      const idNumber = nextIdNumber(52);
      const id = await register(hr, idNumber, `${QINGKOU}0007`);
      const assigned = await hr.query(ASSIGN, { input: { postId: '2', idNumber, startsOn: addDays(today(), -20) } });
      expect(assigned.errors).toBeUndefined();
      expect(assigned.data.assignWelfarePost).toMatchObject({
        current: true,
        post: { id: '2', title: '箐口村护林员', vacant: false },
        worker: {
          id,
          employmentStatus: 'EMPLOYED',
          currentEmployment: { kind: 'PUBLIC_WELFARE_POST', place: 'IN_TOWNSHIP', employerName: '箐口村（箐口村护林员）', monthlyWage: 600 },
        },
      });
      const assignmentId = assigned.data.assignWelfarePost.id;

      // The welfare-post employment is ended by releasing the post, not on its own.
      const [{ id: employmentId }] = await hr.sql(`select id from employment where worker_id = ? and ends_on is null`, [id]);
      const direct = await hr.query(END, { input: { employmentId: String(employmentId), endsOn: today(), reason: '辞职' } });
      expect(errorOf(direct).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employmentId' });

      const early = await hr.query(RELEASE, { input: { assignmentId, endsOn: addDays(today(), -21), reason: '考核不合格' } });
      expect(errorOf(early).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
      const open = `select (select count(*)::int from welfare_post_assignment where worker_id = ? and ends_on is null) as holdings,
                          (select count(*)::int from employment where worker_id = ? and ends_on is null) as jobs`;
      expect(await hr.sql(open, [id, id])).toEqual([{ holdings: 1, jobs: 1 }]);

      const released = await hr.query(RELEASE, { input: { assignmentId, endsOn: today() } });
      expect(released.errors).toBeUndefined();
      expect(released.data.releaseWelfarePost).toMatchObject({
        endsOn: today(),
        current: false,
        post: { id: '2', vacant: true, currentAssignment: null },
        worker: { employmentStatus: 'UNEMPLOYED', currentEmployment: null, employments: [{ kind: 'PUBLIC_WELFARE_POST', endsOn: today(), endReason: '聘期届满' }] },
      });
      const again = await hr.query(RELEASE, { input: { assignmentId, endsOn: today() } });
      expect(errorOf(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.assignmentId' });
    });

    it('refuses a held post, a worker from another village and a worker with a job, writing nothing', async () => {
      const holder = nextIdNumber(45);
      await register(hr, holder, `${QINGKOU}0008`);
      expect((await hr.query(ASSIGN, { input: { postId: '1', idNumber: holder, startsOn: today() } })).errors).toBeUndefined();
      const [employments, assignments] = [await count(hr, 'employment'), await count(hr, 'welfare_post_assignment')];

      const neighbour = nextIdNumber(45);
      await register(hr, neighbour, `${QINGKOU}0009`);
      const held = await hr.query(ASSIGN, { input: { postId: '1', idNumber: neighbour, startsOn: today() } });
      expect(errorOf(held).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postId' });

      const outsider = nextIdNumber(45);
      await register(hr, outsider, `${YINMIN_VILLAGE}0001`);
      const elsewhere = await hr.query(ASSIGN, { input: { postId: '2', idNumber: outsider, startsOn: today() } });
      expect(errorOf(elsewhere).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });

      const busy = nextIdNumber(45);
      await register(hr, busy, `${QINGKOU}0010`);
      await hr.query(START, { input: employmentInput(busy) });
      const employed = await hr.query(ASSIGN, { input: { postId: '2', idNumber: busy, startsOn: today() } });
      expect(errorOf(employed).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });

      const missing = await hr.query(ASSIGN, { input: { postId: '77', idNumber: neighbour, startsOn: today() } });
      expect(errorOf(missing).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.postId' });
      const future = await hr.query(ASSIGN, { input: { postId: 'x', idNumber: neighbour, startsOn: addDays(today(), 2) } });
      expect(errorOf(future).extensions.problems.map((p: { field: string }) => p.field)).toEqual(['input.postId', 'input.startsOn']);

      expect(await count(hr, 'employment')).toBe(employments + 1); // only busy's own job
      expect(await count(hr, 'welfare_post_assignment')).toBe(assignments);
    });
  });

  describe('subsidies', () => {
    it('records payments; the one-off employment subsidy only once; amounts 1 to 20000; nothing written on failure', async () => {
      const idNumber = nextIdNumber();
      const id = await register(hr, idNumber);
      const paid = await hr.query(SUBSIDY, { input: { idNumber, kind: 'ONE_OFF_EMPLOYMENT', amount: 500, paidOn: addDays(today(), -3) } });
      expect(paid.errors).toBeUndefined();
      expect(paid.data.recordSubsidyPayment).toMatchObject({ kind: 'ONE_OFF_EMPLOYMENT', amount: 500, worker: { id, subsidies: [{ kind: 'ONE_OFF_EMPLOYMENT', amount: 500 }] } });
      const before = await count(hr, 'subsidy_payment');

      const twice = await hr.query(SUBSIDY, { input: { idNumber, kind: 'ONE_OFF_EMPLOYMENT', amount: 500, paidOn: today() } });
      expect(errorOf(twice).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.kind' });
      for (const amount of [0, 20_001]) {
        const wrong = await hr.query(SUBSIDY, { input: { idNumber, kind: 'TRAVEL_FARE', amount, paidOn: today() } });
        expect(errorOf(wrong).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
      }
      const unknown = await hr.query(SUBSIDY, { input: { idNumber: nextIdNumber(), kind: 'TRAVEL_FARE', amount: 300, paidOn: today() } });
      expect(errorOf(unknown).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.idNumber' });
      expect(await count(hr, 'subsidy_payment')).toBe(before);

      const fare = await hr.query(SUBSIDY, { input: { idNumber, kind: 'TRAVEL_FARE', amount: 20_000, paidOn: today() } });
      expect(fare.data.recordSubsidyPayment.worker.subsidies.map((s: { kind: string }) => s.kind)).toEqual(['TRAVEL_FARE', 'ONE_OFF_EMPLOYMENT']);
    });
  });

  describe('job-fair intentions', () => {
    it("records an intention, which takes one place of the posting's headcount", async () => {
      const idNumber = nextIdNumber();
      const id = await register(hr, idNumber);
      const response = await hr.query(INTENTION, { input: { fairId: '1', idNumber, postingId: '4' } });
      expect(response.errors).toBeUndefined();
      expect(response.data.recordJobFairIntention).toEqual({
        id: expect.any(String),
        reachedOn: addDays(today(), -5),
        fair: { id: '1', name: '东川区春风行动招聘会' },
        posting: { id: '4', title: '缝纫工（扶贫车间，低门槛）', remainingHeadcount: 4 },
        worker: { id, jobFairIntentions: [{ posting: { id: '4' } }] },
      });
    });

    it('refuses a duplicate, a full posting, a fair not yet held and unknown ids, writing nothing', async () => {
      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      expect((await hr.query(INTENTION, { input: { fairId: '1', idNumber, postingId: '7' } })).errors).toBeUndefined(); // takes posting 7's only place
      const before = await count(hr, 'job_fair_intention');

      const duplicate = await hr.query(INTENTION, { input: { fairId: '1', idNumber, postingId: '7' } });
      expect(errorOf(duplicate).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postingId' });
      const other = nextIdNumber();
      await register(hr, other);
      const full = await hr.query(INTENTION, { input: { fairId: '1', idNumber: other, postingId: '7' } });
      expect(errorOf(full).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postingId' });
      const notYet = await hr.query(INTENTION, { input: { fairId: '2', idNumber: other, postingId: '4' } });
      expect(errorOf(notYet).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.fairId' });
      const closed = await hr.query(INTENTION, { input: { fairId: '1', idNumber: other, postingId: '6' } });
      expect(errorOf(closed).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postingId' });
      const noPosting = await hr.query(INTENTION, { input: { fairId: '1', idNumber: other, postingId: '70' } });
      expect(errorOf(noPosting).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.postingId' });
      const noFair = await hr.query(INTENTION, { input: { fairId: '70', idNumber: other, postingId: '4' } });
      expect(errorOf(noFair).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.fairId' });
      expect(await count(hr, 'job_fair_intention')).toBe(before);
    });
  });

  describe('queries', () => {
    it('division(code): name, level, parent, children, workers and welfare posts', async () => {
      const response = await hr.query(`{
        division(code: "${TANGDAN}") {
          code name level parent { code name level parent { name } }
          children { code name level }
          workers(first: 500) { totalCount }
          welfarePosts { id title village { name } }
        }
      }`);
      expect(response.errors).toBeUndefined();
      const [{ n }] = await hr.sql(`select count(*)::int as n from worker where village_code like '${TANGDAN}%'`);
      expect(response.data.division).toEqual({
        code: TANGDAN,
        name: '汤丹镇',
        level: 'TOWNSHIP',
        parent: { code: COUNTY, name: '东川区', level: 'COUNTY', parent: { name: '昆明市' } },
        children: [
          { code: QINGKOU, name: '箐口村', level: 'VILLAGE' },
          { code: LUOXUE, name: '落雪村', level: 'VILLAGE' },
        ],
        workers: { totalCount: n },
        welfarePosts: [
          { id: '1', title: '箐口村保洁员', village: { name: '箐口村' } },
          { id: '2', title: '箐口村护林员', village: { name: '箐口村' } },
        ],
      });
      expect(n).toBeGreaterThan(5);
    });

    it('division(code): NOT_FOUND for an unknown code, BAD_USER_INPUT for a malformed one', async () => {
      const unknown = await hr.query(`{ division(code: "530113109") { name } }`);
      expect(unknown.data).toEqual({ division: null });
      expect(errorOf(unknown).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
      const malformed = await hr.query(`query($code: DivisionCode!) { division(code: $code) { name } }`, { code: '53011' });
      expect(errorOf(malformed).extensions.code).toBe('BAD_USER_INPUT');
      expect(errorOf(malformed).message).toMatch(/DivisionCode: a division code has 2/);
    });

    it('workers: rosters by division and clarity, two pages without overlap, the same totalCount', async () => {
      // Six unemployed workers wishing for ELECTRICIAN training in 落雪村, and one employed.
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push(await register(hr, nextIdNumber(20 + i), `${LUOXUE}00${20 + i}`, { trainingWish: 'ELECTRICIAN' }));
      const employed = nextIdNumber();
      await register(hr, employed, `${LUOXUE}0030`, { trainingWish: 'ELECTRICIAN' });
      await hr.query(START, { input: employmentInput(employed) });

      const PAGE = `query($after: String) {
        workers(divisionCode: "${LUOXUE}", employmentStatus: UNEMPLOYED, trainingWish: ELECTRICIAN, first: 4, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } nodes { id trainingWish employmentStatus household { code } }
        }
      }`;
      const first = await hr.query(PAGE);
      expect(first.errors).toBeUndefined();
      expect(first.data.workers.totalCount).toBe(6);
      expect(first.data.workers.nodes).toHaveLength(4);
      expect(first.data.workers.pageInfo.hasNextPage).toBe(true);
      const second = await hr.query(PAGE, { after: first.data.workers.pageInfo.endCursor });
      expect(second.data.workers).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false } });
      expect(second.data.workers.nodes).toHaveLength(2);
      const seen = [...first.data.workers.nodes, ...second.data.workers.nodes];
      expect(new Set(seen.map((w: { id: string }) => w.id))).toEqual(new Set(ids));
      const households = seen.map((w: { household: { code: string } }) => w.household.code);
      expect(households).toEqual([...households].sort());
      expect(seen.every((w: { employmentStatus: string }) => w.employmentStatus === 'UNEMPLOYED')).toBe(true);

      const county = await hr.query(`{ workers(divisionCode: "${COUNTY}", first: 500) { totalCount nodes { id } } }`);
      expect(county.data.workers.totalCount).toBe(await count(hr, 'worker'));
      const badCursor = await hr.query(`{ workers(divisionCode: "${LUOXUE}", after: "nonsense") { totalCount } }`);
      expect(errorOf(badCursor).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const tooMany = await hr.query(`{ workers(divisionCode: "${LUOXUE}", first: 501) { totalCount } }`);
      expect(errorOf(tooMany).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('employers by division and kind, in two pages', async () => {
      const PAGE = `query($after: String) { employers(divisionCode: "${COUNTY}", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name kind division { code } } } }`;
      const first = await hr.query(PAGE);
      expect(first.errors).toBeUndefined();
      expect(first.data.employers).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const second = await hr.query(PAGE, { after: first.data.employers.pageInfo.endCursor });
      const ids = [...first.data.employers.nodes, ...second.data.employers.nodes].map((e: { id: string }) => e.id);
      expect(ids).toEqual(['1', '2', '4']);
      const workshops = await hr.query(`{ employers(kind: POVERTY_WORKSHOP) { totalCount nodes { name division { code } } } }`);
      expect(workshops.data.employers).toEqual({ totalCount: 1, nodes: [{ name: '东川区汤丹镇箐口村扶贫车间', division: { code: QINGKOU } }] });
    });

    it('jobPostings by place, trade and open day, with employer and remaining headcount', async () => {
      const open = await hr.query(`{ jobPostings(openOn: "${today()}", place: IN_COUNTY) { totalCount nodes { id employer { name } remainingHeadcount } } }`);
      expect(open.errors).toBeUndefined();
      expect(open.data.jobPostings.nodes.map((p: { id: string }) => p.id)).toEqual(['2', '5']);
      const welders = await hr.query(`{ jobPostings(requiredTrade: WELDER) { totalCount nodes { id requiredTrade } } }`);
      expect(welders.data.jobPostings.nodes.map((p: { id: string }) => p.id)).toEqual(['1', '2']);
      const all = await hr.query(`{ jobPostings(first: 500) { totalCount } }`);
      expect(all.data.jobPostings.totalCount).toBe(7);
    });

    it('jobFairs and their intentions; welfarePosts, vacant only', async () => {
      const fairs = await hr.query(`{ jobFairs(divisionCode: "${COUNTY}") { totalCount nodes { id name online division { code name } intentions { posting { id } } } } }`);
      expect(fairs.errors).toBeUndefined();
      expect(fairs.data.jobFairs.totalCount).toBe(2);
      expect(fairs.data.jobFairs.nodes[0]).toMatchObject({ id: '1', online: false, division: { code: COUNTY, name: '东川区' } });
      const township = await hr.query(`{ jobFairs(divisionCode: "${TANGDAN}", online: true) { nodes { id } } }`);
      expect(township.data.jobFairs.nodes).toEqual([{ id: '2' }]);

      const holder = nextIdNumber();
      await register(hr, holder, `${YINMIN_VILLAGE}0002`);
      await hr.query(ASSIGN, { input: { postId: '3', idNumber: holder, startsOn: today() } });
      const posts = await hr.query(`{ welfarePosts(divisionCode: "${COUNTY}") { totalCount nodes { id vacant currentAssignment { worker { id } } } } }`);
      expect(posts.data.welfarePosts.totalCount).toBe(3);
      expect(posts.data.welfarePosts.nodes.find((p: { id: string }) => p.id === '3')).toEqual({
        id: '3',
        vacant: false,
        currentAssignment: { worker: { id: pseudonymOf(holder) } },
      });
      const vacant = await hr.query(`{ welfarePosts(divisionCode: "${COUNTY}", vacantOnly: true) { totalCount nodes { id vacant } } }`);
      expect(vacant.errors).toBeUndefined();
      const [{ n: held }] = await hr.sql(`select count(*)::int as n from welfare_post_assignment where ends_on is null`);
      expect(vacant.data.welfarePosts.totalCount).toBe(3 - held);
      expect(vacant.data.welfarePosts.nodes.every((p: { vacant: boolean }) => p.vacant)).toBe(true);
    });
  });
});

/** A number whose correct check character is X, written with a lower-case x. */
function lowercaseXIdNumber(): string {
  for (let sequence = 0; sequence < 1000; sequence++) {
    const valid = makeIdNumber(COUNTY, '1985-06-01', sequence);
    if (valid.endsWith('X')) return valid.slice(0, 17) + 'x';
  }
  throw new Error('no ID number with check character X');
}
