import { readFileSync } from 'node:fs';
import pg from 'pg';
import { todayInChina, type Identity } from '@jiuye/common';
import type { Browser } from 'playwright-core';
import { launchBrowser, readUntil, signedInWorkbench, webGatewayOverrides, type WatchedPage } from '@jiuye/testing/browser';
import { COUNTY_OFFICER, startTestPlatform, tokenFor, type TestPlatform } from '@jiuye/testing/platform';

/**
 * 工作台 · 我的任务 and the worker card's 一人一案 in a real browser against the demo county: a task
 * assigned through the API shows in the village assistant's worklist, 签收 acknowledges it, 办结
 * shows the server's NOT_BORNE_OUT message and changes nothing; the county officer sees the
 * region's open tasks by assignee and assigns one with the form; a service recorded on the card
 * (a future day first: the server's message at the field, nothing written) shows in the timeline
 * as the graph answers it.
 */
jest.setTimeout(180_000);

const ZERO = `query { zeroEmploymentHouseholds(first: 500) { nodes { code villageCode } } }`;
const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { id status assignee } }`;
const CLOSE = `mutation($input: CloseTaskInput!) { closeTask(input: $input) { id } }`;
const TASK = `query($id: ID!) { task(id: $id) { id status assignee history { toStatus actor } } }`;
const TASKS_OF = `query($assignee: String) { tasks(assignee: $assignee, first: 50) { nodes { id subject assignee status } } }`;
const COUNTS = `query { tasks(first: 1) { countsByAssignee { assignee open overdue } countsByAge { bucket count } } }`;
const TIMELINE = `query($id: ID!) { situationPerson(id: $id) { serviceTimeline(first: 50) { totalCount nodes { department departmentLabel recordId kindLabel servedOn staffAccount } } } }`;

function tomorrowInChina(): string {
  return new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
}

describe('我的任务 and 一人一案 in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let base: string;
  const pages: WatchedPage[] = [];
  let households: { code: string; villageCode: string }[];
  let assistant: Identity;
  let taskId: string;

  async function signedIn(identity: Identity): Promise<WatchedPage> {
    const watched = await signedInWorkbench(browser, base, identity);
    pages.push(watched);
    return watched;
  }

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(300, webGatewayOverrides()), launchBrowser()]);
    base = platform.gateway.url.replace(/\/graphql$/, '');
    const zero = await platform.query(ZERO);
    expect(zero.errors).toBeUndefined();
    households = zero.data.zeroEmploymentHouseholds.nodes;
    expect(households.length).toBeGreaterThan(1);
    const village = households[0].villageCode;
    assistant = { subject: `assistant-${village}`, department: 'hr', role: 'village_assistant', region: village, permissions: [] };
    const assigned = await platform.query(ASSIGN, {
      input: { kind: 'ZERO_EMPLOYMENT_HOUSEHOLD', subject: households[0].code, assignee: assistant.subject, assigneeKind: 'VILLAGE_ASSISTANT', assigneeScope: village },
    });
    expect(assigned.errors).toBeUndefined();
    taskId = assigned.data.assignTask.id;
  });
  afterAll(async () => {
    for (const watched of pages) {
      expect({ blocked: watched.blocked, errors: watched.errors }).toEqual({ blocked: [], errors: [] });
      await watched.close();
    }
    await browser?.close();
    await platform?.stop();
  });

  it("shows the task assigned through the API in the assignee's worklist; 签收 acknowledges it", async () => {
    const { page } = await signedIn(assistant);
    await page.getByRole('tab', { name: '我的任务' }).click();
    const row = page.locator(`[data-testid=task-row][data-task="${taskId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('task-status').innerText()).toBe('已分派');
    expect(await row.innerText()).toContain(households[0].code);
    // The assistant is not an officer: no region view, no assign form.
    expect(await page.getByTestId('region-tasks').count()).toBe(0);
    // The tabs ask myTasks with their filter.
    await page.getByRole('tab', { name: '已逾期' }).click();
    await page.getByRole('tab', { name: '全部未办结' }).click();
    await row.waitFor();
    await row.getByRole('button', { name: '签收' }).click();
    await row.getByTestId('task-status').filter({ hasText: '已签收' }).waitFor();
    const task = (await platform.queryAs(assistant, TASK, { id: taskId })).data.task;
    expect(task.status).toBe('ACKNOWLEDGED');
    expect(task.history.at(-1)).toEqual({ toStatus: 'ACKNOWLEDGED', actor: assistant.subject });
  });

  it("办结 while nobody is employed shows the server's NOT_BORNE_OUT message and leaves the task open", async () => {
    const { page } = pages[0];
    const row = page.locator(`[data-testid=task-row][data-task="${taskId}"]`);
    // What the server says to the same request (refused, so nothing is written by asking).
    const server = await platform.queryAs(assistant, CLOSE, { input: { taskId } });
    expect(server.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_BORNE_OUT', field: 'input.taskId' });
    const expected = server.errors![0].message.replace(/^input\.taskId: /, '');
    await row.getByRole('button', { name: '办结' }).click();
    await row.getByTestId('task-error').waitFor();
    expect(await row.getByTestId('task-error').innerText()).toBe(expected);
    expect(expected).toContain('no member of the household employed');
    expect((await platform.queryAs(assistant, TASK, { id: taskId })).data.task.status).toBe('ACKNOWLEDGED');
    expect(await row.getByTestId('task-status').innerText()).toBe('已签收');
  });

  it("gives the county officer the region's open tasks by assignee and by age, and assigns with the form", async () => {
    const { page } = await signedIn(COUNTY_OFFICER);
    await page.getByRole('tab', { name: '我的任务' }).click();
    await page.getByTestId('region-tasks').waitFor();
    const row = page.getByTestId('assignee-count').filter({ hasText: assistant.subject });
    await row.waitFor();
    const counts = (await platform.query(COUNTS)).data.tasks;
    const graphRow = counts.countsByAssignee.find((entry: any) => entry.assignee === assistant.subject);
    expect(graphRow.open).toBe(1);
    expect(await row.locator('td').allInnerTexts()).toEqual([`${assistant.subject}（村劳动保障协理员）`, String(graphRow.open), String(graphRow.overdue)]);
    expect(await page.getByTestId('counts-by-age').locator('tbody td').allInnerTexts()).toEqual(counts.countsByAge.map((entry: any) => String(entry.count)));
    // A bad scope: the server's message at the field, nothing assigned.
    const other = households.find((household) => household.villageCode !== households[0].villageCode) ?? households[1];
    const form = page.getByTestId('assign-form');
    await form.locator('input[name=subject]').fill(other.code);
    await form.locator('input[name=assignee]').fill('assistant-form');
    await form.locator('input[name=assigneeScope]').fill('5301');
    await form.getByRole('button', { name: '分派' }).click();
    await form.getByTestId('error-assigneeScope').waitFor();
    expect((await platform.query(TASKS_OF, { assignee: 'assistant-form' })).data.tasks.nodes).toEqual([]);
    await form.locator('input[name=assigneeScope]').fill(other.villageCode);
    await form.getByRole('button', { name: '分派' }).click();
    await form.getByTestId('assign-message').waitFor();
    expect(await form.getByTestId('error-assigneeScope').count()).toBe(0);
    const assigned = (await platform.query(TASKS_OF, { assignee: 'assistant-form' })).data.tasks.nodes;
    expect(assigned).toEqual([expect.objectContaining({ subject: other.code, assignee: 'assistant-form', status: 'ASSIGNED' })]);
    await page.getByTestId('assignee-count').filter({ hasText: 'assistant-form' }).waitFor();

    // 导出: the region's tasks as the tasks query lists them, one row each, every subject logged before the bytes.
    const listed = (await platform.query(`query { tasks(first: 500) { totalCount nodes { id subject householdCode } } }`)).data.tasks;
    const exported = page.waitForResponse((response) => response.url().includes('/exports/tasks.csv'));
    const download = page.waitForEvent('download');
    await page.getByTestId('region-tasks').getByRole('button', { name: '导出 CSV' }).click();
    const response = await exported;
    expect(response.status()).toBe(200);
    expect(Object.fromEntries(new URL(response.url()).searchParams)).toEqual({ region: COUNTY_OFFICER.region });
    const lines = readFileSync(await (await download).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line.length > 0);
    const header = lines.findIndex((line) => line.startsWith('序号,'));
    expect(lines[header].split(',')).toEqual([
      '序号',
      '任务编号',
      '任务类别',
      '村（社区）',
      '户编号',
      '姓名',
      '状态',
      '承办人',
      '开立日期',
      '到期日',
      '逾期天数',
      '办结结果',
      '办结日期',
    ]);
    const ids = lines.slice(header + 1).map((line) => line.split(',')[1]);
    expect(ids.sort()).toEqual(listed.nodes.map((node: any) => String(node.id)).sort());
    expect(lines.some((line) => line.includes(other.code) && line.includes('assistant-form'))).toBe(true);
    const audit = new pg.Client({ connectionString: platform.auditDatabaseUrl });
    await audit.connect();
    try {
      const logged = await audit.query(`select count(*)::int as n from access_log where operation like 'export /exports/tasks.csv%'`);
      expect(logged.rows[0].n).toBe(listed.totalCount);
    } finally {
      await audit.end();
    }
    // A filter the tasks query does not know is refused, naming it.
    const refused = await fetch(`${base}/exports/tasks.csv?status=DONE`, { headers: { authorization: `Bearer ${await tokenFor(COUNTY_OFFICER)}`, 'x-purpose': 'verification' } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].extensions.field).toBe('status');
  });

  it('records a service on the worker card and the 一人一案 timeline shows it as the graph answers', async () => {
    const { page } = pages[1];
    const idNumber = platform.county
      .sampleIdNumbers()
      .map((sample) => sample.idNumber)
      .find((candidate) => [...platform.county.households(500)].flat().some((household) => household.members.some((m) => m.idNumber === candidate && m.inLabourRegistry)))!;
    expect(idNumber).toBeDefined();
    const workerId: string = (await platform.query(`query($id: String!) { worker(idNumber: $id) { id } }`, { id: idNumber })).data.worker.id;
    const before = (await platform.query(TIMELINE, { id: workerId })).data.situationPerson.serviceTimeline;
    await page.getByRole('tab', { name: '人员查询' }).click();
    await page.locator('input[name=idNumber]').fill(idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('service-timeline').waitFor();
    const form = page.getByTestId('record-service-form');
    // A day after today: the server's message next to the day, nothing written.
    const refused = await platform.query(`mutation($input: RecordServiceInput!) { recordHrService(input: $input) { id } }`, {
      input: { workerId, kind: 'CAREER_GUIDANCE', servedOn: tomorrowInChina() },
    });
    const expected = refused.errors![0].extensions!.problems.find((problem: { field: string }) => problem.field === 'input.servedOn').message;
    await form.locator('input[name=servedOn]').fill(tomorrowInChina());
    await form.getByRole('button', { name: '记录服务' }).click();
    await form.getByTestId('error-servedOn').waitFor();
    expect(await form.getByTestId('error-servedOn').innerText()).toBe(expected);
    // A contact attempt takes an outcome and a channel.
    await form.locator('select[name=serviceKind]').selectOption('CONTACT_ATTEMPT');
    await form.locator('select[name=outcome]').selectOption('REACHED');
    await form.locator('select[name=channel]').selectOption('PHONE');
    await form.locator('input[name=servedOn]').fill(todayInChina());
    await form.getByRole('button', { name: '记录服务' }).click();
    await form.getByTestId('service-message').waitFor();
    const after = await readUntil(
      async () => (await platform.query(TIMELINE, { id: workerId })).data.situationPerson.serviceTimeline,
      (timeline) => timeline.totalCount === before.totalCount + 1,
      'the service in the read model',
    );
    const recorded = after.nodes.find((entry: any) => !before.nodes.some((old: any) => old.department === entry.department && old.recordId === entry.recordId));
    expect(recorded).toMatchObject({ department: 'hr', kindLabel: '联系（电话/走访）', servedOn: todayInChina(), staffAccount: COUNTY_OFFICER.subject });
    const entry = page.locator(`[data-testid=service-entry][data-record="hr-${recorded.recordId}"]`);
    await entry.waitFor();
    // Our own department's record carries 作废 (withdraw).
    expect(await entry.innerText()).toBe(`${recorded.servedOn} ${recorded.kindLabel} · ${recorded.departmentLabel} · ${COUNTY_OFFICER.subject} · 已联系上 · 电话 作废`);
    // Newest first, as the graph orders them.
    const shown = await page.getByTestId('service-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-record')));
    expect(shown).toEqual(after.nodes.map((node: any) => `${node.department}-${node.recordId}`));
    expect(await page.getByTestId('last-service-on').innerText()).toContain(todayInChina());

    // 作废: a reason too short gets the server's message at the field and withdraws nothing; with a reason the entry leaves.
    await entry.getByRole('button', { name: '作废' }).click();
    const withdraw = entry.getByTestId('withdraw-service-form');
    await withdraw.locator('input[name=reason]').fill('错');
    await withdraw.getByRole('button', { name: '确认作废' }).click();
    await withdraw.getByTestId('error-reason').waitFor();
    const short = await platform.query(`mutation($input: WithdrawServiceInput!) { withdrawHrService(input: $input) { id } }`, { input: { id: recorded.recordId, reason: '错' } });
    expect(await withdraw.getByTestId('error-reason').innerText()).toBe(short.errors![0].extensions!.problems[0].message);
    expect((await platform.subgraphs.hr.sql(`select withdrawn_at from service_record where id = ?`, [Number(recorded.recordId)]))[0].withdrawn_at).toBeNull();
    await withdraw.locator('input[name=reason]').fill('录入错误：重复记录');
    await withdraw.getByRole('button', { name: '确认作废' }).click();
    await entry.waitFor({ state: 'detached', timeout: 30_000 });
    const left = (await platform.query(TIMELINE, { id: workerId })).data.situationPerson.serviceTimeline;
    expect(left.totalCount).toBe(before.totalCount);
    const [row] = await platform.subgraphs.hr.sql<any>(`select withdrawn_by, withdrawal_reason from service_record where id = ?`, [Number(recorded.recordId)]);
    expect(row).toEqual({ withdrawn_by: COUNTY_OFFICER.subject, withdrawal_reason: '录入错误：重复记录' });
  });
});
