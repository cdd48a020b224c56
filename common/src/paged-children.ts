/**
 * The batched per-parent pagers: keyset pages of the children of many parents at once, two
 * statements per batch whatever the number of parents. pagedChildren: rows keyed by a parent
 * column, by id (partner's cities → postings and transfers). pagedDivisions: rows in a
 * division, a parent given by a code range (hr's workers and poverty's households of a county,
 * township or village). A nested, paged list uses one of these.
 */
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { divisionCodeRange } from './division-code';
import { oneLoader } from './loaders';
import { checkPageSize, compositeKey, decodeCompositeCursor, decodeIdCursor, toPage, type Page } from './pagination';

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

/**
 * A keyset over one or more columns, its cursor a composite key (compositeKey,
 * decodeCompositeCursor): one part per column, each checked by its test.
 */
export interface Keyset<V> {
  /** The sort columns, in order. */
  columns: readonly string[];
  /** A test per cursor part (as many as columns): a cursor whose part fails is refused (CURSOR). */
  parts: readonly ((part: string) => boolean)[];
  /** The row's sort key, one part per column. */
  keyOf: (row: V) => readonly (string | number)[];
  /** Between the parts (default CURSOR_PART_SEPARATOR). */
  separator?: string;
}

export interface DivisionPagerOptions<A, V> {
  entity: EntityClass<V>;
  table: string;
  /** The column whose value lies in a division's code range (divisionCodeRange): a household or village code. */
  codeColumn: string;
  keyset: Keyset<V>;
  /** Equality filters of a page request: column → value; null or undefined leaves the column free. */
  filter?: (args: A) => Record<string, string | number | boolean | null | undefined>;
}

const quoted = (column: string) => `t."${column.replace(/"/g, '""')}"`;

/**
 * Keyset pages of the rows in many divisions at once — e.g. `division { children { workers(first: 20) } }`:
 * a division's rows are those whose `codeColumn` lies in its code range. Per distinct page request
 * (first, after, filters) there is one request-scoped loader; each batch of divisions costs two
 * statements whatever their number: the first `first + 1` rows after the cursor in each division
 * (a lateral join that walks the index of the keyset columns and stops at the page size) and
 * each division's total. The division code itself is the caller's to check (requireDivisionCode).
 */
export function pagedDivisions<A extends PageRequest, V extends object>(em: EntityManager, options: DivisionPagerOptions<A, V>) {
  const { entity, table, codeColumn, keyset } = options;
  const order = keyset.columns.map(quoted).join(', ');
  const source = `json_to_recordset(?::json) as d(code text, "from" text, "to" text)`;
  const loaders = new Map<string, ReturnType<typeof makeLoader>>();

  function makeLoader(first: number, after: string[] | null, filters: [string, unknown][]) {
    const where = [`${quoted(codeColumn)} >= d."from"`, `${quoted(codeColumn)} < d."to"`, ...filters.map(([column]) => `${quoted(column)} = ?`)].join(' and ');
    const values = filters.map(([, value]) => value);
    const keysetCondition = after ? ` and (${order}) > (${after.map(() => '?').join(', ')})` : '';
    return oneLoader<string, { code: string; page: Page<V> }>(
      async (codes) => {
        const divisions = JSON.stringify(codes.map((code) => ({ code, ...divisionCodeRange(code) })));
        const connection = em.getConnection();
        const [rows, counts] = await Promise.all([
          connection.execute<Record<string, unknown>[]>(
            `select d.code as page_key, t.* from ${source} cross join lateral (select * from "${table}" t where ${where}${keysetCondition} order by ${order} limit ?) t`,
            [divisions, ...values, ...(after ?? []), first + 1],
          ),
          connection.execute<{ page_key: string; total: number }[]>(
            `select d.code as page_key, c.total from ${source} cross join lateral (select count(*)::int as total from "${table}" t where ${where}) c`,
            [divisions, ...values],
          ),
        ]);
        const byCode = new Map<string, V[]>();
        for (const { page_key: code, ...columns } of rows) {
          const list = byCode.get(code as string) ?? [];
          list.push(em.map(entity, columns as never) as V);
          byCode.set(code as string, list);
        }
        const totals = new Map(counts.map((c) => [c.page_key, Number(c.total)]));
        const keyOf = (row: V) => compositeKey(keyset.keyOf(row), keyset.separator);
        return codes.map((code) => ({ code, page: toPage(byCode.get(code) ?? [], first, totals.get(code) ?? 0, keyOf) }));
      },
      (result) => result.code,
    );
  }

  /** Validates the page request (errors name `first`/`after`) and returns its loader. */
  return (args: A) => {
    const first = checkPageSize(args.first);
    const after = decodeCompositeCursor(args.after, keyset.parts, { separator: keyset.separator });
    const filters = Object.entries(options.filter?.(args) ?? {})
      .filter(([, value]) => value != null)
      .sort(([a], [b]) => a.localeCompare(b));
    const cacheKey = JSON.stringify([first, after, filters]);
    let loader = loaders.get(cacheKey);
    if (!loader) {
      loader = makeLoader(first, after, filters);
      loaders.set(cacheKey, loader);
    }
    return {
      async load(divisionCode: string): Promise<Page<V>> {
        return (await loader.load(divisionCode))!.page;
      },
    };
  };
}
