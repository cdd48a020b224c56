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
  let result: Set<string>;
  if (cached) {
    recentPatterns.delete(cacheKey);
    result = cached;
  } else {
    result = decidePattern(values, equations, hidden);
    decidedHere++;
  }
  recentPatterns.set(cacheKey, result);
  while (recentPatterns.size > RECENT_PATTERNS) recentPatterns.delete(recentPatterns.keys().next().value!);
  return new Set(result);
}

/** How many recent patterns are kept (least recently used dropped first). */
const RECENT_PATTERNS = 64;
const recentPatterns = new Map<string, Set<string>>();

let decidedHere = 0;

/** How many patterns this thread has decided (not taken from the cache) since it started: tests see where the work ran. */
export function patternsDecidedInThisThread(): number {
  return decidedHere;
}

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
  const indexed = indexEquations(equations);
  for (;;) {
    const determined = determinedIn(indexed, hidden);
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
 *
 * Rows are reduced in a dense accumulator with a min-heap of the columns they touch (the next
 * column to eliminate is the heap's top, not a scan of the row), and pivot rows are kept as
 * sorted typed arrays: the same elimination as before, without its quadratic scans (a year's
 * new-transfer table at 10^5 workers: ~20,000 suppressed cells, up to 90 rounds).
 */
export function determinedCells(equations: readonly Equation[], hidden: ReadonlySet<string>): string[] {
  return determinedIn(indexEquations(equations), hidden);
}

/**
 * Equations as numbers, built once per table and reused by every round: each cell a number
 * (numbered in elimination order: finest cells — longest keys: villages, months — first, so
 * their sums are eliminated before the coarse ones, which keeps the rows short), each row its
 * cells' numbers (the total first).
 */
interface IndexedEquations {
  cells: Map<string, number>;
  keys: string[];
  rows: Int32Array[];
}

function indexEquations(equations: readonly Equation[]): IndexedEquations {
  const all = new Set<string>();
  for (const equation of equations) {
    all.add(equation.total);
    for (const part of equation.parts) all.add(part);
  }
  const keys = [...all].sort((a, b) => b.length - a.length || byKey(a, b));
  const cells = new Map(keys.map((key, i) => [key, i]));
  const rows = equations.map((equation) => Int32Array.from([equation.total, ...equation.parts], (key) => cells.get(key)!));
  return { cells, keys, rows };
}

/** Rows of the elimination, in one growing pair of arrays (a row: its start and length; its pivot's own entry, 1, is implied). */
class RowStore {
  columns = new Int32Array(1 << 16);
  values = new Float64Array(1 << 16);
  used = 0;

  reserve(n: number): number {
    if (this.used + n > this.columns.length) {
      let capacity = this.columns.length * 2;
      while (this.used + n > capacity) capacity *= 2;
      const columns = new Int32Array(capacity);
      const values = new Float64Array(capacity);
      columns.set(this.columns.subarray(0, this.used));
      values.set(this.values.subarray(0, this.used));
      this.columns = columns;
      this.values = values;
    }
    return this.used;
  }
}

function determinedIn({ cells, keys, rows }: IndexedEquations, hidden: ReadonlySet<string>): string[] {
  // The suppressed cells in some equation (a cell in none can never be determined), in elimination order.
  const numbers: number[] = [];
  for (const key of hidden) {
    const n = cells.get(key);
    if (n !== undefined) numbers.push(n);
  }
  numbers.sort((a, b) => a - b);
  const size = numbers.length;
  const columnOf = new Int32Array(keys.length).fill(-1);
  numbers.forEach((n, i) => (columnOf[n] = i));
  const start = new Int32Array(size).fill(-1);
  const length = new Int32Array(size);
  const store = new RowStore();
  const accumulator = new Float64Array(size);
  const touched = new Uint8Array(size);
  const heap = new MinHeap(size);
  const EPSILON = 1e-9;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const c = columnOf[row[i]];
      if (c < 0) continue;
      accumulator[c] += i === 0 ? 1 : -1;
      if (!touched[c]) {
        touched[c] = 1;
        heap.push(c);
      }
    }
    // Eliminate columns in increasing order until the row is empty or starts a new pivot.
    while (heap.size > 0) {
      const c = heap.pop();
      touched[c] = 0;
      const lead = accumulator[c];
      accumulator[c] = 0;
      if (Math.abs(lead) < EPSILON) continue;
      if (start[c] >= 0) {
        // The pivot row's entries (c's own, 1, implied) are later columns.
        const { columns, values } = store;
        for (let i = start[c], end = start[c] + length[c]; i < end; i++) {
          const k = columns[i];
          accumulator[k] -= lead * values[i];
          if (!touched[k]) {
            touched[k] = 1;
            heap.push(k);
          }
        }
        continue;
      }
      // A new pivot: the row's remaining entries, scaled so that c's is 1.
      let at = store.reserve(heap.size);
      start[c] = at;
      while (heap.size > 0) {
        const k = heap.pop();
        touched[k] = 0;
        if (Math.abs(accumulator[k]) >= EPSILON) {
          store.columns[at] = k;
          store.values[at++] = accumulator[k] / lead;
        }
        accumulator[k] = 0;
      }
      length[c] = at - start[c];
      store.used = at;
    }
  }
  // Back-substitution, last pivot first: a fully reduced row holds its pivot and columns without
  // a pivot only, so subtracting such rows never brings another pivot column into a row.
  const determined: string[] = [];
  const entries = new Int32Array(size);
  for (let c = size - 1; c >= 0; c--) {
    if (start[c] < 0) continue;
    let count = 0;
    const { columns, values } = store;
    for (let i = start[c], end = start[c] + length[c]; i < end; i++) {
      const k = columns[i];
      if (start[k] >= 0) {
        // Already fully reduced (k > c): subtract it.
        const factor = values[i];
        for (let j = start[k], stop = start[k] + length[k]; j < stop; j++) {
          const f = columns[j];
          if (!touched[f]) {
            touched[f] = 1;
            entries[count++] = f;
          }
          accumulator[f] -= factor * values[j];
        }
      } else {
        if (!touched[k]) {
          touched[k] = 1;
          entries[count++] = k;
        }
        accumulator[k] += values[i];
      }
    }
    let at = store.reserve(count);
    start[c] = at;
    for (let i = 0; i < count; i++) {
      const k = entries[i];
      if (Math.abs(accumulator[k]) >= EPSILON) {
        store.columns[at] = k;
        store.values[at++] = accumulator[k];
      }
      accumulator[k] = 0;
      touched[k] = 0;
    }
    length[c] = at - start[c];
    store.used = at;
    if (length[c] === 0) determined.push(keys[numbers[c]]);
  }
  return determined.sort(byKey);
}

/** A binary min-heap of column numbers (each at most once: the caller marks what it pushed). */
class MinHeap {
  private readonly items: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(capacity, 1));
  }

  push(value: number): void {
    let i = this.size++;
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] <= value) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items[--this.size];
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && items[right] < items[left] ? right : left;
      if (items[child] >= last) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
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
