import { creditCodeCheckCharacter, NOT_CLEARABLE, type Identity, type Purpose } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { officerOf, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';
import { addDays, COUNTY, insertReferenceData, LUOXUE, QINGKOU, TANGDAN, today } from './fixtures';

type Caller = Identity & { purpose?: Purpose };
const OFFICER: Caller = officerOf('hr', { subject: 'test-hr-officer-tangdan', region: TANGDAN });

const creditCode = (serial: number) => {
  const first17 = `91${COUNTY}MA6K${String(serial).padStart(5, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
};

const CREATE_EMPLOYER = `mutation($input: CreateEmployerInput!) { createEmployer(input: $input) { id } }`;
const UPDATE_EMPLOYER = `mutation($input: UpdateEmployerInput!) { updateEmployer(input: $input) { id name kind certifiedOn } }`;
const CREATE_POSTING = `mutation($input: CreateJobPostingInput!) { createJobPosting(input: $input) { id } }`;
const UPDATE_POSTING = `mutation($input: UpdateJobPostingInput!) { updateJobPosting(input: $input) { id title headcount requiredTrade minEducation } }`;
const CREATE_FAIR = `mutation($input: CreateJobFairInput!) { createJobFair(input: $input) { id } }`;
const UPDATE_FAIR = `mutation($input: UpdateJobFairInput!) { updateJobFair(input: $input) { id name venue organiser online } }`;
const CREATE_POST = `mutation($input: CreateWelfarePostInput!) { createWelfarePost(input: $input) { id } }`;
const UPDATE_POST = `mutation($input: UpdateWelfarePostInput!) { updateWelfarePost(input: $input) { id agency managingDepartment fundingSource monthlyAllowance } }`;

function refused(response: GraphQLResponse): Record<string, string> {
  expect(response.data ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions ?? {};
  expect(extensions.code).toBe('BAD_USER_INPUT');
  return Object.fromEntries(
    ((extensions.problems as { field: string; message: string }[] | undefined) ?? [{ field: extensions.field, message: response.errors![0].message }]).map((p) => [
      p.field,
      p.message,
    ]),
  );
}

describe('hr update inputs: null clears an optional field, absent keeps it, null on a required field is refused; the history keeps old → null', () => {
  let hr: TestSubgraph;

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
  });
  afterAll(() => hr?.stop());

  async function create(query: string, input: Record<string, unknown>): Promise<string> {
    const response = await hr.queryAs(OFFICER, query, { input });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return (Object.values(response.data)[0] as { id: string }).id;
  }
  const history = (table: string, key: string) =>
    hr.sql<{ changes: Record<string, [unknown, unknown]> }>(`select changes from change_history where table_name = ? and row_key = ? and operation = 'UPDATE' order by id`, [
      table,
      key,
    ]);
  const stored = (table: string, id: string) => hr.sql(`select * from "${table}" where id = ?`, [id]);

  it('updateEmployer: certifiedOn: null clears the date of a kind without certification; a workshop keeps its date (refused); name: null is refused; left out, fields stay', async () => {
    const id = await create(CREATE_EMPLOYER, {
      name: '箐口村竹编扶贫车间',
      kind: 'POVERTY_WORKSHOP',
      divisionCode: QINGKOU,
      creditCode: creditCode(901),
      certifiedOn: addDays(today(), -100),
    });
    const workshop = await hr.queryAs(OFFICER, UPDATE_EMPLOYER, { input: { id, certifiedOn: null } });
    expect(refused(workshop)).toEqual({ 'input.certifiedOn': 'input.certifiedOn: a workshop, village factory or assistance base has a certification date (认定日期)' });
    expect(refused(await hr.queryAs(OFFICER, UPDATE_EMPLOYER, { input: { id, name: null, kind: null } }))).toEqual({ 'input.name': NOT_CLEARABLE, 'input.kind': NOT_CLEARABLE });
    const before = await stored('employer', id);
    const enterprise = await hr.queryAs(OFFICER, UPDATE_EMPLOYER, { input: { id, kind: 'ENTERPRISE', certifiedOn: null } });
    expect(enterprise.data.updateEmployer).toEqual({ id, name: '箐口村竹编扶贫车间', kind: 'ENTERPRISE', certifiedOn: null });
    expect((await history('employer', id)).map((h) => h.changes)).toEqual([{ kind: ['POVERTY_WORKSHOP', 'ENTERPRISE'], certified_on: [before[0].certified_on, null] }]);
    const kept = await hr.queryAs(OFFICER, UPDATE_EMPLOYER, { input: { id, name: '箐口竹编有限公司' } });
    expect(kept.data.updateEmployer).toEqual({ id, name: '箐口竹编有限公司', kind: 'ENTERPRISE', certifiedOn: null });
  });

  it('updateJobPosting: requiredTrade: null (低门槛) and minEducation: null clear them; title: null is refused, nothing written', async () => {
    const employerId = await create(CREATE_EMPLOYER, { name: '落雪村种植合作社', kind: 'COOPERATIVE', divisionCode: LUOXUE, creditCode: creditCode(902) });
    const id = await create(CREATE_POSTING, {
      employerId,
      title: '电工',
      threshold: '18-55周岁',
      skills: '持电工证',
      monthlyWageMin: 2500,
      monthlyWageMax: 3500,
      place: 'IN_TOWNSHIP',
      location: '东川区汤丹镇落雪村',
      headcount: 2,
      openFrom: addDays(today(), -5),
      openUntil: addDays(today(), 60),
      requiredTrade: 'ELECTRICIAN',
      minEducation: 'JUNIOR_HIGH',
    });
    expect(refused(await hr.queryAs(OFFICER, UPDATE_POSTING, { input: { id, title: null, headcount: 3 } }))).toEqual({ 'input.title': NOT_CLEARABLE });
    const trade = await hr.queryAs(OFFICER, UPDATE_POSTING, { input: { id, requiredTrade: null } });
    expect(trade.data.updateJobPosting).toEqual({ id, title: '电工', headcount: 2, requiredTrade: null, minEducation: 'JUNIOR_HIGH' });
    const education = await hr.queryAs(OFFICER, UPDATE_POSTING, { input: { id, minEducation: null, headcount: 3 } });
    expect(education.data.updateJobPosting).toEqual({ id, title: '电工', headcount: 3, requiredTrade: null, minEducation: null });
    expect((await history('job_posting', id)).map((h) => h.changes)).toEqual([
      { required_trade: ['ELECTRICIAN', null] },
      { min_education: ['JUNIOR_HIGH', null], headcount: [2, 3] },
    ]);
  });

  it('updateJobFair: venue: null clears the venue of an online fair, an on-site fair keeps one (refused); organiser: null is refused', async () => {
    const base = { name: '汤丹镇线上招聘会', heldOn: addDays(today(), 7), divisionCode: TANGDAN, venue: '汤丹镇人民政府广场', organiser: '汤丹镇人民政府' };
    const onSite = await create(CREATE_FAIR, base);
    const online = await create(CREATE_FAIR, { ...base, online: true });
    expect(refused(await hr.queryAs(OFFICER, UPDATE_FAIR, { input: { id: onSite, venue: null } }))).toEqual({ 'input.venue': 'input.venue: an on-site fair has a venue' });
    expect(refused(await hr.queryAs(OFFICER, UPDATE_FAIR, { input: { id: online, organiser: null } }))).toEqual({ 'input.organiser': NOT_CLEARABLE });
    const cleared = await hr.queryAs(OFFICER, UPDATE_FAIR, { input: { id: online, venue: null } });
    expect(cleared.data.updateJobFair).toEqual({ id: online, name: base.name, venue: null, organiser: base.organiser, online: true });
    expect((await history('job_fair', online)).map((h) => h.changes)).toEqual([{ venue: [base.venue, null] }]);
    expect(await stored('job_fair', onSite)).toEqual([expect.objectContaining({ venue: base.venue })]);
  });

  it('updateWelfarePost: agency: null clears the 用岗单位; managingDepartment: null and fundingSource: null are refused; left out, they stay', async () => {
    const id = await create(CREATE_POST, {
      kind: 'FOREST_RANGER',
      villageCode: LUOXUE,
      agency: '汤丹镇林业站',
      managingDepartment: '林草局',
      fundingSource: 'SECTOR_FUND',
      monthlyAllowance: 500,
      openedOn: addDays(today(), -30),
    });
    expect(refused(await hr.queryAs(OFFICER, UPDATE_POST, { input: { id, managingDepartment: null, fundingSource: null } }))).toEqual({
      'input.managingDepartment': NOT_CLEARABLE,
      'input.fundingSource': NOT_CLEARABLE,
    });
    const cleared = await hr.queryAs(OFFICER, UPDATE_POST, { input: { id, agency: null } });
    expect(cleared.data.updateWelfarePost).toEqual({ id, agency: null, managingDepartment: '林草局', fundingSource: 'SECTOR_FUND', monthlyAllowance: 500 });
    expect((await history('welfare_post', id)).map((h) => h.changes)).toEqual([{ agency: ['汤丹镇林业站', null] }]);
  });
});
