/**
 * The batched per-parent pager: keyset pages (by id) of the children of many parents at once,
 * two statements per batch whatever the number of parents (partner's cities → postings and
 * transfers). A nested, paged list of rows keyed by a parent column uses this one.
 */
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { oneLoader } from './loaders';
import { checkPageSize, decodeIdCursor, toPage, type Page } from './pagination';

export interface PageRequest {
  first: number;
  after?: string | null;
}

export interface ChildFilter {
  /** SQL appended to the where clause (starting with `and`), columns qualified with `t.`. */
  sql: string;
  params: unknown[];
}

/**
 * Keyset pages of children for many parents at once — e.g. `partnerCities { transfers(first: 20) }`.
 * Per distinct page request there is one request-scoped loader; each batch of parents costs two
 * statements whatever their number: the first `first + 1` rows after the cursor of every
 * parent (row_number over a partition by the parent column) and every parent's total (group by).
 */
export function pagedChildren<A extends PageRequest, V extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<V>,
  table: string,
  parentColumn: string,
  parentOf: (row: V) => string,
  filter: (args: A) => ChildFilter = () => ({ sql: '', params: [] }),
) {
  const loaders = new Map<string, ReturnType<typeof makeLoader>>();

  function makeLoader(first: number, after: number | null, where: ChildFilter) {
    return oneLoader<string, { parent: string; page: Page<V> }>(
      async (parents) => {
        const connection = em.getConnection();
        const [rows, counts] = await Promise.all([
          connection.execute<Record<string, unknown>[]>(
            `select * from (
               select t.*, row_number() over (partition by t."${parentColumn}" order by t.id) as page_rank
               from "${table}" t where t."${parentColumn}" in (?) and t.id > ? ${where.sql}
             ) ranked where page_rank <= ? order by "${parentColumn}", id`,
            [[...parents], after ?? 0, ...where.params, first + 1],
          ),
          connection.execute<{ parent: string; n: number }[]>(
            `select t."${parentColumn}" as parent, count(*)::int as n from "${table}" t where t."${parentColumn}" in (?) ${where.sql} group by 1`,
            [[...parents], ...where.params],
          ),
        ]);
        const byParent = new Map<string, V[]>();
        for (const { page_rank: _rank, ...row } of rows) {
          const child = em.map(entity, row as never) as V;
          const list = byParent.get(parentOf(child));
          if (list) list.push(child);
          else byParent.set(parentOf(child), [child]);
        }
        const totals = new Map(counts.map((c) => [String(c.parent), Number(c.n)]));
        return parents.map((parent) => ({ parent, page: toPage(byParent.get(parent) ?? [], first, totals.get(parent) ?? 0, (row) => row.id) }));
      },
      (result) => result.parent,
    );
  }

  /** Validates the page request (errors name `first`/`after`) and returns its loader. */
  return (args: A) => {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where = filter(args);
    const cacheKey = JSON.stringify([first, after, where.sql, where.params]);
    let loader = loaders.get(cacheKey);
    if (!loader) {
      loader = makeLoader(first, after, where);
      loaders.set(cacheKey, loader);
    }
    return {
      async load(parent: string): Promise<Page<V>> {
        return (await loader.load(parent))!.page;
      },
    };
  };
}
