import { Migration } from '@mikro-orm/migrations';

/**
 * The read model answers aggregates (a year of transfers grouped per worker, subsidies per kind
 * and person) over hundreds of thousands of rows; with PostgreSQL's default 4 MB per sort or
 * hash they spill to disk. Sessions of this database get 64 MB (it is one service's database,
 * with a small pool).
 */
export class Migration20261123170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$ begin execute format('alter database %I set work_mem = %L', current_database(), '64MB'); end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`do $$ begin execute format('alter database %I reset work_mem', current_database()); end $$;`);
  }
}
