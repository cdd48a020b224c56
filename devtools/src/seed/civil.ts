import type { ClientBase } from 'pg';
import { bulkInsert, resetSequences } from '../bulk';
import type { DemoHousehold, DemoReference } from '../demo';
import { seedWorkerId, type DepartmentSeeder } from '../seeding';

/** 民政's part of the demo county: assistance per household, situations and care duties per person. */
export const civilSeeder: DepartmentSeeder<DemoReference, DemoHousehold> = {
  name: 'civil',
  tables: ['assistance_grant', 'care_duty', 'person_circumstance'],

  async seedReference() {
    // Civil affairs has no reference tables of its own.
  },

  async seedHouseholds(client: ClientBase, households: DemoHousehold[], context) {
    const grants: unknown[][] = [];
    const situations: unknown[][] = [];
    const duties: unknown[][] = [];
    for (const household of households) {
      for (const grant of household.assistance) {
        grants.push([household.code, grant.kind, grant.monthlyAmount, grant.startsOn, grant.endsOn, grant.stopReason]);
      }
      for (const person of household.members) {
        const workerId = seedWorkerId(person.idNumber, context);
        if (person.leftBehind || person.disability) {
          situations.push([workerId, person.idNumber, household.code, person.leftBehind, person.disability?.kind ?? null, person.disability?.grade ?? null]);
        }
        for (const duty of person.careDuties) duties.push([workerId, duty.reason, duty.caredForName, duty.since]);
      }
    }
    // One client runs one statement at a time: write the tables in turn.
    const written = [
      await bulkInsert(
        client,
        'assistance_grant',
        [
          { name: 'household_code', type: 'text' },
          { name: 'kind', type: 'text' },
          { name: 'monthly_amount', type: 'int' },
          { name: 'starts_on', type: 'date' },
          { name: 'ends_on', type: 'date' },
          { name: 'stop_reason', type: 'text' },
        ],
        grants,
      ),
      await bulkInsert(
        client,
        'person_circumstance',
        [
          { name: 'worker_id', type: 'text' },
          { name: 'id_number', type: 'text' },
          { name: 'household_code', type: 'text' },
          { name: 'left_behind', type: 'text' },
          { name: 'disability_kind', type: 'text' },
          { name: 'disability_grade', type: 'smallint' },
        ],
        situations,
      ),
      await bulkInsert(
        client,
        'care_duty',
        [
          { name: 'worker_id', type: 'text' },
          { name: 'reason', type: 'text' },
          { name: 'cared_for_name', type: 'text' },
          { name: 'since', type: 'date' },
        ],
        duties,
      ),
    ];
    return written.reduce((a, b) => a + b, 0);
  },

  async finish(client: ClientBase) {
    await resetSequences(client, ['assistance_grant', 'care_duty']);
    await client.query('analyze');
  },
};
