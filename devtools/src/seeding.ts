import type { ClientBase } from 'pg';
import type { SubgraphName } from '@jiuye/common';

export interface SeedContext {
  pseudonymKey: string;
  /** The demo's "today", YYYY-MM-DD. */
  today: string;
}

/**
 * How one department loads the demo county into its own database. The seeding script walks
 * the generated households once, in batches, and hands every batch to all five seeders, so a
 * million workers never sit in memory. Seeders write with `bulkInsert` (one statement per
 * table per batch), never entity by entity.
 */
export interface DepartmentSeeder<TReference, THousehold> {
  name: SubgraphName;
  /** Every table the seeder fills; emptied (truncate … cascade) before a re-seed. */
  tables: string[];
  seedReference(client: ClientBase, reference: TReference, context: SeedContext): Promise<void>;
  /** Returns the number of rows written. */
  seedHouseholds(client: ClientBase, households: THousehold[], context: SeedContext): Promise<number>;
  /** After the last batch: move id sequences past the seeded ids, analyze. */
  finish(client: ClientBase, context: SeedContext): Promise<void>;
}
