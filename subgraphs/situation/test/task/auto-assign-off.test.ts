import pg from 'pg';
import { todayInChina, type Identity } from '@jiuye/common';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * TASK_AUTO_ASSIGN=off (a county that assigns every task by hand): the responsible cadre carries
 * an account and the feed has it on the household, yet the household's open task stays
 * unassigned and nobody is notified.
 */
jest.setTimeout(300_000);

const TODAY = todayInChina();
let platform: TestPlatform;
const POVERTY_OFFICER: Identity = { subject: 'poverty-officer-530113', department: 'poverty', role: 'officer', region: DEMO_COUNTY, permissions: [] };

async function situationRows<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: platform.subgraphs.situation.config.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  platform = await startTestPlatform(300, {}, { situation: { taskAutoAssign: false } });
});
afterAll(() => platform?.stop());

it('leaves the open task of a household whose cadre has an account unassigned', async () => {
  const [open] = await situationRows<{ subject: string; village_code: string; id: number }>(
    `select id, subject, village_code from task where kind = 'ZERO_EMPLOYMENT_HOUSEHOLD' and status = 'OPEN' order by subject limit 1`,
  );
  const unit: any = await platform.queryAs(POVERTY_OFFICER, `mutation($input: CreateResponsibleUnitInput!) { createResponsibleUnit(input: $input) { id } }`, {
    input: { name: '县农业农村局', kind: 'PARTY_GOVERNMENT' },
  });
  const cadre: any = await platform.queryAs(POVERTY_OFFICER, `mutation($input: CreateCadreInput!) { createCadre(input: $input) { id } }`, {
    input: {
      name: '周帮扶',
      unitId: unit.data.createResponsibleUnit.id,
      role: 'RESPONSIBLE_PERSON',
      villageCode: open.village_code,
      since: '2020-01-01',
      account: 'cadre-off-001',
    },
  });
  expect(cadre.errors).toBeUndefined();
  const responsibility: any = await platform.queryAs(POVERTY_OFFICER, `mutation($input: AssignResponsibilityInput!) { assignResponsibility(input: $input) { householdCode } }`, {
    input: { householdCode: open.subject, cadreId: cadre.data.createCadre.id, since: TODAY },
  });
  expect(responsibility.errors).toBeUndefined();
  const started = Date.now();
  while ((await situationRows(`select 1 from household_situation where code = $1 and cadre_account = 'cadre-off-001'`, [open.subject])).length === 0) {
    if (Date.now() - started > 20_000) throw new Error('timed out waiting for the feed to bring the cadre account');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  expect(await situationRows(`select status, assignee from task where id = $1`, [open.id])).toEqual([{ status: 'OPEN', assignee: null }]);
  expect(await situationRows(`select id from notification_outbox where task_id = $1`, [open.id])).toEqual([]);
});
