import type { ClientBase } from 'pg';
import { bulkInsert, resetSequences, type BulkColumn } from '../bulk';
import type { DemoHousehold, DemoReference } from '../demo';
import { seedWorkerId, type DepartmentSeeder } from '../seeding';

const INSTITUTION_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'int' },
  { name: 'name', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'division_code', type: 'text' },
];
const COURSE_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'int' },
  { name: 'institution_id', type: 'int' },
  { name: 'name', type: 'text' },
  { name: 'trade', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'duration_days', type: 'int' },
];
const CLASS_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'int' },
  { name: 'course_id', type: 'int' },
  { name: 'starts_on', type: 'date' },
  { name: 'ends_on', type: 'date' },
  { name: 'capacity', type: 'int' },
  { name: 'location', type: 'text' },
  { name: 'funder', type: 'text' },
  { name: 'funder_city_code', type: 'text' },
];
const ENROLMENT_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'int' },
  { name: 'class_id', type: 'int' },
  { name: 'worker_id', type: 'text' },
  { name: 'id_number', type: 'text' },
  { name: 'enrolled_on', type: 'date' },
  { name: 'attendance_days', type: 'int' },
  { name: 'status', type: 'text' },
  { name: 'completed_on', type: 'date' },
  { name: 'employed_on', type: 'date' },
  // The county's own rosters: confirmed links (hole 7), written out rather than left to a default.
  { name: 'confirmation', type: 'text' },
];
const CERTIFICATE_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'int' },
  { name: 'worker_id', type: 'text' },
  { name: 'id_number', type: 'text' },
  { name: 'enrolment_id', type: 'int' },
  { name: 'trade', type: 'text' },
  { name: 'grade', type: 'smallint' },
  { name: 'number', type: 'text' },
  { name: 'issued_on', type: 'date' },
];

/**
 * Who funded a demo class (东西部协作): every third class by a partner city of the county, the
 * cities in turn; every fifth of the others by an enterprise; the rest by the county's own
 * budget. Read off the class id (the generator is left as it is), so a re-seed funds the same.
 */
export function classFunder(classId: number, cities: readonly { code: string }[]): [funder: string, cityCode: string | null] {
  if (classId % 3 === 0 && cities.length > 0) return ['PARTNER_CITY', cities[(classId / 3 - 1) % cities.length].code];
  return classId % 5 === 0 ? ['ENTERPRISE', null] : ['LOCAL_FISCAL', null];
}

/** Children first, so that `truncate … cascade` and re-seeding never trip over each other. */
const TABLES = ['training_referral', 'certificate', 'enrolment', 'class_session', 'training_class', 'course', 'institution'];

/**
 * Loads the demo county's training data: institutions, courses and classes once, then every
 * batch of households' enrolments and certificates, one INSERT … unnest per table per batch,
 * with the generator's ids. The demo's enumerations use the same names as this subgraph's.
 */
export const trainingSeeder: DepartmentSeeder<DemoReference, DemoHousehold> = {
  name: 'training',
  tables: TABLES,

  async seedReference(client: ClientBase, reference: DemoReference): Promise<void> {
    await bulkInsert(
      client,
      'institution',
      INSTITUTION_COLUMNS,
      reference.institutions.map((i) => [i.id, i.name, i.kind, i.divisionCode]),
    );
    await bulkInsert(
      client,
      'course',
      COURSE_COLUMNS,
      reference.courses.map((c) => [c.id, c.institutionId, c.name, c.trade, c.kind, c.durationDays]),
    );
    await bulkInsert(
      client,
      'training_class',
      CLASS_COLUMNS,
      reference.classes.map((c) => [c.id, c.courseId, c.startsOn, c.endsOn, c.capacity, c.location, ...classFunder(c.id, reference.partnerCities)]),
    );
  },

  async seedHouseholds(client: ClientBase, households: DemoHousehold[], context): Promise<number> {
    const enrolments: unknown[][] = [];
    const certificates: unknown[][] = [];
    for (const household of households) {
      for (const person of household.members) {
        if (person.enrolments.length === 0 && person.certificates.length === 0) continue;
        const workerId = seedWorkerId(person.idNumber, context);
        for (const e of person.enrolments) {
          enrolments.push([e.id, e.classId, workerId, person.idNumber, e.enrolledOn, e.attendanceDays, e.status, e.completedOn, e.employedOn, 'CONFIRMED']);
        }
        for (const c of person.certificates) {
          certificates.push([c.id, workerId, person.idNumber, c.enrolmentId, c.trade, c.grade, c.number, c.issuedOn]);
        }
      }
    }
    return (await bulkInsert(client, 'enrolment', ENROLMENT_COLUMNS, enrolments)) + (await bulkInsert(client, 'certificate', CERTIFICATE_COLUMNS, certificates));
  },

  async finish(client: ClientBase): Promise<void> {
    await resetSequences(client, TABLES);
    for (const table of TABLES) await client.query(`analyze "${table}"`);
  },
};
