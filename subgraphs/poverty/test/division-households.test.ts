import { encodeCursor } from '@jiuye/common';
import { povertySubgraph } from '@jiuye/poverty';
import { ENTITIES_QUERY, expectFlatCost, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';

/**
 * Root `households` and `Division.households` page through the common per-division pager
 * (common/src/paged-children.ts pagedDivisions): every registered household once, by code, the
 * totals as counted, the same pages nested and at the root, the status filter applied, and a
 * cursor no list returned refused as everywhere (BAD_USER_INPUT, reason CURSOR).
 */
const COUNTY = '530113';
const TOWNSHIP = '530113103';
const VILLAGES = ['530113103001', '530113103002', '530113103003'];
const OTHER_TOWNSHIP_VILLAGE = '530113104001';
const STATUSES = ['NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP'];

describe('poverty: registered households of a division, paged', () => {
  let poverty: TestSubgraph;
  const DIVISIONS = [COUNTY, TOWNSHIP, ...VILLAGES, OTHER_TOWNSHIP_VILLAGE];

  beforeAll(async () => {
    poverty = await startTestSubgraph(povertySubgraph);
    // 7, 0 and 5 households in the township's villages, 3 in another township's; statuses in turn.
    const households = [
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `${VILLAGES[0]}${String(n * 3).padStart(4, '0')}`),
      ...[1, 2, 3, 4, 5].map((n) => `${VILLAGES[2]}${String(n).padStart(4, '0')}`),
      ...[1, 2, 3].map((n) => `${OTHER_TOWNSHIP_VILLAGE}${String(n).padStart(4, '0')}`),
    ];
    await poverty.sql(
      `insert into household (code, village_code, poverty_status, status_since, registered_year)
       select code, left(code, 12), (array[?]::text[])[1 + (n::int % 5)], date '2020-06-30', 2016 from unnest(array[?]::text[]) with ordinality as h(code, n)`,
      [STATUSES, households],
    );
  });
  afterAll(() => poverty?.stop());

  const expected = async (division: string, status?: string) =>
    (
      await poverty.sql<{ code: string }>(
        `select code from household where code like ? || '%' ${status ? 'and poverty_status = ?' : ''} order by code`,
        status ? [division, status] : [division],
      )
    ).map((r) => r.code);

  const ROOT = `query($division: DivisionCode!, $first: Int, $after: String, $status: PovertyStatus) {
    households(divisionCode: $division, first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } nodes { code } }
  }`;
  const NESTED = ENTITIES_QUERY(
    `... on Division { households(first: $first, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } nodes { code } } }`,
  ).replace('query($representations: [_Any!]!)', 'query($representations: [_Any!]!, $first: Int, $after: String, $status: PovertyStatus)');
  const nested = (divisions: string[], variables: Record<string, unknown>) =>
    poverty.query(NESTED, { representations: divisions.map((code) => ({ __typename: 'Division', code })), ...variables });

  type HouseholdPage = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { code: string }[] };

  async function walk(page: (after: string | null) => Promise<HouseholdPage>, first: number): Promise<HouseholdPage[]> {
    const pages: HouseholdPage[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const current = await page(after);
      pages.push(current);
      expect(current.nodes.length).toBeLessThanOrEqual(first);
      if (!current.pageInfo.hasNextPage) return pages;
      expect(current.nodes).toHaveLength(first);
      after = current.pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  }

  it.each(DIVISIONS)('%s: root and nested pages of 2 give every household once, by code, the same pages', async (division) => {
    const want = await expected(division);
    const root = await walk(async (after) => {
      const response = await poverty.query(ROOT, { division, first: 2, after });
      expect(response.errors).toBeUndefined();
      return response.data.households;
    }, 2);
    const viaEntities = await walk(async (after) => {
      const response = await nested([division], { first: 2, after });
      expect(response.errors).toBeUndefined();
      return response.data._entities[0].households;
    }, 2);
    expect(root.flatMap((p) => p.nodes.map((n) => n.code))).toEqual(want);
    expect(root.every((p) => p.totalCount === want.length)).toBe(true);
    expect(viaEntities).toEqual(root);
    // The cursor is the last household's code, as handed out before.
    for (const page of root) if (page.nodes.length) expect(page.pageInfo.endCursor).toBe(encodeCursor(page.nodes[page.nodes.length - 1].code));
  });

  it('the status filter pages only its households, with its own total', async () => {
    for (const status of ['LIFTED', 'MARGINAL']) {
      const want = await expected(TOWNSHIP, status);
      expect(want.length).toBeGreaterThan(0);
      const pages = await walk(async (after) => (await poverty.query(ROOT, { division: TOWNSHIP, first: 1, after, status })).data.households, 1);
      expect(pages.flatMap((p) => p.nodes.map((n) => n.code))).toEqual(want);
      expect(pages.every((p) => p.totalCount === want.length)).toBe(true);
    }
  });

  it('Division.households for many divisions at once: each its own first page, a flat number of statements', async () => {
    const small = await poverty.countStatements(NESTED, { representations: [{ __typename: 'Division', code: VILLAGES[0] }], first: 2 });
    const large = await poverty.countStatements(NESTED, { representations: DIVISIONS.map((code) => ({ __typename: 'Division', code })), first: 2 });
    expect(large.response.errors).toBeUndefined();
    for (const [i, division] of DIVISIONS.entries()) {
      const want = await expected(division);
      expect(large.response.data._entities[i].households).toMatchObject({ totalCount: want.length, nodes: want.slice(0, 2).map((code) => ({ code })) });
    }
    expectFlatCost(small.statements, large.statements, 3);
  });

  it('a cursor no list returned is refused (BAD_USER_INPUT, reason CURSOR), at the root and nested', async () => {
    const [first] = await expected(TOWNSHIP);
    const forged = [
      'nonsense',
      encodeCursor(Number(first)), // the code as a number, not the key
      encodeCursor(first.slice(0, 12)), // a village code, not a household's
      encodeCursor(`${first}/w123`), // a worker list's cursor
      encodeCursor(`${first}|1`),
    ];
    for (const after of forged) {
      const root = await poverty.query(ROOT, { division: TOWNSHIP, first: 2, after });
      expect(root.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'CURSOR' });
      expect(root.data).toBeNull();
      const viaEntities = await nested([TOWNSHIP], { first: 2, after });
      expect(viaEntities.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'CURSOR' });
      expect(viaEntities.data?._entities?.[0]?.households ?? null).toBeNull();
    }
  });
});
