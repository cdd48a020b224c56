import type { ClientBase } from 'pg';
import { DEV_CADRE_ACCOUNT, DEV_CADRE_TOWNSHIP } from '@jiuye/common';
import { PAIRINGS_FROM_RESPONSIBILITIES_SQL, POSTINGS_FROM_RESPONSIBILITIES_SQL, UNIT_REGIONS_FROM_PAIRINGS_SQL } from '@jiuye/poverty';
import { bulkInsert, resetSequences } from '../bulk';
import type { DemoHousehold, DemoReference } from '../demo';
import { seedWorkerId, type DepartmentSeeder } from '../seeding';

/**
 * Whether the generated household is a 零就业家庭 as the read model will count it: someone able to
 * work (a registry member of 16–60, not a student or in military service, able, without a grade
 * 1–2 disability: situation's isAbleLabourer) and nobody employed.
 */
export function generatedZeroEmployment(household: DemoHousehold): boolean {
  const able = household.members.some(
    (m) =>
      m.inLabourRegistry &&
      m.age >= 16 &&
      m.age <= 60 &&
      m.populationStatus !== 'STUDENT' &&
      m.populationStatus !== 'MILITARY_SERVICE' &&
      m.employmentStatus !== 'UNABLE_TO_WORK' &&
      !(m.disability !== null && m.disability.grade <= 2),
  );
  return able && !household.members.some((m) => m.inLabourRegistry && m.employmentStatus === 'EMPLOYED');
}

/** Tables with serial ids: their sequences move past the seeded ids in finish(). */
const SERIAL_TABLES = ['relocation_site', 'responsible_unit', 'cadre', 'household_member', 'poverty_status_change', 'household_responsibility'];

/**
 * 扶贫办's part of the demo county: relocation sites, responsible units and cadres; then, per
 * batch, the registered households (povertyStatus not null), all their members, their status
 * history as changes and the responsibility of their cadre and unit. After the last batch, the
 * cadres' postings and the units' pairings with villages are read off those responsibilities.
 */
export const povertySeeder: DepartmentSeeder<DemoReference, DemoHousehold> = {
  name: 'poverty',
  tables: ['household', 'household_member', 'poverty_status_change', 'household_responsibility', 'cadre_posting', 'unit_pairing', 'relocation_site', 'responsible_unit', 'cadre'],

  async seedReference(client: ClientBase, reference: DemoReference) {
    await bulkInsert(
      client,
      'relocation_site',
      [
        { name: 'id', type: 'int' },
        { name: 'name', type: 'text' },
        { name: 'division_code', type: 'text' },
        { name: 'capacity_households', type: 'int' },
      ],
      reference.relocationSites.map((s) => [s.id, s.name, s.divisionCode, s.capacityHouseholds]),
    );
    await bulkInsert(
      client,
      'responsible_unit',
      [
        { name: 'id', type: 'int' },
        { name: 'name', type: 'text' },
      ],
      reference.responsibleUnits.map((u) => [u.id, u.name]),
    );
    await bulkInsert(
      client,
      'cadre',
      [
        { name: 'id', type: 'int' },
        { name: 'name', type: 'text' },
        { name: 'unit_id', type: 'int' },
        { name: 'phone', type: 'text' },
      ],
      reference.cadres.map((c) => [c.id, c.name, c.unitId, c.phone]),
    );
  },

  async seedHouseholds(client: ClientBase, households: DemoHousehold[], context) {
    const registered: unknown[][] = [];
    const members: unknown[][] = [];
    const changes: unknown[][] = [];
    const responsibilities: unknown[][] = [];
    for (const household of households) {
      if (household.povertyStatus === null || household.statusHistory.length === 0) continue;
      const history = household.statusHistory;
      const first = history[0];
      const last = history[history.length - 1];
      registered.push([
        household.code,
        household.villageCode,
        household.povertyStatus,
        last.effectiveOn,
        household.registeredYear ?? Number(first.effectiveOn.slice(0, 4)),
        household.relocationSiteId,
      ]);
      for (const person of household.members) {
        members.push([household.code, seedWorkerId(person.idNumber, context), person.idNumber, person.name, person.sex, person.birthDate, person.relationship]);
      }
      history.forEach((change, i) => {
        changes.push([household.code, i === 0 ? null : history[i - 1].status, change.status, change.effectiveOn, change.reason]);
      });
      // The cadre (and unit) have been responsible since the household was registered.
      const unitId = household.responsibleUnitId;
      if (household.cadreId !== null && unitId !== null) responsibilities.push([household.code, household.cadreId, unitId, first.effectiveOn]);
    }
    const written = [
      await bulkInsert(
        client,
        'household',
        [
          { name: 'code', type: 'text' },
          { name: 'village_code', type: 'text' },
          { name: 'poverty_status', type: 'text' },
          { name: 'status_since', type: 'date' },
          { name: 'registered_year', type: 'smallint' },
          { name: 'relocation_site_id', type: 'int' },
        ],
        registered,
      ),
      await bulkInsert(
        client,
        'household_member',
        [
          { name: 'household_code', type: 'text' },
          { name: 'worker_id', type: 'text' },
          { name: 'id_number', type: 'text' },
          { name: 'name', type: 'text' },
          { name: 'sex', type: 'text' },
          { name: 'birth_date', type: 'date' },
          { name: 'relationship', type: 'text' },
        ],
        members,
      ),
      await bulkInsert(
        client,
        'poverty_status_change',
        [
          { name: 'household_code', type: 'text' },
          { name: 'from_status', type: 'text' },
          { name: 'to_status', type: 'text' },
          { name: 'effective_on', type: 'date' },
          { name: 'reason', type: 'text' },
        ],
        changes,
      ),
      await bulkInsert(
        client,
        'household_responsibility',
        [
          { name: 'household_code', type: 'text' },
          { name: 'cadre_id', type: 'int' },
          { name: 'unit_id', type: 'int' },
          { name: 'since', type: 'date' },
        ],
        responsibilities,
      ),
    ];
    // The demo cadre account (npm start prints its token): the cadre of the first zero-employment
    // household of its township carries it, so the feed assigns that household's task to it.
    const devCadre = households.find(
      (h) =>
        h.povertyStatus !== null &&
        h.statusHistory.length > 0 &&
        h.cadreId !== null &&
        h.responsibleUnitId !== null &&
        h.villageCode.startsWith(DEV_CADRE_TOWNSHIP) &&
        generatedZeroEmployment(h),
    );
    if (devCadre) {
      await client.query(`update cadre set account = $1 where id = $2 and not exists (select 1 from cadre where account = $1)`, [DEV_CADRE_ACCOUNT, devCadre.cadreId]);
    }
    return written.reduce((a, b) => a + b, 0);
  },

  async finish(client: ClientBase) {
    await resetSequences(client, SERIAL_TABLES);
    await client.query(POSTINGS_FROM_RESPONSIBILITIES_SQL);
    await client.query(PAIRINGS_FROM_RESPONSIBILITIES_SQL);
    await client.query(UNIT_REGIONS_FROM_PAIRINGS_SQL);
    await client.query('analyze');
  },
};
