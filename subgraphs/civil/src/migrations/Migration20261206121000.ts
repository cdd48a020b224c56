import { Migration } from '@mikro-orm/migrations';

/**
 * Civil affairs' facts about a person (left behind, disability) were kept in a table named
 * person_situation, the name of the situation read model's own table of the whole picture; two
 * tables of one name in two databases read as one thing. Renamed to person_circumstance, with its
 * key, indexes, checks and outbox trigger (the outbox's source name follows the table name).
 */
export class Migration20261206121000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "person_situation" rename to "person_circumstance";`);
    this.addSql(`alter table "person_circumstance" rename constraint "person_situation_pkey" to "person_circumstance_pkey";`);
    this.addSql(`alter table "person_circumstance" rename constraint "person_situation_left_behind_check" to "person_circumstance_left_behind_check";`);
    this.addSql(`alter table "person_circumstance" rename constraint "person_situation_disability_kind_check" to "person_circumstance_disability_kind_check";`);
    this.addSql(`alter index "person_situation_id_number_index" rename to "person_circumstance_id_number_index";`);
    this.addSql(`alter index "person_situation_household_code_index" rename to "person_circumstance_household_code_index";`);
    this.addSql(`alter trigger "person_situation_outbox" on "person_circumstance" rename to "person_circumstance_outbox";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter trigger "person_circumstance_outbox" on "person_circumstance" rename to "person_situation_outbox";`);
    this.addSql(`alter index "person_circumstance_household_code_index" rename to "person_situation_household_code_index";`);
    this.addSql(`alter index "person_circumstance_id_number_index" rename to "person_situation_id_number_index";`);
    this.addSql(`alter table "person_circumstance" rename constraint "person_circumstance_disability_kind_check" to "person_situation_disability_kind_check";`);
    this.addSql(`alter table "person_circumstance" rename constraint "person_circumstance_left_behind_check" to "person_situation_left_behind_check";`);
    this.addSql(`alter table "person_circumstance" rename constraint "person_circumstance_pkey" to "person_situation_pkey";`);
    this.addSql(`alter table "person_circumstance" rename to "person_situation";`);
  }
}
