import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16 (every county view under 200 ms at 10^6): the 两后生 roster's total cannot be kept
 * per village like the other rosters' (it depends on the day: born less than 23 years before
 * it), so it is counted. The roster's partial index is ordered by village for the pages; counting
 * a county through it read every junior- or senior-high-school leaver of the county (about half
 * the registry) to keep the young ones. This one, ordered by birth date, holds the same people:
 * the count reads only those born after the day's cut-off.
 */
export class Migration20261212200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "person_situation_two_after_youth_born_index" on "person_situation" ("birth_date", "village_code") where education in ('JUNIOR_HIGH', 'SENIOR_HIGH') and population_status <> 'STUDENT';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "person_situation_two_after_youth_born_index";`);
  }
}
