import { addDays, todayInChina, type Identity } from '@jiuye/common';
import { pseudonymOf } from '@jiuye/testing/harness';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '@jiuye/testing/platform';

/**
 * 东西部协作资金培训, through the gateway on the real stack: a class training records as funded by
 * partner city 4403 (createTrainingClass with funder PARTNER_CITY), its county-confirmed trainees
 * projected into the read model with the class's funder, and partnerAssessment.fundedTraining
 * counting them for 4403 only — small counts withheld for every reader (dashboards read no per-city
 * assessment at all: partner refuses them, as for every per-city slice).
 */
jest.setTimeout(240_000);

let platform: TestPlatform;
const TODAY = todayInChina();
const SHENZHEN = '4403';
const SUZHOU = '3205';
/** SUPPRESSION_THRESHOLD is not set in tests: the default. */
const THRESHOLD = 5;

const shenzhen: Identity = { subject: 'partner-4403-staff', department: 'partner', role: 'officer', partnerCity: SHENZHEN, permissions: [] };
const suzhou: Identity = { subject: 'partner-3205-staff', department: 'partner', role: 'officer', partnerCity: SUZHOU, permissions: [] };
const countyOffice: Identity = { subject: 'partner-county-office', department: 'partner', role: 'officer', region: DEMO_COUNTY, permissions: [] };
const dashboard: Identity = { subject: 'dashboard-county', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] };
const elsewhere: Identity = { ...countyOffice, subject: 'partner-elsewhere', region: '530112' };
const countyTraining: Identity = { subject: 'training-county-staff', department: 'training', role: 'officer', region: DEMO_COUNTY, permissions: [] };

const FUNDED = `query($city: String, $year: Int!) {
  partnerAssessment(cityCode: $city, year: $year) { cityCode year fundedTraining { enrolled completed employedWithin3Months suppressed } }
}`;
const CREATE_CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { id funder funderCityCode } }`;

/** The class: began 220 days ago, ended 190 days ago (a job found 120 days after is past the 3 months). */
const STARTS_ON = addDays(TODAY, -220);
const YEAR = Number(STARTS_ON.slice(0, 4));
const COMPLETED_ON = addDays(TODAY, -190);

/** Waits until the read model has applied every change the departments made. */
async function readModelCaughtUp(): Promise<void> {
  for (let i = 0; i < 150; i++) {
    let pending = 0;
    for (const name of ['hr', 'poverty', 'civil', 'training', 'partner'] as const) {
      pending += (await platform.subgraphs[name].sql<{ n: number }>('select count(*)::int as n from outbox'))[0].n;
    }
    if (pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the read model did not catch up');
}

/** The demo funds some of its classes (devtools/src/seed/training.ts): cleared first, so the city's funded training is only what this test writes. */
let classId: number;

beforeAll(async () => {
  platform = await startTestPlatform(300);
  await platform.subgraphs.training.sql(`update training_class set funder = null, funder_city_code = null where funder is not null`);
  const [course] = await platform.subgraphs.training.sql<{ id: number }>(
    `select c.id from course c join institution i on i.id = c.institution_id where i.division_code like '${DEMO_COUNTY}%' and c.closed_on is null order by c.id limit 1`,
  );
  const created = await platform.queryAs(countyTraining, CREATE_CLASS, {
    input: {
      courseId: String(course.id),
      startsOn: STARTS_ON,
      endsOn: COMPLETED_ON,
      capacity: 30,
      location: '东川区技工学校（深圳协作班）',
      teacher: '王老师',
      funder: 'PARTNER_CITY',
      funderCityCode: SHENZHEN,
    },
  });
  expect(created.errors).toBeUndefined();
  expect(created.data.createTrainingClass).toMatchObject({ funder: 'PARTNER_CITY', funderCityCode: SHENZHEN });
  classId = Number(created.data.createTrainingClass.id);
  // Seven registry workers of the county: six trainees the county confirmed, all completed (three found work within 3 months, one
  // after), and one institution's claim still pending, which counts nowhere.
  const workers = await platform.subgraphs.hr.sql<{ id_number: string }>(`select id_number from worker where village_code like '${DEMO_COUNTY}%' order by id limit 7`);
  for (const [i, w] of workers.entries()) {
    const employedOn = i < 3 ? addDays(COMPLETED_ON, 20) : i === 3 ? addDays(COMPLETED_ON, 120) : null;
    await platform.subgraphs.training.sql(
      `insert into enrolment (class_id, worker_id, id_number, enrolled_on, attendance_days, status, completed_on, employed_on, confirmation)
       values (?, ?, ?, ?, 30, 'COMPLETED', ?, ?, ?)`,
      [classId, pseudonymOf(w.id_number), w.id_number, STARTS_ON, COMPLETED_ON, employedOn, i === 6 ? 'PENDING' : 'CONFIRMED'],
    );
  }
  await readModelCaughtUp();
});

afterAll(async () => {
  await platform?.stop();
});

describe('partnerAssessment.fundedTraining: trainees of the classes the city funded', () => {
  it('the read model copies the class funder onto the confirmed trainees only', async () => {
    const rows = await platform.subgraphs.situation.sql<{ funder: string; funder_city_code: string; n: number }>(
      `select funder, funder_city_code, count(*)::int as n from training_enrolment where funder is not null group by funder, funder_city_code`,
    );
    expect(rows).toEqual([{ funder: 'PARTNER_CITY', funder_city_code: SHENZHEN, n: 6 }]);
  });

  it("counts them in 4403's assessment (enrolled, completed, employed within 3 months), not in another city's", async () => {
    const own = await platform.queryAs(shenzhen, FUNDED, { year: YEAR });
    expect(own.errors).toBeUndefined();
    // 6 enrolled and completed (the pending claim is not counted); 3 employed within 3 months: below the threshold, withheld.
    expect(own.data.partnerAssessment.fundedTraining).toEqual({ enrolled: 6, completed: 6, employedWithin3Months: null, suppressed: true });
    const other = await platform.queryAs(suzhou, FUNDED, { year: YEAR });
    expect(other.errors).toBeUndefined();
    expect(other.data.partnerAssessment.fundedTraining).toEqual({ enrolled: 0, completed: 0, employedWithin3Months: 0, suppressed: false });
    const lastYear = await platform.queryAs(shenzhen, FUNDED, { year: YEAR - 1 });
    expect(lastYear.data.partnerAssessment.fundedTraining).toEqual({ enrolled: 0, completed: 0, employedWithin3Months: 0, suppressed: false });
    // Another city asking for 4403's reads nothing.
    const foreign = await platform.queryAs(suzhou, FUNDED, { city: SHENZHEN, year: YEAR });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(foreign.data?.partnerAssessment ?? null).toBeNull();
  });

  it('region staff read the trainees of their region, small counts suppressed; dashboards get no per-city assessment', async () => {
    const response = await platform.queryAs(countyOffice, FUNDED, { city: SHENZHEN, year: YEAR });
    expect(response.errors).toBeUndefined();
    expect(response.data.partnerAssessment.fundedTraining).toEqual({ enrolled: 6, completed: 6, employedWithin3Months: null, suppressed: true });
    // Dashboards read region-wide aggregates only (a per-city slice could be subtracted from them): refused, nothing shown.
    const screen = await platform.queryAs(dashboard, FUNDED, { city: SHENZHEN, year: YEAR });
    expect(screen.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(screen.data?.partnerAssessment ?? null).toBeNull();
    const far = await platform.queryAs(elsewhere, FUNDED, { city: SHENZHEN, year: YEAR });
    expect(far.data.partnerAssessment.fundedTraining).toEqual({ enrolled: 0, completed: 0, employedWithin3Months: 0, suppressed: false });
  });

  it('once five found work within 3 months, the count is published', async () => {
    await platform.subgraphs.training.sql(`update enrolment set employed_on = ? where class_id = ? and confirmation = 'CONFIRMED' and employed_on is distinct from ?`, [
      addDays(COMPLETED_ON, 30),
      classId,
      addDays(COMPLETED_ON, 20),
    ]);
    await platform.subgraphs.training.sql(`update enrolment set employed_on = null where id = (select max(id) from enrolment where class_id = ? and confirmation = 'CONFIRMED')`, [
      classId,
    ]);
    await readModelCaughtUp();
    for (const who of [shenzhen, countyOffice]) {
      const response = await platform.queryAs(who, FUNDED, { city: SHENZHEN, year: YEAR });
      expect(response.data.partnerAssessment.fundedTraining).toEqual({ enrolled: 6, completed: 6, employedWithin3Months: THRESHOLD, suppressed: false });
    }
  });
});
