import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, getNamedType, GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLScalarType, parse, type GraphQLInputType } from 'graphql';
import { DEPARTMENT_NAMES, householdCodeIn, makeIdNumber, villageOfHousehold, type Department, type Identity } from '@jiuye/common';
import { pseudonymOf, type GraphQLResponse } from '@jiuye/testing/harness';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 6 — existence oracles. A person (or a record of a person) outside the caller's scope must
 * answer exactly like one that does not exist: same error (code, message, field, extensions),
 * for every root lookup, every write by ID number and every write by row id, in every
 * department, after the same work (the same SQL statements in every department, which is
 * what /stats shows and what time follows). Control characters in any argument are bad input
 * naming the field, refused before anything is read or written.
 */
jest.setTimeout(300_000);

let platform: TestPlatform;
/** The village the scoped callers work in, and samples outside it. */
let village: string;
let hidden: { idNumber: string; workerId: string };
let unknown: string;
const UNKNOWN_ROW = '2000000000';

const officer = (department: Department, region: string): Identity => ({ subject: `h6-${department}-${region}`, department, role: 'officer', region, permissions: [] });
const cityStaff = (city: string): Identity => ({ subject: `h6-city-${city}`, department: 'partner', role: 'officer', partnerCity: city, permissions: [] });

/** An answer without its request ids (they differ per request by design). */
function comparable(response: GraphQLResponse): unknown {
  return JSON.parse(JSON.stringify(response), (key, value) => (key === 'requestId' ? undefined : value));
}

/** The SQL statements one request costs in each department (the read model's feed polls on its own, so it is left out). */
async function costOf(identity: Identity, query: string, variables: Record<string, unknown>) {
  const counters = () => Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, platform.subgraphs[name].database.statements.total]));
  const before = counters();
  const response = await platform.queryAs(identity, query, variables);
  const after = counters();
  const statements = Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, after[name] - before[name]]));
  return { response, statements };
}

/** Asks the same thing about a hidden subject and an unknown one; both answers and costs must be equal, and a NOT_FOUND on the field. */
async function expectIndistinguishable(identity: Identity, query: string, hiddenVariables: Record<string, unknown>, unknownVariables: Record<string, unknown>, field: string) {
  const a = await costOf(identity, query, hiddenVariables);
  const b = await costOf(identity, query, unknownVariables);
  expect(comparable(a.response)).toEqual(comparable(b.response));
  expect(a.response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field });
  expect(a.statements).toEqual(b.statements);
}

const one = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
  const [row] = await rows;
  if (!row) throw new Error(`the demo county has no ${what}`);
  return row;
};

beforeAll(async () => {
  platform = await startTestPlatform(300);
  const hr = platform.subgraphs.hr;
  ({ village_code: village } = await one(
    hr.sql<{ village_code: string }>('select village_code from worker group by village_code order by count(*) desc, village_code limit 1'),
    'village',
  ));
  const outside = await one(hr.sql<{ id_number: string }>('select id_number from worker where village_code <> ? order by id limit 1', [village]), 'worker outside the village');
  hidden = { idNumber: outside.id_number, workerId: pseudonymOf(outside.id_number) };
  for (let sequence = 900; ; sequence += 1) {
    const candidate = makeIdNumber(DEMO_COUNTY, '1990-05-06', sequence);
    const [registered] = await hr.sql('select 1 from worker where id_number = ?', [candidate]);
    if (!registered) {
      unknown = candidate;
      break;
    }
  }
});

afterAll(async () => {
  await platform?.stop();
});

/** Rows of records whose worker hr places outside the village (the worker ids come from another department). */
async function outsideWorkers(workerIds: string[]): Promise<Set<string>> {
  if (workerIds.length === 0) return new Set();
  const rows = await platform.subgraphs.hr.sql<{ id: string }>(`select id from worker where id in (${workerIds.map(() => '?').join(', ')}) and village_code <> ?`, [
    ...workerIds,
    village,
  ]);
  return new Set(rows.map((row) => row.id));
}

describe('hole 6: hr lookups and writes answer alike for a worker outside the scope and an unregistered number (access.ts WorkerScope)', () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const writes: [string, string, (idNumber: string) => Promise<Record<string, unknown>>][] = [
    [
      'updateSixClarities',
      'mutation($input: UpdateSixClaritiesInput!) { updateSixClarities(input: $input) { id } }',
      async (idNumber) => ({ input: { idNumber, skillLevel: 'NONE' } }),
    ],
    [
      'recordEmploymentStart',
      'mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }',
      async (idNumber) => ({
        input: { idNumber, kind: 'LOCAL_ENTERPRISE', place: 'IN_COUNTY', employerName: '东川区某公司', location: '东川区', startsOn: today, monthlyWage: 2600 },
      }),
    ],
    [
      'recordSubsidyPayment',
      'mutation($input: RecordSubsidyPaymentInput!) { recordSubsidyPayment(input: $input) { id } }',
      async (idNumber) => ({ input: { idNumber, kind: 'TRAVEL_FARE', amount: 300, paidOn: today } }),
    ],
    [
      'recordVerification',
      'mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { id } }',
      async (idNumber) => ({ input: { idNumber, outcome: 'CONFIRMED', note: '入户核实' } }),
    ],
    [
      'recordJobFairIntention',
      'mutation($input: RecordJobFairIntentionInput!) { recordJobFairIntention(input: $input) { id } }',
      async (idNumber) => {
        const fair = await one(platform.subgraphs.hr.sql<{ id: number }>('select id from job_fair order by id limit 1'), 'job fair');
        const posting = await one(platform.subgraphs.hr.sql<{ id: number }>('select id from job_posting order by id limit 1'), 'job posting');
        return { input: { fairId: String(fair.id), postingId: String(posting.id), idNumber } };
      },
    ],
    [
      'assignWelfarePost',
      'mutation($input: AssignWelfarePostInput!) { assignWelfarePost(input: $input) { id } }',
      async (idNumber) => {
        const post = await one(
          platform.subgraphs.hr.sql<{ id: number }>(
            'select p.id from welfare_post p where not exists (select 1 from welfare_post_assignment a where a.post_id = p.id and a.ends_on is null) order by p.id limit 1',
          ),
          'vacant welfare post',
        );
        return { input: { postId: String(post.id), idNumber, startsOn: today } };
      },
    ],
  ];

  it.each(writes)('%s: NOT_FOUND on input.idNumber either way, same statements', async (_name, mutation, variables) => {
    const caller = officer('hr', village);
    await expectIndistinguishable(caller, mutation, await variables(hidden.idNumber), await variables(unknown), 'input.idNumber');
    const [written] = await platform.subgraphs.hr.sql<{ verified_on: string | null }>('select verified_on::text from worker where id = ?', [hidden.workerId]);
    expect(written.verified_on).not.toBe(today);
  });

  it('answers alike when the input has another problem too (the scope is decided where existence is, not before the input checks)', async () => {
    const mutation = 'mutation($input: UpdateSixClaritiesInput!) { updateSixClarities(input: $input) { id } }';
    const a = await platform.queryAs(officer('hr', village), mutation, { input: { idNumber: hidden.idNumber, employmentStatus: 'EMPLOYED' } });
    const b = await platform.queryAs(officer('hr', village), mutation, { input: { idNumber: unknown, employmentStatus: 'EMPLOYED' } });
    expect(comparable(a)).toEqual(comparable(b));
    expect(a.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employmentStatus' });
  });

  it('recordEmploymentEnd and releaseWelfarePost: a record of a worker outside the scope is as missing as a row id nobody has', async () => {
    const hr = platform.subgraphs.hr;
    const employment = await one(
      hr.sql<{ id: number }>('select e.id from employment e join worker w on w.id = e.worker_id where w.village_code <> ? and e.ends_on is null order by e.id limit 1', [village]),
      'open employment outside the village',
    );
    await expectIndistinguishable(
      officer('hr', village),
      'mutation($input: RecordEmploymentEndInput!) { recordEmploymentEnd(input: $input) { id } }',
      { input: { employmentId: String(employment.id), endsOn: today, reason: '合同到期' } },
      { input: { employmentId: UNKNOWN_ROW, endsOn: today, reason: '合同到期' } },
      'input.employmentId',
    );
    const [stillOpen] = await hr.sql<{ ends_on: string | null }>('select ends_on from employment where id = ?', [employment.id]);
    expect(stillOpen.ends_on).toBeNull();
    const assignment = await hr.sql<{ id: number }>(
      'select a.id from welfare_post_assignment a join worker w on w.id = a.worker_id where w.village_code <> ? and a.ends_on is null order by a.id limit 1',
      [village],
    );
    if (assignment.length) {
      await expectIndistinguishable(
        officer('hr', village),
        'mutation($input: ReleaseWelfarePostInput!) { releaseWelfarePost(input: $input) { id } }',
        { input: { assignmentId: String(assignment[0].id), endsOn: today } },
        { input: { assignmentId: UNKNOWN_ROW, endsOn: today } },
        'input.assignmentId',
      );
    }
  });

  const WORKER = 'query($id: String!) { worker(idNumber: $id) { id name } }';
  it.each([
    ['an officer of another village', () => officer('hr', village)],
    ['an officer of another county', () => officer('hr', '530114')],
    ['a civil officer of another village (hr asked as the authority)', () => officer('civil', village)],
    ['a partner city', () => cityStaff('4403')],
  ])('root worker(idNumber) for %s: same NOT_FOUND, same statements in every department', async (_label, caller) => {
    await expectIndistinguishable(caller(), WORKER, { id: hidden.idNumber }, { id: unknown }, 'idNumber');
  });

  it('/stats (dev diagnostics) of every department moves alike for a hidden worker and an unknown number', async () => {
    const stats = async () =>
      Object.fromEntries(
        await Promise.all(
          DEPARTMENT_NAMES.map(async (name) => {
            const response = await fetch(new URL('/stats', platform.subgraphs[name].url));
            return [name, ((await response.json()) as { statements: number }).statements] as const;
          }),
        ),
      );
    const delta = async (idNumber: string) => {
      const before = await stats();
      await platform.queryAs(cityStaff('3205'), WORKER, { id: idNumber });
      const after = await stats();
      return Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, after[name] - before[name]]));
    };
    expect(await delta(hidden.idNumber)).toEqual(await delta(unknown));
  });

  it('registerWorker: a number registered anywhere gets one answer that names no place (in scope or not), after the same statements', async () => {
    const inside = await one(
      platform.subgraphs.hr.sql<{ id_number: string; household_code: string }>('select id_number, household_code from worker where village_code = ? order by id limit 1', [
        village,
      ]),
      'worker in the village',
    );
    const register = 'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }';
    const input = (idNumber: string) => ({
      input: {
        idNumber,
        name: '张三',
        householdCode: inside.household_code,
        populationStatus: 'AT_HOME',
        employmentStatus: 'UNEMPLOYED',
        employmentIntention: 'LOCAL',
        skillLevel: 'NONE',
        education: 'JUNIOR_HIGH',
      },
    });
    const elsewhere = await costOf(officer('hr', village), register, input(hidden.idNumber));
    const here = await costOf(officer('hr', village), register, input(inside.id_number));
    expect(comparable(elsewhere.response)).toEqual(comparable(here.response));
    expect(elsewhere.statements).toEqual(here.statements);
    const error = elsewhere.response.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
    expect(JSON.stringify(error)).not.toContain(hidden.idNumber.slice(0, 6) + hidden.idNumber.slice(6, 12));
    expect(error?.message).not.toMatch(/labour registry|already in/);
  });
});

describe('hole 6: situation person(idNumber) (应登尽登: people known only to poverty or civil) answers alike outside the scope and for an unknown number', () => {
  const PERSON = 'query($id: String!) { person(idNumber: $id) { id name departments } }';
  /** A member of a registered household outside the village whom hr does not register (a child): known to poverty only. */
  let povertyOnly: string;

  beforeAll(async () => {
    const members = await platform.subgraphs.poverty.sql<{ id_number: string }>(
      "select id_number from household_member where removed_on is null and household_code not like ? || '%' order by birth_date desc limit 50",
      [village],
    );
    const registered = new Set(
      (
        await platform.subgraphs.hr.sql<{ id_number: string }>(
          `select id_number from worker where id_number in (${members.map(() => '?').join(', ')})`,
          members.map((m) => m.id_number),
        )
      ).map((r) => r.id_number),
    );
    const found = members.find((m) => !registered.has(m.id_number));
    if (!found) throw new Error('the demo county has no poverty-only member outside the village');
    povertyOnly = found.id_number;
  });

  it.each([
    ['an officer of another village', () => officer('hr', village)],
    ['an officer of another county', () => officer('hr', '530114')],
    ['a poverty officer of another village', () => officer('poverty', village)],
    ['a civil officer of another village', () => officer('civil', village)],
  ])('for %s: a registry worker, a poverty-only member and an unknown number get the same NOT_FOUND', async (_label, caller) => {
    // The read model answers from one statement whoever the number names (completeness.service.ts); its raw
    // SQL is not seen by the harness's statement counter (MikroORM's queries only), so the departments' are compared.
    await expectIndistinguishable(caller(), PERSON, { id: hidden.idNumber }, { id: unknown }, 'idNumber');
    await expectIndistinguishable(caller(), PERSON, { id: povertyOnly }, { id: unknown }, 'idNumber');
  });

  it('the same person answers in scope (the poverty-only member for an officer of their village)', async () => {
    const [member] = await platform.subgraphs.poverty.sql<{ household_code: string }>('select household_code from household_member where id_number = ?', [povertyOnly]);
    const response: any = await platform.queryAs(officer('hr', member.household_code.slice(0, 12)), PERSON, { id: povertyOnly });
    expect(response.errors).toBeUndefined();
    expect(response.data.person.departments).toEqual(['poverty']);
  });

  it('a partner city is refused alike for everyone (person lookups are for department staff of a region)', async () => {
    const a = await platform.queryAs(cityStaff('4403'), PERSON, { id: povertyOnly });
    const b = await platform.queryAs(cityStaff('4403'), PERSON, { id: unknown });
    expect(comparable(a)).toEqual(comparable(b));
    expect(a.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('hole 6: the other departments answer alike for records outside the scope and records that do not exist', () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  it("partner: endTransfer, recordContactAttempt and recordFollowUpVisit on another city's transfer answer like an unknown transfer id", async () => {
    const foreign = await one(platform.subgraphs.partner.sql<{ id: number }>("select id from transfer where city_code = '3205' order by id limit 1"), 'Suzhou transfer');
    const caller = cityStaff('4403');
    const cases: [string, (transferId: string) => Record<string, unknown>][] = [
      ['mutation($input: EndTransferInput!) { endTransfer(input: $input) { id } }', (transferId) => ({ input: { transferId, endedOn: today, reason: '返乡' } })],
      [
        'mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) { id } }',
        (transferId) => ({ input: { transferId, attemptedAt: new Date(Date.now() - 60_000).toISOString(), channel: 'PHONE', outcome: 'NO_ANSWER' } }),
      ],
      [
        'mutation($input: RecordFollowUpVisitInput!) { recordFollowUpVisit(input: $input) { id } }',
        (transferId) => ({ input: { transferId, visitedOn: today, stillEmployed: true, rightsCase: false, contactAttempts: [] } }),
      ],
    ];
    for (const [mutation, variables] of cases) {
      await expectIndistinguishable(caller, mutation, variables(String(foreign.id)), variables(UNKNOWN_ROW), 'input.transferId');
    }
    const [untouched] = await platform.subgraphs.partner.sql<{ ended_on: string | null; visits: number }>(
      'select t.ended_on, (select count(*)::int from follow_up_visit v where v.transfer_id = t.id and v.visited_on = ?) as visits from transfer t where t.id = ?',
      [today, foreign.id],
    );
    expect(untouched.visits).toBe(0);
  });

  it("partner: recordTransfer by a city for a worker whose open transfer is another city's says nothing of that transfer (the same pending answer as an unknown number, hole 7); a NUL in it is bad input for any worker", async () => {
    const partner = platform.subgraphs.partner;
    const batch = await one(partner.sql<{ id: number }>("select id from transfer_batch where city_code = '4403' order by departed_on limit 1"), 'Shenzhen batch');
    const open = await one(
      partner.sql<{ id_number: string }>(
        "select t.id_number from transfer t where t.city_code = '3205' and t.ended_on is null and not exists (select 1 from transfer o where o.worker_id = t.worker_id and o.city_code = '4403') order by t.id limit 1",
      ),
      'worker with an open transfer to Suzhou only',
    );
    const record = 'mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { confirmation employerName worker { id } } }';
    const input = (idNumber: string, employerName: string) => ({
      input: { batchId: String(batch.id), idNumber, employerName, jobTitle: '普工', startedOn: today, fareReimbursed: false },
    });
    // A second never-registered number: the first stays unwritten for the other cases.
    const neverRegistered = makeIdNumber(DEMO_COUNTY, '1991-07-08', 911);
    const known = await costOf(cityStaff('4403'), record, input(open.id_number, '深圳某电子厂'));
    const fresh = await costOf(cityStaff('4403'), record, input(neverRegistered, '深圳某电子厂'));
    expect(known.response.errors).toBeUndefined();
    expect(known.response.data?.recordTransfer).toEqual({ confirmation: 'PENDING', employerName: '深圳某电子厂', worker: null });
    expect(comparable(known.response)).toEqual(comparable(fresh.response));
    expect(known.statements).toEqual(fresh.statements);
    const withNul = await costOf(cityStaff('4403'), record, input(open.id_number, '深圳\u0000电子厂'));
    const freshWithNul = await costOf(cityStaff('4403'), record, input(unknown, '深圳\u0000电子厂'));
    expect(comparable(withNul.response)).toEqual(comparable(freshWithNul.response));
    expect(withNul.response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employerName', reason: 'CONTROL_CHARACTER' });
    expect(withNul.statements).toEqual(freshWithNul.statements);
  });

  it('civil: stopAssistance, endCareDuty and the person writes answer alike for a household or person outside the scope and an unknown one', async () => {
    const civil = platform.subgraphs.civil;
    const caller = officer('civil', village);
    const grant = await one(
      civil.sql<{ id: number }>("select id from assistance_grant where household_code not like ? || '%' and ends_on is null order by id limit 1", [village]),
      'grant outside the village',
    );
    await expectIndistinguishable(
      caller,
      'mutation($input: StopAssistanceInput!) { stopAssistance(input: $input) { id } }',
      { input: { grantId: String(grant.id), endsOn: today, reason: '收入超标' } },
      { input: { grantId: UNKNOWN_ROW, endsOn: today, reason: '收入超标' } },
      'input.grantId',
    );
    const duty = await civil.sql<{ id: number }>(
      "select c.id from care_duty c join person_circumstance p on p.worker_id = c.worker_id where p.household_code not like ? || '%' and c.until is null order by c.id limit 1",
      [village],
    );
    if (duty.length) {
      await expectIndistinguishable(
        caller,
        'mutation($input: EndCareDutyInput!) { endCareDuty(input: $input) { id } }',
        { input: { careDutyId: String(duty[0].id), until: today } },
        { input: { careDutyId: UNKNOWN_ROW, until: today } },
        'input.careDutyId',
      );
    }
    await expectIndistinguishable(
      caller,
      'mutation($input: RecordDisabilityInput!) { recordDisability(input: $input) { id } }',
      { input: { idNumber: hidden.idNumber, kind: 'PHYSICAL', grade: 3, certifiedOn: today } },
      { input: { idNumber: unknown, kind: 'PHYSICAL', grade: 3, certifiedOn: today } },
      'input.idNumber',
    );
    await expectIndistinguishable(
      caller,
      'mutation($input: SetLeftBehindInput!) { setLeftBehind(input: $input) { id } }',
      { input: { idNumber: hidden.idNumber, kind: 'ELDERLY' } },
      { input: { idNumber: unknown, kind: 'ELDERLY' } },
      'input.idNumber',
    );
  });

  it('training: writes to an enrolment of a worker outside the region answer like an unknown enrolment id', async () => {
    const enrolments = await platform.subgraphs.training.sql<{ id: number; worker_id: string }>('select id, worker_id from enrolment order by id limit 500');
    const outside = await outsideWorkers(enrolments.map((e) => e.worker_id));
    const enrolment = enrolments.find((e) => outside.has(e.worker_id));
    if (!enrolment) throw new Error('the demo county has no enrolment outside the village');
    await expectIndistinguishable(
      officer('training', village),
      'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
      { input: { enrolmentId: String(enrolment.id), attendanceDays: 1 } },
      { input: { enrolmentId: UNKNOWN_ROW, attendanceDays: 1 } },
      'input.enrolmentId',
    );
  });

  it('poverty: household(code) of a village outside the scope answers like a code nobody registered', async () => {
    const household = await one(
      platform.subgraphs.poverty.sql<{ code: string }>("select code from household where code not like ? || '%' order by code limit 1", [village]),
      'household outside the village',
    );
    let free = household.code;
    for (let n = 9999; n > 0; n -= 1) {
      const candidate = householdCodeIn(villageOfHousehold(household.code), n);
      const [taken] = await platform.subgraphs.poverty.sql('select 1 from household where code = ?', [candidate]);
      if (!taken) {
        free = candidate;
        break;
      }
    }
    await expectIndistinguishable(officer('poverty', village), 'query($code: String!) { household(code: $code) { code } }', { code: household.code }, { code: free }, 'code');
  });
});

/** The composed schema: every mutation, present or future, and the string fields of its inputs. */
const supergraph = buildASTSchema(parse(readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8')), { assumeValidSDL: true });

const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'x',
  ID: '1',
  Int: 1,
  Float: 1,
  Boolean: true,
  LocalDate: '2026-01-05',
  DateTimeISO: '2026-01-05T10:00:00+08:00',
  DivisionCode: DEMO_COUNTY,
};

/** A value of the type with every field filled (lists with one element), and the paths of its string leaves. */
function sample(type: GraphQLInputType, at: string, strings: string[]): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType, at, strings);
  if (type instanceof GraphQLList) return [sample(type.ofType, `${at}[0]`, strings)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, sample(field.type, `${at}.${field.name}`, strings)]));
  }
  const name = (type as GraphQLScalarType).name;
  if (name === 'String' || name === 'ID') strings.push(at);
  if (!(name in SCALAR_SAMPLES)) throw new Error(`no sample for scalar ${name}: add one`);
  return SCALAR_SAMPLES[name];
}

function setAt(value: Record<string, unknown>, at: string, leaf: unknown): Record<string, unknown> {
  const copy = structuredClone(value);
  const keys = at.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node: any = copy;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys[keys.length - 1]] = leaf;
  return copy;
}

const mutationType = supergraph.getMutationType()!;
const cases: { mutation: string; graph: string; document: string; variables: Record<string, unknown>; field: string }[] = [];
for (const field of Object.values(mutationType.getFields())) {
  const graph = field.astNode?.directives?.find((directive) => directive.name.value === 'join__field')?.arguments?.find((argument) => argument.name.value === 'graph');
  const graphName = graph && graph.value.kind === 'EnumValue' ? graph.value.value.toLowerCase() : 'unknown';
  const strings: string[] = [];
  const variables = Object.fromEntries(field.args.map((arg) => [arg.name, sample(arg.type, arg.name, strings)]));
  const declarations = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const argumentList = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const returned = getNamedType(field.type);
  const selection = 'getFields' in returned ? ' { __typename }' : '';
  const document = `mutation(${declarations}) { ${field.name}(${argumentList})${selection} }`;
  for (const at of strings) cases.push({ mutation: field.name, graph: graphName, document, variables: setAt(variables, at, 'a\u0000b'), field: at });
}

describe('hole 6: control characters in any string of any mutation input are BAD_USER_INPUT naming the field, before anything is read or written (gateway/src/text-guard.ts before planning, common/src/text-guard.ts in every department)', () => {
  it('covers every mutation of the composed schema', () => {
    const mutations = new Set(cases.map((c) => c.mutation));
    expect(mutations.size).toBeGreaterThanOrEqual(30);
    expect(cases.length).toBeGreaterThan(60);
  });

  const callerFor = (graph: string): Identity => officer((DEPARTMENT_NAMES as readonly string[]).includes(graph) ? (graph as Department) : 'hr', DEMO_COUNTY);

  it.each(cases.map((c) => [c.mutation, c.field, c] as const))('%s: NUL in %s', async (_mutation, field, c) => {
    const { response, statements } = await costOf(callerFor(c.graph), c.document, c.variables);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: 'CONTROL_CHARACTER' });
    expect(response.errors?.[0]?.message).not.toContain('\u0000');
    // Refused before planning: not one statement in any department (nothing read, nothing written).
    expect(statements).toEqual(Object.fromEntries(DEPARTMENT_NAMES.map((name) => [name, 0])));
    // The department refuses it too, on its own (a request that does not come through this gateway check).
    const subgraph = platform.subgraphs[c.graph as keyof TestPlatform['subgraphs']];
    const before = subgraph.database.statements.total;
    const direct = await subgraph.queryAs({ ...callerFor(c.graph), purpose: 'verification' }, c.document, c.variables);
    expect(direct.errors?.[0]).toMatchObject({ path: [c.mutation], extensions: { code: 'BAD_USER_INPUT', field, reason: 'CONTROL_CHARACTER' } });
    expect(direct.data ?? null).toBeNull();
    if (c.graph !== 'situation') expect(subgraph.database.statements.total).toBe(before);
  });

  const VERIFY = 'mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { id } }';
  it.each([
    ['U+0001', '\u0001'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', '\udc00'],
  ])('refuses %s in a free-text note', async (_label, character) => {
    const response = await platform.queryAs(officer('hr', DEMO_COUNTY), VERIFY, { input: { idNumber: unknown, outcome: 'CONFIRMED', note: `入户${character}核实` } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note', reason: 'CONTROL_CHARACTER' });
  });

  it('lets tab, line feed and carriage return through in free text (the note is then checked as usual)', async () => {
    const response = await platform.queryAs(officer('hr', DEMO_COUNTY), VERIFY, { input: { idNumber: unknown, outcome: 'CONFIRMED', note: '入户\t核实\r\n已见本人' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.idNumber' });
  });

  it('refuses them in query arguments too (root lookups)', async () => {
    const response = await platform.queryAs(officer('hr', DEMO_COUNTY), 'query($id: String!) { worker(idNumber: $id) { id } }', { id: `${unknown.slice(0, 10)}\u0000` });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber', reason: 'CONTROL_CHARACTER' });
  });
});
