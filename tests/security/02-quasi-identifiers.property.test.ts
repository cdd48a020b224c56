import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Kind, parse, type ConstDirectiveNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import {
  AccessControl,
  ageOn,
  IDENTIFYING_KINDS,
  makeIdNumber,
  maskIdNumber,
  mayRead,
  parseIdNumber,
  todayInChina,
  type AccessRules,
  type IdNumberDisclosure,
  type Identity,
  type SubgraphName,
} from '@jiuye/common';
import { SUBGRAPH_MODULES } from '@jiuye/devtools';
import { idCandidates, type IdObservations } from '@jiuye/testing/id-candidates';

/**
 * Hole 2 (quasi-identifiers), as a property: for generated workers, every field an account
 * without `reveal` may select — derived from the composed supergraph and each subgraph's actual
 * access rules, so a field added later is counted — leaves at least MIN_CANDIDATES ID numbers.
 *
 * The bound: 1,000. What the rules leave is about 182,500 (365 birth dates that give the age ×
 * 500 sequences of the sex; the area is taken as known, the village gives it away); 1,000 is the
 * point below which trying every candidate against the one lookup that confirms a number
 * (worker(idNumber:)) takes a handful of requests (150 numbers per batched request).
 */
const MIN_CANDIDATES = 1000;
const TODAY = todayInChina();

const supergraph = parse(readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'));

const argument = (directive: ConstDirectiveNode, name: string) => directive.arguments?.find((arg) => arg.name.value === name)?.value;
const enumArgument = (directive: ConstDirectiveNode, name: string) => {
  const value = argument(directive, name);
  return value?.kind === Kind.ENUM ? value.value : null;
};

/** join__Graph value (HR) → subgraph name (hr). */
const GRAPHS = new Map<string, string>();
for (const definition of supergraph.definitions) {
  if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
    for (const value of definition.values ?? []) {
      const name = value.directives?.find((d) => d.name.value === 'join__graph');
      const nameValue = name && argument(name, 'name');
      if (nameValue?.kind === Kind.STRING) GRAPHS.set(value.name.value, nameValue.value);
    }
  }
}

/** Every output field of the supergraph (`Type.field`) with the subgraphs that resolve it. */
function resolvedFields(): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const objects = supergraph.definitions.filter(
    (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION,
  );
  for (const type of objects) {
    if (type.name.value.startsWith('join__') || type.name.value.startsWith('link__')) continue;
    const typeGraphs = (type.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => enumArgument(d, 'graph')!);
    for (const field of type.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const graphs = joins.length
        ? joins.filter((d) => !(argument(d, 'external')?.kind === Kind.BOOLEAN && (argument(d, 'external') as { value: boolean }).value)).map((d) => enumArgument(d, 'graph')!)
        : typeGraphs;
      fields.set(
        `${type.name.value}.${field.name.value}`,
        graphs.map((graph) => GRAPHS.get(graph) ?? graph.toLowerCase()),
      );
    }
  }
  return fields;
}

const FIELDS = resolvedFields();
const rulesOf = (subgraph: string): AccessRules | null => (SUBGRAPH_MODULES as Record<string, { access: AccessRules }>)[subgraph]?.access ?? null;

const ACCOUNTS: Record<string, Identity> = {
  'region staff without reveal': { subject: 'officer', department: 'hr', role: 'officer', region: '530113', permissions: [] },
  'village assistant': { subject: 'assistant', department: 'poverty', role: 'village_assistant', region: '530113101001', permissions: [] },
  'partner city': { subject: 'partner', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [] },
  'training institution': { subject: 'institution', department: 'training', role: 'officer', institution: '1', permissions: [] },
};
const REVEAL: Identity = { subject: 'revealer', department: 'hr', role: 'officer', region: '530113', permissions: ['reveal'] };

function accessOf(identity: Identity): AccessControl {
  return new AccessControl({ ...identity, purpose: 'verification', requestId: 'property' }, async () => new Set());
}

/**
 * The fields an account may select, with what each tells about the ID number: a field counts
 * when any subgraph that resolves it lets the account read it (its category, or its identifying
 * kind's category, through the real AccessControl.allows). Whether the account can reach the
 * type at all is not asked: every type is taken as reachable (an upper bound on what it sees).
 */
function selectable(identity: Identity): Map<string, IdNumberDisclosure> {
  const access = accessOf(identity);
  const result = new Map<string, IdNumberDisclosure>();
  for (const [coordinate, subgraphs] of FIELDS) {
    for (const subgraph of subgraphs) {
      const rules = rulesOf(subgraph);
      if (rules && !mayRead(access, rules, coordinate)) continue;
      const kind = rules?.identifying?.[coordinate];
      const disclosure = kind ? IDENTIFYING_KINDS[kind].ofIdNumber : null;
      if (!result.has(coordinate) || disclosure) result.set(coordinate, disclosure);
    }
  }
  return result;
}

function disclosures(identity: Identity): Set<Exclude<IdNumberDisclosure, null>> {
  return new Set([...selectable(identity).values()].filter((d): d is Exclude<IdNumberDisclosure, null> => d !== null));
}

/** What the account observes of one person, given the disclosures of the fields it may select. */
function observe(idNumber: string, seen: Set<string>, mask: (id: string) => string = maskIdNumber): IdObservations {
  const parsed = parseIdNumber(idNumber);
  const observed: IdObservations = { area: parsed.regionCode };
  if (seen.has('whole')) observed.idNumber = idNumber;
  if (seen.has('masked')) observed.masked = mask(idNumber);
  if (seen.has('birth-date')) observed.birthDate = parsed.birthDate;
  if (seen.has('age')) observed.age = ageOn(parsed.birthDate, TODAY);
  if (seen.has('sex')) observed.sex = parsed.sex;
  return observed;
}

const county = fc.constantFrom('530113', '530102', '440524', '610302');
const birthDate = fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const worker = fc.tuple(county, birthDate, fc.integer({ min: 0, max: 999 })).map(([area, date, sequence]) => makeIdNumber(area, date, sequence));

describe('hole 2: the fields an account may select, from the supergraph and the access rules', () => {
  it('finds the fields through the composed schema (the derivation is not empty)', () => {
    expect(FIELDS.get('Worker.birthDate')).toEqual(['hr']);
    expect(FIELDS.get('SituationPerson.idNumberMasked')).toEqual(['situation']);
    expect(FIELDS.get('Worker.staysNearHome')).toEqual(['civil']);
    expect(selectable(REVEAL).get('Worker.idNumber')).toBe('whole');
  });

  it('every identifying field a subgraph declares exists in the composed schema', () => {
    for (const [name, module] of Object.entries(SUBGRAPH_MODULES) as [SubgraphName, { access: AccessRules }][]) {
      for (const coordinate of Object.keys(module.access.identifying ?? {})) {
        expect({ coordinate, resolvedBy: FIELDS.get(coordinate)?.includes(name) ?? false }).toEqual({ coordinate, resolvedBy: true });
      }
    }
  });

  it('every field whose name says it derives from the ID number is declared with its identifying kind', () => {
    const suspicious = /birth|born|idNumber|idCard|identity|^sex$|gender|^age$/i;
    const undeclared = [...FIELDS]
      .filter(([coordinate]) => suspicious.test(coordinate.split('.')[1]))
      .filter(([coordinate, subgraphs]) => subgraphs.some((subgraph) => !rulesOf(subgraph)?.identifying?.[coordinate]))
      // Arguments and inputs are not output fields; the audit subgraph answers auditors about the log.
      .filter(([coordinate, subgraphs]) => !coordinate.startsWith('AccessLog') && !subgraphs.every((subgraph) => subgraph === 'audit'));
    expect(undeclared.map(([coordinate]) => coordinate)).toEqual([]);
  });

  it.each(Object.entries(ACCOUNTS))('%s: no full ID number, no birth date (and for partner cities and institutions no masked number either)', (_label, identity) => {
    const seen = disclosures(identity);
    expect(seen.has('whole')).toBe(false);
    expect(seen.has('birth-date')).toBe(false);
    if (identity.partnerCity || identity.institution) expect(seen.has('masked')).toBe(false);
  });
});

describe('hole 2: no account without reveal can narrow an ID number to fewer than 1,000 (property over generated workers)', () => {
  it('the masked number is positional: each character is the real one in its place or *', () => {
    fc.assert(
      fc.property(worker, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        [...masked].forEach((character, i) => expect(character === '*' || character === id[i]).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.entries(ACCOUNTS))('%s: at least 1,000 ID numbers agree with every field it may select', (_label, identity) => {
    const seen = disclosures(identity);
    fc.assert(
      fc.property(worker, (id) => {
        const { count } = idCandidates(observe(id, seen), TODAY);
        expect(count).toBeGreaterThanOrEqual(MIN_CANDIDATES);
      }),
      { numRuns: 60 },
    );
  });

  it('the count is sound: the real number is always among the candidates when few remain', () => {
    fc.assert(
      fc.property(worker, (id) => {
        const parsed = parseIdNumber(id);
        const { candidates } = idCandidates({ area: parsed.regionCode, birthDate: parsed.birthDate, sex: parsed.sex }, TODAY, 600);
        expect(candidates).toContain(id);
        expect(candidates!.length).toBe(500);
      }),
      { numRuns: 50 },
    );
  });

  it('has teeth: the reveal permission, or the old mask (first four, last four) with the birth date, gives the number back', () => {
    const oldMask = (id: string) => id.slice(0, 4) + '*'.repeat(10) + id.slice(-4);
    fc.assert(
      fc.property(worker, (id) => {
        expect(idCandidates(observe(id, disclosures(REVEAL)), TODAY).count).toBe(1);
        const { count, candidates } = idCandidates(observe(id, new Set(['masked', 'birth-date', 'sex', 'area']), oldMask), TODAY, 10);
        expect(count).toBe(1);
        expect(candidates).toEqual([id]);
        // The old mask with only the age still narrows to a few dozen.
        expect(idCandidates(observe(id, new Set(['masked', 'age', 'sex', 'area']), oldMask), TODAY).count).toBeLessThan(100);
      }),
      { numRuns: 50 },
    );
  });
});
