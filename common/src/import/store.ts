/**
 * The record of every import, in the department's own database: import_run (who, when, which
 * file by name and SHA-256, dry run or not, status, counts, the file's header) and import_row
 * (one per data row: line, outcome, the record's key — a pseudonym, never the ID number — and
 * the reason; a rejected row also keeps its cells, for the rejected-rows file). Each written
 * record points back to its run through import_row (run, key). One home for the SQL: each
 * department's migration creates the tables with importTablesSql().
 */
export function importTablesSql(): string[] {
  return [
    `create table "import_run" (
      "id" uuid primary key,
      "kind" varchar(40) not null,
      "file_name" varchar(200) not null,
      "sha256" char(64) not null,
      "account" varchar(200) not null,
      "region" varchar(12) null,
      "dry_run" boolean not null,
      "status" varchar(20) not null check ("status" in ('running', 'finished', 'failed')),
      "started_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      "rows" int not null default 0,
      "inserted" int not null default 0,
      "updated" int not null default 0,
      "unchanged" int not null default 0,
      "rejected" int not null default 0,
      "labels" jsonb not null default '[]'
    );`,
    `create index "import_run_sha256_index" on "import_run" ("kind", "sha256", "started_at");`,
    `create table "import_row" (
      "run_id" uuid not null references "import_run" ("id") on delete cascade,
      "line" int not null,
      "outcome" varchar(10) not null check ("outcome" in ('inserted', 'updated', 'unchanged', 'rejected')),
      "record_key" varchar(64) null,
      "column_label" varchar(200) null,
      "reason" text null,
      "cells" jsonb null,
      primary key ("run_id", "line")
    );`,
    `create index "import_row_record_key_index" on "import_row" ("record_key") where "outcome" in ('inserted', 'updated');`,
  ];
}

/**
 * What import_run / import_row gained after importTablesSql (run it after that, in a department's
 * migration): progressed_at (the last committed batch, so a run nothing advances any more can be
 * told from a long one), failure (why a run failed: 'interrupted' when the process or its
 * department went away mid-way), and import_row.person (who a rejected row is about, as far as
 * its cells tell: [worker pseudonym|null, household code|null, village] — the rejected-rows
 * download logs it as an export does).
 */
export function importTablesUpgradeSql(): string[] {
  return [
    `alter table "import_run" add column if not exists "progressed_at" timestamptz not null default now();`,
    `alter table "import_run" add column if not exists "failure" varchar(40) null;`,
    `alter table "import_row" add column if not exists "person" jsonb null;`,
    `create index if not exists "import_run_running_index" on "import_run" ("progressed_at") where "status" = 'running';`,
    `create index if not exists "import_run_finished_index" on "import_run" ("finished_at") where "status" <> 'running';`,
  ];
}
