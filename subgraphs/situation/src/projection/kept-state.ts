import type { Sql } from '../db';

/**
 * The views the read model keeps instead of evaluating per request (warning/warning.state.ts,
 * conflict/conflict.state.ts): kept_state has a row per view while its kept rows say what holds.
 */
export type KeptView = 'warnings' | 'conflicts';

/** One transaction-scoped advisory lock per kept view: the feed, a rebuild and the daily evaluation never interleave their writes. */
const LOCKS: Record<KeptView, number> = { warnings: 0x6a697965, conflicts: 0x6a697966 };

export async function lockKeptView(sql: Sql, view: KeptView): Promise<void> {
  await sql.rows(`select pg_advisory_xact_lock($1)`, [LOCKS[view]]);
}

/** The day the kept rows of a view were evaluated for (null: a view that does not depend on the day), or undefined when they cannot be read. */
export async function keptViewDay(sql: Sql, view: KeptView): Promise<string | null | undefined> {
  const row = await sql.one<{ evaluated_for: string | null }>(`select evaluated_for::text as evaluated_for from kept_state where view = $1`, [view]);
  return row ? row.evaluated_for : undefined;
}

export async function markKeptView(sql: Sql, view: KeptView, day: string | null): Promise<void> {
  await sql.rows(
    `insert into kept_state (view, evaluated_for, evaluated_at) values ($1, $2, now())
     on conflict (view) do update set evaluated_for = excluded.evaluated_for, evaluated_at = excluded.evaluated_at`,
    [view, day],
  );
}

/**
 * Rows written into the read model outside the feed (the test harness constructs rows the
 * departments do not hold): the kept views no longer say what holds; readers evaluate at query
 * time until the next evaluation of every subject.
 */
export async function forgetKeptViews(sql: Sql): Promise<void> {
  await sql.rows(`delete from kept_state`);
}
