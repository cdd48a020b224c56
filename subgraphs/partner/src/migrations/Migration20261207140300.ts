import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 13: partner staff maintain their reference data through the graph. A labour base or
 * service station is closed (closed_on, close_reason), never deleted: batches and postings keep
 * pointing at it. A pushed posting may ask for a trade (required_trade, the Trade vocabulary,
 * as hr's job_posting) and is closed early (招满/撤回) with closed_on and close_reason; it is
 * open on day D when pushed_on <= D <= valid_until and (closed_on is null or D < closed_on).
 */
export class Migration20261207140300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "labour_base" add column "closed_on" date null, add column "close_reason" varchar(200) null;`);
    this.addSql(
      `alter table "partner_job_posting"
         add column "required_trade" text check ("required_trade" in ('ELECTRICIAN', 'WELDER', 'COOK', 'DOMESTIC_SERVICE', 'ELDERLY_CARE', 'SEWING', 'EXCAVATOR', 'ECOMMERCE', 'AGRICULTURE', 'BEAUTY', 'DRIVER', 'CONSTRUCTION')) null,
         add column "closed_on" date null,
         add column "close_reason" varchar(200) null,
         add constraint "partner_job_posting_validity" check ("pushed_on" <= "valid_until") not valid;`,
    );
    // Matching walks the open postings best paid first.
    this.addSql(`create index "partner_job_posting_open_wage_index" on "partner_job_posting" ("monthly_wage" desc, "id") where "closed_on" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "partner_job_posting_open_wage_index";`);
    this.addSql(
      `alter table "partner_job_posting" drop constraint if exists "partner_job_posting_validity", drop column "close_reason", drop column "closed_on", drop column "required_trade";`,
    );
    this.addSql(`alter table "labour_base" drop column "close_reason", drop column "closed_on";`);
  }
}
