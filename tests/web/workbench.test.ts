import { readFileSync } from 'node:fs';
import type { Identity } from '@jiuye/common';
import type { Browser, Request } from 'playwright-core';
import { launchBrowser, screenshot, watchedPage, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';
import { COUNTY_OFFICER, startTestPlatform, tokenFor, type TestPlatform } from '@jiuye/testing/platform';

/**
 * 工作台 in a real browser against the in-process platform (demo county), signed in as the
 * county's hr officer (may reveal): the purpose prompt gates the person pages, the worker card
 * shows what the graph answers, the ID number stays masked until 显示, and the verification form
 * puts the server's field problem next to the field and writes nothing, or records and updates the card.
 */
jest.setTimeout(120_000);

const CARD_FACTS = `query($id: String!) { worker(idNumber: $id) { name idNumberMasked employmentStatus povertyStatus verifiedOn hrRecordedAt verifications(first: 100) { id } } }`;
const STATUS_LABELS: Record<string, string> = { EMPLOYED: '已就业', UNEMPLOYED: '未就业（有意愿）', NOT_SEEKING: '无就业意愿', UNABLE_TO_WORK: '丧失劳动能力' };

function todayInChina(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('工作台 (staff workbench) in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let watched: WatchedPage;
  let base: string;
  let idNumber: string;
  const sent: { operation: string | null; purpose: string | undefined }[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform(120, webGatewayOverrides());
    base = platform.gateway.url.replace(/\/graphql$/, '');
    idNumber = platform.county
      .sampleIdNumbers()
      .map((sample) => sample.idNumber)
      .find((candidate) => {
        for (const batch of platform.county.households(500))
          for (const household of batch) for (const member of household.members) if (member.idNumber === candidate) return member.inLabourRegistry;
        return false;
      })!;
    expect(idNumber).toBeDefined();
    browser = await launchBrowser();
    watched = await watchedPage(browser);
    const token = await tokenFor(COUNTY_OFFICER);
    const session = JSON.stringify({ token, department: 'hr', role: 'officer', region: COUNTY_OFFICER.region });
    // Signed in as on the sign-in page (a later test signs in as another account: kept then).
    await watched.context.addInitScript(`if (!sessionStorage.getItem('jiuye.session')) sessionStorage.setItem('jiuye.session', ${JSON.stringify(session)})`);
    watched.page.on('request', (request: Request) => {
      if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
      const body = request.postDataJSON() as { query?: string } | null;
      sent.push({ operation: /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? null, purpose: request.headers()['x-purpose'] });
    });
  });
  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await platform?.stop();
  });

  it('asks for the purpose of use first and sends no person query before it is answered', async () => {
    const { page } = watched;
    await page.goto(`${base}/workbench`);
    await page.getByTestId('purpose-prompt').waitFor();
    expect(await page.getByRole('radio').count()).toBe(6);
    await expect(page.getByRole('radio', { name: '信息核查' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('input[name=idNumber]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(sent.filter((request) => request.operation?.startsWith('Worker'))).toEqual([]);
    await page.getByRole('radio', { name: '信息核查' }).check();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByTestId('purpose-bar').waitFor();
    expect(await page.getByTestId('purpose-bar').textContent()).toContain('信息核查');
    // Kept for the session: a reload does not ask again.
    await page.reload();
    await page.locator('input[name=idNumber]').waitFor();
    expect(await page.getByTestId('purpose-prompt').count()).toBe(0);
  });

  it('finds a demo worker by ID number: one card with the facts the graph answers, each department labelled, the ID masked', async () => {
    const { page } = watched;
    await page.locator('input[name=idNumber]').fill(idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('worker-card').waitFor();
    const graph = (await platform.query(CARD_FACTS, { id: idNumber })).data.worker;
    expect(await page.getByTestId('worker-name').textContent()).toBe(graph.name);
    expect(await page.getByTestId('employment-status').textContent()).toBe(STATUS_LABELS[graph.employmentStatus]);
    expect(await page.getByTestId('verified-on').textContent()).toBe(graph.verifiedOn ?? '—');
    expect(await page.getByTestId('worker-id-number').textContent()).toBe(graph.idNumberMasked);
    expect(await page.content()).not.toContain(idNumber);
    expect(await page.locator('input[name=idNumber]').inputValue()).toBe('');
    for (const department of ['hr', 'poverty', 'civil', 'training', 'partner']) expect(await page.locator(`[data-department=${department}] h3`).count()).toBe(1);
    expect(await page.locator('[data-department=hr] h3').textContent()).toContain('人社');
    if (graph.hrRecordedAt) expect(await page.getByTestId('hr-recorded-at').textContent()).not.toContain('—');
    const card = sent.filter((request) => request.operation === 'WorkerCard');
    expect(card).toHaveLength(1);
    expect(card[0].purpose).toBe('verification');
    await screenshot(page, 'workbench');
  });

  it('shows the full ID number only after 显示 (a separate, logged query)', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: '显示' }).click();
    await page.getByTestId('worker-id-number').filter({ hasText: idNumber }).waitFor();
    expect(sent.filter((request) => request.operation === 'WorkerReveal')).toHaveLength(1);
  });

  it('puts the server message for a future verification day next to the field and writes nothing', async () => {
    const { page } = watched;
    const before = (await platform.query(CARD_FACTS, { id: idNumber })).data.worker;
    const tomorrow = todayInChina(1);
    const server = await platform.query(`mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { id } }`, {
      input: { idNumber, outcome: 'CONFIRMED', verifiedOn: tomorrow },
    });
    const expected = server.errors![0].extensions!.problems.find((problem: { field: string }) => problem.field === 'input.verifiedOn').message;
    await page.locator('input[name=verifiedOn]').fill(tomorrow);
    await page.getByRole('button', { name: '记录核实' }).click();
    await page.getByTestId('error-verifiedOn').waitFor();
    expect(await page.getByTestId('error-verifiedOn').textContent()).toBe(expected);
    // The message sits in the verifiedOn field's label.
    expect(await page.locator('label:has(input[name=verifiedOn]) [data-testid=error-verifiedOn]').count()).toBe(1);
    const after = (await platform.query(CARD_FACTS, { id: idNumber })).data.worker;
    expect(after.verifications).toHaveLength(before.verifications.length);
    expect(after.verifiedOn).toBe(before.verifiedOn);
  });

  it('records a good verification and the card shows the new day', async () => {
    const { page } = watched;
    const before = (await platform.query(CARD_FACTS, { id: idNumber })).data.worker;
    const today = todayInChina();
    await page.locator('input[name=verifiedOn]').fill(today);
    await page.getByRole('button', { name: '记录核实' }).click();
    await page.getByTestId('form-message').waitFor();
    expect(await page.getByTestId('error-verifiedOn').count()).toBe(0);
    await page.getByTestId('verified-on').filter({ hasText: today }).waitFor();
    const after = (await platform.query(CARD_FACTS, { id: idNumber })).data.worker;
    expect(after.verifications).toHaveLength(before.verifications.length + 1);
    expect(after.verifiedOn).toBe(today);
  });

  it('lists a roster (一库) page by page: the rows the graph answers, the next page through endCursor', async () => {
    const { page } = watched;
    const roster = `query($after: String) { roster(kind: REAL_NAME, first: 20, after: $after) { totalCount nodes { name idNumberMasked } pageInfo { endCursor hasNextPage } } }`;
    const first = (await platform.query(roster)).data.roster;
    const second = (await platform.query(roster, { after: first.pageInfo.endCursor })).data.roster;
    expect(first.pageInfo.hasNextPage).toBe(true);
    await page.getByRole('tab', { name: /一库六册/ }).click();
    await page.getByTestId('roster-row').first().waitFor();
    const cells = async (column: number) => page.locator(`[data-testid=roster-row] td:nth-child(${column})`).allTextContents();
    expect(await cells(1)).toEqual(first.nodes.map((node: { name: string }) => node.name));
    expect(await cells(2)).toEqual(first.nodes.map((node: { idNumberMasked: string }) => node.idNumberMasked));
    expect(await page.getByTestId('roster-summary').textContent()).toContain(`共 ${first.totalCount} 人`);
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByTestId('roster-summary').filter({ hasText: '第 2 页' }).waitFor();
    await page.locator('[data-testid=roster-row] td:nth-child(1)').first().filter({ hasText: second.nodes[0].name }).waitFor();
    expect(await cells(1)).toEqual(second.nodes.map((node: { name: string }) => node.name));
    const rosterRequests = sent.filter((request) => request.operation === 'Roster');
    expect(rosterRequests).toHaveLength(2);
    expect(rosterRequests.every((request) => request.purpose === 'verification')).toBe(true);
  });

  it('filters by kind and region (a township of the account region) and exports with the same filters, token and purpose', async () => {
    const { page } = watched;
    const township = (await platform.query(`query($c: DivisionCode!) { division(code: $c) { children { code } } }`, { c: COUNTY_OFFICER.region })).data.division.children[0].code;
    const expected = (await platform.query(`query($r: String) { roster(kind: UNEMPLOYED, region: $r, first: 20) { totalCount nodes { name } } }`, { r: township })).data.roster;
    await page.locator('select[name=kind]').selectOption('UNEMPLOYED');
    await page.locator('select[name=township]').selectOption(township);
    await page
      .getByTestId('roster-summary')
      .filter({ hasText: `共 ${expected.totalCount} 人 · 第 1 页` })
      .waitFor();
    expect(await page.locator('[data-testid=roster-row] td:nth-child(1)').allTextContents()).toEqual(expected.nodes.map((node: { name: string }) => node.name));
    const exported = page.waitForResponse((response) => response.url().includes('/exports/roster.csv'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const response = await exported;
    expect(response.status()).toBe(200);
    const url = new URL(response.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ kind: 'UNEMPLOYED', region: township });
    expect(response.request().headers()['x-purpose']).toBe('verification');
    expect(response.request().headers().authorization).toMatch(/^Bearer /);
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`UNEMPLOYED-${township}.csv`);
    const text = readFileSync(await saved.path(), 'utf8');
    // The same people as the page (the file adds its title and column rows).
    for (const node of expected.nodes) expect(text).toContain(node.name);
    expect(text.split('\n').filter((line) => expected.nodes.some((node: { name: string }) => line.includes(node.name))).length).toBe(expected.totalCount);
  });

  it('filters the roster by "no service in the last 30 days" (一人一案) and exports with that filter too', async () => {
    const { page } = watched;
    const township = (await platform.query(`query($c: DivisionCode!) { division(code: $c) { children { code } } }`, { c: COUNTY_OFFICER.region })).data.division.children[0].code;
    const filtered = `query($r: String, $d: Int) { roster(kind: UNEMPLOYED, region: $r, first: 20, noServiceWithinDays: $d) { totalCount nodes { id name } } }`;
    const before = (await platform.query(filtered, { r: township, d: null })).data.roster;
    // One unemployed worker of the township is served today: the filtered roster loses them once the feed has it.
    const served = before.nodes[0];
    const recorded = await platform.query(`mutation($input: RecordServiceInput!) { recordHrService(input: $input) { id } }`, {
      input: { workerId: served.id, kind: 'CAREER_GUIDANCE', servedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) },
    });
    expect(recorded.errors).toBeUndefined();
    let expected = (await platform.query(filtered, { r: township, d: 30 })).data.roster;
    for (const started = Date.now(); expected.totalCount !== before.totalCount - 1;) {
      if (Date.now() - started > 15_000) throw new Error('the read model did not take the service within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expected = (await platform.query(filtered, { r: township, d: 30 })).data.roster;
    }
    expect(expected.nodes.map((node: { id: string }) => node.id)).not.toContain(served.id);
    await page.locator('select[name=noService]').selectOption('30');
    await page
      .getByTestId('roster-summary')
      .filter({ hasText: `近30天无服务 · 共 ${expected.totalCount} 人 · 第 1 页` })
      .waitFor();
    expect(await page.locator('[data-testid=roster-row] td:nth-child(1)').allTextContents()).toEqual(expected.nodes.map((node: { name: string }) => node.name));
    const exported = page.waitForResponse((response) => response.url().includes('/exports/roster.csv'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const response = await exported;
    expect(response.status()).toBe(200);
    expect(Object.fromEntries(new URL(response.url()).searchParams)).toEqual({ kind: 'UNEMPLOYED', region: township, noServiceWithinDays: '30' });
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text).toContain('近30天无服务记录');
    // Back to everyone for the tests that follow.
    await page.locator('select[name=noService]').selectOption('');
    await page
      .getByTestId('roster-summary')
      .filter({ hasText: `共 ${before.totalCount} 人 · 第 1 页` })
      .waitFor();
  });

  it('shows the worklists of the region (zero-employment households, warnings, open conflicts) as the graph answers them', async () => {
    const { page } = watched;
    // A conflict to work on: the demo worker (transferred to a partner city) now also works locally.
    const current = (await platform.query(`query($id: String!) { worker(idNumber: $id) { currentEmployment { id } } }`, { id: idNumber })).data.worker.currentEmployment;
    if (current) {
      const ended = await platform.query(`mutation($input: RecordEmploymentEndInput!) { recordEmploymentEnd(input: $input) { id } }`, {
        input: { employmentId: current.id, endsOn: todayInChina(-1), reason: '返乡就业' },
      });
      expect(ended.errors).toBeUndefined();
    }
    const started = await platform.query(`mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }`, {
      input: { idNumber, kind: 'POVERTY_WORKSHOP', place: 'IN_TOWNSHIP', employerName: '村扶贫车间', location: '本村', startsOn: todayInChina(), monthlyWage: 2200 },
    });
    expect(started.errors).toBeUndefined();
    for (let waited = 0; (await platform.query(`{ conflicts(first: 1) { totalCount } }`)).data.conflicts.totalCount === 0; waited += 200) {
      if (waited > 15_000) throw new Error('the read model did not show the conflict within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const graph = (
      await platform.query(
        `{ zeroEmploymentHouseholds(first: 20) { totalCount nodes { code } } warnings(first: 20) { totalCount nodes { id reason } } conflicts(first: 20) { totalCount nodes { id } } }`,
      )
    ).data;
    await page.getByRole('tab', { name: '工作清单' }).click();
    await page
      .getByTestId('conflicts')
      .locator('h2')
      .filter({ hasText: `${graph.conflicts.totalCount} 条` })
      .waitFor();
    await page
      .getByTestId('zero-employment')
      .locator('h2')
      .filter({ hasText: `${graph.zeroEmploymentHouseholds.totalCount} 户` })
      .waitFor();
    await page
      .getByTestId('warnings')
      .locator('h2')
      .filter({ hasText: `${graph.warnings.totalCount} 条` })
      .waitFor();
    expect(await page.locator('[data-testid=zero-row] td:nth-child(1)').allTextContents()).toEqual(graph.zeroEmploymentHouseholds.nodes.map((node: { code: string }) => node.code));
    expect(await page.locator('[data-testid=warning-row] td:nth-child(5)').allTextContents()).toEqual(graph.warnings.nodes.map((node: { reason: string }) => node.reason));
    expect(await page.locator('[data-testid=conflict-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-conflict')))).toEqual(
      graph.conflicts.nodes.map((node: { id: string }) => node.id),
    );
    expect(graph.conflicts.totalCount).toBeGreaterThan(0);
  });

  it('resolves a conflict: without a note the server message sits at the note field and nothing changes; with one it is settled', async () => {
    const { page } = watched;
    // A conflict the page shows (the list loaded by the test before): the graph's first one may have changed since, other test files share the platform.
    const conflictId = (await page.locator('[data-testid=conflict-row]').first().getAttribute('data-conflict'))!;
    const statusOf = async () =>
      (await platform.query(`{ conflicts(first: 500, status: null) { nodes { id status } } }`)).data.conflicts.nodes.find((node: { id: string }) => node.id === conflictId).status;
    const server = await platform.query(`mutation($input: ResolveConflictInput!) { resolveConflict(input: $input) { id } }`, { input: { conflictId, note: '' } });
    const expected = server.errors![0].extensions!.problems.find((problem: { field: string }) => problem.field === 'input.note').message;
    const row = page.locator(`[data-conflict="${conflictId}"]`);
    await row.getByRole('button', { name: '处理' }).click();
    await row.getByTestId('error-note').waitFor();
    expect(await row.getByTestId('error-note').textContent()).toBe(expected);
    expect(await row.locator('label:has(input[name=note]) [data-testid=error-note]').count()).toBe(1);
    expect(await statusOf()).toBe('OPEN');
    await row.locator('input[name=note]').fill('已电话核实，以协作城市回访为准');
    await row.getByRole('button', { name: '处理' }).click();
    await page.locator(`[data-conflict="${conflictId}"]`).waitFor({ state: 'detached' });
    expect(await statusOf()).toBe('RESOLVED');
  });

  it('ends and starts an employment from the card: bad dates get the server message at the field and write nothing, a good end updates the card', async () => {
    const { page } = watched;
    const facts = `query($id: String!) { worker(idNumber: $id) { employmentStatus currentEmployment { id startsOn } employments { id } } }`;
    const before = (await platform.query(facts, { id: idNumber })).data.worker;
    expect(before.currentEmployment).not.toBeNull(); // the local job the worklists test started today
    await page.getByRole('tab', { name: '人员查询' }).click();
    await page.locator('input[name=idNumber]').fill(idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('employment-end-form').waitFor();

    const yesterday = todayInChina(-1);
    const endBad = await platform.query(`mutation($input: RecordEmploymentEndInput!) { recordEmploymentEnd(input: $input) { id } }`, {
      input: { employmentId: before.currentEmployment.id, endsOn: yesterday, reason: '合同期满' },
    });
    const endMessage =
      endBad.errors![0].extensions!.problems?.find((problem: { field: string }) => problem.field === 'input.endsOn')?.message ??
      endBad.errors![0].message.replace(/^input\.endsOn: /, '');
    await page.locator('input[name=endsOn]').fill(yesterday);
    await page.locator('input[name=reason]').fill('合同期满');
    await page.getByRole('button', { name: '登记离职' }).click();
    await page.locator('label:has(input[name=endsOn]) [data-testid=error-endsOn]').waitFor();
    expect(await page.getByTestId('error-endsOn').textContent()).toBe(endMessage);
    expect((await platform.query(facts, { id: idNumber })).data.worker.currentEmployment).toEqual(before.currentEmployment);

    await page.locator('input[name=endsOn]').fill(todayInChina());
    await page.getByRole('button', { name: '登记离职' }).click();
    await page.getByTestId('employment-start-form').waitFor();
    await page.getByTestId('current-employment').filter({ hasText: '无' }).waitFor();
    const ended = (await platform.query(facts, { id: idNumber })).data.worker;
    expect(ended.currentEmployment).toBeNull();
    expect(await page.getByTestId('employment-status').textContent()).toBe(STATUS_LABELS[ended.employmentStatus]);

    const tomorrow = todayInChina(1);
    const start = { idNumber, kind: 'LOCAL_ENTERPRISE', place: 'IN_COUNTY', employerName: '东川区某建材公司', location: '东川区铜都街道', startsOn: tomorrow, monthlyWage: 3000 };
    const startBad = await platform.query(`mutation($input: RecordEmploymentStartInput!) { recordEmploymentStart(input: $input) { id } }`, { input: start });
    const startMessage = startBad.errors![0].extensions!.problems.find((problem: { field: string }) => problem.field === 'input.startsOn').message;
    await page.locator('input[name=employerName]').fill(start.employerName);
    await page.locator('input[name=location]').fill(start.location);
    await page.locator('input[name=startsOn]').fill(tomorrow);
    await page.locator('input[name=monthlyWage]').fill('3000');
    await page.getByRole('button', { name: '登记就业' }).click();
    await page.locator('label:has(input[name=startsOn]) [data-testid=error-startsOn]').waitFor();
    expect(await page.getByTestId('error-startsOn').textContent()).toBe(startMessage);
    expect((await platform.query(facts, { id: idNumber })).data.worker.employments).toHaveLength(ended.employments.length);
  });

  it('changes the purpose: the prompt comes back, the card goes, and the next query carries the new purpose', async () => {
    const { page } = watched;
    const before = sent.length;
    await page.getByTestId('purpose-bar').getByRole('button', { name: '更改' }).click();
    await page.getByTestId('purpose-prompt').waitFor();
    expect(await page.getByTestId('worker-card').count()).toBe(0);
    await page.getByRole('radio', { name: '就业服务' }).check();
    await page.getByRole('button', { name: '确认' }).click();
    await page.locator('input[name=idNumber]').fill(idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('worker-card').waitFor();
    await page.getByTestId('service-timeline').locator('ol > li').first().waitFor();
    // The card, then the worker's 一人一案 timeline (asked by the card's worker key): both under the new purpose.
    expect(sent.slice(before)).toEqual([
      { operation: 'WorkerCard', purpose: 'employment-service' },
      { operation: 'ServiceTimeline', purpose: 'employment-service' },
    ]);
  });

  it('offers neither 显示 nor hr forms to a poverty officer without reveal: the ID stays masked, the card still answers', async () => {
    const { page } = watched;
    const identity: Identity = { subject: 'test-poverty-officer', department: 'poverty', role: 'officer', region: COUNTY_OFFICER.region, permissions: [] };
    const session = JSON.stringify({ token: await tokenFor(identity), department: 'poverty', role: 'officer', region: identity.region });
    await page.evaluate(`sessionStorage.setItem('jiuye.session', ${JSON.stringify(session)}); sessionStorage.removeItem('jiuye.purpose')`);
    await page.reload();
    await page.getByRole('radio', { name: '帮扶救助' }).check();
    await page.getByRole('button', { name: '确认' }).click();
    await page.locator('input[name=idNumber]').fill(idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('worker-card').waitFor();
    const graph = (await platform.queryAs(identity, `query($id: String!) { worker(idNumber: $id) { name idNumberMasked } }`, { id: idNumber }, 'assistance')).data.worker;
    expect(await page.getByTestId('worker-name').textContent()).toBe(graph.name);
    expect(await page.getByTestId('worker-id-number').textContent()).toBe(graph.idNumberMasked);
    expect(await page.getByRole('button', { name: '显示' }).count()).toBe(0);
    // No hr form; only 记录服务, which records the poverty department's own service (recordPovertyService).
    expect(await page.locator('form.action-form:not([data-testid=record-service-form])').count()).toBe(0);
    expect(await page.getByTestId('record-service-form').count()).toBe(1);
    await page.getByTestId('service-timeline').locator('ol > li').first().waitFor();
    expect(sent.slice(-2)).toEqual([
      { operation: 'WorkerCard', purpose: 'assistance' },
      { operation: 'ServiceTimeline', purpose: 'assistance' },
    ]);
  });

  it('made no request off this machine and logged no console error', () => {
    expect(watched.blocked).toEqual([]);
    expect(watched.errors).toEqual([]);
    // Every person-level request carried the declared purpose; only the division catalogue (region picker) goes without.
    expect(sent.filter((request) => !request.purpose).every((request) => request.operation === 'DivisionChildren')).toBe(true);
  });
});
