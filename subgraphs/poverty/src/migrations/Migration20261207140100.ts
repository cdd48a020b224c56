import { Migration } from '@mikro-orm/migrations';
import { PAIRINGS_FROM_RESPONSIBILITIES_SQL, POSTINGS_FROM_RESPONSIBILITIES_SQL, UNIT_REGIONS_FROM_PAIRINGS_SQL } from '../cadre/cadre-backfill';

/**
 * Issue 13: poverty staff maintain cadres and responsible units through the graph.
 * - cadre.role: 驻村第一书记 / 驻村工作队员 / 帮扶责任人 (the rows so far are 帮扶责任人).
 * - cadre_posting: the villages a cadre serves, from/to; ended, never deleted. At most one open
 *   posting of a cadre per village.
 * - responsible_unit: kind, the region (division code) whose poverty office keeps it, and
 *   closed_on/close_reason (撤销), never deleted.
 * - unit_pairing: 结对帮扶 of a unit with a village, from/to.
 * The postings and pairings so far are read off the household responsibilities (the villages of
 * the households each cadre and unit answered for), and a unit's region is its villages' county.
 */
export class Migration20261207140100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "cadre" add column "role" text check ("role" in ('FIRST_SECRETARY', 'RESIDENT_TEAM_MEMBER', 'RESPONSIBLE_PERSON')) not null default 'RESPONSIBLE_PERSON';`,
    );
    this.addSql(
      `alter table "responsible_unit"
         add column "kind" text check ("kind" in ('PARTY_GOVERNMENT', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANISATION')) null,
         add column "region_code" varchar(12) null,
         add column "closed_on" date null,
         add column "close_reason" varchar(200) null;`,
    );
    this.addSql(
      `create table "cadre_posting" ("id" serial primary key, "cadre_id" int not null references "cadre" ("id"), "village_code" varchar(12) not null, "since" date not null, "until" date null, "end_reason" varchar(200) null, constraint "cadre_posting_dates" check ("until" is null or "until" >= "since"));`,
    );
    this.addSql(`create index "cadre_posting_cadre_id_index" on "cadre_posting" ("cadre_id");`);
    this.addSql(`create index "cadre_posting_village_code_index" on "cadre_posting" ("village_code");`);
    this.addSql(`create unique index "cadre_posting_open_unique" on "cadre_posting" ("cadre_id", "village_code") where "until" is null;`);
    this.addSql(
      `create table "unit_pairing" ("id" serial primary key, "unit_id" int not null references "responsible_unit" ("id"), "village_code" varchar(12) not null, "since" date not null, "until" date null, "end_reason" varchar(200) null, constraint "unit_pairing_dates" check ("until" is null or "until" >= "since"));`,
    );
    this.addSql(`create index "unit_pairing_unit_id_index" on "unit_pairing" ("unit_id");`);
    this.addSql(`create index "unit_pairing_village_code_index" on "unit_pairing" ("village_code");`);
    this.addSql(`create unique index "unit_pairing_open_unique" on "unit_pairing" ("unit_id", "village_code") where "until" is null;`);
    this.addSql(POSTINGS_FROM_RESPONSIBILITIES_SQL);
    this.addSql(PAIRINGS_FROM_RESPONSIBILITIES_SQL);
    this.addSql(UNIT_REGIONS_FROM_PAIRINGS_SQL);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "unit_pairing" cascade;`);
    this.addSql(`drop table if exists "cadre_posting" cascade;`);
    this.addSql(`alter table "responsible_unit" drop column "close_reason", drop column "closed_on", drop column "region_code", drop column "kind";`);
    this.addSql(`alter table "cadre" drop column "role";`);
  }
}
