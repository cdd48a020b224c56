import type { SituationAlone } from '@jiuye/testing/situation';

/**
 * The statements the situation subgraph sends. Its plain SQL runs on knex (db.ts sqlOn), which
 * MikroORM's counting logger does not see, so they are counted from knex's own query events.
 */
export function statementCounter(situation: SituationAlone): () => number {
  const knex = situation.subgraph.database.orm.em.getConnection().getKnex();
  let count = 0;
  knex.on('query', () => count++);
  return () => count;
}
