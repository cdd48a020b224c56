import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091624 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "cadre" ("id" serial primary key, "name" varchar(60) not null, "unit_id" int not null, "phone" varchar(20) null);`);
    this.addSql(`create index "cadre_unit_id_index" on "cadre" ("unit_id");`);

    this.addSql(
      `create table "household_member" ("id" serial primary key, "household_code" varchar(16) not null, "worker_id" varchar(32) not null, "id_number" varchar(18) not null, "name" varchar(60) not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "relationship" text check ("relationship" in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER')) not null, "removed_on" date null, "removal_reason" varchar(200) null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "household_member_household_code_index" on "household_member" ("household_code");`);
    this.addSql(`create index "household_member_worker_id_index" on "household_member" ("worker_id");`);
    this.addSql(`create index "household_member_id_number_index" on "household_member" ("id_number");`);
    this.addSql(`create unique index "household_member_current_worker_unique" on "household_member" ("worker_id") where "removed_on" is null;`);
    this.addSql(`alter table "household_member" add constraint "household_member_household_code_worker_id_unique" unique ("household_code", "worker_id");`);

    this.addSql(
      `create table "household_responsibility" ("id" serial primary key, "household_code" varchar(16) not null, "cadre_id" int not null, "unit_id" int not null, "since" date not null, "until" date null);`,
    );
    this.addSql(`create index "household_responsibility_cadre_id_index" on "household_responsibility" ("cadre_id");`);
    this.addSql(`create index "household_responsibility_unit_id_index" on "household_responsibility" ("unit_id");`);
    this.addSql(`create index "household_responsibility_household_code_since_index" on "household_responsibility" ("household_code", "since");`);
    this.addSql(`create unique index "household_responsibility_open_unique" on "household_responsibility" ("household_code") where "until" is null;`);

    this.addSql(
      `create table "poverty_status_change" ("id" serial primary key, "household_code" varchar(16) not null, "from_status" text check ("from_status" in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP')) null, "to_status" text check ("to_status" in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP')) not null, "effective_on" date not null, "reason" varchar(200) not null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "poverty_status_change_household_code_effective_on_index" on "poverty_status_change" ("household_code", "effective_on");`);

    this.addSql(
      `create table "household" ("code" varchar(16) not null, "village_code" varchar(12) not null, "poverty_status" text check ("poverty_status" in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP')) not null, "status_since" date not null, "registered_year" smallint not null, "relocation_site_id" int null, "recorded_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "household_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "household_village_code_index" on "household" ("village_code");`);
    this.addSql(`create index "household_relocation_site_id_index" on "household" ("relocation_site_id");`);
    this.addSql(`create index "household_poverty_status_code_index" on "household" ("poverty_status", "code");`);

    this.addSql(
      `create table "relocation_site" ("id" serial primary key, "name" varchar(100) not null, "division_code" varchar(12) not null, "capacity_households" int not null);`,
    );
    this.addSql(`create index "relocation_site_division_code_index" on "relocation_site" ("division_code");`);

    this.addSql(`create table "responsible_unit" ("id" serial primary key, "name" varchar(100) not null);`);
  }
}
