import { partnerSubgraph } from '@jiuye/partner';
import { officerOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { daysAgo, idNumber, insertBatch, insertReference, insertTransfers, insertVisit, SHENZHEN, ZHONGSHAN } from './fixtures';

const DUE = `query($id: ID) { transfers(batchId: $id, first: 500) { nodes { id startedOn endedOn followUpDueOn followUpDue lastFollowUpVisit { visitedOn } } } }`;

/** 跟踪回访节奏: Transfer.followUpDueOn / followUpDue, 30 days after the last visit or the first working day. */
describe('partner follow-up rhythm and the latest visit', () => {
  let partner: TestSubgraph;
  let batchId: number;
  let ids: number[];

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    await insertReference(partner);
    batchId = await insertBatch(partner, 'DC-2026-01-901', SHENZHEN, daysAgo(90));
    ids = await insertTransfers(partner, batchId, SHENZHEN, [
      { idNumber: idNumber(901), startedOn: daysAgo(58) }, // never visited, 28 days overdue
      { idNumber: idNumber(902), startedOn: daysAgo(30) }, // never visited, due today
      { idNumber: idNumber(903), startedOn: daysAgo(29) }, // never visited, due tomorrow
      { idNumber: idNumber(904), startedOn: daysAgo(80) }, // visited 5 days ago: due in 25 days
      { idNumber: idNumber(905), startedOn: daysAgo(80) }, // last visit 40 days ago: overdue
      { idNumber: idNumber(906), startedOn: daysAgo(80), endedOn: daysAgo(2) }, // left the job: nothing due
    ]);
    await insertVisit(partner, ids[3], daysAgo(50), true);
    await insertVisit(partner, ids[3], daysAgo(5), true);
    await insertVisit(partner, ids[4], daysAgo(40), true);
  });
  afterAll(() => partner?.stop());

  async function due(): Promise<Map<string, { followUpDueOn: string | null; followUpDue: boolean; lastFollowUpVisit: { visitedOn: string } | null }>> {
    const response = await partner.query(DUE, { id: String(batchId) });
    expect(response.errors).toBeUndefined();
    return new Map(
      response.data.transfers.nodes.map((node: { id: string; followUpDueOn: string | null; followUpDue: boolean; lastFollowUpVisit: { visitedOn: string } | null }) => [
        node.id,
        node,
      ]),
    );
  }

  it('is due 30 days after the first working day, or after the latest visit; nothing once the job ended', async () => {
    const byId = await due();
    expect(ids.map((id) => byId.get(String(id)))).toEqual([
      { id: String(ids[0]), startedOn: daysAgo(58), endedOn: null, followUpDueOn: daysAgo(28), followUpDue: true, lastFollowUpVisit: null },
      { id: String(ids[1]), startedOn: daysAgo(30), endedOn: null, followUpDueOn: daysAgo(0), followUpDue: true, lastFollowUpVisit: null },
      { id: String(ids[2]), startedOn: daysAgo(29), endedOn: null, followUpDueOn: daysAgo(-1), followUpDue: false, lastFollowUpVisit: null },
      { id: String(ids[3]), startedOn: daysAgo(80), endedOn: null, followUpDueOn: daysAgo(-25), followUpDue: false, lastFollowUpVisit: { visitedOn: daysAgo(5) } },
      { id: String(ids[4]), startedOn: daysAgo(80), endedOn: null, followUpDueOn: daysAgo(10), followUpDue: true, lastFollowUpVisit: { visitedOn: daysAgo(40) } },
      { id: String(ids[5]), startedOn: daysAgo(80), endedOn: daysAgo(2), followUpDueOn: null, followUpDue: false, lastFollowUpVisit: null },
    ]);
  });

  it('agrees with the situation warning TRANSFER_NO_FOLLOW_UP: overdue exactly when the last visit (or start) is more than 30 days ago', async () => {
    const byId = await due();
    const rows = await partner.sql<{ id: number; overdue: boolean }>(
      `select t.id, coalesce(max(v.visited_on), t.started_on) < ?::date - 30 as overdue
         from transfer t left join follow_up_visit v on v.transfer_id = t.id
        where t.batch_id = ? and t.ended_on is null group by t.id`,
      [daysAgo(0), batchId],
    );
    for (const row of rows) {
      const node = byId.get(String(row.id))!;
      expect(node.followUpDueOn! < daysAgo(0)).toBe(row.overdue);
    }
  });

  it('lists only the due (or overdue) transfers over the whole list, keyset paged, in the caller’s city, by the same rhythm as followUpDue', async () => {
    // Another city's overdue transfer: never on Shenzhen's list.
    const elsewhere = await insertBatch(partner, 'DC-2026-01-902', ZHONGSHAN, daysAgo(90));
    const [zhongshan] = await insertTransfers(partner, elsewhere, ZHONGSHAN, [{ idNumber: idNumber(907), startedOn: daysAgo(70) }]);
    const shenzhenStaff = officerOf('partner', { region: undefined, partnerCity: SHENZHEN, permissions: [] });
    const LIST = `query($filter: FollowUpDueFilter, $after: String) {
      transfers(followUpDue: $filter, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id followUpDueOn followUpDue } }
    }`;
    /** Every page, one row at a time: the filter holds over the whole list, not over a loaded page. */
    async function pages(who: typeof shenzhenStaff, filter: string) {
      const rows: { id: string; followUpDueOn: string; followUpDue: boolean }[] = [];
      let after: string | null = null;
      for (;;) {
        const response: any = await partner.queryAs(who, LIST, { filter, after });
        expect(response.errors).toBeUndefined();
        const page = response.data.transfers;
        expect(page.totalCount).toBeGreaterThanOrEqual(page.nodes.length);
        rows.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) return { rows, totalCount: page.totalCount as number };
        after = page.pageInfo.endCursor;
      }
    }
    const due = await pages(shenzhenStaff, 'DUE');
    expect(due.rows.map((row) => row.id)).toEqual([ids[0], ids[1], ids[4]].map(String));
    expect(due.totalCount).toBe(3);
    expect(due.rows.every((row) => row.followUpDue && row.followUpDueOn <= daysAgo(0))).toBe(true);
    const overdue = await pages(shenzhenStaff, 'OVERDUE');
    expect(overdue.rows.map((row) => row.id)).toEqual([ids[0], ids[4]].map(String));
    expect(overdue.rows.every((row) => row.followUpDueOn < daysAgo(0))).toBe(true);
    // The one definition: DUE is exactly the rows whose followUpDue flag is set, in the whole unfiltered list of the city.
    const all = await partner.queryAs(shenzhenStaff, `{ transfers(first: 500) { nodes { id followUpDue } } }`);
    expect(all.data.transfers.nodes.filter((row: { followUpDue: boolean }) => row.followUpDue).map((row: { id: string }) => row.id)).toEqual(due.rows.map((row) => row.id));
    // Zhongshan's staff see only their own.
    const zhongshanStaff = officerOf('partner', { region: undefined, partnerCity: ZHONGSHAN, permissions: [] });
    expect((await pages(zhongshanStaff, 'OVERDUE')).rows.map((row) => row.id)).toEqual([String(zhongshan)]);
    // Nested under the city, the same filter.
    const nested = await partner.queryAs(shenzhenStaff, `{ partnerCity(code: "${SHENZHEN}") { transfers(followUpDue: OVERDUE, first: 10) { totalCount nodes { id } } } }`);
    expect(nested.errors).toBeUndefined();
    expect(nested.data.partnerCity.transfers).toEqual({ totalCount: 2, nodes: [ids[0], ids[4]].map((id) => ({ id: String(id) })) });
    // A value outside the enum is refused before anything runs.
    const bad = await partner.queryAs(shenzhenStaff, `{ transfers(followUpDue: SOON, first: 1) { totalCount } }`);
    expect(bad.errors?.[0].message).toContain('SOON');
  });

  it('a recorded visit moves the due date 30 days on and clears the flag', async () => {
    const response = await partner.query(`mutation($input: RecordFollowUpVisitInput!) { recordFollowUpVisit(input: $input) { transfer { id followUpDueOn followUpDue } } }`, {
      input: { transferId: String(ids[0]), visitedOn: daysAgo(1), stillEmployed: true, rightsCase: false },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.recordFollowUpVisit.transfer).toEqual({ id: String(ids[0]), followUpDueOn: daysAgo(-29), followUpDue: false });
    expect((await due()).get(String(ids[0]))).toMatchObject({ followUpDueOn: daysAgo(-29), followUpDue: false, lastFollowUpVisit: { visitedOn: daysAgo(1) } });
  });
});
