import { NOT_CLEARABLE, type Identity, type Purpose } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { officerOf, pseudonymOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';
import { daysAgo, idNumber, insertReference, SHENZHEN } from './fixtures';

type Who = Identity & { purpose?: Purpose };
const shenzhenStaff: Who = officerOf('partner', { region: undefined, partnerCity: SHENZHEN, permissions: [] });
const countyOffice: Who = officerOf('partner', { region: '530113', permissions: [] });

const POSTING_FIELDS = 'id employerName title monthlyWage headcount requiredTrade base { id }';
const CREATE_POSTING = `mutation($input: CreatePartnerJobPostingInput!) { createPartnerJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const UPDATE_POSTING = `mutation($input: UpdatePartnerJobPostingInput!) { updatePartnerJobPosting(input: $input) { ${POSTING_FIELDS} } }`;
const UPDATE_BASE = `mutation($input: UpdateLabourBaseInput!) { updateLabourBase(input: $input) { id name kind address } }`;
const RECORD_CASE = `mutation($input: RecordServiceInput!) { recordPartnerService(input: $input) { id note caseStatus } }`;
const UPDATE_CASE = `mutation($input: UpdateRightsCaseInput!) { updatePartnerRightsCase(input: $input) { id note caseStatus closedOn outcome } }`;

/** The refused fields of a BAD_USER_INPUT answer, with their messages. */
function refused(response: GraphQLResponse): Record<string, string> {
  expect(response.data ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions ?? {};
  expect(extensions.code).toBe('BAD_USER_INPUT');
  return Object.fromEntries((extensions.problems as { field: string; message: string }[]).map((p) => [p.field, p.message]));
}

describe('partner update inputs: null clears an optional field, absent keeps it, null on a required field is refused; the history keeps old → null', () => {
  let partner: TestSubgraph;
  let bases: { longgang: number; baoan: number; torch: number };

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    bases = await insertReference(partner);
  });
  afterAll(() => partner?.stop());

  const history = (table: string, key: string | number) =>
    partner.sql<{ changes: Record<string, [unknown, unknown]> }>(`select changes from change_history where table_name = ? and row_key = ? and operation = 'UPDATE' order by id`, [
      table,
      String(key),
    ]);

  it('updatePartnerJobPosting: baseId: null and requiredTrade: null clear them (as clearBase / clearRequiredTrade); left out they stay; title: null and headcount: null are refused, nothing written', async () => {
    const created = await partner.queryAs(shenzhenStaff, CREATE_POSTING, {
      input: {
        employerName: '比亚迪股份有限公司',
        title: '装配工',
        monthlyWage: 5200,
        headcount: 30,
        pushedOn: daysAgo(10),
        validUntil: daysAgo(-80),
        baseId: String(bases.longgang),
        requiredTrade: 'ELECTRICIAN',
      },
    });
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createPartnerJobPosting;

    const kept = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, monthlyWage: 5400 } });
    expect(kept.data.updatePartnerJobPosting).toMatchObject({ monthlyWage: 5400, requiredTrade: 'ELECTRICIAN', base: { id: String(bases.longgang) } });

    const noBase = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, baseId: null } });
    expect(noBase.data.updatePartnerJobPosting).toMatchObject({ base: null, requiredTrade: 'ELECTRICIAN', title: '装配工' });
    const noTrade = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, requiredTrade: null } });
    expect(noTrade.data.updatePartnerJobPosting).toMatchObject({ base: null, requiredTrade: null, monthlyWage: 5400 });

    const refusal = await partner.queryAs(shenzhenStaff, UPDATE_POSTING, { input: { id, title: null, headcount: null, monthlyWage: 6000 } });
    expect(refused(refusal)).toEqual({ 'input.title': NOT_CLEARABLE, 'input.headcount': NOT_CLEARABLE });
    expect(await partner.sql('select title, headcount, monthly_wage from partner_job_posting where id = ?', [id])).toEqual([
      { title: '装配工', headcount: 30, monthly_wage: 5400 },
    ]);

    expect((await history('partner_job_posting', id)).map((h) => h.changes)).toEqual([
      { monthly_wage: [5200, 5400] },
      { base_id: [bases.longgang, null] },
      { required_trade: ['ELECTRICIAN', null] },
    ]);
  });

  it('updateLabourBase: every field is required — null on name or address is refused naming each; a field left out stays', async () => {
    const refusal = await partner.queryAs(countyOffice, UPDATE_BASE, { input: { id: String(bases.torch), name: null, address: null } });
    expect(refused(refusal)).toEqual({ 'input.name': NOT_CLEARABLE, 'input.address': NOT_CLEARABLE });
    const kept = await partner.queryAs(countyOffice, UPDATE_BASE, { input: { id: String(bases.torch), address: '中山市火炬开发区康乐大道' } });
    expect(kept.data.updateLabourBase).toEqual({ id: String(bases.torch), name: '中山火炬开发区劳务工作站', kind: 'SERVICE_STATION', address: '中山市火炬开发区康乐大道' });
  });

  it('update<Department>RightsCase: note: null clears the note, a case left without note or closing is refused as before, closedOn / outcome: null are refused', async () => {
    const worker = pseudonymOf(idNumber(41));
    const recorded = await partner.queryAs(countyOffice, RECORD_CASE, {
      input: { workerId: worker, kind: 'RIGHTS_PROTECTION', servedOn: daysAgo(3), note: '欠薪，已联系用工单位' },
    });
    expect(recorded.errors).toBeUndefined();
    const { id } = recorded.data.recordPartnerService;

    const refusal = await partner.queryAs(countyOffice, UPDATE_CASE, { input: { id, closedOn: null, outcome: null, note: '已转劳动监察' } });
    expect(refused(refusal)).toEqual({ 'input.closedOn': NOT_CLEARABLE, 'input.outcome': NOT_CLEARABLE });
    expect(refused(await partner.queryAs(countyOffice, UPDATE_CASE, { input: { id } }))).toEqual({ input: 'give a note (null clears it), or closedOn and outcome' });

    const cleared = await partner.queryAs(countyOffice, UPDATE_CASE, { input: { id, note: null } });
    expect(cleared.data.updatePartnerRightsCase).toEqual({ id, note: null, caseStatus: 'OPEN', closedOn: null, outcome: null });
    expect((await history('service_record', id)).map((h) => h.changes)).toEqual([{ note: ['欠薪，已联系用工单位', null] }]);
  });
});
