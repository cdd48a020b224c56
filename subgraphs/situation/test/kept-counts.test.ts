import { KEPT_ROSTERS } from '../src/roster/village-counts';
import {
  COUNTY_STAFF,
  insertPeople,
  insertRows,
  personRow,
  startSituationAlone,
  TEST_COUNTY,
  TEST_TOWNSHIP,
  TEST_VILLAGE,
  OTHER_VILLAGE,
  type SituationAlone,
} from '@jiuye/testing/situation';

/**
 * The kept counts (village_counts, recounted by the projector) and the lists they promise to
 * agree with use one definition each (sql/conditions.ts, roster/roster-kinds.ts): a list's
 * totalCount (read from the kept counts) equals the rows it lists, roster by roster and for the
 * zero-employment households, over a village and over the county.
 */
describe('kept counts = lists', () => {
  let situation: SituationAlone;

  beforeAll(async () => {
    situation = await startSituationAlone();
    await insertRows(situation.db, 'division', [
      { code: TEST_COUNTY, name: '东川区', level: 'COUNTY', parent_code: '5301' },
      { code: TEST_TOWNSHIP, name: '甲镇', level: 'TOWNSHIP', parent_code: TEST_COUNTY },
      { code: TEST_VILLAGE, name: '甲村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
      { code: OTHER_VILLAGE, name: '乙村', level: 'VILLAGE', parent_code: TEST_TOWNSHIP },
    ]);
    const poverty = [null, 'NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP'];
    const places = [null, 'IN_TOWNSHIP', 'IN_COUNTY', 'OUT_OF_COUNTY_IN_PROVINCE', 'OUT_OF_PROVINCE'];
    const people = Array.from({ length: 60 }, (_, i) => {
      const village = i % 3 === 0 ? OTHER_VILLAGE : TEST_VILLAGE;
      const employed = i % 4 === 1 || i % 7 === 0;
      return personRow({
        village_code: village,
        // Households of 1–3 members: some with an able labourer and nobody employed.
        household_code: `${village}${String(100 + Math.floor(i / 3)).padStart(4, '0')}`,
        id_number: `${i % 5 === 0 ? '44' : '53'}0113199001${String(i).padStart(4, '0')}10`,
        able_labourer: i % 6 !== 5,
        employment_status: employed ? 'EMPLOYED' : i % 5 === 2 ? 'UNABLE_TO_WORK' : 'UNEMPLOYED',
        employment_place: employed ? places[i % places.length] : null,
        employment_intention: i % 8 === 3 ? 'NONE' : 'LOCAL',
        training_wish: i % 3 === 1 ? '电工' : null,
        poverty_status: poverty[i % poverty.length],
      });
    });
    // Households where nobody works and nobody is able to: not zero-employment households.
    const notAble = [TEST_VILLAGE, OTHER_VILLAGE].map((village, i) =>
      personRow({ village_code: village, household_code: `${village}${String(900 + i).padStart(4, '0')}`, able_labourer: false, employment_status: 'UNABLE_TO_WORK' }),
    );
    await insertPeople(situation.db, [...people, ...notAble]);
  });
  afterAll(async () => situation?.stop());

  const ROSTER = `query ($kind: RosterKind!, $region: String) { roster(kind: $kind, region: $region, first: 500) { totalCount nodes { id } } }`;
  const ZERO = `query ($region: String) { zeroEmploymentHouseholds(region: $region, first: 500) { totalCount nodes { code } } }`;

  it.each([TEST_VILLAGE, TEST_COUNTY])('every kept roster in %s', async (region) => {
    for (const kind of KEPT_ROSTERS) {
      const res: any = await situation.queryAs(COUNTY_STAFF, ROSTER, { kind, region });
      expect(res.errors).toBeUndefined();
      expect({ kind, totalCount: res.data.roster.totalCount }).toEqual({ kind, totalCount: res.data.roster.nodes.length });
    }
  });

  it.each([TEST_VILLAGE, OTHER_VILLAGE, TEST_COUNTY])('zero-employment households in %s', async (region) => {
    const res: any = await situation.queryAs(COUNTY_STAFF, ZERO, { region });
    expect(res.errors).toBeUndefined();
    expect(res.data.zeroEmploymentHouseholds.nodes.length).toBeGreaterThan(0);
    expect(res.data.zeroEmploymentHouseholds.totalCount).toBe(res.data.zeroEmploymentHouseholds.nodes.length);
  });
});
