import { encodeCursor } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { expectFlatCost, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { COUNTY, errorOf, idNumberAged, insertReferenceData, LUOXUE, QINGKOU, register, TANGDAN, YINMIN, YINMIN_VILLAGE } from './fixtures';

/**
 * Root `workers` and `Division.workers` page through the common per-division pager
 * (common/src/paged-children.ts pagedDivisions): every worker once, in (household code, id)
 * order, the totals as counted, the same pages nested and at the root, filters applied, and
 * a cursor no list returned refused as everywhere (BAD_USER_INPUT, reason CURSOR).
 */
describe('hr: workers of a division, paged', () => {
  let hr: TestSubgraph;
  const DIVISIONS = [COUNTY, TANGDAN, QINGKOU, LUOXUE, YINMIN, YINMIN_VILLAGE];

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
    // 7 workers in 箐口村 (two households share one), 4 in 落雪村, 3 in 因民村; every third is away.
    const places = [...[1, 1, 2, 3, 4, 5, 6].map((h) => `${QINGKOU}000${h}`), ...[1, 2, 3, 3].map((h) => `${LUOXUE}000${h}`), ...[1, 2, 3].map((h) => `${YINMIN_VILLAGE}000${h}`)];
    let sequence = 300;
    for (const [i, household] of places.entries()) {
      await register(hr, idNumberAged(25 + (i % 20), sequence++), household, { populationStatus: i % 3 === 0 ? 'AWAY' : 'AT_HOME' });
    }
  });
  afterAll(() => hr?.stop());

  /** The ids of the division's workers in keyset order, straight from the table. */
  const expected = async (division: string, populationStatus?: string) =>
    (
      await hr.sql<{ id: string }>(
        `select id from worker where household_code like ? || '%' ${populationStatus ? 'and population_status = ?' : ''} order by household_code, id`,
        populationStatus ? [division, populationStatus] : [division],
      )
    ).map((r) => r.id);

  const ROOT = `query($division: DivisionCode!, $first: Int, $after: String, $status: PopulationStatus) {
    workers(divisionCode: $division, first: $first, after: $after, populationStatus: $status) { totalCount pageInfo { hasNextPage endCursor } nodes { id } }
  }`;
  const NESTED = `query($division: DivisionCode!, $first: Int, $after: String, $status: PopulationStatus) {
    division(code: $division) { workers(first: $first, after: $after, populationStatus: $status) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }
  }`;

  type WorkerPage = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string }[] };

  /** Every page of a list, following endCursor; checks each page's totalCount and size. */
  async function walk(page: (after: string | null) => Promise<WorkerPage>, first: number): Promise<{ ids: string[]; totals: number[]; pages: WorkerPage[] }> {
    const ids: string[] = [];
    const totals: number[] = [];
    const pages: WorkerPage[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const current = await page(after);
      pages.push(current);
      ids.push(...current.nodes.map((n) => n.id));
      totals.push(current.totalCount);
      expect(current.nodes.length).toBeLessThanOrEqual(first);
      if (!current.pageInfo.hasNextPage) return { ids, totals, pages };
      expect(current.nodes).toHaveLength(first);
      after = current.pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  }

  it.each(DIVISIONS)('%s: root and nested pages of 3 give every worker once, in keyset order, the same pages', async (division) => {
    const want = await expected(division);
    expect(want.length).toBeGreaterThan(0);
    const root = await walk(async (after) => {
      const response = await hr.query(ROOT, { division, first: 3, after });
      expect(response.errors).toBeUndefined();
      return response.data.workers;
    }, 3);
    const nested = await walk(async (after) => {
      const response = await hr.query(NESTED, { division, first: 3, after });
      expect(response.errors).toBeUndefined();
      return response.data.division.workers;
    }, 3);
    expect(root.ids).toEqual(want);
    expect(root.totals.every((t) => t === want.length)).toBe(true);
    expect(nested.pages).toEqual(root.pages);
    // The cursor is the last row's household code and id joined by '/', as handed out before.
    const household = new Map((await hr.sql<{ id: string; household_code: string }>('select id, household_code from worker')).map((r) => [r.id, r.household_code]));
    for (const page of root.pages) {
      const last = page.nodes[page.nodes.length - 1].id;
      expect(page.pageInfo.endCursor).toBe(encodeCursor(`${household.get(last)}/${last}`));
    }
  });

  it('a filter pages only its workers, with its own total', async () => {
    for (const division of [TANGDAN, QINGKOU]) {
      const want = await expected(division, 'AWAY');
      const { ids, totals } = await walk(async (after) => (await hr.query(ROOT, { division, first: 2, after, status: 'AWAY' })).data.workers, 2);
      expect(ids).toEqual(want);
      expect(totals.every((t) => t === want.length)).toBe(true);
    }
  });

  it('Division.workers under a list of divisions: each its own first page, a flat number of statements', async () => {
    const BATCH = `{ division(code: "${COUNTY}") { children { code children { code workers(first: 2) { totalCount nodes { id } } } } } }`;
    const { response, statements } = await hr.countStatements(BATCH);
    expect(response.errors).toBeUndefined();
    const villages = response.data.division.children.flatMap((t: { children: { code: string; workers: WorkerPage }[] }) => t.children);
    expect(villages.length).toBeGreaterThanOrEqual(3);
    for (const village of villages) {
      const want = await expected(village.code);
      expect(village.workers).toEqual({ totalCount: want.length, nodes: want.slice(0, 2).map((id) => ({ id })) });
    }
    const single = await hr.countStatements(`{ division(code: "${QINGKOU}") { workers(first: 2) { totalCount nodes { id } } } }`);
    // divisions (2 levels) + the page's two statements, whatever the number of villages
    expectFlatCost(single.statements, statements, 6);
  });

  it('a cursor no list returned is refused (BAD_USER_INPUT, reason CURSOR), at the root and nested', async () => {
    const [first] = await hr.sql<{ id: string; household_code: string }>(`select id, household_code from worker order by household_code, id limit 1`);
    const forged = [
      'nonsense',
      encodeCursor(5301131012010001), // a number, not a key
      encodeCursor(first.household_code), // one part (a household list's cursor)
      encodeCursor(`${first.household_code}|${first.id}`), // common's separator, not the workers' '/'
      encodeCursor(`${first.household_code}/not-a-worker`),
      encodeCursor(`53011310120/${first.id}`), // not a household code
      encodeCursor(`${first.household_code}/${first.id}/extra`),
    ];
    for (const after of forged) {
      for (const query of [ROOT, NESTED]) {
        const response = await hr.query(query, { division: TANGDAN, first: 2, after });
        expect(errorOf(response).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'CURSOR' });
        expect(response.data?.workers ?? response.data?.division?.workers ?? null).toBeNull();
      }
    }
  });
});
