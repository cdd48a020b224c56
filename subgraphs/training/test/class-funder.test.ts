import { addDays, makeIdNumber, PARTNER_CITIES_PATH, todayInChina, type Identity, type Purpose } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { trainingSubgraph } from '@jiuye/training';
import { gatewayHeaders, officerOf, pseudonymOf, startTestSubgraph, testSubgraphConfig, type GraphQLResponse, type TestSubgraph } from '@jiuye/testing/harness';

/**
 * 资金来源 of a class (issue 14 leftover): recorded through createTrainingClass /
 * updateTrainingClass, checked field by field (PARTNER_CITY names a 4-digit city, the others
 * none, and partner — a real partner subgraph here — must know the city), institution staff within
 * their institution, kept in the change history, and published
 * for the read model (situation_source_v1.confirmed_enrolment_funding: confirmed enrolments only).
 */
type Who = Identity & { purpose?: Purpose };

const TODAY = todayInChina();
const COUNTY = '530113';
const inst1: Who = officerOf('training', { region: undefined, institution: '1', permissions: [] });
const inst2: Who = officerOf('training', { region: undefined, institution: '2', permissions: [] });

const CLASS_FIELDS = 'id funder funderCityCode location';
const CREATE_CLASS = `mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { ${CLASS_FIELDS} } }`;
const UPDATE_CLASS = `mutation($input: UpdateTrainingClassInput!) { updateTrainingClass(input: $input) { ${CLASS_FIELDS} } }`;
const CREATE_COURSE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`;

function errorOf(response: GraphQLResponse): Record<string, any> | undefined {
  return response.errors?.[0]?.extensions;
}

function fieldsOf(response: GraphQLResponse): string[] {
  const extensions = errorOf(response) ?? {};
  return extensions.problems ? extensions.problems.map((p: { field: string }) => p.field) : [extensions.field];
}

describe('a training class records who funds it', () => {
  let partner: TestSubgraph;
  let training: TestSubgraph;
  let courseId: string;

  const klass = (extra: Record<string, unknown> = {}) => ({
    courseId,
    startsOn: addDays(TODAY, 10),
    endsOn: addDays(TODAY, 39),
    capacity: 30,
    location: '东川区技工学校实训楼',
    teacher: '李老师',
    ...extra,
  });
  const classes = () => training.sql<Record<string, unknown>>(`select * from training_class order by id`);

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    await partner.sql(
      `insert into partner_city (code, name, province, paired_since) values ('4403', '深圳市', '广东省', '2016-01-01'), ('3205', '苏州市', '江苏省', '2016-01-01')`,
    );
    const config = testSubgraphConfig('training');
    training = await startTestSubgraph(trainingSubgraph, { ...config, authorityUrls: { ...config.authorityUrls, partner: partner.url } });
    await training.sql(
      `insert into institution (id, name, kind, division_code) values (1, '东川区技工学校', 'TECHNICAL_SCHOOL', '530113101'), (2, '汤丹镇职业技能培训中心', 'TRAINING_CENTRE', '530113102')`,
    );
    const course = await training.queryAs(inst1, CREATE_COURSE, {
      input: { name: '电工（协作班）', trade: 'ELECTRICIAN', kind: 'MEDIUM_TERM', level: 5, hours: 240, durationDays: 60, subsidyPerTrainee: 1200 },
    });
    expect(course.errors).toBeUndefined();
    courseId = course.data.createCourse.id;
  });
  afterAll(async () => {
    await training?.stop();
    await partner?.stop();
  });

  it('a class funded by partner city 4403 carries the city; other funders none; an unrecorded funder stays empty', async () => {
    const funded = await training.queryAs(inst1, CREATE_CLASS, { input: klass({ funder: 'PARTNER_CITY', funderCityCode: ' 4403 ' }) });
    expect(funded.errors).toBeUndefined();
    expect(funded.data.createTrainingClass).toMatchObject({ funder: 'PARTNER_CITY', funderCityCode: '4403' });
    const local = await training.queryAs(inst1, CREATE_CLASS, { input: klass({ funder: 'LOCAL_FISCAL' }) });
    expect(local.data.createTrainingClass).toMatchObject({ funder: 'LOCAL_FISCAL', funderCityCode: null });
    const unknown = await training.queryAs(inst1, CREATE_CLASS, { input: klass() });
    expect(unknown.data.createTrainingClass).toMatchObject({ funder: null, funderCityCode: null });
  });

  it('bad funder input names the field, every one at once, and writes nothing', async () => {
    const before = await classes();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ funder: 'PARTNER_CITY' }, ['input.funderCityCode']],
      [{ funder: 'PARTNER_CITY', funderCityCode: '44x3' }, ['input.funderCityCode']],
      [{ funder: 'PARTNER_CITY', funderCityCode: '440307' }, ['input.funderCityCode']],
      [{ funder: 'PARTNER_CITY', funderCityCode: '4400' }, ['input.funderCityCode']],
      // Well formed, but no partner city of the platform (partner says so).
      [{ funder: 'PARTNER_CITY', funderCityCode: '4401' }, ['input.funderCityCode']],
      [{ funder: 'ENTERPRISE', funderCityCode: '4403' }, ['input.funderCityCode']],
      [{ funderCityCode: '4403' }, ['input.funderCityCode']],
      [{ funder: 'PARTNER_CITY', capacity: 0 }, ['input.capacity', 'input.funderCityCode']],
    ];
    for (const [extra, fields] of cases) {
      const response = await training.queryAs(inst1, CREATE_CLASS, { input: klass(extra) });
      expect([extra, errorOf(response)?.code]).toEqual([extra, 'BAD_USER_INPUT']);
      expect([extra, fieldsOf(response)]).toEqual([extra, fields]);
    }
    // Not one of the vocabulary: refused by the schema, naming the value.
    const unknownFunder = await training.queryAs(inst1, CREATE_CLASS, { input: klass({ funder: 'BANK' }) });
    expect(unknownFunder.errors?.[0]?.message).toContain('funder');
    expect(await classes()).toEqual(before);
  });

  it('changes the funder of an open class; the city follows the funder; another institution’s class reads as missing', async () => {
    const created = await training.queryAs(inst1, CREATE_CLASS, { input: klass({ funder: 'LOCAL_FISCAL' }) });
    const id = created.data.createTrainingClass.id;
    const toCity = await training.queryAs(inst1, UPDATE_CLASS, { input: { id, funder: 'PARTNER_CITY', funderCityCode: '3205' } });
    expect(toCity.errors).toBeUndefined();
    expect(toCity.data.updateTrainingClass).toMatchObject({ funder: 'PARTNER_CITY', funderCityCode: '3205' });
    // The city alone, for a class a partner city funds; other changes keep the funder.
    const city = await training.queryAs(inst1, UPDATE_CLASS, { input: { id, funderCityCode: '4403' } });
    expect(city.data.updateTrainingClass).toMatchObject({ funder: 'PARTNER_CITY', funderCityCode: '4403' });
    const place = await training.queryAs(inst1, UPDATE_CLASS, { input: { id, location: '汤丹镇培训点' } });
    expect(place.data.updateTrainingClass).toMatchObject({ funder: 'PARTNER_CITY', funderCityCode: '4403', location: '汤丹镇培训点' });
    const before = await classes();
    expect(fieldsOf(await training.queryAs(inst1, UPDATE_CLASS, { input: { id, funderCityCode: '44' } }))).toEqual(['input.funderCityCode']);
    expect(fieldsOf(await training.queryAs(inst1, UPDATE_CLASS, { input: { id, funder: 'PARTNER_CITY' } }))).toEqual(['input.funderCityCode']);
    const unknownCity = await training.queryAs(inst1, UPDATE_CLASS, { input: { id, funderCityCode: '1101' } });
    expect(errorOf(unknownCity)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.funderCityCode' });
    expect(unknownCity.errors?.[0]?.message).toContain('1101 is not a partner city');
    expect(errorOf(await training.queryAs(inst2, UPDATE_CLASS, { input: { id, funder: 'OTHER' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(await classes()).toEqual(before);
    // A new funder drops the city.
    const enterprise = await training.queryAs(inst1, UPDATE_CLASS, { input: { id, funder: 'ENTERPRISE' } });
    expect(enterprise.data.updateTrainingClass).toMatchObject({ funder: 'ENTERPRISE', funderCityCode: null });
    const history = await training.sql<{ changes: Record<string, unknown> }>(
      `select changes from change_history where table_name = 'training_class' and row_key = ? and operation = 'UPDATE' order by id`,
      [String(id)],
    );
    expect(history.map((h) => h.changes.funder ?? h.changes.funder_city_code ?? null).filter(Boolean)).toEqual([
      ['LOCAL_FISCAL', 'PARTNER_CITY'],
      ['3205', '4403'],
      ['PARTNER_CITY', 'ENTERPRISE'],
    ]);
  });

  it("partner's route answers which codes are partner cities, to signed callers only, and refuses a malformed question", async () => {
    const url = partner.url.replace(/\/graphql$/, PARTNER_CITIES_PATH);
    const ask = async (body: unknown, headers: Record<string, string>) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const signed = await gatewayHeaders(inst1);
    expect(await ask({ codes: ['4403', '4401', '3205'] }, signed)).toEqual({ status: 200, body: { known: expect.arrayContaining(['4403', '3205']) } });
    expect((await ask({ codes: ['4401'] }, signed)).body).toEqual({ known: [] });
    expect((await ask({ codes: ['44x3'] }, signed)).status).toBe(400);
    expect((await ask({ codes: Array.from({ length: 21 }, () => '4403') }, signed)).status).toBe(400);
    expect((await ask({ codes: ['4403'] }, {})).status).toBe(401);
  });

  it('publishes the funder of confirmed enrolments only', async () => {
    const created = await training.queryAs(inst1, CREATE_CLASS, { input: klass({ funder: 'PARTNER_CITY', funderCityCode: '4403' }) });
    const classId = Number(created.data.createTrainingClass.id);
    for (const [seq, confirmation] of [
      [1, 'CONFIRMED'],
      [2, 'PENDING'],
    ] as const) {
      const idNumber = makeIdNumber(COUNTY, '1990-01-01', seq);
      await training.sql(`insert into enrolment (class_id, worker_id, id_number, enrolled_on, confirmation) values (?, ?, ?, ?, ?)`, [
        classId,
        pseudonymOf(idNumber),
        idNumber,
        TODAY,
        confirmation,
      ]);
    }
    const published = await training.sql(
      `select v.worker_id, v.funder, v.funder_city_code from situation_source_v1.confirmed_enrolment_funding v join enrolment e on e.id = v.id where e.class_id = ?`,
      [classId],
    );
    expect(published).toEqual([{ worker_id: pseudonymOf(makeIdNumber(COUNTY, '1990-01-01', 1)), funder: 'PARTNER_CITY', funder_city_code: '4403' }]);
  });
});
