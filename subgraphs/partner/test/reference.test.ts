import { todayInChina, type Identity, type Purpose } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { ENTITIES_QUERY, officerOf, pseudonymOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';
import { counts, daysAgo, idNumber, insertBatch, insertReference, insertTransfers, KUNMING, SHENZHEN, ZHONGSHAN } from './fixtures';

type Who = Identity & { purpose?: Purpose };

const shenzhenStaff: Who = officerOf('partner', { region: undefined, partnerCity: SHENZHEN, permissions: [] });
const zhongshanStaff: Who = officerOf('partner', { region: undefined, partnerCity: ZHONGSHAN, permissions: [] });
const countyOffice: Who = officerOf('partner', { region: '530113', permissions: [] });
const cityViewer: Who = officerOf('partner', { role: 'viewer', region: undefined, partnerCity: SHENZHEN, permissions: [] });
const hrOfficer: Who = officerOf('hr', { region: '530113' });
const noPurpose: Who = { ...shenzhenStaff, purpose: undefined };

const POSTING_FIELDS = 'id employerName title monthlyWage headcount requiredTrade pushedOn validUntil closedOn closeReason city { code } base { id }';
const CREATE_POSTING = `mutation($input: CreatePartnerJobPostingInput!) { createPartnerJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const UPDATE_POSTING = `mutation($input: UpdatePartnerJobPostingInput!) { updatePartnerJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const CLOSE_POSTING = `mutation($input: ClosePartnerJobPostingInput!) { closePartnerJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const POSTING = `query($id: ID!) { partnerJobPosting(id: $id) { id title } }`;
const POSTINGS = `query($cityCode: DivisionCode, $validOn: LocalDate) { partnerJobPostings(cityCode: $cityCode, validOn: $validOn, first: 50) { totalCount nodes { id } } }`;
const CITY_POSTINGS = `query($validOn: LocalDate) { partnerCity(code: "${SHENZHEN}") { postings(validOn: $validOn, first: 50) { totalCount nodes { id } } } }`;

const BASE_FIELDS = 'id name kind address closedOn closeReason city { code }';
const CREATE_BASE = `mutation($input: CreateLabourBaseInput!) { createLabourBase(input: $input) { ${BASE_FIELDS} } }`;
const UPDATE_BASE = `mutation($input: UpdateLabourBaseInput!) { updateLabourBase(input: $input) { ${BASE_FIELDS} } }`;
const CLOSE_BASE = `mutation($input: CloseLabourBaseInput!) { closeLabourBase(input: $input) { ${BASE_FIELDS} } }`;
const BASES = `query($cityCode: DivisionCode, $includeClosed: Boolean) { labourBases(cityCode: $cityCode, includeClosed: $includeClosed) { id name closedOn } }`;
const BASE = `query($id: ID!) { labourBase(id: $id) { id name } }`;
const CREATE_BATCH = `mutation($input: CreateTransferBatchInput!) { createTransferBatch(input: $input) { id } }`;

const SUITABLE = ENTITIES_QUERY(`... on Worker { id suitablePartnerJobPostings(first: 10) { id title requiredTrade monthlyWage city { code } } }`);

function errorOf(response: GraphQLResponse): Record<string, any> | undefined {
  return response.errors?.[0]?.extensions;
}

function fieldsOf(response: GraphQLResponse): string[] {
  const extensions = errorOf(response) ?? {};
  return extensions.problems ? extensions.problems.map((p: { field: string }) => p.field) : [extensions.field];
}

function futureDay(days: number): string {
  return daysAgo(-days);
}

describe('partner reference data: pushed postings, bases and stations', () => {
  let partner: TestSubgraph;
  let bases: { longgang: number; baoan: number; torch: number };
  const pushedOn = daysAgo(10);
  const validUntil = futureDay(80);
  const posting = (extra: Record<string, unknown> = {}) => ({
    employerName: '比亚迪股份有限公司',
    title: '装配工',
    monthlyWage: 5200,
    headcount: 30,
    pushedOn,
    validUntil,
    ...extra,
  });

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    bases = await insertReference(partner);
  });
  afterAll(() => partner?.stop());

  async function create(who: Who, extra: Record<string, unknown> = {}) {
    const response = await partner.queryAs(who, CREATE_POSTING, { input: posting(extra) });
    expect(response.errors).toBeUndefined();
    return response.data.createPartnerJobPosting;
  }

  describe('createPartnerJobPosting', () => {
    it('pushes a job of the caller’s own city, its base and trade kept', async () => {
      const created = await create(shenzhenStaff, { baseId: String(bases.longgang), requiredTrade: 'WELDER', employerName: '  比亚迪股份有限公司 ' });
      expect(created).toMatchObject({
        employerName: '比亚迪股份有限公司',
        title: '装配工',
        monthlyWage: 5200,
        headcount: 30,
        requiredTrade: 'WELDER',
        pushedOn,
        validUntil,
        closedOn: null,
        city: { code: SHENZHEN },
        base: { id: String(bases.longgang) },
      });
    });

    it('defaults to the caller’s city; naming another city is FORBIDDEN and writes nothing', async () => {
      expect((await create(zhongshanStaff)).city.code).toBe(ZHONGSHAN);
      const before = await counts(partner);
      const response = await partner.queryAs(shenzhenStaff, CREATE_POSTING, { input: posting({ cityCode: ZHONGSHAN }) });
      expect(errorOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-city' });
      expect(await counts(partner)).toEqual(before);
    });

    it('is written by the city’s own staff only: not the county office, another department, a viewer or without a purpose', async () => {
      const before = await counts(partner);
      expect(errorOf(await partner.queryAs(countyOffice, CREATE_POSTING, { input: posting({ cityCode: SHENZHEN }) }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'city-posts-own-jobs',
      });
      expect(errorOf(await partner.queryAs(hrOfficer, CREATE_POSTING, { input: posting() }))).toMatchObject({ code: 'FORBIDDEN', reason: 'other-department' });
      expect(errorOf(await partner.queryAs(cityViewer, CREATE_POSTING, { input: posting() }))).toMatchObject({ code: 'FORBIDDEN', reason: 'read-only' });
      expect(errorOf(await partner.queryAs(noPurpose, CREATE_POSTING, { input: posting() }))).toMatchObject({ code: 'PURPOSE_REQUIRED' });
      expect(await counts(partner)).toEqual(before);
    });

    it('names every wrong field at once and writes nothing', async () => {
      const before = await counts(partner);
      const response = await partner.queryAs(shenzhenStaff, CREATE_POSTING, {
        input: posting({ employerName: ' 厂 ', title: '', monthlyWage: 0, headcount: 0, pushedOn: futureDay(1), validUntil: daysAgo(1), baseId: 'x' }),
      });
      expect(errorOf(response)?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response).sort()).toEqual(
        ['input.baseId', 'input.employerName', 'input.headcount', 'input.monthlyWage', 'input.pushedOn', 'input.title', 'input.validUntil'].sort(),
      );
      expect(await counts(partner)).toEqual(before);
    });

    it.each([
      ['employerName', { employerName: '厂' }, { employerName: '工厂' }],
      ['title', { title: 'x'.repeat(101) }, { title: 'x'.repeat(100) }],
      ['monthlyWage', { monthlyWage: 100_001 }, { monthlyWage: 100_000 }],
      ['headcount', { headcount: 10_001 }, { headcount: 10_000 }],
      ['pushedOn', { pushedOn: futureDay(1) }, { pushedOn: todayInChina() }],
      ['validUntil', { validUntil: daysAgo(11) }, { validUntil: pushedOn }],
      ['validUntil', { validUntil: futureDay(357) }, { validUntil: futureDay(356) }],
    ])('%s: refused just past the rule, accepted at its edge', async (field, wrong, edge) => {
      const before = await counts(partner);
      const refused = await partner.queryAs(shenzhenStaff, CREATE_POSTING, { input: posting(wrong) });
      expect(fieldsOf(refused)).toEqual([`input.${field}`]);
      expect(await counts(partner)).toEqual(before);
      await create(shenzhenStaff, edge);
    });

    it('needs a push after the pairing began and an open base of the same city', async () => {
      const before = await counts(partner);
      const [{ paired_since: paired }] = await partner.sql<{ paired_since: string }>(
        `select to_char(paired_since, 'YYYY-MM-DD') as paired_since from partner_city where code = ?`,
        [SHENZHEN],
      );
      const early = new Date(`${paired}T00:00:00Z`);
      early.setUTCDate(early.getUTCDate() - 1);
      const beforePairing = await partner.queryAs(shenzhenStaff, CREATE_POSTING, {
        input: posting({ pushedOn: early.toISOString().slice(0, 10), validUntil: paired }),
      });
      expect(errorOf(beforePairing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pushedOn' });
      // Zhongshan's station reads as no base at all to Shenzhen.
      expect(errorOf(await partner.queryAs(shenzhenStaff, CREATE_POSTING, { input: posting({ baseId: String(bases.torch) }) }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.baseId',
      });
      expect(errorOf(await partner.queryAs(shenzhenStaff, CREATE_POSTING, { input: posting({ baseId: '99999' }) }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.baseId',
      });
      expect(await counts(partner)).toEqual(before);
    });
  });

  describe('updatePartnerJobPosting and closePartnerJobPosting', () => {
    it('changes the fields given and keeps the others; clears base and trade when asked', async () => {
      const { id } = await create(shenzhenStaff, { baseId: String(bases.baoan), requiredTrade: 'COOK' });
      const changed = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, monthlyWage: 6000, headcount: 12, validUntil: futureDay(30) } });
      expect(changed.errors).toBeUndefined();
      expect(changed.data.updatePartnerJobPosting).toMatchObject({ id, monthlyWage: 6000, headcount: 12, validUntil: futureDay(30), title: '装配工', requiredTrade: 'COOK' });
      const cleared = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, clearBase: true, clearRequiredTrade: true } });
      expect(cleared.data.updatePartnerJobPosting).toMatchObject({ base: null, requiredTrade: null, monthlyWage: 6000 });
    });

    it('checks the changed record with the create rules, and writes nothing when one fails', async () => {
      const { id } = await create(shenzhenStaff);
      const before = await partner.sql(`select * from partner_job_posting where id = ?`, [Number(id)]);
      const wrong = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, monthlyWage: 0, title: '装配工（长期）', pushedOn: futureDay(2) } });
      expect(fieldsOf(wrong).sort()).toEqual(['input.monthlyWage', 'input.pushedOn']);
      const both = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, requiredTrade: 'COOK', clearRequiredTrade: true } });
      expect(fieldsOf(both)).toEqual(['input.clearRequiredTrade']);
      const past = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, validUntil: daysAgo(1) } });
      expect(fieldsOf(past)).toEqual(['input.validUntil']);
      expect(fieldsOf(await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, validUntil: todayInChina() } }))).toEqual([undefined]);
      await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, validUntil } });
      expect(await partner.sql(`select * from partner_job_posting where id = ?`, [Number(id)])).toEqual(before);
    });

    it('answers another city’s posting exactly like a missing one', async () => {
      const { id } = await create(zhongshanStaff);
      const before = await counts(partner);
      const other = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, monthlyWage: 1 } });
      const missing = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id: '99999', monthlyWage: 1 } });
      expect(errorOf(other)).toEqual(errorOf(missing));
      expect(other.errors?.[0].message).toBe(missing.errors?.[0].message);
      expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      const close = await partner.queryAs(shenzhenStaff, CLOSE_POSTING, { input: { id, closedOn: todayInChina(), reason: '招满' } });
      expect(errorOf(close)).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect((await partner.queryAs(shenzhenStaff, POSTING, { id })).data.partnerJobPosting).toBeNull();
      expect((await partner.queryAs(zhongshanStaff, POSTING, { id })).data.partnerJobPosting).toMatchObject({ id });
      expect(await counts(partner)).toEqual(before);
    });

    it('closes a posting once, from a day between its push and today; a closed posting is not changed', async () => {
      const { id } = await create(shenzhenStaff);
      const tooEarly = await partner.queryAs(shenzhenStaff, CLOSE_POSTING, { input: { id, closedOn: daysAgo(11), reason: '招满' } });
      expect(errorOf(tooEarly)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedOn' });
      const wrong = await partner.queryAs(shenzhenStaff, CLOSE_POSTING, { input: { id, closedOn: futureDay(1), reason: '满' } });
      expect(fieldsOf(wrong).sort()).toEqual(['input.closedOn', 'input.reason']);
      const closed = await partner.queryAs(shenzhenStaff, CLOSE_POSTING, { input: { id, closedOn: daysAgo(2), reason: '  招满 ' } });
      expect(closed.data.closePartnerJobPosting).toMatchObject({ closedOn: daysAgo(2), closeReason: '招满' });
      expect(errorOf(await partner.queryAs(shenzhenStaff, CLOSE_POSTING, { input: { id, closedOn: todayInChina(), reason: '撤回' } }))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.id',
      });
      expect(errorOf(await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, headcount: 5 } }))).toMatchObject({ code: 'CONFLICT', field: 'input.id' });

      // Open on the day before it closed, no longer from the closing day.
      const open = (day: string) => partner.queryAs(shenzhenStaff, POSTINGS, { validOn: day });
      const ids = async (day: string) => (await open(day)).data.partnerJobPostings.nodes.map((n: { id: string }) => n.id);
      expect(await ids(daysAgo(3))).toContain(id);
      expect(await ids(daysAgo(2))).not.toContain(id);
      const nested = await partner.queryAs(shenzhenStaff, CITY_POSTINGS, { validOn: daysAgo(2) });
      expect(nested.data.partnerCity.postings.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    });

    it('does not close a posting that already ran out', async () => {
      const { id } = await create(shenzhenStaff, { pushedOn: daysAgo(10), validUntil: daysAgo(5) });
      const response = await partner.queryAs(shenzhenStaff, CLOSE_POSTING, { input: { id, closedOn: daysAgo(4), reason: '招满' } });
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedOn' });
    });
  });

  describe('labour bases and service stations', () => {
    it('the county office sets one up in any partner city, a city’s staff in their own', async () => {
      const county = await partner.queryAs(countyOffice, CREATE_BASE, {
        input: { cityCode: KUNMING, name: '昆明呈贡劳务工作站', kind: 'SERVICE_STATION', address: '昆明市呈贡区' },
      });
      expect(county.errors).toBeUndefined();
      expect(county.data.createLabourBase).toMatchObject({ name: '昆明呈贡劳务工作站', kind: 'SERVICE_STATION', closedOn: null, city: { code: KUNMING } });
      const own = await partner.queryAs(shenzhenStaff, CREATE_BASE, { input: { name: '深圳光明劳务输出基地', kind: 'EXPORT_BASE', address: '深圳市光明区' } });
      expect(own.data.createLabourBase.city.code).toBe(SHENZHEN);
      const before = await counts(partner);
      const other = await partner.queryAs(shenzhenStaff, CREATE_BASE, { input: { cityCode: ZHONGSHAN, name: '中山小榄工作站', kind: 'SERVICE_STATION', address: '中山市小榄镇' } });
      expect(errorOf(other)).toMatchObject({ code: 'FORBIDDEN', reason: 'outside-city' });
      expect(errorOf(await partner.queryAs(hrOfficer, CREATE_BASE, { input: { cityCode: KUNMING, name: '某站', kind: 'SERVICE_STATION', address: '某地址' } }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await counts(partner)).toEqual(before);
    });

    it('validates every field, a known city and a name not taken by an open base of the city', async () => {
      const before = await counts(partner);
      const wrong = await partner.queryAs(countyOffice, CREATE_BASE, { input: { name: '站', kind: 'SERVICE_STATION', address: ' ' } });
      expect(fieldsOf(wrong).sort()).toEqual(['input.address', 'input.cityCode', 'input.name']);
      const unknown = await partner.queryAs(countyOffice, CREATE_BASE, { input: { cityCode: '3301', name: '杭州工作站', kind: 'SERVICE_STATION', address: '杭州市' } });
      expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'input.cityCode' });
      const taken = await partner.queryAs(countyOffice, CREATE_BASE, {
        input: { cityCode: SHENZHEN, name: '深圳宝安劳务工作站', kind: 'SERVICE_STATION', address: '深圳市宝安区' },
      });
      expect(errorOf(taken)).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
      expect(await counts(partner)).toEqual(before);
      // The same name in another city is another station.
      const elsewhere = await partner.queryAs(countyOffice, CREATE_BASE, {
        input: { cityCode: ZHONGSHAN, name: '深圳宝安劳务工作站', kind: 'SERVICE_STATION', address: '中山市' },
      });
      expect(elsewhere.errors).toBeUndefined();
    });

    it('changes an open base; another city’s reads as missing', async () => {
      const changed = await partner.queryAs(shenzhenStaff, UPDATE_BASE, { input: { id: String(bases.baoan), address: '深圳市宝安区福海街道' } });
      expect(changed.data.updateLabourBase).toMatchObject({ address: '深圳市宝安区福海街道', name: '深圳宝安劳务工作站', kind: 'SERVICE_STATION' });
      const taken = await partner.queryAs(shenzhenStaff, UPDATE_BASE, { input: { id: String(bases.baoan), name: '深圳龙岗劳务输出基地' } });
      expect(errorOf(taken)).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
      const other = await partner.queryAs(shenzhenStaff, UPDATE_BASE, { input: { id: String(bases.torch), name: '改名' } });
      const missing = await partner.queryAs(shenzhenStaff, UPDATE_BASE, { input: { id: '99999', name: '改名' } });
      expect(errorOf(other)).toEqual(errorOf(missing));
      expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect((await partner.queryAs(shenzhenStaff, BASE, { id: String(bases.torch) })).data.labourBase).toBeNull();
      expect((await partner.queryAs(countyOffice, BASE, { id: String(bases.torch) })).data.labourBase).toMatchObject({ name: '中山火炬开发区劳务工作站' });
    });

    it('closes a base: kept and listed on request, no longer named by new postings or batches', async () => {
      const created = await partner.queryAs(shenzhenStaff, CREATE_BASE, { input: { name: '深圳坪山劳务工作站', kind: 'SERVICE_STATION', address: '深圳市坪山区' } });
      const id = created.data.createLabourBase.id;
      const usedBefore = await create(shenzhenStaff, { baseId: id });
      const future = await partner.queryAs(shenzhenStaff, CLOSE_BASE, { input: { id, closedOn: futureDay(1), reason: '合并' } });
      expect(fieldsOf(future)).toEqual(['input.closedOn']);
      const closed = await partner.queryAs(shenzhenStaff, CLOSE_BASE, { input: { id, closedOn: todayInChina(), reason: '并入宝安工作站' } });
      expect(closed.data.closeLabourBase).toMatchObject({ closedOn: todayInChina(), closeReason: '并入宝安工作站' });
      expect(errorOf(await partner.queryAs(shenzhenStaff, CLOSE_BASE, { input: { id, closedOn: todayInChina(), reason: '再次' } }))).toMatchObject({ code: 'CONFLICT' });
      expect(errorOf(await partner.queryAs(shenzhenStaff, UPDATE_BASE, { input: { id, name: '新名字' } }))).toMatchObject({ code: 'CONFLICT' });

      const listed = (includeClosed: boolean) => partner.queryAs(shenzhenStaff, BASES, { includeClosed });
      expect((await listed(false)).data.labourBases.map((b: { id: string }) => b.id)).not.toContain(id);
      expect((await listed(true)).data.labourBases.map((b: { id: string }) => b.id)).toContain(id);
      // The posting it pushed still points at it.
      expect((await partner.queryAs(shenzhenStaff, POSTING.replace('title', 'title base { id closedOn }'), { id: usedBefore.id })).data.partnerJobPosting.base).toMatchObject({
        id,
        closedOn: todayInChina(),
      });
      const before = await counts(partner);
      expect(errorOf(await partner.queryAs(shenzhenStaff, CREATE_POSTING, { input: posting({ baseId: id, pushedOn: todayInChina() }) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.baseId',
      });
      const departedOn = todayInChina();
      const batch = await partner.queryAs(countyOffice, CREATE_BATCH, {
        input: { batchNo: `DC-${departedOn.slice(0, 7)}-901`, cityCode: SHENZHEN, departedOn, destination: '深圳市坪山区', baseId: id },
      });
      expect(errorOf(batch)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.baseId' });
      expect(await counts(partner)).toEqual(before);
      // A same-named station may be set up again once the old one is closed.
      const again = await partner.queryAs(shenzhenStaff, CREATE_BASE, { input: { name: '深圳坪山劳务工作站', kind: 'SERVICE_STATION', address: '深圳市坪山区' } });
      expect(again.errors).toBeUndefined();
    });
  });

  describe('Worker.suitablePartnerJobPostings', () => {
    let matching: TestSubgraph;
    let ids: Record<string, string>;
    const worker = (n: number, facts: { staysNearHome?: boolean; certifiedTrades?: string[] }) => ({ __typename: 'Worker', id: pseudonymOf(idNumber(n)), ...facts });

    beforeAll(async () => {
      matching = await startTestSubgraph(partnerSubgraph);
      await insertReference(matching);
      const batch = await insertBatch(matching, 'DC-2026-01-001', SHENZHEN, daysAgo(30));
      await insertTransfers(matching, batch, SHENZHEN, [{ idNumber: idNumber(1), startedOn: daysAgo(29) }]);
      const push = async (who: Who, extra: Record<string, unknown>) => {
        const response = await matching.queryAs(who, CREATE_POSTING, { input: posting(extra) });
        expect(response.errors).toBeUndefined();
        return response.data.createPartnerJobPosting.id as string;
      };
      ids = {
        open: await push(shenzhenStaff, { title: '普工', monthlyWage: 5000 }),
        welder: await push(shenzhenStaff, { title: '焊工', monthlyWage: 7000, requiredTrade: 'WELDER' }),
        cook: await push(shenzhenStaff, { title: '厨师', monthlyWage: 6500, requiredTrade: 'COOK' }),
        zhongshan: await push(zhongshanStaff, { title: '包装工', monthlyWage: 4800 }),
        expired: await push(shenzhenStaff, { title: '过期', monthlyWage: 9000, pushedOn: daysAgo(20), validUntil: daysAgo(1) }),
        notYet: await push(shenzhenStaff, { title: '明日', monthlyWage: 9500, pushedOn: todayInChina(), validUntil: futureDay(5) }),
        closed: await push(shenzhenStaff, { title: '已招满', monthlyWage: 9900 }),
      };
      await matching.sql(`update partner_job_posting set pushed_on = pushed_on + 1 where id = ?`, [Number(ids.notYet)]);
      await matching.queryAs(shenzhenStaff, CLOSE_POSTING, { input: { id: ids.closed, closedOn: todayInChina(), reason: '招满' } });
    });
    afterAll(() => matching?.stop());

    const titles = (response: GraphQLResponse) =>
      response.data._entities.map((w: { suitablePartnerJobPostings: { title: string }[] }) => w.suitablePartnerJobPostings.map((p) => p.title));

    it('offers open postings needing no trade or a certified one, best paid first; none to a worker who stays near home', async () => {
      const response = await matching.queryAs(countyOffice, SUITABLE, {
        representations: [
          worker(1, { staysNearHome: false, certifiedTrades: ['WELDER'] }),
          worker(2, { staysNearHome: false, certifiedTrades: [] }),
          worker(3, { staysNearHome: true, certifiedTrades: ['WELDER', 'COOK'] }),
          worker(4, {}),
        ],
      });
      expect(response.errors).toBeUndefined();
      expect(titles(response)).toEqual([['焊工', '普工', '包装工'], ['普工', '包装工'], [], []]);
    });

    it('shows partner-city staff their own city’s postings only', async () => {
      const response = await matching.queryAs(shenzhenStaff, SUITABLE, { representations: [worker(1, { staysNearHome: false, certifiedTrades: ['COOK'] })] });
      expect(response.errors).toBeUndefined();
      expect(titles(response)).toEqual([['厨师', '普工']]);
      // A worker the city never received stays out of its sight, field and all (the Worker guard).
      const stranger = await matching.queryAs(shenzhenStaff, SUITABLE, { representations: [worker(2, { staysNearHome: false, certifiedTrades: [] })] });
      expect(stranger.data._entities).toEqual([null]);
    });

    it('answers many workers with the same facts in one statement', async () => {
      const representations = Array.from({ length: 30 }, (_, i) => worker(100 + i, { staysNearHome: false, certifiedTrades: i % 2 ? ['COOK'] : [] }));
      const before = matching.database.statements.total;
      const response = await matching.queryAs(countyOffice, SUITABLE, { representations });
      expect(response.errors).toBeUndefined();
      expect(matching.database.statements.total - before).toBeLessThanOrEqual(2);
    });

    it('keeps the 1 to 100 bound on first', async () => {
      const response = await matching.queryAs(countyOffice, SUITABLE.replace('first: 10', 'first: 101'), { representations: [worker(1, { staysNearHome: false })] });
      expect(errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });
  });
});
