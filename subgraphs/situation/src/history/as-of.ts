import { badInput, todayInChina } from '@jiuye/common';
import type { Sql } from '../db';

/**
 * As-of answers: the read model's views run over its history (Migration20261207120000) instead
 * of its current rows. A view's SQL is unchanged: each versioned table is shadowed by a CTE of the
 * same name holding its versions valid at the instant, and every "today" of the conditions (ages,
 * the two-after youth, warning windows) becomes the as-of day.
 */
export interface AsOf {
  /** The day asked for (YYYY-MM-DD, China): what the conditions use as today. */
  day: string;
  /** The instant the state is read at: the end of that day, China time (ISO). */
  instant: string;
}

/** The tables kept with history, each shadowed by its versions (the CTE keeps the table's name). */
export const VERSIONED_TABLES = ['person_situation', 'household_situation', 'village_counts', 'division'] as const;

/**
 * Each versioned table's key and the projection stamp its versions leave out (the arguments of
 * its history triggers, Migration20261207120000): what a rebuild settles the history by
 * (settle_read_model_history, Migration20261210400000).
 */
export const HISTORY_KEYS: Record<(typeof VERSIONED_TABLES)[number], { key: string; stamp: string | null }> = {
  person_situation: { key: 'worker_id', stamp: 'projected_at' },
  household_situation: { key: 'code', stamp: 'projected_at' },
  village_counts: { key: 'village_code', stamp: 'counted_at' },
  division: { key: 'code', stamp: null },
};

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The first instant after a China day ends (its midnight, +08:00); the day's state is the one valid just before it. */
function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000 - CHINA_OFFSET_MS);
}

/**
 * When history begins (history_start) and the first day it answers for: the China day of that
 * instant; and from when village_counts' versions hold the poverty groups (groupsKeptFrom).
 */
export async function historyBegins(sql: Sql): Promise<{ at: Date; firstDay: string; groupsKeptFrom: Date }> {
  const row = await sql.one<{ begins_at: Date; groups_kept_from: Date }>('select begins_at, groups_kept_from from history_start');
  const at = row?.begins_at ?? new Date();
  return { at, firstDay: todayInChina(at), groupsKeptFrom: row?.groups_kept_from ?? at };
}

/**
 * The as-of argument checked: null when left out; a day before history begins or in the future
 * is bad input naming `asOf` and the days available (about the history, never about a person).
 * Today is answered as of now (its end has not come), from the history like any other day.
 */
export async function resolveAsOf(sql: Sql, asOf: string | null | undefined, argument = 'asOf'): Promise<AsOf | null> {
  if (asOf == null) return null;
  const today = todayInChina();
  const { firstDay } = await historyBegins(sql);
  if (asOf < firstDay || asOf > today) {
    throw badInput(argument, `history of the cross-department views begins on ${firstDay}; expected a date from ${firstDay} to ${today}`, 'AS_OF_OUT_OF_RANGE');
  }
  return asOfDay(asOf, today);
}

/** A day already checked against the history: the state at its end (as of now for today). */
export function asOfDay(day: string, today = todayInChina()): AsOf {
  // The day's last microsecond (PostgreSQL's resolution): the state at the end of the day.
  const lastSecond = new Date(endOfChinaDay(day).getTime() - 1000).toISOString().slice(0, 19);
  const instant = day === today ? new Date().toISOString() : `${lastSecond}.999999Z`;
  return { day, instant };
}

/** An as-of at an exact instant (tests and tools): `day` is the China day of the instant unless given. */
export function asOfInstant(instant: Date, day = todayInChina(instant)): AsOf {
  return { day, instant: instant.toISOString() };
}

/** The versions of `table` valid at parameter $n. */
function shadow(table: string, parameter: number): string {
  return `"${table}" as not materialized (select * from "${table}_version" where valid_from <= $${parameter}::timestamptz and (valid_to is null or valid_to > $${parameter}::timestamptz))`;
}

/**
 * The same Sql over the state at `asOf.instant`: every statement gets the versioned tables
 * shadowed by CTEs of their names (inlined, so the region and keyset conditions reach the
 * versions' indexes) and the instant as its last parameter. Null → the live Sql unchanged.
 */
export function sqlAsOf(sql: Sql, asOf: AsOf | null): Sql {
  if (asOf === null) return sql;
  const rewrite = (text: string, values: unknown[] = []): [string, unknown[]] => {
    const parameter = values.length + 1;
    const ctes = VERSIONED_TABLES.map((table) => shadow(table, parameter)).join(', ');
    const body = text.trimStart();
    // A statement with CTEs of its own gets ours first in the same WITH (RECURSIVE allows plain ones beside).
    const withClause = /^with(\s+recursive)?\s/i.exec(body);
    const shadowed = withClause ? `with${withClause[1] ?? ''} ${ctes}, ${body.slice(withClause[0].length)}` : `with ${ctes} ${body}`;
    return [shadowed, [...values, asOf.instant]];
  };
  return {
    rows: <T>(text: string, values?: unknown[]) => sql.rows<T>(...rewrite(text, values)),
    one: <T>(text: string, values?: unknown[]) => sql.one<T>(...rewrite(text, values)),
  };
}
