import type { ClientBase } from 'pg';
import { workerPseudonym, type SubgraphName } from '@jiuye/common';

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

/** Recent pseudonyms: each registry member's is wanted by all five departments' seeders within one batch. */
const recentWorkerIds = new Map<string, string>();
let recentKey: string | null = null;
/** Enough for the members of a few batches; cleared when full, so memory stays flat at any county size. */
const RECENT_WORKER_IDS = 50_000;

/** A member's worker id (workerPseudonym), computed once per batch instead of once per department: HMAC is the seeding's costliest step in JS. */
export function seedWorkerId(idNumber: string, context: SeedContext): string {
  if (recentKey !== context.pseudonymKey || recentWorkerIds.size >= RECENT_WORKER_IDS) {
    recentWorkerIds.clear();
    recentKey = context.pseudonymKey;
  }
  let id = recentWorkerIds.get(idNumber);
  if (id === undefined) {
    id = workerPseudonym(idNumber, context.pseudonymKey);
    recentWorkerIds.set(idNumber, id);
  }
  return id;
}
