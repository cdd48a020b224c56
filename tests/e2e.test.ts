import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEPARTMENT_NAMES, maskIdNumber, SUBGRAPH_NAMES, workerPseudonym } from '@jiuye/common';
import { expectFlatCost, TEST_PSEUDONYM_KEY } from '@jiuye/testing/harness';
import { startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * End to end through the gateway, on a small demo county seeded into five real databases:
 * the questions officials ask, answered in one request each.
 */
const WORKER_SITUATION = /* GraphQL */ `
  query Situation($idNumber: String!) {
    worker(idNumber: $idNumber) {
      id
      name
      age
      idNumberMasked
      employmentStatus
      currentEmployment {
        kind
        place
        employerName
      }
      employments {
        kind
        startsOn
        endsOn
      }
      household {
        code
        povertyStatus
        statusHistory {
          toStatus
          effectiveOn
        }
        assistanceGrants {
          kind
          monthlyAmount
        }
        members {
          id
        }
      }
      povertyStatus
      leftBehind
      disability {
        kind
        grade
      }
      careDuties {
        reason
      }
      staysNearHome
      enrolments {
        status
      }
      certificates {
        trade
        grade
      }
      certifiedTrades
      transfers {
        employerName
        city {
          name
        }
        followUpVisits {
          stillEmployed
        }
      }
      contactAttempts {
        outcome
      }
      suitableJobPostings(first: 5) {
        title
        place
        requiredTrade
      }
      suitablePartnerJobPostings(first: 5) {
        title
        requiredTrade
        city {
          code
        }
      }
    }
  }
`;

describe('the platform through the gateway', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform(300);
  });
  afterAll(() => platform?.stop());

  it("answers one worker's situation with facts from all five departments in one request", async () => {
    const sample = platform.county.sampleIdNumbers()[0];
    const { response, statements } = await platform.countStatements(WORKER_SITUATION, { idNumber: sample.idNumber });
    expect(response.errors).toBeUndefined();
    const worker = response.data.worker;
    expect(worker.idNumberMasked).toBe(maskIdNumber(sample.idNumber));
    expect(JSON.stringify(response)).not.toContain(sample.idNumber);
    expect(worker.household.members.map((m: { id: string }) => m.id)).toContain(worker.id);
    // Every department took part.
    for (const name of DEPARTMENT_NAMES) expect(statements[name]).toBeGreaterThan(0);
  });

  it('agrees with the seeded data for every sample worker', async () => {
    let checked = 0;
    for (const sample of platform.county.sampleIdNumbers()) {
      const household = findHousehold(platform, sample.idNumber);
      const person = household.members.find((m) => m.idNumber === sample.idNumber)!;
      // worker(idNumber) answers for the labour registry (people aged 16-60).
      if (!person.inLabourRegistry) continue;
      checked++;
      const { data, errors } = await platform.query(WORKER_SITUATION, { idNumber: sample.idNumber });
      expect(errors).toBeUndefined();
      const worker = data.worker;
      expect(worker.name).toBe(person.name);
      expect(worker.household.code).toBe(household.code);
      expect(worker.household.povertyStatus).toBe(household.povertyStatus);
      expect(worker.povertyStatus).toBe(household.povertyStatus);
      expect(worker.household.statusHistory).toHaveLength(household.statusHistory.length);
      expect(worker.household.assistanceGrants).toHaveLength(household.assistance.length);
      expect(worker.disability?.grade ?? null).toBe(person.disability?.grade ?? null);
      expect(worker.careDuties).toHaveLength(person.careDuties.length);
      expect(worker.employments).toHaveLength(person.employments.length);
      expect(worker.certificates).toHaveLength(person.certificates.length);
      expect(worker.enrolments).toHaveLength(person.enrolments.length);
      expect(worker.transfers).toHaveLength(person.transfer ? 1 : 0);
      expect(worker.contactAttempts).toHaveLength(person.contactAttempts.length);
      expect([...worker.certifiedTrades].sort()).toEqual([...new Set(person.certificates.map((c) => c.trade))].sort());
      if (worker.staysNearHome) {
        expect(worker.suitableJobPostings.every((p: { place: string }) => p.place !== 'OUT_OF_PROVINCE')).toBe(true);
      }
      for (const posting of worker.suitableJobPostings) {
        expect(posting.requiredTrade === null || worker.certifiedTrades.includes(posting.requiredTrade)).toBe(true);
      }
      // The partner cities' side of 人岗匹配, on the same facts the gateway sends (@requires).
      if (worker.staysNearHome) expect(worker.suitablePartnerJobPostings).toEqual([]);
      for (const posting of worker.suitablePartnerJobPostings) {
        expect(posting.requiredTrade === null || worker.certifiedTrades.includes(posting.requiredTrade)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  const LIST = /* GraphQL */ `
    query List($divisionCode: DivisionCode!, $first: Int!) {
      workers(divisionCode: $divisionCode, first: $first) {
        totalCount
        nodes {
          id
          name
          employmentStatus
          currentEmployment {
            kind
          }
          household {
            code
            povertyStatus
            currentAssistance {
              kind
            }
          }
          povertyStatus
          staysNearHome
          disability {
            grade
          }
          careDuties {
            reason
          }
          certifiedTrades
          enrolments {
            status
          }
          transfers {
            employerName
          }
        }
      }
    }
  `;

  it('lists 100 workers with nested fields from four subgraphs at a flat SQL cost', async () => {
    const county = platform.county.reference.county.code;
    const ten = await platform.countStatements(LIST, { divisionCode: county, first: 10 });
    const hundred = await platform.countStatements(LIST, { divisionCode: county, first: 100 });
    expect(ten.response.errors).toBeUndefined();
    expect(hundred.response.errors).toBeUndefined();
    expect(hundred.response.data.workers.nodes).toHaveLength(100);
    for (const name of SUBGRAPH_NAMES) {
      // One statement per batch, never one per worker: 100 workers cost what 10 do. hr also
      // answers the other departments' batched visibility checks (one statement each).
      expectFlatCost(ten.statements[name], hundred.statements[name], name === 'hr' ? 8 : 6);
    }
  });

  it('rejects a malformed ID number with the reason, without echoing it', async () => {
    const wrong = '11010519491231002x';
    const response = await platform.query(WORKER_SITUATION, { idNumber: wrong });
    expect(response.data?.worker ?? null).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LOWERCASE_X' });
    expect(JSON.stringify(response)).not.toContain(wrong);

    const checkCharacter = await platform.query(WORKER_SITUATION, { idNumber: '110105194912310021' });
    expect(checkCharacter.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
  });

  it('says NOT_FOUND for a valid ID number that is not registered', async () => {
    const response = await platform.query(WORKER_SITUATION, { idNumber: '11010519491231002X' });
    expect(response.data?.worker ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('rejects a malformed query with a parse error', async () => {
    const response = await platform.query('{ worker(idNumber: "1") { name ');
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('records an employment through the gateway and shows it at once', async () => {
    const county = platform.county.reference.county.code;
    const unemployed = await platform.query(`query($d: DivisionCode!) { workers(divisionCode: $d, employmentStatus: UNEMPLOYED, first: 1) { nodes { id name } } }`, { d: county });
    expect(unemployed.errors).toBeUndefined();
    const target = unemployed.data.workers.nodes[0];
    const idNumber = findPersonById(platform, target.name, target.id);
    const started = await platform.query(`mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { kind startsOn } }`, {
      input: { idNumber, kind: 'POVERTY_WORKSHOP', place: 'IN_TOWNSHIP', employerName: '汤丹镇扶贫车间', location: '汤丹镇', startsOn: '2026-11-20', monthlyWage: 2600 },
    });
    expect(started.errors).toBeUndefined();
    const after = await platform.query(`query($id: String!) { worker(idNumber: $id) { employmentStatus currentEmployment { kind employerName } } }`, { id: idNumber });
    expect(after.data.worker).toEqual({ employmentStatus: 'EMPLOYED', currentEmployment: { kind: 'POVERTY_WORKSHOP', employerName: '汤丹镇扶贫车间' } });
  });

  it('runs every example query of the README without errors', async () => {
    const readme = readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const county = platform.county.reference.county.code;
    const registered = platform.county.sampleIdNumbers().find((s) => findHousehold(platform, s.idNumber).members.find((m) => m.idNumber === s.idNumber)!.inLabourRegistry)!;
    const unemployed = await platform.query(`query($d: DivisionCode!) { workers(divisionCode: $d, employmentStatus: UNEMPLOYED, first: 1) { nodes { id name } } }`, { d: county });
    const target = unemployed.data.workers.nodes[0];
    // A conflict to settle in the resolveConflict example (one whose partner side is kept).
    const open = await platform.query(`{ conflicts(region: "${county}", first: 50) { nodes { id sources { department } } } }`);
    const settle = open.data.conflicts.nodes.find((c: any) => c.sources.some((source: any) => source.department === 'partner'));
    for (const example of examples) {
      if (example.includes('<id from conflicts>') && !settle) continue;
      const query = example
        .replace('<id from conflicts>', settle?.id ?? '')
        .replace('<ID number of an unemployed worker>', findPersonById(platform, target.name, target.id))
        .replace(/<a demo ID number[^>]*>/, registered.idNumber);
      const response = await platform.query(query);
      expect({ example: query.slice(0, 80), errors: response.errors }).toEqual({ example: query.slice(0, 80), errors: undefined });
    }
  });
});

function findHousehold(platform: TestPlatform, idNumber: string) {
  for (const batch of platform.county.households(500)) {
    for (const household of batch) if (household.members.some((m) => m.idNumber === idNumber)) return household;
  }
  throw new Error('sample worker not in the demo county');
}

/** The test knows the demo data, so it can find a worker's ID number from the seeded county. */
function findPersonById(platform: TestPlatform, name: string, workerId: string): string {
  for (const batch of platform.county.households(500)) {
    for (const household of batch) {
      for (const member of household.members) {
        if (member.name === name && workerPseudonym(member.idNumber, TEST_PSEUDONYM_KEY) === workerId) return member.idNumber;
      }
    }
  }
  throw new Error('worker not in the demo county');
}
