import type { Identity } from '@jiuye/common';
import type { DemoHousehold } from '@jiuye/devtools';
import type { Browser } from 'playwright-core';
import { launchBrowser, readUntil, signedInWorkbench, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * 工作台 · 防返贫监测 in a real browser against the demo county: a disability recorded by civil
 * affairs raises a lifted household as a relapse candidate; the poverty village assistant sees it
 * with its signal, opens a case from it with 纳入监测 (DEPARTMENT_DATA with the rule) and takes the
 * village step; the next step (乡镇审核) by the same village account shows the server's FORBIDDEN
 * message and changes nothing; a measure recorded with the form reads back through the API; the
 * counts match monitoringCaseCounts.
 */
jest.setTimeout(180_000);

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

const CANDIDATES = `query($region: String) { relapseCandidates(region: $region, first: 500) { nodes { householdCode signals { rule label since reason } } } }`;
const HOUSEHOLD = `query($code: String!) { household(code: $code) { monitoringCases { id step entryRoute sourceRule riskTypes
  transitions { fromStep toStep actedBy } measures { kind responsible takenOn recordedBy } } } }`;
const COUNTS = `query { monitoringCaseCounts { byStep { step households suppressed } byRiskType { riskType households suppressed } } }`;
const STEP_LABEL: Record<string, string> = {
  CANDIDATE: '待评议（监测候选）',
  VILLAGE_REVIEWED: '村评议',
  TOWNSHIP_CHECKED: '乡镇审核',
  COUNTY_APPROVED: '县审定（纳入监测）',
  EXITED: '风险消除（退出监测）',
  REJECTED: '不予纳入',
};
const RISK_LABEL: Record<string, string> = { ILLNESS: '因病', DISABILITY: '因残', SCHOOLING_COSTS: '因学', DISASTER: '因灾', UNSTABLE_WORK: '务工就业不稳', OTHER: '其他' };
const MOVE = `mutation($input: MoveMonitoringCaseInput!) { moveMonitoringCase(input: $input) { id step } }`;

const poverty = (subject: string, region: string, role: 'officer' | 'village_assistant'): Identity => ({ subject, department: 'poverty', role, region, permissions: [] });

describe('防返贫监测 in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  const pages: WatchedPage[] = [];
  let household: DemoHousehold;
  let assistant: Identity;
  const county = poverty('poverty-county', DEMO_COUNTY, 'officer');

  async function signedIn(identity: Identity): Promise<WatchedPage> {
    const watched = await signedInWorkbench(browser, base, identity);
    pages.push(watched);
    return watched;
  }

  async function cases(): Promise<any[]> {
    const response: any = await platform.queryAs(county, HOUSEHOLD, { code: household.code });
    expect(response.errors).toBeUndefined();
    return response.data.household.monitoringCases;
  }

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(300, webGatewayOverrides()), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
    // A lifted household no rule flags yet, with a registry member and no disability: civil affairs records one.
    const flagged: any = await platform.queryAs(county, CANDIDATES, { region: DEMO_COUNTY });
    expect(flagged.errors).toBeUndefined();
    const taken = new Set(flagged.data.relapseCandidates.nodes.map((node: any) => node.householdCode));
    household = [...platform.county.households(1000)]
      .flat()
      .find(
        (h) =>
          h.povertyStatus === 'LIFTED' &&
          !taken.has(h.code) &&
          h.assistance.length === 0 &&
          h.members.some((m) => m.inLabourRegistry) &&
          h.members.every((m) => m.disability === null),
      )!;
    expect(household).toBeDefined();
    const member = household.members.find((m) => m.inLabourRegistry)!;
    const civil: Identity = { subject: 'civil-county', department: 'civil', role: 'officer', region: DEMO_COUNTY, permissions: [] };
    const recorded: any = await platform.queryAs(civil, `mutation($input: RecordDisabilityInput!) { recordDisability(input: $input) { id } }`, {
      input: { idNumber: member.idNumber, householdCode: household.code, kind: 'PHYSICAL', grade: 3, certifiedOn: daysAgo(3) },
    });
    expect(recorded.errors).toBeUndefined();
    assistant = poverty(`poverty-assistant-${household.villageCode}`, household.villageCode, 'village_assistant');
    await readUntil(
      async () => ((await platform.queryAs(assistant, CANDIDATES, {})) as any).data.relapseCandidates.nodes,
      (nodes: any[]) => nodes.some((node) => node.householdCode === household.code),
      'the candidate in the read model',
    );
  });
  afterAll(async () => {
    for (const watched of pages) {
      expect({ blocked: watched.blocked, errors: watched.errors }).toEqual({ blocked: [], errors: [] });
      await watched.close();
    }
    await browser?.close();
    await platform?.stop();
  });

  it('shows the candidate with its signal; 纳入监测 opens a case from it (DEPARTMENT_DATA with the rule)', async () => {
    const { page } = await signedIn(assistant);
    await page.getByRole('tab', { name: '防返贫监测' }).click();
    const row = page.locator(`[data-testid=candidate-row][data-household="${household.code}"]`);
    await row.waitFor();
    const signal = ((await platform.queryAs(assistant, CANDIDATES, {})) as any).data.relapseCandidates.nodes.find((node: any) => node.householdCode === household.code).signals[0];
    expect(signal).toMatchObject({ rule: 'POVERTY_HOUSEHOLD_DISABILITY_RECORDED', since: daysAgo(3) });
    expect(await row.getByTestId('candidate-signal').innerText()).toBe(`${signal.label}（${signal.since}起）：${signal.reason}`);
    await row.getByRole('button', { name: '纳入监测' }).click();
    const form = row.getByTestId('open-case-form');
    // No risk type: the server's problem at the field, nothing written.
    await form.getByRole('button', { name: '确认纳入' }).click();
    await form.getByTestId('error-riskTypes').waitFor();
    expect(await cases()).toEqual([]);
    await form.getByRole('checkbox', { name: '因残' }).check();
    await form.getByRole('button', { name: '确认纳入' }).click();
    const caseRow = page.locator(`[data-testid=case-row][data-household="${household.code}"]`);
    await caseRow.waitFor();
    expect(await cases()).toEqual([
      expect.objectContaining({
        step: 'CANDIDATE',
        entryRoute: 'DEPARTMENT_DATA',
        sourceRule: 'POVERTY_HOUSEHOLD_DISABILITY_RECORDED',
        riskTypes: ['DISABILITY'],
        transitions: [{ fromStep: null, toStep: 'CANDIDATE', actedBy: assistant.subject }],
      }),
    ]);
    expect(await caseRow.getByTestId('case-step').innerText()).toBe('待评议（监测候选）');
    // It leaves the candidates: on the page at once, in the graph once the read model follows.
    await row.waitFor({ state: 'detached' });
    await readUntil(
      async () => ((await platform.queryAs(assistant, CANDIDATES, {})) as any).data.relapseCandidates.nodes,
      (nodes: any[]) => !nodes.some((node) => node.householdCode === household.code),
      'the candidate to leave the read model',
    );
  });

  it('the village assistant takes the village step; the township step by the same account shows FORBIDDEN and changes nothing', async () => {
    const { page } = pages[0];
    const caseRow = page.locator(`[data-testid=case-row][data-household="${household.code}"]`);
    await caseRow.getByRole('button', { name: '办理' }).click();
    const move = caseRow.getByTestId('move-case-form');
    await move.locator('input[name=note]').fill('村民代表评议通过');
    await move.getByRole('button', { name: '村评议' }).click();
    await caseRow.getByTestId('case-step').filter({ hasText: '村评议' }).waitFor();
    const [opened] = await cases();
    expect(opened.step).toBe('VILLAGE_REVIEWED');
    expect(opened.transitions.at(-1)).toEqual({ fromStep: 'CANDIDATE', toStep: 'VILLAGE_REVIEWED', actedBy: assistant.subject });
    // What the server says to the next step by a village account (refused, nothing written by asking).
    const server: any = await platform.queryAs(assistant, MOVE, { input: { caseId: opened.id, to: 'TOWNSHIP_CHECKED', on: TODAY } });
    expect(server.errors[0].extensions.code).toBe('FORBIDDEN');
    await caseRow.getByTestId('move-case-form').getByRole('button', { name: '乡镇审核' }).click();
    const message = caseRow.getByTestId('move-case-message');
    await message.waitFor();
    expect(await message.innerText()).toBe(server.errors[0].message);
    expect((await cases())[0].step).toBe('VILLAGE_REVIEWED');
    expect(await caseRow.getByTestId('case-step').innerText()).toBe('村评议');
  });

  it('records a measure with the form (the server names a missing responsible first) and reads it back', async () => {
    const { page } = pages[0];
    const caseRow = page.locator(`[data-testid=case-row][data-household="${household.code}"]`);
    const form = caseRow.getByTestId('measure-form');
    await form.locator('select[name=kind]').selectOption('HEALTH');
    await form.getByRole('button', { name: '记录' }).click();
    await form.getByTestId('error-responsible').waitFor();
    expect((await cases())[0].measures).toEqual([]);
    await form.locator('input[name=responsible]').fill('镇卫生院');
    await form.getByRole('button', { name: '记录' }).click();
    await caseRow.getByTestId('case-measure').waitFor();
    expect((await cases())[0].measures).toEqual([{ kind: 'HEALTH', responsible: '镇卫生院', takenOn: TODAY, recordedBy: assistant.subject }]);
    expect(await caseRow.getByTestId('case-measure').innerText()).toBe(`${TODAY} 健康帮扶 · 镇卫生院 · ${assistant.subject}`);
  });

  it('the step filter asks monitoringCases by step', async () => {
    const { page } = pages[0];
    await page.locator('select[name=step]').selectOption('CANDIDATE');
    await page.locator(`[data-testid=case-row][data-household="${household.code}"]`).waitFor({ state: 'detached' });
    await page.locator('select[name=step]').selectOption('VILLAGE_REVIEWED');
    await page.locator(`[data-testid=case-row][data-household="${household.code}"]`).waitFor();
    // The page renders from the response before the recorder (on requestfinished, asynchronous) has the entry: wait until every request is recorded.
    await pages[0].graphqlSettled();
    const asked = pages[0].graphql.filter((entry) => entry.operationName === 'MonitoringCases').map((entry) => (entry.variables as { step: string | null }).step);
    expect(asked).toEqual(expect.arrayContaining([null, 'CANDIDATE', 'VILLAGE_REVIEWED']));
  });

  it('shows the counts by step and risk type as monitoringCaseCounts answers them', async () => {
    const { page } = pages[0];
    const response: any = await platform.queryAs(assistant, COUNTS, {});
    expect(response.errors).toBeUndefined();
    const counts = response.data.monitoringCaseCounts;
    const text = (row: { households: number | null; suppressed: boolean }) => (row.suppressed ? '<5' : `${row.households ?? 0} 户`);
    const expected = [
      ...counts.byStep.map((row: any) => `${STEP_LABEL[row.step]} ${text(row)}`),
      ...counts.byRiskType.map((row: any) => `${RISK_LABEL[row.riskType]} ${text(row)}`),
    ];
    expect(expected).toContain('村评议 1 户');
    expect(expected).toContain('因残 1 户');
    expect(await page.getByTestId('monitoring-counts').locator('li').allInnerTexts()).toEqual(expected);
    expect(await page.getByRole('img', { name: '按环节、风险类型统计户数' }).boundingBox()).toMatchObject({ height: 300 });
  });
});
