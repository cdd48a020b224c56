import pg from 'pg';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Page } from '@jiuye/common';

/**
 * The read model is SQL-shaped (keyset pages over filtered rows, grouped counts, window
 * functions), so its queries are plain parameterised SQL ($1, $2 …) on the connection pool of
 * the request's EntityManager; MikroORM runs the migrations and owns the pool.
 * Dates come back as 'YYYY-MM-DD' strings, timestamps as Dates and counts as numbers.
 */
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export const readModelTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return (pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown)(oid, format);
  },
} as pg.CustomTypesConfig;

export interface Sql {
  rows<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T | undefined>;
}

/** A pg client or pool as Sql (the feed's, the rebuild's and the daily evaluation's clients; the background pools). */
export function clientSql(client: pg.ClientBase | pg.Pool): Sql {
  const rows = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
  return { rows, one: async <T>(text: string, values?: unknown[]) => (await rows<T>(text, values))[0] };
}

/** What runs a statement: MikroORM's knex (the pool) or a transaction of it (Connection.transactional). */
export type SqlRunner = Pick<Knex, 'raw'>;

/**
 * Sql over MikroORM's public API: em.getConnection().getKnex() (or the transaction
 * Connection.transactional hands out) and knex's public raw(...).options(...), which passes the
 * statement's options to pg: the $n values, sent separately as before (never inlined), and the
 * read model's type parsers. Not Connection.execute(): it inlines the values into the text and
 * its pool parses timestamps and bigints as strings, which would change what the views answer.
 */
export function sqlOn(runner: SqlRunner): Sql {
  const rows = async <T>(text: string, values: unknown[] = []): Promise<T[]> => ((await runner.raw(text).options({ values, types: readModelTypes })) as pg.QueryResult).rows as T[];
  return { rows, one: async <T>(text: string, values?: unknown[]) => (await rows<T>(text, values))[0] };
}

/**
 * The request's Sql, on the EntityManager's connection pool; each statement of a GraphQL query
 * (`readOnly()` true when it runs) on the read replica's pool instead, when there is one
 * (SITUATION_READ_DATABASE_URL; without it 'read' is the primary). Mutations, downloads (whose
 * export log is written) and the background work stay on the primary.
 */
export function sqlOf(em: EntityManager, readOnly: () => boolean = () => false): Sql {
  return sqlOn({
    raw: ((...args: Parameters<Knex['raw']>) =>
      em
        .getConnection(readOnly() ? 'read' : 'write')
        .getKnex()
        .raw(...args)) as Knex['raw'],
  });
}

/** Every row of a keyset-paged list (common's Page), page by page (exports): memory stays one page. */
export async function* allPages<T>(page: (after: string | null) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const current = await page(after);
    if (current.nodes.length) yield current.nodes;
    if (!current.pageInfo.hasNextPage) return;
    after = current.pageInfo.endCursor;
  }
}
