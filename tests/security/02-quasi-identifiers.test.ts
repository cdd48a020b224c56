import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ageOn, parseIdNumber, type Identity } from '@jiuye/common';
import { idCandidates, type IdObservations } from '@jiuye/testing/id-candidates';
import { DEMO_COUNTY, startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 2 — masked ID numbers gave the full number: the mask showed the first and last four
 * characters, and birthDate, sex and the village were shown to the same accounts. The attack,
 * through the gateway, as a village assistant and as a training institution: select every field
 * reachable for 20 workers (generated from the composed schema, one field per request so that a
 * refused field costs only itself), read the ID number's parts off the answers the way an
 * attacker would, and count the numbers that remain. On 708e13f this rebuilds 20 of 20.
 *
 * Defended by the identifying-field rules (common/src/auth/identifying-fields.ts): the masked
 * number shows the area code only and only to region staff, birthDate needs reveal, institutions
 * and partner cities get no ID number at all.
 */
jest.setTimeout(300_000);

/** Rebuilt: the attacker is left with this few candidates and the real number among them. */
const HANDFUL = 10;
const MIN_CANDIDATES = 1000;
const SAMPLE = 20;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

let platform: TestPlatform;
let schema: GraphQLSchema;
/** Worker pseudonym → ID number, from hr's own table (the truth the attack is judged against). */
let truth: Map<string, string>;

beforeAll(async () => {
  schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
  platform = await startTestPlatform(800);
  const rows = await platform.subgraphs.hr.sql<{ id: string; id_number: string }>('select id, id_number from worker');
  truth = new Map(rows.map((row) => [row.id, row.id_number]));
});
afterAll(() => platform?.stop());

async function ask(identity: Identity, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await userHeaders(identity, 'verification')) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
}

/** The leaf fields of a type a client can select without arguments, as selections (`a`, `b { c d }`). */
function selections(type: GraphQLObjectType, depth: number): string[] {
  const result: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) result.push(field.name);
    else if (isObjectType(named) && depth > 0) {
      const inner = selections(named, depth - 1).filter((s) => !s.includes('{'));
      if (inner.length) result.push(`${field.name} { ${inner.join(' ')} }`);
    }
  }
  return result;
}

/** Every leaf under a value, with the name of the field it came from. */
function leaves(value: unknown, field: string, into: { field: string; value: unknown }[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) return value.forEach((item) => leaves(item, field, into));
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) leaves(inner, key, into);
    return;
  }
  into.push({ field, value });
}

/**
 * Reads one person's answers as an attacker would: a full number, a masked number (18 characters
 * with some *), a birth date, an age, a sex, and the area from a village or household code.
 */
function observations(seen: { field: string; value: unknown }[]): IdObservations {
  const observed: IdObservations = { area: DEMO_COUNTY };
  for (const { field, value } of seen) {
    const text = String(value);
    if (/^\d{17}[\dX]$/.test(text)) observed.idNumber = text;
    else if (/^[\dX*]{18}$/.test(text) && text.includes('*')) observed.masked = text;
    else if (/birth/i.test(field) && /^\d{4}-\d{2}-\d{2}$/.test(text)) observed.birthDate = text;
    else if (field === 'age' && typeof value === 'number') observed.age = value;
    else if (field === 'sex' && (text === 'MALE' || text === 'FEMALE')) observed.sex = text;
    else if (/village|household|^code$/i.test(field) && /^\d{12}(\d{4})?$/.test(text)) observed.area = text.slice(0, 6);
  }
  return observed;
}

interface AttackResult {
  people: number;
  rebuilt: number;
  fewest: number;
  leaks: string[];
}

/**
 * Runs the attack over the workers a list reaches: one request per selectable field of each
 * person type on the path, answers gathered per worker, then the count per worker.
 */
async function attack(
  identity: Identity,
  lists: { query: (selection: string) => string; type: string; variables?: Record<string, unknown>; nodes: (data: any) => any[] }[],
): Promise<AttackResult> {
  const seen = new Map<string, { field: string; value: unknown }[]>();
  for (const list of lists) {
    for (const selection of selections(schema.getType(list.type) as GraphQLObjectType, 1)) {
      const response = await ask(identity, list.query(`id ${selection}`), list.variables);
      for (const node of list.nodes(response.data ?? {})) {
        if (!node?.id) continue;
        const id: string = node.id;
        if (!seen.has(id)) seen.set(id, []);
        leaves(node, 'id', seen.get(id)!);
      }
    }
  }
  const people = [...seen.keys()].filter((id) => truth.has(id)).slice(0, SAMPLE);
  let rebuilt = 0;
  let fewest = Infinity;
  const leaks: string[] = [];
  for (const id of people) {
    const idNumber = truth.get(id)!;
    const values = seen.get(id)!;
    const { count, candidates } = idCandidates(observations(values), TODAY, HANDFUL);
    if (candidates?.includes(idNumber)) rebuilt++;
    fewest = Math.min(fewest, count);
    // Whatever the field is called: no answer carries the birth date or the hidden digits.
    const parsed = parseIdNumber(idNumber);
    const text = JSON.stringify(values.map((v) => v.value));
    for (const part of [parsed.birthDate, idNumber.slice(6, 14), idNumber.slice(10), idNumber.slice(14)]) if (text.includes(part)) leaks.push(`${id}: ${part.length}`);
  }
  return { people: people.length, rebuilt, fewest, leaks };
}

describe('hole 2: quasi-identifiers — no account without reveal rebuilds an ID number (identifying-field rules)', () => {
  it('a village assistant, selecting everything reachable about their village through the departments and the read model, rebuilds none of 20', async () => {
    const [village] = await platform.subgraphs.hr.sql<{ village_code: string }>(
      'select village_code from worker group by village_code having count(*) >= ? order by count(*) desc limit 1',
      [SAMPLE],
    );
    expect(village).toBeDefined();
    const assistant: Identity = { subject: 'attacking-assistant', department: 'poverty', role: 'village_assistant', region: village.village_code, permissions: [] };
    const result = await attack(assistant, [
      {
        type: 'Worker',
        query: (selection) => `query($v: DivisionCode!) { workers(divisionCode: $v, first: 100) { nodes { ${selection} } } }`,
        variables: { v: village.village_code },
        nodes: (data) => data.workers?.nodes ?? [],
      },
      {
        type: 'SituationPerson',
        query: (selection) => `query($v: String!) { roster(kind: REAL_NAME, region: $v, first: 100) { nodes { ${selection} } } }`,
        variables: { v: village.village_code },
        nodes: (data) => data.roster?.nodes ?? [],
      },
    ]);
    expect({ rebuilt: result.rebuilt, of: result.people }).toEqual({ rebuilt: 0, of: SAMPLE });
    expect(result.fewest).toBeGreaterThanOrEqual(MIN_CANDIDATES);
    expect(result.leaks).toEqual([]);
  });

  it('a training institution, selecting everything reachable about its trainees, rebuilds none of 20', async () => {
    const [institution] = await platform.subgraphs.training.sql<{ institution_id: number; trainees: string }>(
      `select c.institution_id, count(distinct e.worker_id) as trainees
         from enrolment e join training_class tc on tc.id = e.class_id join course c on c.id = tc.course_id
        group by c.institution_id order by count(distinct e.worker_id) desc limit 1`,
    );
    expect(Number(institution.trainees)).toBeGreaterThanOrEqual(SAMPLE);
    const staff: Identity = { subject: 'attacking-institution', department: 'training', role: 'officer', institution: String(institution.institution_id), permissions: [] };
    const result = await attack(staff, [
      {
        type: 'Worker',
        // 20 classes: a class's enrolments are uncapped, so the cost limit counts each as 500 (hole 10).
        query: (selection) => `{ trainingClasses(first: 20) { nodes { enrolments { worker { ${selection} } } } } }`,
        nodes: (data) => (data.trainingClasses?.nodes ?? []).flatMap((c: any) => (c?.enrolments ?? []).map((e: any) => e?.worker)),
      },
    ]);
    expect({ rebuilt: result.rebuilt, of: result.people }).toEqual({ rebuilt: 0, of: SAMPLE });
    expect(result.fewest).toBeGreaterThanOrEqual(MIN_CANDIDATES);
    expect(result.leaks).toEqual([]);
  });

  it("a village assistant's roster export (the same rules, as columns) rebuilds none either", async () => {
    const [village] = await platform.subgraphs.hr.sql<{ village_code: string }>(
      'select village_code from worker group by village_code having count(*) >= ? order by count(*) desc limit 1',
      [SAMPLE],
    );
    const assistant: Identity = { subject: 'exporting-assistant', department: 'hr', role: 'village_assistant', region: village.village_code, permissions: [] };
    const response = await fetch(platform.gateway.url.replace(/\/graphql$/, '') + `/exports/roster.csv?kind=REAL_NAME&region=${village.village_code}`, {
      headers: await userHeaders(assistant, 'verification'),
    });
    expect(response.status).toBe(200);
    const lines = Buffer.from(await response.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter(Boolean);
    const headerAt = lines.findIndex((line) => line.startsWith('序号,'));
    const header = lines[headerAt].split(',');
    const rows = lines.slice(headerAt + 1).map((line) => line.split(','));
    const byKey = new Map<string, string>();
    const registry = await platform.subgraphs.hr.sql<{ name: string; household_code: string; id_number: string }>(
      'select name, household_code, id_number from worker where village_code = ?',
      [village.village_code],
    );
    for (const row of registry) byKey.set(`${row.household_code}|${row.name}`, row.id_number);
    expect(rows.length).toBeGreaterThanOrEqual(SAMPLE);
    let rebuilt = 0;
    let fewest = Infinity;
    for (const row of rows.slice(0, SAMPLE)) {
      const cell = (name: string) => (header.includes(name) ? row[header.indexOf(name)] : '');
      const idNumber = byKey.get(`${cell('户编号')}|${cell('姓名')}`);
      expect(idNumber).toBeDefined();
      const observed: IdObservations = { area: village.village_code.slice(0, 6) };
      const shown = cell('身份证号');
      if (/^\d{17}[\dX]$/.test(shown)) observed.idNumber = shown;
      else if (shown.includes('*')) observed.masked = shown;
      if (cell('年龄')) observed.age = Number(cell('年龄'));
      if (cell('性别')) observed.sex = cell('性别') === '男' ? 'MALE' : 'FEMALE';
      const { count, candidates } = idCandidates(observed, TODAY, HANDFUL);
      if (candidates?.includes(idNumber!)) rebuilt++;
      fewest = Math.min(fewest, count);
      // The truth is consistent with what was shown (the count is not empty by a wrong reading).
      expect(observed.age === undefined || observed.age === ageOn(parseIdNumber(idNumber!).birthDate, TODAY)).toBe(true);
    }
    expect({ rebuilt, of: SAMPLE }).toEqual({ rebuilt: 0, of: SAMPLE });
    expect(fewest).toBeGreaterThanOrEqual(MIN_CANDIDATES);
  });
});
