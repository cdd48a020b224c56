import { Client } from 'pg';
import { todayInChina, type SubgraphName } from '@jiuye/common';
import { identityFor, mintDevToken } from '../dev-tokens';

/**
 * The bench's scenarios (scripts/src/bench/run.ts), for a mixed load: one worker across five
 * departments, a village list of 200 workers, the county's dashboard indicators, and a
 * mutation (a follow-up visit recorded by the partner office). The reads pick a different
 * worker / village per request; each mutation returns the id of the row it wrote.
 */
export interface Scenario {
  name: string;
  /** The request body for the n-th request of this scenario. */
  body(n: number): string;
  headers: Record<string, string>;
  /** Whether the answer's data is what this scenario expects. */
  check(data: any): boolean;
}

export interface Scenarios {
  list: Scenario[];
  /** The scenario that writes, and the id its answer carries. */
  mutation: Scenario;
  writtenId(data: any): string | null;
}

const ONE_WORKER = `query($id: String!) { worker(idNumber: $id) { name age employmentStatus currentEmployment { kind employerName } household { code povertyStatus currentAssistance { kind monthlyAmount } } disability { grade } careDuties { reason } certificates { trade } enrolments { status } transfers { employerName startedOn } suitableJobPostings(first: 3) { title } } }`;
const VILLAGE_LIST = `query($v: DivisionCode!) { workers(divisionCode: $v, first: 200) { nodes { name employmentStatus currentEmployment { kind } povertyStatus relationshipToHead transfers { employerName } } } }`;
const DASHBOARD = `query($c: DivisionCode!) { povertyStatusCounts(divisionCode: $c) { status households members } trainingOutcomes(divisionCode: $c) { participants completions employedWithinThreeMonths } }`;
const FOLLOW_UP = `mutation($t: ID!, $d: LocalDate!) { recordFollowUpVisit(input: { transferId: $t, visitedOn: $d, stillEmployed: true, monthlyWage: 4800, rightsCase: false }) { id } }`;

async function rows<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function loadScenarios(urls: Record<SubgraphName, string>): Promise<Scenarios> {
  const workers = (await rows<{ id_number: string }>(urls.hr, `select id_number from worker order by md5(id) limit 300`)).map((r) => r.id_number);
  // The villages with the most workers (at the demo size a village of 200 is rare): each list asks for up to 200.
  const villages = (await rows<{ village_code: string }>(urls.hr, `select village_code from worker group by 1 order by count(*) desc limit 20`)).map((r) => r.village_code);
  const county = villages[0].slice(0, 6);
  const transfers = (await rows<{ id: string }>(urls.partner, `select id::text as id from transfer where ended_on is null order by id limit 50`)).map((r) => r.id);
  if (workers.length === 0 || transfers.length === 0) throw new Error('the data set has no workers or no current transfers: seed it first');
  const officer = await mintDevToken(identityFor({ department: 'hr', region: county }));
  const partnerOffice = await mintDevToken(identityFor({ department: 'partner', region: county }));
  const dashboard = await mintDevToken(identityFor({ department: 'dashboard', region: county }));
  const person = (token: string) => ({ authorization: `Bearer ${token}`, 'x-purpose': 'employment-service' });
  const today = todayInChina();
  const mutation: Scenario = {
    name: 'mutation: record a follow-up visit',
    body: (n) => JSON.stringify({ query: FOLLOW_UP, variables: { t: transfers[n % transfers.length], d: today } }),
    headers: person(partnerOffice),
    check: (data) => Boolean(data?.recordFollowUpVisit?.id),
  };
  return {
    list: [
      {
        name: 'one worker, five departments',
        body: (n) => JSON.stringify({ query: ONE_WORKER, variables: { id: workers[n % workers.length] } }),
        headers: person(officer),
        check: (data) => Boolean(data?.worker?.name),
      },
      {
        name: 'village list, up to 200 workers',
        body: (n) => JSON.stringify({ query: VILLAGE_LIST, variables: { v: villages[n % villages.length] } }),
        headers: person(officer),
        check: (data) => Array.isArray(data?.workers?.nodes) && data.workers.nodes.length > 0,
      },
      {
        name: 'dashboard indicators (county)',
        body: () => JSON.stringify({ query: DASHBOARD, variables: { c: county } }),
        headers: { authorization: `Bearer ${dashboard}` },
        check: (data) => Array.isArray(data?.povertyStatusCounts) && data.povertyStatusCounts.length > 0,
      },
      mutation,
    ],
    mutation,
    writtenId: (data) => (data?.recordFollowUpVisit?.id as string | undefined) ?? null,
  };
}
