import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOn, type Sql } from '../db';

/** Runs `work` in one transaction of the request's pool ($1 placeholders, as Sql): MikroORM's Connection.transactional. */
export function inTransaction<T>(em: EntityManager, work: (sql: Sql) => Promise<T>): Promise<T> {
  return em.getConnection().transactional((trx) => work(sqlOn(trx)));
}
