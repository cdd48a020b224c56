import { makeIdNumber, SUBGRAPH_NAMES, type Identity } from '@jiuye/common';
import { AccessLogStore, DEFAULT_QUERY_LIMITS } from '@jiuye/gateway';
import { pseudonymOf } from '@jiuye/testing/harness';
import { startTestPlatform, userHeaders, type TestPlatform } from '@jiuye/testing/platform';

/**
 * Hole 3 — a partner city recovers ID numbers by probing. With a worker's birth date, sex and
 * village (a few hundred candidate numbers), `worker(idNumber:) { id }` answers found or
 * NOT_FOUND; aliases times a batch tried many at once, and selecting only `id` left no trace.
 * Defended by: a per-account budget of lookups by ID number (RATE_LIMITED before any department
 * is called), and every lookup, found or not, in the hash-chained access log.
 */
jest.setTimeout(120_000);

const BUDGET = 30;
const ALIASES = 6;
const BATCH = 5;

let platform: TestPlatform;
let store: AccessLogStore;
let target: { idNumber: string; workerId: string };
const shenzhen: Identity = { subject: 'partner-4403-prober', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [] };

function sqlTotal(): number {
  return SUBGRAPH_NAMES.reduce((sum, name) => sum + platform.subgraphs[name].database.statements.total, 0);
}

/** Numbers sharing the target's region, birth date and sex (odd/even sequence), the target among them. */
function candidates(idNumber: string, count: number): string[] {
  const region = idNumber.slice(0, 6);
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const own = Number(idNumber.slice(14, 17));
  const list: string[] = [];
  for (let sequence = own % 2; list.length < count - 1 && sequence < 1000; sequence += 2) {
    if (sequence !== own) list.push(makeIdNumber(region, birth, sequence));
  }
  list.splice(Math.floor(count / 2), 0, idNumber);
  return list;
}

/** A batched request: BATCH operations, each ALIASES lookups selecting only `id`. */
async function probe(identity: Identity, numbers: string[]) {
  const operations = Array.from({ length: BATCH }, (_, b) => ({
    query: `{ ${numbers
      .slice(b * ALIASES, (b + 1) * ALIASES)
      .map((n, a) => `p${a}: worker(idNumber: "${n}") { id }`)
      .join(' ')} }`,
  }));
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await userHeaders(identity, 'follow-up')) },
    body: JSON.stringify(operations),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), requestId: response.headers.get('x-request-id')!, body: (await response.json()) as any[] };
}

beforeAll(async () => {
  // The gateway's default budget (30 a minute), not the suites' generous one.
  platform = await startTestPlatform(300, { limits: DEFAULT_QUERY_LIMITS });
  expect(DEFAULT_QUERY_LIMITS.idLookupsPerMinute).toBe(BUDGET);
  store = await AccessLogStore.open(platform.auditDatabaseUrl);
  const rows = await platform.subgraphs.partner.sql<{ id_number: string }>(`select id_number from transfer where city_code = '4403' and ended_on is null order by id limit 20`);
  for (const row of rows) {
    const [registered] = await platform.subgraphs.hr.sql('select 1 from worker where id_number = ?', [row.id_number]);
    if (registered) {
      target = { idNumber: row.id_number, workerId: pseudonymOf(row.id_number) };
      break;
    }
  }
  expect(target).toBeDefined();
});

afterAll(async () => {
  await store?.close();
  await platform?.stop();
});

describe('hole 3: probing ID numbers is budgeted per account and every lookup is logged', () => {
  const numbers = () => candidates(target.idNumber, BUDGET);

  it('answers lookups within the budget and logs every one of them, hit or miss, even when only `id` is selected', async () => {
    const answer = await probe(shenzhen, numbers());
    expect(answer.status).toBe(200);
    const found = answer.body.flatMap((operation) => Object.values(operation.data ?? {})).filter(Boolean) as { id: string }[];
    expect(found).toEqual([{ id: target.workerId }]);

    const rows = await store.find({ staff: shenzhen.subject, limit: 500 });
    expect(rows).toHaveLength(BUDGET);
    const byWorker = new Map(rows.map((row) => [row.workerId, row]));
    for (const number of numbers()) {
      const row = byWorker.get(pseudonymOf(number));
      expect(row).toBeDefined();
      expect(row).toMatchObject({ requestId: answer.requestId, fields: expect.arrayContaining(['lookup:Query.worker(idNumber)']) });
      expect(row!.lookup).toBe(number === target.idNumber ? 'found' : 'not-found');
    }
    // The hit is placed in the person's village (hr, the residence authority), so their region's staff see who looked them up.
    expect(byWorker.get(target.workerId)!.villageCode).toMatch(/^\d{12}$/);
    // No ID number in the log, only pseudonyms.
    expect(JSON.stringify(rows)).not.toContain(target.idNumber);
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('refuses lookups past the budget with RATE_LIMITED and retryAfter, before any department is called', async () => {
    const before = sqlTotal();
    const logged = (await store.find({ staff: shenzhen.subject, limit: 500 })).length;
    const answer = await probe(shenzhen, candidates(target.idNumber, BUDGET).reverse());
    expect(answer.status).toBe(429);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    for (const operation of answer.body) {
      expect(operation.data).toBeUndefined();
      expect(operation.errors).toHaveLength(1);
      expect(operation.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'idLookups', max: BUDGET, retryAfter: expect.any(Number) });
      expect(operation.errors[0].extensions.retryAfter).toBeGreaterThan(0);
      expect(operation.errors[0].message).not.toMatch(/\d{17}[\dX]/);
    }
    expect(sqlTotal()).toBe(before);
    // Nothing was looked up, so nothing new is logged.
    expect(await store.find({ staff: shenzhen.subject, limit: 500 })).toHaveLength(logged);
  });

  it('budgets each account on its own: another account of the same city still looks up', async () => {
    const colleague: Identity = { ...shenzhen, subject: 'partner-4403-colleague' };
    const response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await userHeaders(colleague, 'follow-up')) },
      body: JSON.stringify({ query: `query($id: String!) { worker(idNumber: $id) { id } }`, variables: { id: target.idNumber } }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.worker.id).toBe(target.workerId);
    const [row] = await store.find({ staff: colleague.subject, limit: 5 });
    expect(row).toMatchObject({ workerId: target.workerId, lookup: 'found', fields: ['lookup:Query.worker(idNumber)'] });
  });

  it('shows auditors, per account, how many lookups found someone and how many did not', async () => {
    const auditor: Identity = { subject: 'auditor-1', department: 'auditor', role: 'viewer', permissions: [] };
    const response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await userHeaders(auditor, null)) },
      body: JSON.stringify({ query: `{ idNumberLookups { staff department scope found notFound invalid refused lastAt } }` }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    // The prober comes first: most misses.
    expect(body.data.idNumberLookups[0]).toMatchObject({ staff: shenzhen.subject, department: 'partner', scope: '4403', found: 1, notFound: BUDGET - 1, invalid: 0, refused: 0 });
    expect(body.data.idNumberLookups).toEqual(expect.arrayContaining([expect.objectContaining({ staff: 'partner-4403-colleague', found: 1, notFound: 0 })]));
    const notAuditor = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await userHeaders(shenzhen, null)) },
      body: JSON.stringify({ query: `{ idNumberLookups { staff } }` }),
    });
    expect(((await notAuditor.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
