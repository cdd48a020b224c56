import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16 (the first indicators after a start): a period's suppressed figures, read out for every
 * division, are stored beside the read model when they are computed (indicator/kept.ts), with the
 * snapshot they were read in. After a restart the service takes them back instead of computing
 * again (a minute of CPU per calendar family at 10^6) when no indicator input changed since that
 * snapshot (indicator_input_change, as for the tables kept in memory), they are of the same China
 * day, and the code that computed them is the code running (`version`). Aggregates only, already
 * suppressed: no row names a person. One row per period and threshold; rows of past days are
 * deleted by the next store.
 */
export class Migration20261212100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "indicator_kept" (
      "period" text not null,
      "threshold" int not null,
      "day" date not null,
      "version" text not null,
      "snapshot" pg_snapshot not null,
      "started_at" timestamptz not null,
      "computed_at" timestamptz not null,
      "freshness" bytea not null,
      "figures" bytea not null,
      constraint "indicator_kept_pkey" primary key ("period", "threshold")
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "indicator_kept";`);
  }
}
