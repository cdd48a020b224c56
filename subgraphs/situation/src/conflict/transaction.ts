import type pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readModelTypes, type Sql } from '../db';

interface KnexClient {
  acquireConnection(): Promise<pg.PoolClient>;
  releaseConnection(connection: pg.PoolClient): Promise<void>;
}

/** Runs `work` in one transaction on one connection of the request's pool ($1 placeholders, as Sql). */
export async function inTransaction<T>(em: EntityManager, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = (em.getConnection().getKnex() as unknown as { client: KnexClient }).client;
  const connection = await client.acquireConnection();
  const rows = async <R>(text: string, values: unknown[] = []): Promise<R[]> =>
    (await connection.query({ text, values, types: readModelTypes })).rows as R[];
  const sql: Sql = { rows, one: async <R>(text: string, values?: unknown[]) => (await rows<R>(text, values))[0] };
  try {
    await connection.query('begin');
    const result = await work(sql);
    await connection.query('commit');
    return result;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}
