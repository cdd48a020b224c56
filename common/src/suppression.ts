import { createHash } from 'node:crypto';

/**
 * The one small-cell suppression policy (小数抑制) for every aggregate a dashboard can read.
 *
 * A count of 1 … threshold−1 people could point at a person in a small village, so it is not
 * published (primary suppression); 0 identifies nobody and is published. A published figure is
 * one cell of a table whose cells are tied by equations — a county is the sum of its townships,
 * a township of its villages, a breakdown's total of its categories — and an attacker who can
 * fetch every cell separately (the county, then each township, then each village) can solve any
 * equation that has exactly one unknown. So the pattern is decided over the whole table at once:
 * after primary suppression, while some equation has exactly one suppressed member, one more of
 * its members is suppressed (complementary suppression): the smallest non-zero published one,
 * ties by key, so the same data gives the same pattern in every query. Because the table is
 * always the whole registry (every village, every category), whichever cell a query asks for
 * gets the answer it would get in any other query.
 */

/** A sum: `total` = Σ `parts` (keys of cells). */
export interface Equation {
  total: string;
  parts: string[];
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** SUPPRESSION_THRESHOLD (default 5): a whole number ≥ 2. Services without a typed config read it here. */
export function suppressionThresholdFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SUPPRESSION_THRESHOLD;
  if (raw === undefined || raw === '') return DEFAULT_SUPPRESSION_THRESHOLD;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 2) throw new Error(`SUPPRESSION_THRESHOLD must be a whole number of at least 2 (got '${raw}')`);
  return value;
}

/** Would this count be suppressed on its own (1 … threshold−1)? */
export function primarySuppressed(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The suppressed cells of a table: primary (1 … threshold−1), then complementary until no
 * equation has exactly one suppressed member. The complement chosen for an equation is its
 * smallest non-zero published member (total included: hiding the total is how a sum whose
 * other parts are all 0 is protected), then its smallest zero member; ties by key.
 * In a table of two or more dimensions (regions × categories × periods) equations can be
 * combined, so the pattern is then audited as a whole (determinedCells, linear algebra over all
 * the equations): while any suppressed cell still follows from the published ones, one more
 * member of an equation holding it is withheld, and the local rule runs again.
 * Cells missing from `values` count as 0.
 */
export function suppressionPattern(
  values: ReadonlyMap<string, number>,
  unordered: readonly Equation[],
  threshold: number,
  primary: (key: string, value: number) => boolean = (_, value) => primarySuppressed(value, threshold),
): Set<string> {
  // A canonical order of the sums, so the pattern depends on the data only (not on the order
  // rows came back in): every query of the same data gets the same pattern.
  const equations = [...unordered].sort((a, b) => byKey(a.total, b.total) || byKey(a.parts.join(','), b.parts.join(',')));
  const hidden = new Set<string>();
  for (const [key, value] of values) if (primary(key, value)) hidden.add(key);
  // The same table again (a dashboard refreshing, another region or period of the same year):
  // the pattern is a function of these inputs, so a recent answer is reused.
  const cacheKey = createHash('sha256')
    .update(JSON.stringify([threshold, [...values].filter(([, v]) => v !== 0).sort((a, b) => byKey(a[0], b[0])), [...hidden].sort(byKey), equations]))
    .digest('base64');
  const cached = recentPatterns.get(cacheKey);
  if (cached) {
    recentPatterns.delete(cacheKey);
    recentPatterns.set(cacheKey, cached);
    return new Set(cached);
  }
  const result = decidePattern(values, equations, hidden);
  recentPatterns.set(cacheKey, result);
  while (recentPatterns.size > RECENT_PATTERNS) recentPatterns.delete(recentPatterns.keys().next().value!);
  return new Set(result);
}

/** How many recent patterns are kept (least recently used dropped first). */
const RECENT_PATTERNS = 64;
const recentPatterns = new Map<string, Set<string>>();

function decidePattern(values: ReadonlyMap<string, number>, equations: readonly Equation[], hidden: Set<string>): Set<string> {
  const valueOf = (key: string) => values.get(key) ?? 0;
  const smallestFirst = (a: string, b: string) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    if ((x === 0) !== (y === 0)) return x === 0 ? 1 : -1;
    return x - y || byKey(a, b);
  };
  // Equations each cell is in, so a newly hidden cell re-examines only its own equations.
  const containing = new Map<string, number[]>();
  equations.forEach((equation, index) => {
    for (const key of [equation.total, ...equation.parts]) {
      let list = containing.get(key);
      if (!list) containing.set(key, (list = []));
      list.push(index);
    }
  });
  const queue: number[] = [];
  const queued = new Set<number>();
  const enqueue = (index: number) => {
    if (!queued.has(index)) {
      queued.add(index);
      queue.push(index);
    }
  };
  const hide = (key: string) => {
    hidden.add(key);
    for (const other of containing.get(key) ?? []) enqueue(other);
  };
  const local = () => {
    while (queue.length > 0) {
      const index = queue.shift()!;
      queued.delete(index);
      const members = [equations[index].total, ...equations[index].parts];
      if (members.length < 2 || members.filter((key) => hidden.has(key)).length !== 1) continue;
      const candidates = members.filter((key) => !hidden.has(key)).sort(smallestFirst);
      if (candidates.length > 0) hide(candidates[0]);
    }
  };
  equations.forEach((_, index) => enqueue(index));
  local();
  for (;;) {
    const determined = determinedCells(equations, hidden);
    // Withhold one more member of an equation holding each recovered cell (in key order, one
    // round for all of them: each round is a full elimination), then settle again.
    let added = 0;
    for (const cell of determined) {
      const members = new Set((containing.get(cell) ?? []).flatMap((i) => [equations[i].total, ...equations[i].parts]));
      const candidates = [...members].filter((key) => !hidden.has(key)).sort(smallestFirst);
      if (candidates.length === 0) continue;
      hide(candidates[0]);
      added++;
    }
    if (added === 0) return hidden;
    local();
  }
}

/**
 * The suppressed cells whose value follows from the published ones through the equations
 * (any combination of them): those whose unit vector lies in the row space of the equations
 * restricted to the suppressed cells. Sparse Gaussian elimination, then back-substitution; a
 * fully reduced row with one entry left determines its cell. Sorted by key.
 */
export function determinedCells(equations: readonly Equation[], hidden: ReadonlySet<string>): string[] {
  // Finest cells (longest keys: villages, months) first: their sums are eliminated before the
  // coarse ones, which keeps the rows short.
  const unknowns = [...hidden].sort((a, b) => b.length - a.length || byKey(a, b));
  const column = new Map(unknowns.map((key, i) => [key, i]));
  const pivots = new Map<number, Map<number, number>>();
  const minColumn = (row: Map<number, number>) => {
    let min = Infinity;
    for (const c of row.keys()) if (c < min) min = c;
    return min;
  };
  const subtract = (row: Map<number, number>, pivot: Map<number, number>, factor: number) => {
    for (const [c, v] of pivot) {
      const next = (row.get(c) ?? 0) - factor * v;
      if (Math.abs(next) < 1e-9) row.delete(c);
      else row.set(c, next);
    }
  };
  for (const equation of equations) {
    const row = new Map<number, number>();
    const add = (key: string, sign: number) => {
      const c = column.get(key);
      if (c === undefined) return;
      const next = (row.get(c) ?? 0) + sign;
      if (next === 0) row.delete(c);
      else row.set(c, next);
    };
    add(equation.total, 1);
    for (const part of equation.parts) add(part, -1);
    while (row.size > 0) {
      const c = minColumn(row);
      const pivot = pivots.get(c);
      if (!pivot) {
        const lead = row.get(c)!;
        for (const [k, v] of row) row.set(k, v / lead);
        pivots.set(c, row);
        break;
      }
      subtract(row, pivot, row.get(c)!);
    }
  }
  // Back-substitution, last pivot first, so each row is reduced by rows already fully reduced.
  const order = [...pivots.keys()].sort((a, b) => b - a);
  for (const c of order) {
    const row = pivots.get(c)!;
    for (;;) {
      let next = -1;
      for (const k of row.keys()) if (k !== c && pivots.has(k) && (next < 0 || k < next)) next = k;
      if (next < 0) break;
      subtract(row, pivots.get(next)!, row.get(next)!);
    }
  }
  return order
    .filter((c) => pivots.get(c)!.size === 1)
    .map((c) => unknowns[c])
    .sort(byKey);
}

/** Division levels by code length: province, city, county, township, village. */
const LEVEL_LENGTHS = [2, 4, 6, 9, 12];

/**
 * A region hierarchy built from the codes of its smallest units (villages, or any division
 * codes): every prefix at a division level is a node whose value is the sum of its units.
 * `parts(node)` lists its children; `equations` ties each node with children to them.
 */
export class RegionTree {
  readonly children = new Map<string, string[]>();
  readonly nodes: string[];

  constructor(unitCodes: Iterable<string>) {
    const nodes = new Set<string>();
    for (const code of unitCodes) {
      const chain = LEVEL_LENGTHS.filter((length) => length < code.length).map((length) => code.slice(0, length));
      chain.push(code);
      chain.forEach((node, i) => {
        nodes.add(node);
        if (i > 0) {
          const parent = chain[i - 1];
          let list = this.children.get(parent);
          if (!list) this.children.set(parent, (list = []));
          if (!list.includes(node)) list.push(node);
        }
      });
    }
    for (const list of this.children.values()) list.sort(byKey);
    this.nodes = [...nodes].sort(byKey);
  }

  /** The node's value: the sum over the units under it (values keyed by unit code). */
  sums(unitValues: ReadonlyMap<string, number>): Map<string, number> {
    const sums = new Map<string, number>();
    for (const [code, value] of unitValues) {
      for (const length of LEVEL_LENGTHS.filter((l) => l < code.length)) {
        const node = code.slice(0, length);
        sums.set(node, (sums.get(node) ?? 0) + value);
      }
      sums.set(code, (sums.get(code) ?? 0) + value);
    }
    return sums;
  }
}

/** A cell of a suppressed table: region node and category ('*' is the breakdown's total). */
export const TOTAL = '*';
const cellKey = (node: string, category: string) => `${node}|${category}`;

/**
 * One figure over the whole region hierarchy, optionally broken down into categories that add
 * up to its total. Equations: every parent = Σ children (per category and for the total), and
 * (when `categories` are given) every node's total = Σ its categories. The pattern is decided
 * for all nodes at once, so the answer for any node is the same whichever node a query names.
 */
export class SuppressedTable {
  private readonly values = new Map<string, number>();
  private readonly hidden: Set<string>;

  /**
   * @param tree the whole hierarchy (e.g. every village of the registry)
   * @param unitValues per unit code: category → value, and TOTAL → value when categories are
   *   not given (a figure without breakdown). With categories, the total is their sum unless
   *   given (e.g. distinct people across kinds: then it is its own cell, tied by no equation).
   * @param options.additiveTotal false when the categories do not add up to the total (a person
   *   counted in two kinds): then no total = Σ categories equation is formed.
   * @param options.primary which cells to withhold first, instead of 1 … threshold−1: e.g. an
   *   amount withheld wherever the count of people it was paid to is.
   */
  constructor(
    tree: RegionTree,
    unitValues: ReadonlyMap<string, Record<string, number>>,
    readonly threshold: number,
    readonly categories: readonly string[] = [],
    options: {
      additiveTotal?: boolean;
      active?: boolean;
      primary?: (node: string, category: string, value: number) => boolean;
      /** Sums among the categories themselves (e.g. a year = its quarters): then these, not total = Σ categories, tie a node's cells. */
      categoryEquations?: readonly Equation[];
      /**
       * Withhold exactly the cells another table withholds: a table of the same cells and sums
       * (e.g. the amounts paid to the people counted there). Whether a withheld cell can be
       * solved for depends on the pattern and the sums only, not on the values, so the pattern
       * that protects one protects the other, and it is decided once.
       */
      sameAs?: SuppressedTable;
    } = {},
  ) {
    const additive = options.additiveTotal ?? true;
    const columns = options.categoryEquations ? [...categories] : [TOTAL, ...categories];
    for (const column of columns) {
      const perUnit = new Map<string, number>();
      for (const [unit, row] of unitValues) {
        const value = column === TOTAL && categories.length > 0 && additive && row[TOTAL] === undefined ? categories.reduce((n, c) => n + (row[c] ?? 0), 0) : (row[column] ?? 0);
        perUnit.set(unit, value);
      }
      for (const [node, value] of tree.sums(perUnit)) this.values.set(cellKey(node, column), value);
    }
    const equations: Equation[] = [];
    for (const parent of [...tree.children.keys()].sort(byKey)) {
      const children = tree.children.get(parent)!;
      for (const column of columns) equations.push({ total: cellKey(parent, column), parts: children.map((child) => cellKey(child, column)) });
    }
    if (options.categoryEquations) {
      for (const node of tree.nodes) {
        for (const e of options.categoryEquations) equations.push({ total: cellKey(node, e.total), parts: e.parts.map((c) => cellKey(node, c)) });
      }
    } else if (categories.length > 0 && additive) {
      for (const node of tree.nodes) equations.push({ total: cellKey(node, TOTAL), parts: categories.map((c) => cellKey(node, c)) });
    }
    const primary = options.primary;
    const primaryOf = primary
      ? (key: string, value: number) => {
          const cut = key.lastIndexOf('|');
          return primary(key.slice(0, cut), key.slice(cut + 1), value);
        }
      : undefined;
    this.hidden = options.active === false ? new Set() : options.sameAs ? options.sameAs.hidden : suppressionPattern(this.values, equations, threshold, primaryOf);
  }

  value(node: string, category = TOTAL): number {
    return this.values.get(cellKey(node, category)) ?? 0;
  }

  isHidden(node: string, category = TOTAL): boolean {
    return this.hidden.has(cellKey(node, category));
  }

  /** The published value, or null when suppressed. */
  published(node: string, category = TOTAL): number | null {
    return this.isHidden(node, category) ? null : this.value(node, category);
  }
}
