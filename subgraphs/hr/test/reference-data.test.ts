import { creditCodeCheckCharacter, type Identity, type Purpose } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { ENTITIES_QUERY, officerOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';
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
  QINGKOU,
  register,
  TANGDAN,
  today,
  YINMIN_VILLAGE,
} from './fixtures';

type Caller = Identity & { purpose?: Purpose };
const COUNTY_OFFICER: Caller = officerOf('hr', { subject: 'test-hr-officer-county', region: COUNTY });
const TANGDAN_OFFICER: Caller = officerOf('hr', { subject: 'test-hr-officer-tangdan', region: TANGDAN });
const ASSISTANT: Caller = { subject: 'test-hr-assistant', department: 'hr', role: 'village_assistant', region: QINGKOU, permissions: [], purpose: 'verification' };
const POVERTY_OFFICER: Caller = officerOf('poverty', { region: COUNTY });

/** A valid unified social credit code (GB 32100) whose organisation part ends in this serial. */
const creditCode = (serial: number) => {
  const first17 = `91${COUNTY}MA6K${String(serial).padStart(5, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
};
/** The same code with a wrong check character: the near miss. */
const wrongCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

const EMPLOYER_FIELDS = 'id name kind divisionCode creditCode certifiedOn closedOn closeReason open division { code }';
const CREATE_EMPLOYER = `mutation($input: CreateEmployerInput!) { createEmployer(input: $input) { ${EMPLOYER_FIELDS} } }`;
const UPDATE_EMPLOYER = `mutation($input: UpdateEmployerInput!) { updateEmployer(input: $input) { ${EMPLOYER_FIELDS} } }`;
const CLOSE_EMPLOYER = `mutation($input: CloseEmployerInput!) { closeEmployer(input: $input) { ${EMPLOYER_FIELDS} } }`;
const POSTING_FIELDS = 'id title headcount monthlyWageMin monthlyWageMax openFrom openUntil closedOn closeReason employer { id }';
const CREATE_POSTING = `mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const UPDATE_POSTING = `mutation($input: UpdateJobPostingInput!) { updateJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const CLOSE_POSTING = `mutation($input: CloseJobPostingInput!) { closeJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const FAIR_FIELDS = 'id name heldOn online venue organiser attendance cancelledOn cancelReason employers { id } postings { id }';
const CREATE_FAIR = `mutation($input: CreateJobFairInput!) { createJobFair(input: $input) { ${FAIR_FIELDS} } }`;
const UPDATE_FAIR = `mutation($input: UpdateJobFairInput!) { updateJobFair(input: $input) { ${FAIR_FIELDS} } }`;
const CANCEL_FAIR = `mutation($input: CancelJobFairInput!) { cancelJobFair(input: $input) { ${FAIR_FIELDS} } }`;
const ADD_FAIR_EMPLOYER = `mutation($input: AddJobFairEmployerInput!) { addJobFairEmployer(input: $input) { ${FAIR_FIELDS} } }`;
const REMOVE_FAIR_EMPLOYER = `mutation($input: RemoveJobFairEmployerInput!) { removeJobFairEmployer(input: $input) { ${FAIR_FIELDS} } }`;
const ATTENDANCE = `mutation($input: RecordJobFairAttendanceInput!) { recordJobFairAttendance(input: $input) { ${FAIR_FIELDS} } }`;
const INTENTION = `mutation($input: RecordJobFairIntentionInput!) { recordJobFairIntention(input: $input) { id } }`;
const POST_FIELDS =
  'id kind title agency managingDepartment fundingSource annualAllowance monthlyAllowance openedOn closedOn closeReason maxHolderAge open vacant village { code }';
const CREATE_POST = `mutation($input: CreateWelfarePostInput!) { createWelfarePost(input: $input) { ${POST_FIELDS} } }`;
const UPDATE_POST = `mutation($input: UpdateWelfarePostInput!) { updateWelfarePost(input: $input) { ${POST_FIELDS} } }`;
const CLOSE_POST = `mutation($input: CloseWelfarePostInput!) { closeWelfarePost(input: $input) { ${POST_FIELDS} } }`;
const ASSIGN = `mutation($input: AssignWelfarePostInput!) { assignWelfarePost(input: $input) { id endsOn } }`;
const RELEASE = `mutation($input: ReleaseWelfarePostInput!) { releaseWelfarePost(input: $input) { id endsOn } }`;

/** Every problem of a refused input, as field → reason (or message). */
function problemsOf(response: GraphQLResponse): Record<string, string> {
  const { extensions } = errorOf(response);
  expect(extensions.code).toBe('BAD_USER_INPUT');
  return Object.fromEntries((extensions.problems as { field: string; message: string; reason?: string }[]).map((p) => [p.field, p.reason ?? p.message]));
}

/** What a caller sees of a refusal: the same for "missing" and "out of scope" when nothing tells them apart. */
const visible = (response: GraphQLResponse) => ({ data: response.data ?? null, message: errorOf(response).message, extensions: errorOf(response).extensions });

describe('hr subgraph: reference data kept in the graph (employers, postings, fairs, public-welfare posts)', () => {
  let hr: TestSubgraph;
  let sequence = 700;
  let serial = 100;
  const nextCreditCode = () => creditCode(serial++);
  const nextIdNumber = (age = 35) => idNumberAged(age, sequence++);

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
    await insertPostings(hr);
    await insertWelfarePosts(hr);
  });
  afterAll(() => hr?.stop());

  /** The caller's request and how many SQL statements it cost. */
  async function costed(caller: Caller, query: string, variables: Record<string, unknown>) {
    const before = hr.database.statements.total;
    const response = await hr.queryAs(caller, query, variables);
    return { response, statements: hr.database.statements.total - before };
  }

  const workshop = (extra: Record<string, unknown> = {}) => ({
    name: '汤丹镇箐口村竹编扶贫车间',
    kind: 'POVERTY_WORKSHOP',
    divisionCode: QINGKOU,
    creditCode: nextCreditCode(),
    certifiedOn: addDays(today(), -100),
    ...extra,
  });

  async function createEmployer(caller: Caller = TANGDAN_OFFICER, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await hr.queryAs(caller, CREATE_EMPLOYER, { input: workshop(extra) });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.createEmployer.id;
  }

  const posting = (employerId: string, extra: Record<string, unknown> = {}) => ({
    employerId,
    title: '竹编工',
    threshold: '18-55周岁，身体健康',
    skills: '简单手工操作，岗前培训',
    monthlyWageMin: 1800,
    monthlyWageMax: 2600,
    place: 'IN_TOWNSHIP',
    location: '东川区汤丹镇箐口村',
    headcount: 10,
    openFrom: addDays(today(), -20),
    openUntil: addDays(today(), 60),
    ...extra,
  });

  async function createPosting(employerId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await hr.queryAs(TANGDAN_OFFICER, CREATE_POSTING, { input: posting(employerId, extra) });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.createJobPosting.id;
  }

  describe('employers', () => {
    it('creates a poverty workshop with its certification date and village', async () => {
      const input = workshop();
      const response = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input });
      expect(response.errors).toBeUndefined();
      expect(response.data.createEmployer).toMatchObject({
        name: input.name,
        kind: 'POVERTY_WORKSHOP',
        divisionCode: QINGKOU,
        creditCode: input.creditCode,
        certifiedOn: input.certifiedOn,
        closedOn: null,
        open: true,
        division: { code: QINGKOU },
      });
      const found = await hr.query(`{ employer(id: "${response.data.createEmployer.id}") { name } employers(divisionCode: "${QINGKOU}", open: true, first: 50) { nodes { id } } }`);
      expect(found.data.employer.name).toBe(input.name);
      expect(found.data.employers.nodes.map((e: { id: string }) => e.id)).toContain(response.data.createEmployer.id);
    });

    it('names every wrong field in one answer, each beside its near miss', async () => {
      const before = await count(hr, 'employer');
      const code = nextCreditCode();
      const refused = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, {
        input: workshop({ name: '厂', creditCode: wrongCheck(code), certifiedOn: addDays(today(), 1), divisionCode: '5301' }),
      });
      expect(problemsOf(refused)).toEqual({
        'input.name': 'give 2 to 100 characters',
        'input.creditCode': 'CREDIT_CODE',
        'input.certifiedOn': 'must not be after today',
        'input.divisionCode': 'must be a county or township or village code',
      });
      expect(await count(hr, 'employer')).toBe(before);
      const accepted = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ name: '竹编', creditCode: code, certifiedOn: today(), divisionCode: QINGKOU }) });
      expect(accepted.errors).toBeUndefined();
    });

    it('checks the credit code: 18 characters of its alphabet, the check character, and unique', async () => {
      const code = nextCreditCode();
      const short = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ creditCode: code.slice(0, 17) }) });
      expect(problemsOf(short)['input.creditCode']).toBe('CREDIT_CODE');
      const letterO = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ creditCode: `${code.slice(0, 10)}O${code.slice(11)}` }) });
      expect(problemsOf(letterO)['input.creditCode']).toBe('CREDIT_CODE');
      expect((await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ creditCode: code }) })).errors).toBeUndefined();
      const again = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ creditCode: code, name: '另一个车间' }) });
      expect(errorOf(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.creditCode' });
    });

    it('a certified kind needs its certification date; an enterprise does not', async () => {
      const workshopWithout = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ certifiedOn: null }) });
      expect(problemsOf(workshopWithout)).toHaveProperty(['input.certifiedOn']);
      const enterprise = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, {
        input: workshop({ kind: 'ENTERPRISE', divisionCode: TANGDAN, certifiedOn: null, name: '东川汤丹矿业有限公司' }),
      });
      expect(enterprise.errors).toBeUndefined();
      expect(enterprise.data.createEmployer.certifiedOn).toBeNull();
    });

    it('places a workshop in a catalogued village or township of the region', async () => {
      const atCounty = await hr.queryAs(COUNTY_OFFICER, CREATE_EMPLOYER, { input: workshop({ divisionCode: COUNTY }) });
      expect(errorOf(atCounty).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.divisionCode' });
      const unknownVillage = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ divisionCode: `${TANGDAN}299` }) });
      expect(errorOf(unknownVillage).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.divisionCode' });
      const neighbour = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ divisionCode: YINMIN_VILLAGE }) });
      expect(errorOf(neighbour).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      expect((await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: workshop({ divisionCode: LUOXUE }) })).errors).toBeUndefined();
    });

    it('a county officer records a firm in a partner city, and keeps it; a township officer cannot', async () => {
      const firm = { name: '深圳市宝安电子有限公司', kind: 'ENTERPRISE', divisionCode: '440306', creditCode: nextCreditCode() };
      const township = await hr.queryAs(TANGDAN_OFFICER, CREATE_EMPLOYER, { input: firm });
      expect(errorOf(township).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      const county = await hr.queryAs(COUNTY_OFFICER, CREATE_EMPLOYER, { input: firm });
      expect(county.errors).toBeUndefined();
      const id = county.data.createEmployer.id;
      const [row] = await hr.sql<{ kept_by_code: string }>('select kept_by_code from employer where id = ?', [Number(id)]);
      expect(row.kept_by_code).toBe(COUNTY);
      const renamed = await hr.queryAs(COUNTY_OFFICER, UPDATE_EMPLOYER, { input: { id, name: '深圳市宝安精密电子有限公司' } });
      expect(renamed.data.updateEmployer.name).toBe('深圳市宝安精密电子有限公司');
    });

    it('is kept by hr officers only: not village assistants, not other departments', async () => {
      const assistant = await hr.queryAs(ASSISTANT, CREATE_EMPLOYER, { input: workshop() });
      expect(errorOf(assistant).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'role' });
      const poverty = await hr.queryAs(POVERTY_OFFICER, CREATE_EMPLOYER, { input: workshop() });
      expect(errorOf(poverty).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
    });

    it("another township's employer answers like an unknown id, after the same work", async () => {
      const yinmin = '4'; // 因民镇就业帮扶基地 (fixtures)
      const elsewhere = await costed(TANGDAN_OFFICER, UPDATE_EMPLOYER, { input: { id: yinmin, name: '改名' } });
      const unknown = await costed(TANGDAN_OFFICER, UPDATE_EMPLOYER, { input: { id: '999999', name: '改名' } });
      expect(visible(elsewhere.response)).toEqual(visible(unknown.response));
      expect(errorOf(elsewhere.response).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(elsewhere.statements).toBe(unknown.statements);
      const close = await hr.queryAs(TANGDAN_OFFICER, CLOSE_EMPLOYER, { input: { id: yinmin, closedOn: today(), reason: '停产' } });
      expect(errorOf(close).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      const [row] = await hr.sql<{ name: string; closed_on: string | null }>('select name, closed_on from employer where id = 4');
      expect(row).toEqual({ name: '因民镇就业帮扶基地', closed_on: null });
    });

    it('changes what is given; the rules hold for the result', async () => {
      const id = await createEmployer(TANGDAN_OFFICER, { kind: 'COOPERATIVE', certifiedOn: null, name: '箐口村花椒专业合作社' });
      const toBase = await hr.queryAs(TANGDAN_OFFICER, UPDATE_EMPLOYER, { input: { id, kind: 'VILLAGE_FACTORY' } });
      expect(errorOf(toBase).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.certifiedOn' });
      const changed = await hr.queryAs(TANGDAN_OFFICER, UPDATE_EMPLOYER, { input: { id, kind: 'VILLAGE_FACTORY', certifiedOn: addDays(today(), -3), name: '箐口村花椒加工厂' } });
      expect(changed.data.updateEmployer).toMatchObject({ kind: 'VILLAGE_FACTORY', certifiedOn: addDays(today(), -3), name: '箐口村花椒加工厂' });
    });

    it('closing keeps the employer, withdraws its open postings in the same transaction, and ends its changes', async () => {
      const id = await createEmployer();
      const open = await createPosting(id);
      const early = await hr.queryAs(TANGDAN_OFFICER, CLOSE_EMPLOYER, { input: { id, closedOn: addDays(today(), -101), reason: '停产' } });
      expect(errorOf(early).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedOn' });
      const closed = await hr.queryAs(TANGDAN_OFFICER, CLOSE_EMPLOYER, { input: { id, closedOn: today(), reason: '停产' } });
      expect(closed.data.closeEmployer).toMatchObject({ id, closedOn: today(), closeReason: '停产', open: false });
      const [row] = await hr.sql<{ closed_on: string; close_reason: string }>("select to_char(closed_on, 'YYYY-MM-DD') as closed_on, close_reason from job_posting where id = ?", [
        Number(open),
      ]);
      expect(row).toEqual({ closed_on: today(), close_reason: 'WITHDRAWN' });
      const twice = await hr.queryAs(TANGDAN_OFFICER, CLOSE_EMPLOYER, { input: { id, closedOn: today(), reason: '停产' } });
      expect(errorOf(twice).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      const update = await hr.queryAs(TANGDAN_OFFICER, UPDATE_EMPLOYER, { input: { id, name: '新名字' } });
      expect(errorOf(update).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      const newPosting = await hr.queryAs(TANGDAN_OFFICER, CREATE_POSTING, { input: posting(id) });
      expect(errorOf(newPosting).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employerId' });
      const listed = await hr.query(`{ employers(divisionCode: "${QINGKOU}", open: false, first: 50) { nodes { id } } }`);
      expect(listed.data.employers.nodes.map((e: { id: string }) => e.id)).toContain(id);
      // Nobody starts work there from the closing day on; a spell that began before is still recorded.
      const start = `mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }`;
      const employment = (idNumber: string, startsOn: string) => ({
        idNumber,
        kind: 'POVERTY_WORKSHOP',
        place: 'IN_TOWNSHIP',
        employerId: id,
        employerName: '汤丹镇箐口村竹编扶贫车间',
        location: '东川区汤丹镇箐口村',
        startsOn,
        monthlyWage: 2000,
      });
      const late = nextIdNumber();
      await register(hr, late);
      const after = await hr.query(start, { input: employment(late, today()) });
      expect(errorOf(after).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employerId' });
      expect((await hr.query(start, { input: employment(late, addDays(today(), -1)) })).errors).toBeUndefined();
    });

    it('a close that fails half-way writes nothing', async () => {
      const id = await createEmployer();
      const postings = [await createPosting(id), await createPosting(id)];
      // The second posting's withdrawal fails inside the transaction (after the employer and the first posting changed in it).
      await hr.sql(`create function refuse_posting_close() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`);
      await hr.sql(`create trigger refuse_posting_close before update on job_posting for each row when (new.id = ${Number(postings[1])}) execute function refuse_posting_close()`);
      try {
        const response = await hr.queryAs(TANGDAN_OFFICER, CLOSE_EMPLOYER, { input: { id, closedOn: today(), reason: '停产' } });
        expect(response.errors).toBeDefined();
      } finally {
        await hr.sql('drop trigger refuse_posting_close on job_posting');
        await hr.sql('drop function refuse_posting_close()');
      }
      const [employer] = await hr.sql<{ closed_on: string | null }>('select closed_on from employer where id = ?', [Number(id)]);
      expect(employer.closed_on).toBeNull();
      const rows = await hr.sql<{ closed_on: string | null }>('select closed_on from job_posting where employer_id = ?', [Number(id)]);
      expect(rows.map((r) => r.closed_on)).toEqual([null, null]);
    });
  });

  describe('job postings', () => {
    it('creates a posting of an employer of the region; the employer lists it', async () => {
      const employerId = await createEmployer();
      const response = await hr.queryAs(TANGDAN_OFFICER, CREATE_POSTING, { input: posting(employerId) });
      expect(response.errors).toBeUndefined();
      expect(response.data.createJobPosting).toMatchObject({ title: '竹编工', headcount: 10, closedOn: null, employer: { id: employerId } });
      const listed = await hr.query(`{ jobPostings(employerId: "${employerId}", openOn: "${today()}", first: 10) { totalCount nodes { id } } }`);
      expect(listed.data.jobPostings.nodes).toEqual([{ id: response.data.createJobPosting.id }]);
    });

    it('checks wages, headcount, texts and the valid period, each beside its near miss', async () => {
      const employerId = await createEmployer();
      const from = addDays(today(), -10);
      const refused = await hr.queryAs(TANGDAN_OFFICER, CREATE_POSTING, {
        input: posting(employerId, { title: '工', monthlyWageMin: 499, monthlyWageMax: 498, headcount: 0, openFrom: from, openUntil: addDays(from, 367) }),
      });
      expect(problemsOf(refused)).toEqual({
        'input.title': 'give 2 to 100 characters',
        'input.monthlyWageMin': 'a whole number from 500 to 100000',
        'input.monthlyWageMax': 'must not be below monthlyWageMin',
        'input.headcount': 'a whole number from 1 to 10000',
        'input.openUntil': 'a posting is open for a year at most',
      });
      // 498 is also below 500: both wage rules name input.monthlyWageMax; the first one is reported.
      const accepted = await hr.queryAs(TANGDAN_OFFICER, CREATE_POSTING, {
        input: posting(employerId, { title: '工人', monthlyWageMin: 500, monthlyWageMax: 500, headcount: 1, openFrom: from, openUntil: addDays(from, 366) }),
      });
      expect(accepted.errors).toBeUndefined();
      const ended = await hr.queryAs(TANGDAN_OFFICER, CREATE_POSTING, { input: posting(employerId, { openFrom: addDays(today(), -30), openUntil: addDays(today(), -1) }) });
      expect(problemsOf(ended)).toEqual({ 'input.openUntil': 'a new posting is open until today or later' });
      const backwards = await hr.queryAs(TANGDAN_OFFICER, CREATE_POSTING, { input: posting(employerId, { openFrom: addDays(today(), 10), openUntil: addDays(today(), 9) }) });
      expect(problemsOf(backwards)).toEqual({ 'input.openUntil': 'must not be before openFrom' });
    });

    it('an employer outside the region answers like an unknown one', async () => {
      const elsewhere = await costed(TANGDAN_OFFICER, CREATE_POSTING, { input: posting('4') });
      const unknown = await costed(TANGDAN_OFFICER, CREATE_POSTING, { input: posting('999999') });
      expect(visible(elsewhere.response)).toEqual(visible(unknown.response));
      expect(errorOf(elsewhere.response).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.employerId' });
      expect(elsewhere.statements).toBe(unknown.statements);
      // A posting of the county's out-of-county firm (fixture employer 3): the same for a township officer.
      const posted = await hr.queryAs(TANGDAN_OFFICER, UPDATE_POSTING, { input: { id: '1', title: '改' + '名' } });
      const missing = await hr.queryAs(TANGDAN_OFFICER, UPDATE_POSTING, { input: { id: '999999', title: '改名' } });
      expect(visible(posted)).toEqual(visible(missing));
    });

    it('keeps the headcount at or above the intentions already reached', async () => {
      const employerId = await createEmployer();
      const id = await createPosting(employerId);
      await hr.sql(`insert into job_fair_intention (fair_id, worker_id, posting_id, reached_on) values (1, 'w-test-a', ?, ?), (1, 'w-test-b', ?, ?)`, [
        Number(id),
        today(),
        Number(id),
        today(),
      ]);
      const below = await hr.queryAs(TANGDAN_OFFICER, UPDATE_POSTING, { input: { id, headcount: 1 } });
      expect(errorOf(below).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.headcount' });
      const at = await hr.queryAs(TANGDAN_OFFICER, UPDATE_POSTING, { input: { id, headcount: 2, monthlyWageMax: 3000, openUntil: addDays(today(), 90) } });
      expect(at.data.updateJobPosting).toMatchObject({ headcount: 2, monthlyWageMax: 3000, openUntil: addDays(today(), 90) });
      const inverted = await hr.queryAs(TANGDAN_OFFICER, UPDATE_POSTING, { input: { id, monthlyWageMin: 3100 } });
      expect(errorOf(inverted).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.monthlyWageMax' });
      await hr.sql(`delete from job_fair_intention where worker_id in ('w-test-a', 'w-test-b')`);
    });

    it('closes as filled or withdrawn within its period, as expired only after it; a closed posting is offered to nobody', async () => {
      const employerId = await createEmployer();
      const id = await createPosting(employerId, { openFrom: addDays(today(), -40), openUntil: addDays(today(), 10) });
      const expired = await hr.queryAs(TANGDAN_OFFICER, CLOSE_POSTING, { input: { id, closedOn: today(), reason: 'EXPIRED' } });
      expect(errorOf(expired).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      const beforeOpening = await hr.queryAs(TANGDAN_OFFICER, CLOSE_POSTING, { input: { id, closedOn: addDays(today(), -41), reason: 'FILLED' } });
      expect(errorOf(beforeOpening).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedOn' });
      const workerId = await register(hr, nextIdNumber());
      const suitable = async () => {
        const response = await hr.query(ENTITIES_QUERY('... on Worker { suitableJobPostings(first: 100) { id } }'), {
          representations: [{ __typename: 'Worker', id: workerId, staysNearHome: true, certifiedTrades: [] }],
        });
        return response.data._entities[0].suitableJobPostings.map((p: { id: string }) => p.id);
      };
      expect(await suitable()).toContain(id);
      const filled = await hr.queryAs(TANGDAN_OFFICER, CLOSE_POSTING, { input: { id, closedOn: addDays(today(), -2), reason: 'FILLED' } });
      expect(filled.data.closeJobPosting).toMatchObject({ closedOn: addDays(today(), -2), closeReason: 'FILLED' });
      expect(await suitable()).not.toContain(id);
      const openToday = await hr.query(`{ jobPostings(employerId: "${employerId}", openOn: "${today()}", first: 10) { nodes { id } } }`);
      expect(openToday.data.jobPostings.nodes).toEqual([]);
      const openBefore = await hr.query(`{ jobPostings(employerId: "${employerId}", openOn: "${addDays(today(), -3)}", first: 10) { nodes { id } } }`);
      expect(openBefore.data.jobPostings.nodes).toEqual([{ id }]);
      const again = await hr.queryAs(TANGDAN_OFFICER, UPDATE_POSTING, { input: { id, title: '新标题' } });
      expect(errorOf(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      const old = await createPosting(employerId, { openFrom: addDays(today(), -40), openUntil: today() });
      await hr.sql('update job_posting set open_until = ? where id = ?', [addDays(today(), -1), Number(old)]);
      const withdrawnLate = await hr.queryAs(TANGDAN_OFFICER, CLOSE_POSTING, { input: { id: old, closedOn: today(), reason: 'WITHDRAWN' } });
      expect(errorOf(withdrawnLate).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      expect((await hr.queryAs(TANGDAN_OFFICER, CLOSE_POSTING, { input: { id: old, closedOn: today(), reason: 'EXPIRED' } })).errors).toBeUndefined();
    });
  });

  describe('job fairs', () => {
    const fair = (extra: Record<string, unknown> = {}) => ({
      name: '汤丹镇就业扶贫专场招聘会',
      heldOn: addDays(today(), 7),
      divisionCode: TANGDAN,
      venue: '汤丹镇人民政府广场',
      organiser: '汤丹镇人民政府',
      ...extra,
    });

    async function createFair(extra: Record<string, unknown> = {}): Promise<string> {
      const response = await hr.queryAs(TANGDAN_OFFICER, CREATE_FAIR, { input: fair(extra) });
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data.createJobFair.id;
    }

    it('creates a township fair; an on-site fair has a venue, an online one need not', async () => {
      const response = await hr.queryAs(TANGDAN_OFFICER, CREATE_FAIR, { input: fair() });
      expect(response.data.createJobFair).toMatchObject({
        online: false,
        venue: '汤丹镇人民政府广场',
        organiser: '汤丹镇人民政府',
        attendance: null,
        cancelledOn: null,
        employers: [],
      });
      const noVenue = await hr.queryAs(TANGDAN_OFFICER, CREATE_FAIR, { input: fair({ venue: null, organiser: '镇' }) });
      expect(problemsOf(noVenue)).toEqual({ 'input.venue': 'an on-site fair has a venue', 'input.organiser': 'give 2 to 100 characters' });
      const online = await hr.queryAs(TANGDAN_OFFICER, CREATE_FAIR, { input: fair({ venue: null, online: true }) });
      expect(online.errors).toBeUndefined();
      const atVillage = await hr.queryAs(TANGDAN_OFFICER, CREATE_FAIR, { input: fair({ divisionCode: QINGKOU }) });
      expect(problemsOf(atVillage)).toHaveProperty(['input.divisionCode']);
    });

    it('a county-wide fair is a county officer’s; a township officer may not hold one', async () => {
      const township = await hr.queryAs(TANGDAN_OFFICER, CREATE_FAIR, { input: fair({ divisionCode: COUNTY }) });
      expect(errorOf(township).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
      const county = await hr.queryAs(COUNTY_OFFICER, CREATE_FAIR, { input: fair({ divisionCode: COUNTY, organiser: '东川区人力资源和社会保障局' }) });
      expect(county.errors).toBeUndefined();
      // The county's fair (fixture fair 1) answers a township officer like an unknown one.
      const elsewhere = await costed(TANGDAN_OFFICER, ATTENDANCE, { input: { fairId: '1', attendance: 10 } });
      const unknown = await costed(TANGDAN_OFFICER, ATTENDANCE, { input: { fairId: '999999', attendance: 10 } });
      expect(visible(elsewhere.response)).toEqual(visible(unknown.response));
      expect(elsewhere.statements).toBe(unknown.statements);
    });

    it('employers take part with postings open on the fair day; intentions there are for those postings', async () => {
      const employerId = await createEmployer();
      const other = await createEmployer();
      const open = await createPosting(employerId);
      const later = await createPosting(employerId, { openFrom: addDays(today(), 20), openUntil: addDays(today(), 60) });
      const foreign = await createPosting(other);
      const fairId = await createFair({ heldOn: addDays(today(), -1) });
      const notTheirs = await hr.queryAs(TANGDAN_OFFICER, ADD_FAIR_EMPLOYER, { input: { fairId, employerId, postingIds: [open, foreign] } });
      expect(errorOf(notTheirs).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postingIds' });
      const notOpen = await hr.queryAs(TANGDAN_OFFICER, ADD_FAIR_EMPLOYER, { input: { fairId, employerId, postingIds: [open, later] } });
      expect(errorOf(notOpen).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postingIds' });
      expect(await count(hr, 'job_fair_employer')).toBe(0);
      const added = await hr.queryAs(TANGDAN_OFFICER, ADD_FAIR_EMPLOYER, { input: { fairId, employerId, postingIds: [open] } });
      expect(added.data.addJobFairEmployer).toMatchObject({ employers: [{ id: employerId }], postings: [{ id: open }] });
      const twice = await hr.queryAs(TANGDAN_OFFICER, ADD_FAIR_EMPLOYER, { input: { fairId, employerId, postingIds: [open] } });
      expect(twice.data.addJobFairEmployer).toMatchObject({ employers: [{ id: employerId }], postings: [{ id: open }] });
      // The out-of-county firm (fixture employer 3) may come too.
      const firm = await hr.queryAs(TANGDAN_OFFICER, ADD_FAIR_EMPLOYER, { input: { fairId, employerId: '3', postingIds: [] } });
      expect(firm.data.addJobFairEmployer.employers).toEqual([{ id: employerId }, { id: '3' }]);

      const idNumber = nextIdNumber();
      await register(hr, idNumber);
      const otherPosting = await createPosting(employerId);
      const unlisted = await hr.queryAs(TANGDAN_OFFICER, INTENTION, { input: { fairId, idNumber, postingId: otherPosting } });
      expect(errorOf(unlisted).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postingId' });
      const listed = await hr.queryAs(TANGDAN_OFFICER, INTENTION, { input: { fairId, idNumber, postingId: open } });
      expect(listed.errors).toBeUndefined();
      const leave = await hr.queryAs(TANGDAN_OFFICER, REMOVE_FAIR_EMPLOYER, { input: { fairId, employerId } });
      expect(errorOf(leave).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.employerId' });
      const firmLeaves = await hr.queryAs(TANGDAN_OFFICER, REMOVE_FAIR_EMPLOYER, { input: { fairId, employerId: '3' } });
      expect(firmLeaves.data.removeJobFairEmployer.employers).toEqual([{ id: employerId }]);
    });

    it('attendance is recorded once the fair was held; a fair that took place is not cancelled or moved', async () => {
      const upcoming = await createFair();
      const early = await hr.queryAs(TANGDAN_OFFICER, ATTENDANCE, { input: { fairId: upcoming, attendance: 120 } });
      expect(errorOf(early).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.fairId' });
      const held = await createFair({ heldOn: addDays(today(), -2) });
      const negative = await hr.queryAs(TANGDAN_OFFICER, ATTENDANCE, { input: { fairId: held, attendance: -1 } });
      expect(problemsOf(negative)).toEqual({ 'input.attendance': 'a whole number from 0 to 1000000' });
      const recorded = await hr.queryAs(TANGDAN_OFFICER, ATTENDANCE, { input: { fairId: held, attendance: 0 } });
      expect(recorded.data.recordJobFairAttendance.attendance).toBe(0);
      const cancel = await hr.queryAs(TANGDAN_OFFICER, CANCEL_FAIR, { input: { id: held, cancelledOn: today(), reason: '天气原因' } });
      expect(errorOf(cancel).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      const move = await hr.queryAs(TANGDAN_OFFICER, UPDATE_FAIR, { input: { id: held, heldOn: addDays(today(), 3) } });
      expect(errorOf(move).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.heldOn' });
      const moved = await hr.queryAs(TANGDAN_OFFICER, UPDATE_FAIR, { input: { id: upcoming, heldOn: addDays(today(), 14), venue: '汤丹镇文化广场' } });
      expect(moved.data.updateJobFair).toMatchObject({ heldOn: addDays(today(), 14), venue: '汤丹镇文化广场' });
    });

    it('a cancelled fair takes no employers, intentions or attendance', async () => {
      const fairId = await createFair();
      const future = await hr.queryAs(TANGDAN_OFFICER, CANCEL_FAIR, { input: { id: fairId, cancelledOn: addDays(today(), 1), reason: '天气原因' } });
      expect(problemsOf(future)).toEqual({ 'input.cancelledOn': 'must not be after today' });
      const cancelled = await hr.queryAs(TANGDAN_OFFICER, CANCEL_FAIR, { input: { id: fairId, cancelledOn: today(), reason: '天气原因' } });
      expect(cancelled.data.cancelJobFair).toMatchObject({ cancelledOn: today(), cancelReason: '天气原因' });
      const employerId = await createEmployer();
      const add = await hr.queryAs(TANGDAN_OFFICER, ADD_FAIR_EMPLOYER, { input: { fairId, employerId, postingIds: [] } });
      expect(errorOf(add).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.fairId' });
      const listed = await hr.query(`{ jobFairs(divisionCode: "${TANGDAN}", cancelled: true, first: 50) { nodes { id } } }`);
      expect(listed.data.jobFairs.nodes).toEqual([{ id: fairId }]);
      const found = await hr.query(`{ jobFair(id: "${fairId}") { cancelledOn } }`);
      expect(found.data.jobFair.cancelledOn).toBe(today());
    });
  });

  describe('public-welfare posts', () => {
    const post = (extra: Record<string, unknown> = {}) => ({
      kind: 'FOREST_RANGER',
      villageCode: LUOXUE,
      managingDepartment: '林草局',
      fundingSource: 'SECTOR_FUND',
      monthlyAllowance: 500,
      openedOn: addDays(today(), -30),
      ...extra,
    });

    async function createPost(extra: Record<string, unknown> = {}): Promise<string> {
      const response = await hr.queryAs(TANGDAN_OFFICER, CREATE_POST, { input: post(extra) });
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data.createWelfarePost.id;
    }

    it('opens a post in a village of the region, titled by village and kind unless given', async () => {
      const response = await hr.queryAs(TANGDAN_OFFICER, CREATE_POST, { input: post({ agency: '汤丹镇林业站' }) });
      expect(response.errors).toBeUndefined();
      expect(response.data.createWelfarePost).toMatchObject({
        kind: 'FOREST_RANGER',
        title: '落雪村护林员',
        agency: '汤丹镇林业站',
        managingDepartment: '林草局',
        fundingSource: 'SECTOR_FUND',
        annualAllowance: 6000,
        monthlyAllowance: 500,
        maxHolderAge: 60,
        open: true,
        vacant: true,
        village: { code: LUOXUE },
      });
      const found = await hr.query(
        `{ welfarePost(id: "${response.data.createWelfarePost.id}") { title } welfarePosts(divisionCode: "${LUOXUE}", fundingSource: SECTOR_FUND, first: 50) { nodes { id } } }`,
      );
      expect(found.data.welfarePost.title).toBe('落雪村护林员');
      expect(found.data.welfarePosts.nodes.map((p: { id: string }) => p.id)).toContain(response.data.createWelfarePost.id);
    });

    it('checks each field beside its near miss', async () => {
      const refused = await hr.queryAs(TANGDAN_OFFICER, CREATE_POST, {
        input: post({ villageCode: TANGDAN, managingDepartment: '林', monthlyAllowance: 99, maxHolderAge: 66, openedOn: addDays(today(), 1), title: '岗' }),
      });
      expect(problemsOf(refused)).toEqual({
        'input.villageCode': 'must be a village code',
        'input.title': 'give 2 to 100 characters',
        'input.managingDepartment': 'give 2 to 50 characters',
        'input.monthlyAllowance': 'a whole number from 100 to 5000',
        'input.maxHolderAge': 'a whole number from 60 to 65',
        'input.openedOn': 'must not be after today',
      });
      const accepted = await hr.queryAs(TANGDAN_OFFICER, CREATE_POST, {
        input: post({ managingDepartment: '林草', monthlyAllowance: 100, maxHolderAge: 65, openedOn: today(), title: '护林' }),
      });
      expect(accepted.errors).toBeUndefined();
      const outside = await hr.queryAs(TANGDAN_OFFICER, CREATE_POST, { input: post({ villageCode: YINMIN_VILLAGE }) });
      expect(errorOf(outside).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-region' });
    });

    it("another township's post answers like an unknown one", async () => {
      const elsewhere = await costed(TANGDAN_OFFICER, UPDATE_POST, { input: { id: '3', monthlyAllowance: 600 } }); // 因民村护路员
      const unknown = await costed(TANGDAN_OFFICER, UPDATE_POST, { input: { id: '999999', monthlyAllowance: 600 } });
      expect(visible(elsewhere.response)).toEqual(visible(unknown.response));
      expect(errorOf(elsewhere.response).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(elsewhere.statements).toBe(unknown.statements);
      const [row] = await hr.sql<{ annual_allowance: number }>('select annual_allowance from welfare_post where id = 3');
      expect(row.annual_allowance).toBe(6000);
    });

    it('a held post is not closed; released, it closes, and a closed post takes no holder', async () => {
      const id = await createPost();
      const idNumber = nextIdNumber();
      await register(hr, idNumber, `${LUOXUE}0001`);
      const assigned = await hr.query(ASSIGN, { input: { postId: id, idNumber, startsOn: addDays(today(), -10) } });
      expect(assigned.errors).toBeUndefined();
      const held = await hr.queryAs(TANGDAN_OFFICER, CLOSE_POST, { input: { id, closedOn: today(), reason: '岗位调整' } });
      expect(errorOf(held).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
      await hr.query(RELEASE, { input: { assignmentId: assigned.data.assignWelfarePost.id, endsOn: addDays(today(), -2) } });
      const beforeLeaving = await hr.queryAs(TANGDAN_OFFICER, CLOSE_POST, { input: { id, closedOn: addDays(today(), -3), reason: '岗位调整' } });
      expect(errorOf(beforeLeaving).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedOn' });
      const closed = await hr.queryAs(TANGDAN_OFFICER, CLOSE_POST, { input: { id, closedOn: addDays(today(), -2), reason: '岗位调整' } });
      expect(closed.data.closeWelfarePost).toMatchObject({ closedOn: addDays(today(), -2), closeReason: '岗位调整', open: false });
      const next = nextIdNumber();
      await register(hr, next, `${LUOXUE}0002`);
      const refused = await hr.query(ASSIGN, { input: { postId: id, idNumber: next, startsOn: today() } });
      expect(errorOf(refused).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postId' });
      const vacant = await hr.query(`{ welfarePosts(divisionCode: "${LUOXUE}", vacantOnly: true, first: 100) { nodes { id } } }`);
      expect(vacant.data.welfarePosts.nodes.map((p: { id: string }) => p.id)).not.toContain(id);
      const update = await hr.queryAs(TANGDAN_OFFICER, UPDATE_POST, { input: { id, monthlyAllowance: 600 } });
      expect(errorOf(update).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    });

    it('a holder starts aged 16 to 60, or up to 65 on a post that allows it', async () => {
      const usual = await createPost();
      const older = await createPost({ maxHolderAge: 65, kind: 'CLEANING', managingDepartment: '住建局' });
      const idNumber = nextIdNumber(40);
      await register(hr, idNumber, `${LUOXUE}0003`);
      // 62 on the first day: the registry takes 16–60, so the test ages a registered worker.
      await hr.sql(`update worker set birth_date = ? where id_number = ?`, [`${Number(today().slice(0, 4)) - 62}-01-01`, idNumber]);
      const tooOld = await hr.query(ASSIGN, { input: { postId: usual, idNumber, startsOn: today() } });
      expect(errorOf(tooOld).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(errorOf(tooOld).message).toContain('16 to 60');
      const allowed = await hr.query(ASSIGN, { input: { postId: older, idNumber, startsOn: today() } });
      expect(allowed.errors).toBeUndefined();
      const beforeOpening = await hr.query(ASSIGN, { input: { postId: usual, idNumber: nextIdNumber(), startsOn: addDays(today(), -31) } });
      expect(errorOf(beforeOpening).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsOn' });
    });

    it('one post per person: a holder of one post is refused another', async () => {
      const first = await createPost({ kind: 'CLEANING', managingDepartment: '住建局' });
      const second = await createPost({ kind: 'ROAD_MAINTENANCE', managingDepartment: '交通运输局' });
      const idNumber = nextIdNumber();
      await register(hr, idNumber, `${LUOXUE}0004`);
      expect((await hr.query(ASSIGN, { input: { postId: first, idNumber, startsOn: today() } })).errors).toBeUndefined();
      const double = await hr.query(ASSIGN, { input: { postId: second, idNumber, startsOn: today() } });
      expect(errorOf(double).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(errorOf(double).message).toContain('one post per person');
    });
  });
});
