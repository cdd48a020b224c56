import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Page } from '@jiuye/common';

/**
 * The read model is SQL-shaped (keyset pages over filtered rows, grouped counts, window
 * functions), so its queries are plain parameterised SQL ($1, $2 …) on the connection pool of
 * the request's EntityManager; MikroORM runs the migrations and owns the pool.
 * Dates come back as 'YYYY-MM-DD' strings and counts as numbers.
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

interface KnexClient {
  acquireConnection(): Promise<pg.PoolClient>;
  releaseConnection(connection: pg.PoolClient): Promise<void>;
}

export function sqlOf(em: EntityManager): Sql {
  const client = (em.getConnection().getKnex() as unknown as { client: KnexClient }).client;
  const rows = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    const connection = await client.acquireConnection();
    try {
      return (await connection.query({ text, values, types: readModelTypes })).rows as T[];
    } finally {
      await client.releaseConnection(connection);
    }
  };
  return { rows, one: async <T>(text: string, values?: unknown[]) => (await rows<T>(text, values))[0] };
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
