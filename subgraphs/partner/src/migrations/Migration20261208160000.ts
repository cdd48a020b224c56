import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14, the partner city's whole job: a transfer without a batch (自发外出 — a worker who went
 * on their own, recorded by the city afterwards), and the city district a transfer went to. The
 * seeds pair a county with a city district (色达 — 成都市温江区): a partner city keeps its
 * 4-digit code (scope, visibility), and a transfer may name the 6-digit district inside it.
 */
export class Migration20261208160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "transfer" alter column "batch_id" drop not null;`);
    this.addSql(
      `alter table "transfer"
         add column "destination_district" varchar(6) null,
         add constraint "transfer_destination_district_in_city"
           check ("destination_district" is null or ("destination_district" ~ '^[0-9]{6}$' and left("destination_district", 4) = "city_code"));`,
    );
    this.addSql(
      `alter table "transfer_batch"
         add column "destination_district" varchar(6) null,
         add constraint "transfer_batch_destination_district_in_city"
           check ("destination_district" is null or ("destination_district" ~ '^[0-9]{6}$' and left("destination_district", 4) = "city_code"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "transfer_batch" drop constraint if exists "transfer_batch_destination_district_in_city", drop column "destination_district";`);
    this.addSql(`alter table "transfer" drop constraint if exists "transfer_destination_district_in_city", drop column "destination_district";`);
    this.addSql(`delete from "transfer" where "batch_id" is null;`);
    this.addSql(`alter table "transfer" alter column "batch_id" set not null;`);
  }
}
