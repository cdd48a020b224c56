import { VISIBLE_WORKERS_PATH, type Identity, type Purpose, type RequestIdentity } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { ENTITIES_QUERY, expectFlatCost, gatewayHeaders, officerOf, pseudonymOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';
import { counts, daysAgo, idNumber, insertAttempt, insertBatch, insertReference, insertTransfers, insertVisit, SHENZHEN, ZHONGSHAN } from './fixtures';

type Who = Identity & { purpose?: Purpose };

/** Where hr and training would place the workers of this file (the remote authorities, stubbed). */
const DONGCHUAN = '530113';
const VILLAGE_1 = '530113001001';
const VILLAGE_2 = '530113001002';
const XISHAN_VILLAGE = '530112001001';
const INSTITUTION = '7';

const W = {
  /** Shenzhen, open; village 1, a trainee of institution 7. */
  shenzhenOpen: 1,
  /** Zhongshan, open; village 2. */
  zhongshanOpen: 2,
  /** Shenzhen, ended 300 days ago: past the follow-up period. */
  shenzhenLongGone: 3,
  /** Shenzhen, ended 100 days ago: still followed up. */
  shenzhenRecentlyLeft: 4,
  /** Zhongshan long ago, now Shenzhen; lives in another county (西山区). */
  twoCities: 5,
  /** Registered in the county (village 1), not transferred yet. */
  newcomer: 8,
  /** Unknown to the registry. */
  stranger: 9,
} as const;

const PLACES = new Map<string, { village: string; institution?: string }>([
  [pseudonymOf(idNumber(W.shenzhenOpen)), { village: VILLAGE_1, institution: INSTITUTION }],
  [pseudonymOf(idNumber(W.zhongshanOpen)), { village: VILLAGE_2 }],
  [pseudonymOf(idNumber(W.shenzhenLongGone)), { village: VILLAGE_1 }],
  [pseudonymOf(idNumber(W.shenzhenRecentlyLeft)), { village: VILLAGE_1 }],
  [pseudonymOf(idNumber(W.twoCities)), { village: XISHAN_VILLAGE }],
  [pseudonymOf(idNumber(W.newcomer)), { village: VILLAGE_1 }],
]);

/** hr (region staff) and training (institution staff) as the real ones would answer. */
async function remoteAuthority(identity: RequestIdentity, workerIds: readonly string[]): Promise<Set<string>> {
  return new Set(
    workerIds.filter((id) => {
      const place = PLACES.get(id);
      if (!place) return false;
      if (identity.institution) return place.institution === identity.institution;
      return Boolean(identity.region && place.village.startsWith(identity.region));
    }),
  );
}

const shenzhenStaff: Who = officerOf('partner', { region: undefined, partnerCity: SHENZHEN, permissions: [] });
const zhongshanStaff: Who = officerOf('partner', { region: undefined, partnerCity: ZHONGSHAN, permissions: [] });
const countyOffice: Who = officerOf('partner', { region: DONGCHUAN, permissions: [] });
const otherCountyOfficer: Who = officerOf('hr', { region: '530112' });
const villageAssistant: Who = officerOf('poverty', { role: 'village_assistant', region: VILLAGE_1, permissions: [] });
const institutionStaff: Who = officerOf('training', { region: undefined, institution: INSTITUTION, permissions: [] });
const dashboard: Who = officerOf('dashboard', { role: 'viewer', permissions: [] });
const auditor: Who = officerOf('auditor', { role: 'viewer', region: undefined, permissions: [] });
const partnerViewer: Who = officerOf('partner', { role: 'viewer', region: DONGCHUAN, permissions: [] });
const hrOfficer: Who = officerOf('hr', { region: DONGCHUAN });

const WORKER = ENTITIES_QUERY(`... on Worker {
  id
  transfers { id city { code } employerName phoneMasked followUpVisits { visitedOn } }
  currentTransfer { id }
  followUpVisits { visitedOn }
  contactAttempts { outcome }
  lastContactOutcome
  retained
}`);
const RECORD_ATTEMPT = `mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) { id outcome transfer { id } } }`;
const RECORD_VISIT = `mutation($input: RecordFollowUpVisitInput!) { recordFollowUpVisit(input: $input) { id transfer { id endedOn } } }`;
const END_TRANSFER = `mutation($input: EndTransferInput!) { endTransfer(input: $input) { id endedOn } }`;
const RECORD_TRANSFER = `mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id city { code } worker { id } } }`;
const CREATE_BATCH = `mutation($input: CreateTransferBatchInput!) { createTransferBatch(input: $input) { id batchNo city { code } } }`;

function representations(...ns: number[]) {
  return { representations: ns.map((n) => ({ __typename: 'Worker', id: pseudonymOf(idNumber(n)) })) };
}

function errorOf(response: GraphQLResponse): Record<string, any> | undefined {
  return response.errors?.[0]?.extensions;
}

describe('partner access control', () => {
  let partner: TestSubgraph;
  let transfers: Record<number, number>;
  let zhongshanBatch: number;
  let shenzhenBatch: number;

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph, undefined, { remoteAuthority });
    await insertReference(partner);
    shenzhenBatch = await insertBatch(partner, 'DC-2025-01-001', SHENZHEN, daysAgo(400));
    zhongshanBatch = await insertBatch(partner, 'DC-2025-01-002', ZHONGSHAN, daysAgo(400));
    const [t1, t3, t4, t5sz] = await insertTransfers(partner, shenzhenBatch, SHENZHEN, [
      { idNumber: idNumber(W.shenzhenOpen), startedOn: daysAgo(390), phone: '13812345678' },
      { idNumber: idNumber(W.shenzhenLongGone), startedOn: daysAgo(390), endedOn: daysAgo(300) },
      { idNumber: idNumber(W.shenzhenRecentlyLeft), startedOn: daysAgo(390), endedOn: daysAgo(100) },
      { idNumber: idNumber(W.twoCities), startedOn: daysAgo(200) },
    ]);
    const [t2, t5zs] = await insertTransfers(partner, zhongshanBatch, ZHONGSHAN, [
      { idNumber: idNumber(W.zhongshanOpen), startedOn: daysAgo(390) },
      { idNumber: idNumber(W.twoCities), startedOn: daysAgo(390), endedOn: daysAgo(350) },
    ]);
    transfers = { 1: t1, 2: t2, 3: t3, 4: t4, 5: t5sz };
    await insertVisit(partner, t1, daysAgo(30), true);
    await insertVisit(partner, t2, daysAgo(30), true);
    await insertVisit(partner, t5zs, daysAgo(360), false);
    await insertVisit(partner, t5sz, daysAgo(150), true);
    await insertAttempt(partner, t1, idNumber(W.shenzhenOpen), `${daysAgo(30)}T10:00:00+08:00`, 'REACHED_WORKING');
    await insertAttempt(partner, t2, idNumber(W.zhongshanOpen), `${daysAgo(30)}T10:00:00+08:00`, 'REACHED_WORKING');
    await insertAttempt(partner, t5zs, idNumber(W.twoCities), `${daysAgo(360)}T10:00:00+08:00`, 'REACHED_NOT_WORKING');
    await insertAttempt(partner, t5sz, idNumber(W.twoCities), `${daysAgo(150)}T10:00:00+08:00`, 'REACHED_WORKING');
    // Zhongshan's attempt is the worker's latest: Shenzhen staff must not learn of it.
    await insertAttempt(partner, t5zs, idNumber(W.twoCities), `${daysAgo(140)}T10:00:00+08:00`, 'INVALID_NUMBER');
  });
  afterAll(() => partner?.stop());

  describe('partner-city staff', () => {
    it("see a worker transferred to their city (open or left within 183 days), not another city's", async () => {
      const response = await partner.queryAs(
        shenzhenStaff,
        ENTITIES_QUERY('... on Worker { id currentTransfer { id } }'),
        representations(W.shenzhenOpen, W.zhongshanOpen, W.shenzhenLongGone, W.shenzhenRecentlyLeft, W.twoCities, W.stranger),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([
        { id: pseudonymOf(idNumber(W.shenzhenOpen)), currentTransfer: { id: String(transfers[1]) } },
        null,
        null,
        { id: pseudonymOf(idNumber(W.shenzhenRecentlyLeft)), currentTransfer: null },
        { id: pseudonymOf(idNumber(W.twoCities)), currentTransfer: { id: String(transfers[5]) } },
        null,
      ]);
      const zhongshan = await partner.queryAs(zhongshanStaff, ENTITIES_QUERY('... on Worker { id }'), representations(W.shenzhenOpen, W.zhongshanOpen, W.twoCities));
      expect(zhongshan.data._entities).toEqual([null, { id: pseudonymOf(idNumber(W.zhongshanOpen)) }, null]);
    });

    it("see only their own city's transfers, visits and attempts of a worker who went to several cities", async () => {
      const response = await partner.queryAs(shenzhenStaff, WORKER, representations(W.twoCities));
      expect(response.errors).toBeUndefined();
      const worker = response.data._entities[0];
      expect(worker.transfers).toEqual([
        { id: expect.any(String), city: { code: SHENZHEN }, employerName: '立讯精密', phoneMasked: null, followUpVisits: [{ visitedOn: daysAgo(150) }] },
      ]);
      expect(worker.followUpVisits).toEqual([{ visitedOn: daysAgo(150) }]);
      expect(worker.contactAttempts).toEqual([{ outcome: 'REACHED_WORKING' }]);
      expect(worker.lastContactOutcome).toBe('REACHED_WORKING');
      expect(worker.retained).toBe(true);
      expect(response.extensions?.accessLog).toEqual([expect.objectContaining({ workerId: pseudonymOf(idNumber(W.twoCities)) })]);

      // The province's staff see both cities.
      const province = await partner.query(WORKER, representations(W.twoCities));
      expect(province.data._entities[0].transfers.map((t: { city: { code: string } }) => t.city.code)).toEqual([SHENZHEN, ZHONGSHAN]);
      expect(province.data._entities[0].lastContactOutcome).toBe('INVALID_NUMBER');
    });

    it('see masked phones but not the fare subsidy', async () => {
      const response = await partner.queryAs(shenzhenStaff, `{ transfers(first: 10) { nodes { id phoneMasked } } }`);
      expect(response.errors).toBeUndefined();
      expect(response.data.transfers.nodes).toContainEqual({ id: String(transfers[1]), phoneMasked: '138****5678' });

      const subsidy = await partner.queryAs(shenzhenStaff, `{ transfers(first: 10) { nodes { id fareReimbursed } } }`);
      expect(errorOf(subsidy)).toMatchObject({ code: 'FORBIDDEN', reason: 'field-welfare' });
      expect(subsidy.errors?.[0].message).toContain('Transfer.fareReimbursed');

      const county = await partner.queryAs(countyOffice, `{ transfers(first: 10) { nodes { id fareReimbursed } } }`);
      expect(county.errors).toBeUndefined();
    });

    it("a hand-written _entities request for another city's worker resolves to null", async () => {
      const response = await partner.queryAs(shenzhenStaff, WORKER, representations(W.zhongshanOpen));
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([null]);
      expect(response.extensions?.accessLog).toBeUndefined();
    });

    it('list their own city only: omitted means their city, another city is FORBIDDEN naming the argument', async () => {
      const own = await partner.queryAs(
        shenzhenStaff,
        `{
          transfers(first: 100) { totalCount nodes { city { code } } }
          labourBases { city { code } }
          transferBatches { batchNo city { code } transfers { id } }
          partnerJobPostings { totalCount }
          partnerCities { code transfers(first: 100) { totalCount } retention { transferred } }
        }`,
      );
      expect(own.errors).toBeUndefined();
      expect(own.data.transfers.totalCount).toBe(4);
      expect(own.data.transfers.nodes.every((t: { city: { code: string } }) => t.city.code === SHENZHEN)).toBe(true);
      expect(own.data.labourBases).toEqual([{ city: { code: SHENZHEN } }, { city: { code: SHENZHEN } }]);
      expect(own.data.transferBatches).toEqual([{ batchNo: 'DC-2025-01-001', city: { code: SHENZHEN }, transfers: expect.any(Array) }]);
      expect(own.data.partnerCities).toEqual([{ code: SHENZHEN, transfers: { totalCount: 4 }, retention: { transferred: 4 } }]);

      for (const [query, argument] of [
        [`{ transfers(cityCode: "${ZHONGSHAN}") { totalCount } }`, 'cityCode'],
        [`{ labourBases(cityCode: "${ZHONGSHAN}") { id } }`, 'cityCode'],
        [`{ transferBatches(cityCode: "${ZHONGSHAN}") { id } }`, 'cityCode'],
        [`{ partnerJobPostings(cityCode: "${ZHONGSHAN}") { totalCount } }`, 'cityCode'],
        [`{ contactOutcomeCounts(cityCode: "${ZHONGSHAN}") { attempts } }`, 'cityCode'],
        [`{ partnerCity(code: "${ZHONGSHAN}") { name } }`, 'code'],
      ]) {
        const response = await partner.queryAs(shenzhenStaff, query);
        expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
        expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-city' });
        expect(response.errors?.[0].message.startsWith(`${argument}:`)).toBe(true);
      }
      const ownCity = await partner.queryAs(shenzhenStaff, `{ partnerCity(code: "${SHENZHEN}") { name } transfers(cityCode: "${SHENZHEN}") { totalCount } }`);
      expect(ownCity.data).toEqual({ partnerCity: { name: '深圳市' }, transfers: { totalCount: 4 } });
    });

    it('read the contact-outcome figures of their own city', async () => {
      const response = await partner.queryAs(shenzhenStaff, `{ contactOutcomeCounts { outcome attempts } }`);
      expect(response.errors).toBeUndefined();
      const attempts = Object.fromEntries(response.data.contactOutcomeCounts.map((c: { outcome: string; attempts: number }) => [c.outcome, c.attempts]));
      expect(attempts).toMatchObject({ REACHED_WORKING: 2, INVALID_NUMBER: 0, REACHED_NOT_WORKING: 0 });
    });

    it("are answered by this department's authority, one statement per batch of workers", async () => {
      const url = partner.url.replace(/\/graphql$/, '') + VISIBLE_WORKERS_PATH;
      const ids = [W.shenzhenOpen, W.zhongshanOpen, W.shenzhenLongGone, W.shenzhenRecentlyLeft, W.twoCities, W.stranger].map((n) => pseudonymOf(idNumber(n)));
      const before = partner.database.statements.total;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await gatewayHeaders(shenzhenStaff, partner.config.internalSigningKey)) },
        body: JSON.stringify({ workerIds: ids }),
      });
      expect(response.status).toBe(200);
      expect(partner.database.statements.total - before).toBe(1);
      const { visible } = (await response.json()) as { visible: string[] };
      expect(visible.sort()).toEqual([ids[0], ids[3], ids[4]].sort());

      const batch = await insertBatch(partner, 'DC-2025-02-001', SHENZHEN, daysAgo(300));
      const people = Array.from({ length: 200 }, (_, i) => idNumber(600 + i));
      await insertTransfers(
        partner,
        batch,
        SHENZHEN,
        people.map((id) => ({ idNumber: id, startedOn: daysAgo(290) })),
      );
      const selection = ENTITIES_QUERY(
        '... on Worker { id transfers { id city { name } } currentTransfer { id } followUpVisits { visitedOn } contactAttempts { outcome } lastContactOutcome retained }',
      );
      const cost = async (n: number) => {
        const start = partner.database.statements.total;
        const result = await partner.queryAs(shenzhenStaff, selection, { representations: people.slice(0, n).map((id) => ({ __typename: 'Worker', id: pseudonymOf(id) })) });
        expect(result.errors).toBeUndefined();
        expect(result.data._entities.every((entity: unknown) => entity !== null)).toBe(true);
        return partner.database.statements.total - start;
      };
      expectFlatCost(await cost(10), await cost(200), 6);
      await partner.sql('delete from transfer where batch_id = ?', [batch]);
      await partner.sql('delete from transfer_batch where id = ?', [batch]);
    });
  });

  describe('region staff', () => {
    it('of another county see no worker of this one', async () => {
      const entities = await partner.queryAs(otherCountyOfficer, ENTITIES_QUERY('... on Worker { id transfers { id } }'), representations(W.shenzhenOpen, W.zhongshanOpen));
      expect(entities.errors).toBeUndefined();
      expect(entities.data._entities).toEqual([null, null]);

      const list = await partner.queryAs(otherCountyOfficer, `{ transfers(first: 100) { nodes { worker { id } } } partnerCities { transfers(first: 100) { nodes { id } } } }`);
      expect(list.errors).toBeUndefined();
      expect(list.data.transfers.nodes).toEqual([{ worker: { id: pseudonymOf(idNumber(W.twoCities)) } }, { worker: { id: pseudonymOf(idNumber(W.twoCities)) } }]);
      expect(list.data.partnerCities.flatMap((c: { transfers: { nodes: unknown[] } }) => c.transfers.nodes)).toHaveLength(2);
    });

    it("a village assistant sees the own village's workers, not the next village's", async () => {
      const entities = await partner.queryAs(
        villageAssistant,
        ENTITIES_QUERY('... on Worker { id transfers { city { code } } }'),
        representations(W.shenzhenOpen, W.zhongshanOpen),
      );
      expect(entities.errors).toBeUndefined();
      expect(entities.data._entities).toEqual([{ id: pseudonymOf(idNumber(W.shenzhenOpen)), transfers: [{ city: { code: SHENZHEN } }] }, null]);

      const batch = await partner.queryAs(villageAssistant, `{ transferBatches(cityCode: "${ZHONGSHAN}") { transfers { id } } }`);
      expect(batch.errors).toBeUndefined();
      expect(batch.data.transferBatches).toEqual([{ transfers: [] }]);

      const list = await partner.queryAs(villageAssistant, `{ transfers(first: 100) { nodes { id } } }`);
      expect(list.data.transfers.nodes.map((t: { id: string }) => Number(t.id)).sort()).toEqual([transfers[1], transfers[3], transfers[4]].sort());
    });

    it('institution staff see their own trainees only', async () => {
      const response = await partner.queryAs(
        institutionStaff,
        ENTITIES_QUERY('... on Worker { id currentTransfer { employerName } }'),
        representations(W.shenzhenOpen, W.zhongshanOpen),
      );
      expect(response.errors).toBeUndefined();
      expect(response.data._entities).toEqual([{ id: pseudonymOf(idNumber(W.shenzhenOpen)), currentTransfer: { employerName: '立讯精密' } }, null]);
    });
  });

  describe('dashboards, auditors and purposes', () => {
    it('dashboards read aggregates and reference data, never a person', async () => {
      const entities = await partner.queryAs(dashboard, ENTITIES_QUERY('... on Worker { id }'), representations(W.shenzhenOpen));
      expect(errorOf(entities)).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
      for (const query of [`{ transfers { totalCount } }`, `{ partnerCities { transfers { totalCount } } }`, `{ transferBatches { transfers { id } } }`]) {
        const response = await partner.queryAs(dashboard, query);
        expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
      }
      const figures = await partner.queryAs(dashboard, `{ contactOutcomeCounts { outcome attempts } partnerCities { name retention { transferred } } labourBases { name } }`);
      expect(figures.errors).toBeUndefined();
      expect(figures.data.partnerCities).toHaveLength(3);
      // Only the workers of the dashboard's own region count (hole 8): none of this file's workers live in 530102.
      const elsewhere = await partner.queryAs({ ...dashboard, region: '530102' }, `{ contactOutcomeCounts { attempts } }`);
      expect(elsewhere.data.contactOutcomeCounts.every((c: { attempts: number }) => c.attempts === 0)).toBe(true);
      // A dashboard of their county: REACHED_WORKING's 2 attempts are withheld (small-cell suppression).
      const county = await partner.queryAs({ ...dashboard, region: DONGCHUAN }, `{ contactOutcomeCounts { outcome attempts suppressed } }`);
      expect(county.data.contactOutcomeCounts.find((c: { outcome: string }) => c.outcome === 'REACHED_WORKING')).toEqual({
        outcome: 'REACHED_WORKING',
        attempts: null,
        suppressed: true,
      });
      for (const args of ['cityCode: "4403"', 'from: "2026-01-01"']) {
        expect(errorOf(await partner.queryAs(dashboard, `{ contactOutcomeCounts(${args}) { attempts } }`))).toMatchObject({ code: 'FORBIDDEN', reason: 'suppression-slice' });
      }
    });

    it('auditors read nothing here', async () => {
      const response = await partner.queryAs(auditor, `{ partnerCities { name } }`);
      expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'auditor-log-only' });
    });

    it('person-level reads need a declared purpose', async () => {
      const noPurpose = { ...shenzhenStaff, purpose: undefined };
      for (const [query, variables] of [
        [ENTITIES_QUERY('... on Worker { id }'), representations(W.shenzhenOpen)],
        [`{ transfers { nodes { id } } }`, undefined],
        [`{ partnerCities { transfers { nodes { id } } } }`, undefined],
      ] as const) {
        const response = await partner.queryAs(noPurpose, query, variables);
        expect(errorOf(response)).toMatchObject({ code: 'PURPOSE_REQUIRED' });
      }
      // Reference data is no person: no purpose needed.
      const bases = await partner.queryAs(noPurpose, `{ labourBases { name } }`);
      expect(bases.errors).toBeUndefined();
    });
  });

  describe('mutations', () => {
    const attempt = (transferId: number | string) => ({
      input: { transferId: String(transferId), attemptedAt: `${daysAgo(1)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'NO_ANSWER' },
    });

    it('partner-city staff record for their own city; the county office for workers of its region', async () => {
      const own = await partner.queryAs(shenzhenStaff, RECORD_ATTEMPT, attempt(transfers[1]));
      expect(own.errors).toBeUndefined();
      expect(own.data.recordContactAttempt).toMatchObject({ outcome: 'NO_ANSWER', transfer: { id: String(transfers[1]) } });

      const county = await partner.queryAs(countyOffice, RECORD_ATTEMPT, attempt(transfers[2]));
      expect(county.errors).toBeUndefined();

      const departedOn = daysAgo(10);
      const batch = await partner.queryAs(shenzhenStaff, CREATE_BATCH, {
        input: { batchNo: `SZ-${departedOn.slice(0, 4)}-${departedOn.slice(5, 7)}-001`, cityCode: SHENZHEN, departedOn, destination: '深圳市宝安区' },
      });
      expect(batch.errors).toBeUndefined();
      // A worker the city could not see: the transfer is the city's pending claim (hole 7), the worker stays out of sight.
      const recorded = await partner.queryAs(shenzhenStaff, `mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id confirmation city { code } } }`, {
        input: { batchId: batch.data.createTransferBatch.id, idNumber: idNumber(10), employerName: '比亚迪', jobTitle: '装配工', startedOn: daysAgo(8), fareReimbursed: false },
      });
      expect(recorded.errors).toBeUndefined();
      expect(recorded.data.recordTransfer).toMatchObject({ city: { code: SHENZHEN }, confirmation: 'PENDING' });

      const byCounty = await partner.queryAs(countyOffice, RECORD_TRANSFER, {
        input: { batchId: String(zhongshanBatch), idNumber: idNumber(W.newcomer), employerName: '美的集团', jobTitle: '操作工', startedOn: daysAgo(5), fareReimbursed: true },
      });
      expect(byCounty.errors).toBeUndefined();
      expect(byCounty.data.recordTransfer.city).toEqual({ code: ZHONGSHAN });
    });

    it('malformed input still gets BAD_USER_INPUT naming the field', async () => {
      const response = await partner.queryAs(shenzhenStaff, RECORD_ATTEMPT, attempt('abc'));
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.transferId' });
      const unknown = await partner.queryAs(shenzhenStaff, RECORD_ATTEMPT, attempt(99999));
      expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'input.transferId' });
    });

    it('are refused to other departments, viewers, callers without a purpose, and outside the scope — and write nothing', async () => {
      const before = await counts(partner);
      const visit = { input: { transferId: String(transfers[2]), visitedOn: daysAgo(1), stillEmployed: false, rightsCase: false } };
      const cases: [Who, string, Record<string, unknown>, Record<string, unknown>][] = [
        [hrOfficer, RECORD_ATTEMPT, attempt(transfers[1]), { code: 'FORBIDDEN', reason: 'other-department' }],
        [officerOf('poverty', { region: DONGCHUAN }), RECORD_VISIT, visit, { code: 'FORBIDDEN', reason: 'other-department' }],
        [partnerViewer, RECORD_ATTEMPT, attempt(transfers[1]), { code: 'FORBIDDEN', reason: 'read-only' }],
        [dashboard, END_TRANSFER, { input: { transferId: String(transfers[1]), endedOn: daysAgo(1), reason: '返乡' } }, { code: 'FORBIDDEN', reason: 'other-department' }],
        [{ ...shenzhenStaff, purpose: undefined }, RECORD_ATTEMPT, attempt(transfers[1]), { code: 'PURPOSE_REQUIRED' }],
        // Shenzhen staff on a Zhongshan transfer (as unknown as a transfer id nobody has: hole 6), batch or city.
        [shenzhenStaff, RECORD_ATTEMPT, attempt(transfers[2]), { code: 'NOT_FOUND', field: 'input.transferId' }],
        [shenzhenStaff, RECORD_VISIT, visit, { code: 'NOT_FOUND', field: 'input.transferId' }],
        [shenzhenStaff, END_TRANSFER, { input: { transferId: String(transfers[2]), endedOn: daysAgo(1), reason: '返乡' } }, { code: 'NOT_FOUND', field: 'input.transferId' }],
        [
          shenzhenStaff,
          RECORD_TRANSFER,
          { input: { batchId: String(zhongshanBatch), idNumber: idNumber(11), employerName: '美的集团', jobTitle: '操作工', startedOn: daysAgo(5), fareReimbursed: true } },
          { code: 'FORBIDDEN', reason: 'outside-scope' },
        ],
        [
          shenzhenStaff,
          CREATE_BATCH,
          { input: { batchNo: 'ZS-2026-01-009', cityCode: ZHONGSHAN, departedOn: '2026-01-09', destination: '中山市' } },
          { code: 'FORBIDDEN', reason: 'outside-city' },
        ],
        // The county office on workers outside its region (another county's, or nobody's).
        [countyOffice, RECORD_ATTEMPT, attempt(transfers[5]), { code: 'NOT_FOUND', field: 'input.transferId' }],
        [
          countyOffice,
          RECORD_TRANSFER,
          { input: { batchId: String(shenzhenBatch), idNumber: idNumber(W.stranger), employerName: '比亚迪', jobTitle: '装配工', startedOn: daysAgo(5), fareReimbursed: true } },
          { code: 'FORBIDDEN', reason: 'outside-scope' },
        ],
      ];
      for (const [who, mutation, variables, expected] of cases) {
        const response = await partner.queryAs(who, mutation, variables);
        expect({ who: who.subject, mutation: mutation.slice(0, 40), error: errorOf(response) }).toEqual({
          who: who.subject,
          mutation: mutation.slice(0, 40),
          error: expect.objectContaining(expected),
        });
        expect(response.data ?? null).toBeNull();
      }
      expect(await counts(partner)).toEqual(before);
      const [open] = await partner.sql<{ ended_on: string | null }>('select ended_on from transfer where id = ?', [transfers[2]]);
      expect(open.ended_on).toBeNull();
    });
  });
});
