import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';

const DATE_OID = 1082;

/**
 * What the entities hold: dates as 'YYYY-MM-DD' strings, timestamps with time zone as Dates (pg's
 * own parsers; MikroORM's pool would give strings for both).
 */
const LEAN_TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === DATE_OID) return (value: string) => value;
    return (pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown)(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * Rows as plain objects, for hot read paths where MikroORM's entity hydration (identity map,
 * criteria processing, change-set snapshots) costs more than the statement: knex's public
 * raw(...).options(...) on the EntityManager's primary connection, the $n values sent separately
 * (never inlined), dates and timestamps parsed as the entities hold them (LEAN_TYPES). The
 * statement runs where em.find would (the primary, outside any transaction the caller has open
 * elsewhere) and is counted and logged (LOG_SQL=1) by the ORM's logger like every other; the rows
 * are not entities and must never be persisted.
 */
export async function leanRows<T>(em: EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  const started = Date.now();
  const result = (await em.getConnection('write').getKnex().raw(text).options({ values, types: LEAN_TYPES })) as { rows: T[] };
  em.config.getLogger().logQuery({ query: text, params: values, took: Date.now() - started, results: result.rows.length, level: 'info' });
  return result.rows;
}
