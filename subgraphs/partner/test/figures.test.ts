import { partnerSubgraph } from '@jiuye/partner';
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, type TestSubgraph, expectFlatCost } from '@jiuye/testing/harness';
import { idNumber, insertAttempt, insertBatch, insertPostings, insertReference, insertTransfers, insertVisit, KUNMING, SHENZHEN, ZHONGSHAN } from './fixtures';

const RETENTION = `query($code: DivisionCode!) { partnerCity(code: $code) { retention { transferred visited stillEmployed rate } } }`;

describe('partner figures, pagination and statement counts', () => {
  let partner: TestSubgraph;

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    await insertReference(partner);
  });
  afterAll(() => partner?.stop());

  it('computes retention from the last follow-up of each transfer', async () => {
    const batch = await insertBatch(partner, 'DC-2026-01-001', ZHONGSHAN, '2026-01-10');
    const [t1, t2, _t3, t4, t5] = await insertTransfers(partner, batch, ZHONGSHAN, [
      { idNumber: idNumber(101), startedOn: '2026-01-12' },
      { idNumber: idNumber(102), startedOn: '2026-01-12' },
      { idNumber: idNumber(103), startedOn: '2026-01-12' },
      { idNumber: idNumber(104), startedOn: '2026-01-12' },
      { idNumber: idNumber(105), startedOn: '2026-01-12', endedOn: '2026-03-01' },
    ]);
    await insertVisit(partner, t1, '2026-02-01', true);
    await insertVisit(partner, t1, '2026-04-01', false); // left: the last visit counts
    await insertVisit(partner, t2, '2026-02-01', true);
    // t3 never visited
    await insertVisit(partner, t4, '2026-04-01', true); // inserted first, but the later visit
    await insertVisit(partner, t4, '2026-02-01', false);
    await insertVisit(partner, t5, '2026-02-15', true);
    await insertVisit(partner, t5, '2026-02-15', false); // same day: the later record wins

    const response = await partner.query(RETENTION, { code: ZHONGSHAN });
    expect(response.errors).toBeUndefined();
    expect(response.data.partnerCity.retention).toEqual({ transferred: 5, visited: 4, stillEmployed: 2, rate: 0.4 });

    const empty = await partner.query(RETENTION, { code: KUNMING });
    expect(empty.data.partnerCity.retention).toEqual({ transferred: 0, visited: 0, stillEmployed: 0, rate: null });

    const workers = await partner.query(ENTITIES_QUERY('... on Worker { retained }'), {
      representations: [101, 102, 103, 104, 105, 999].map((n) => ({ __typename: 'Worker', id: pseudonymOf(idNumber(n)) })),
    });
    expect(workers.data._entities.map((w: { retained: boolean | null }) => w.retained)).toEqual([false, true, null, true, false, null]);
  });

  it('counts contact outcomes per attempt and per worker (latest attempt), by city and period', async () => {
    const batch = await insertBatch(partner, 'DC-2026-02-001', SHENZHEN, '2026-02-10');
    const [a, b, c] = await insertTransfers(partner, batch, SHENZHEN, [
      { idNumber: idNumber(201), startedOn: '2026-02-12' },
      { idNumber: idNumber(202), startedOn: '2026-02-12' },
      { idNumber: idNumber(203), startedOn: '2026-02-12' },
    ]);
    await insertAttempt(partner, a, idNumber(201), '2026-03-01T09:00:00+08:00', 'NO_ANSWER');
    await insertAttempt(partner, a, idNumber(201), '2026-03-02T09:00:00+08:00', 'INVALID_NUMBER');
    await insertAttempt(partner, b, idNumber(202), '2026-03-01T09:00:00+08:00', 'INVALID_NUMBER');
    await insertAttempt(partner, c, idNumber(203), '2026-03-01T09:00:00+08:00', 'NO_ANSWER');
    await insertAttempt(partner, c, idNumber(203), '2026-03-31T23:30:00+08:00', 'REACHED_WORKING'); // still 31 March in China
    await insertAttempt(partner, c, idNumber(203), '2026-04-01T00:30:00+08:00', 'REFUSED'); // April in China (31 March UTC)
    // An attempt on a Zhongshan transfer, not counted for Shenzhen.
    const [zhongshanTransfer] = await partner.sql<{ id: number }>(`select id from transfer where city_code = '${ZHONGSHAN}' order by id limit 1`);
    await insertAttempt(partner, zhongshanTransfer.id, idNumber(101), '2026-03-05T09:00:00+08:00', 'WRONG_PERSON');

    const query = `query($cityCode: DivisionCode, $from: LocalDate, $to: LocalDate) {
      contactOutcomeCounts(cityCode: $cityCode, from: $from, to: $to) { outcome label attempts workers share }
    }`;
    const { response, statements } = await partner.countStatements(query, { cityCode: SHENZHEN, from: '2026-03-01', to: '2026-03-31' });
    expect(response.errors).toBeUndefined();
    expect(statements).toBe(1);
    const byOutcome = Object.fromEntries(response.data.contactOutcomeCounts.map((c: { outcome: string }) => [c.outcome, c]));
    expect(response.data.contactOutcomeCounts).toHaveLength(8);
    expect(byOutcome.INVALID_NUMBER).toEqual({ outcome: 'INVALID_NUMBER', label: '空号停机错号', attempts: 2, workers: 2, share: 2 / 3 });
    expect(byOutcome.NO_ANSWER).toMatchObject({ attempts: 2, workers: 0, share: 0 });
    expect(byOutcome.REACHED_WORKING).toMatchObject({ attempts: 1, workers: 1, share: 1 / 3 });
    expect(byOutcome.REFUSED).toMatchObject({ attempts: 0, workers: 0 });
    expect(byOutcome.WRONG_PERSON).toMatchObject({ attempts: 0, workers: 0 });

    const everywhere = await partner.query(query, {});
    const all = Object.fromEntries(everywhere.data.contactOutcomeCounts.map((c: { outcome: string }) => [c.outcome, c]));
    expect(all.REFUSED).toMatchObject({ attempts: 1, workers: 1 });
    expect(all.WRONG_PERSON).toMatchObject({ attempts: 1, workers: 1 });
    expect(all.REACHED_WORKING).toMatchObject({ attempts: 1, workers: 0 });

    const nothing = await partner.query(query, { cityCode: KUNMING });
    expect(nothing.data.contactOutcomeCounts.every((c: { attempts: number; share: number | null }) => c.attempts === 0 && c.share === null)).toBe(true);

    const backwards = await partner.query(query, { from: '2026-04-01', to: '2026-03-01' });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('pages transfers and postings by keyset: two pages, no overlap, the total on both', async () => {
    const batch = await insertBatch(partner, 'DC-2026-05-001', KUNMING, '2026-05-10');
    await insertTransfers(
      partner,
      batch,
      KUNMING,
      Array.from({ length: 7 }, (_, i) => ({ idNumber: idNumber(300 + i), startedOn: '2026-05-11' })),
    );
    const page = `query($after: String) { transfers(cityCode: "${KUNMING}", first: 4, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const first = await partner.query(page, {});
    const second = await partner.query(page, { after: first.data.transfers.pageInfo.endCursor });
    expect(first.data.transfers).toMatchObject({ totalCount: 7, pageInfo: { hasNextPage: true } });
    expect(second.data.transfers).toMatchObject({ totalCount: 7, pageInfo: { hasNextPage: false } });
    const ids = [...first.data.transfers.nodes, ...second.data.transfers.nodes].map((t: { id: string }) => t.id);
    expect(first.data.transfers.nodes).toHaveLength(4);
    expect(second.data.transfers.nodes).toHaveLength(3);
    expect(new Set(ids).size).toBe(7);

    // The same through a city, whose pages come from the per-city loader.
    const nested = `query($after: String) { partnerCity(code: "${KUNMING}") { transfers(first: 4, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const n1 = await partner.query(nested, {});
    const n2 = await partner.query(nested, { after: n1.data.partnerCity.transfers.pageInfo.endCursor });
    expect(n1.data.partnerCity.transfers.nodes.map((t: { id: string }) => t.id)).toEqual(ids.slice(0, 4));
    expect(n2.data.partnerCity.transfers).toMatchObject({ totalCount: 7, pageInfo: { hasNextPage: false } });
    expect(n2.data.partnerCity.transfers.nodes.map((t: { id: string }) => t.id)).toEqual(ids.slice(4));

    await insertPostings(partner, KUNMING, 5, '2026-05-01', '2026-12-31');
    const postings = `query($after: String) { partnerJobPostings(cityCode: "${KUNMING}", first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const p1 = await partner.query(postings, {});
    const p2 = await partner.query(postings, { after: p1.data.partnerJobPostings.pageInfo.endCursor });
    expect(p1.data.partnerJobPostings).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    expect(p2.data.partnerJobPostings).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: false } });
    const postingIds = [...p1.data.partnerJobPostings.nodes, ...p2.data.partnerJobPostings.nodes].map((p: { id: string }) => p.id);
    expect(new Set(postingIds).size).toBe(5);
  });

  it('resolves 10 or 200 workers with the same small number of SQL statements', async () => {
    const batch = await insertBatch(partner, 'DC-2026-06-001', SHENZHEN, '2026-06-01');
    const people = Array.from({ length: 200 }, (_, i) => idNumber(400 + i));
    const transferIds = await insertTransfers(
      partner,
      batch,
      SHENZHEN,
      people.map((id, i) => ({ idNumber: id, startedOn: '2026-06-02', phone: i % 3 ? '13800000000' : null })),
    );
    for (let i = 0; i < 200; i += 2) {
      await insertVisit(partner, transferIds[i], '2026-07-01', i % 4 === 0);
      await insertAttempt(partner, transferIds[i], people[i], '2026-07-01T10:00:00+08:00', i % 4 === 0 ? 'REACHED_WORKING' : 'REACHED_NOT_WORKING');
    }
    const selection = `... on Worker {
      id
      transfers { id batch { batchNo departedOn city { name } } city { name } employerName jobTitle startedOn endedOn fareReimbursed phoneMasked followUpVisits { visitedOn stillEmployed } contactAttempts { outcome } }
      currentTransfer { id }
      followUpVisits { visitedOn stillEmployed }
      contactAttempts { outcome attemptedAt }
      lastContactOutcome
      retained
    }`;
    const representations = (n: number) => people.slice(0, n).map((id) => ({ __typename: 'Worker', id: pseudonymOf(id) }));
    const small = await partner.countStatements(ENTITIES_QUERY(selection), { representations: representations(10) });
    const large = await partner.countStatements(ENTITIES_QUERY(selection), { representations: representations(200) });
    expect(small.response.errors).toBeUndefined();
    expect(large.response.errors).toBeUndefined();
    expect(large.response.data._entities).toHaveLength(200);
    expect(large.response.data._entities[0]).toMatchObject({
      retained: true,
      lastContactOutcome: 'REACHED_WORKING',
      transfers: [{ batch: { batchNo: 'DC-2026-06-001', city: { name: '深圳市' } } }],
    });
    expect(large.response.data._entities[2]).toMatchObject({ retained: false, lastContactOutcome: 'REACHED_NOT_WORKING' });
    expect(large.response.data._entities[1]).toMatchObject({ retained: null, lastContactOutcome: null, followUpVisits: [] });
    expectFlatCost(small.statements, large.statements, 7);

    // Unknown workers cost the same: the reference resolver never queries.
    const unknown = await partner.countStatements(ENTITIES_QUERY('... on Worker { id transfers { id } }'), {
      representations: Array.from({ length: 200 }, (_, i) => ({ __typename: 'Worker', id: `w-unknown-${i}` })),
    });
    expect(unknown.statements).toBe(1);
  });

  it("resolves a city's nested lists and figures with the same statements for 3 cities or 33", async () => {
    const query = `{ partnerCities {
      code bases { name } batches { batchNo base { name } transfers { id } }
      transfers(first: 2) { totalCount nodes { id batch { batchNo } followUpVisits { stillEmployed } } }
      active: transfers(first: 1, onlyActive: true) { totalCount }
      postings(first: 2) { totalCount nodes { id base { name } } }
      retention { transferred stillEmployed rate }
    } }`;
    const few = await partner.countStatements(query);
    await partner.sql(
      `insert into partner_city (code, name, province, paired_since)
       select (3200 + g)::text, '城市' || g, '江苏省', '2016-12-01' from generate_series(1, 30) g`,
    );
    const many = await partner.countStatements(query);
    expect(few.response.errors).toBeUndefined();
    expect(many.response.errors).toBeUndefined();
    expect(many.response.data.partnerCities).toHaveLength(33);
    expectFlatCost(few.statements, many.statements, 13);
  });
});
