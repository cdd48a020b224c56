import { determinedCells, primarySuppressed, RegionTree, SuppressedTable, suppressionPattern, suppressionThresholdFromEnv, TOTAL, type Equation } from '@jiuye/common';
import { recoverable, singleUnknownEquations } from '@jiuye/testing/disclosure';

const published = (values: Map<string, number>, hidden: Set<string>) => new Map([...values].map(([k, v]) => [k, hidden.has(k) ? null : v] as [string, number | null]));

describe('small-cell suppression policy (hole 8)', () => {
  it('suppresses 1 … threshold−1, publishes 0 and threshold', () => {
    expect([0, 1, 4, 5].map((v) => primarySuppressed(v, 5))).toEqual([false, true, true, false]);
    expect(suppressionThresholdFromEnv({})).toBe(5);
    expect(suppressionThresholdFromEnv({ SUPPRESSION_THRESHOLD: '10' })).toBe(10);
    expect(() => suppressionThresholdFromEnv({ SUPPRESSION_THRESHOLD: '1' })).toThrow(/SUPPRESSION_THRESHOLD/);
  });

  it('hides a second cell so that total − parts does not give one away, the smallest non-zero first', () => {
    const values = new Map([
      ['t', 30],
      ['a', 2],
      ['b', 0],
      ['c', 12],
      ['d', 16],
    ]);
    const equations: Equation[] = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }];
    const hidden = suppressionPattern(values, equations, 5);
    expect([...hidden].sort()).toEqual(['a', 'c']);
    expect(recoverable(published(values, hidden), equations).size).toBe(0);
  });

  it('hides the total when every other part is 0 and the hidden part was a complement', () => {
    // b is hidden to protect a in the second equation; in the first it would equal its total.
    const values = new Map([
      ['p', 9],
      ['b', 9],
      ['z', 0],
      ['q', 12],
      ['a', 3],
    ]);
    const equations: Equation[] = [
      { total: 'p', parts: ['b', 'z'] },
      { total: 'q', parts: ['a', 'b'] },
    ];
    const hidden = suppressionPattern(values, equations, 5);
    expect(singleUnknownEquations(published(values, hidden), equations)).toEqual([]);
    expect(recoverable(published(values, hidden), equations).size).toBe(0);
  });

  it('decides over the whole hierarchy: county − townships and township − villages recover nothing', () => {
    const villages = new Map<string, Record<string, number>>([
      ['530113101001', { [TOTAL]: 3 }],
      ['530113101002', { [TOTAL]: 20 }],
      ['530113101003', { [TOTAL]: 7 }],
      ['530113102001', { [TOTAL]: 40 }],
      ['530113102002', { [TOTAL]: 8 }],
      ['530113103001', { [TOTAL]: 9 }],
    ]);
    const tree = new RegionTree(villages.keys());
    const table = new SuppressedTable(tree, villages, 5);
    const cells = new Map(tree.nodes.map((n) => [n, table.published(n)]));
    const equations = [...tree.children].map(([total, parts]) => ({ total, parts }));
    expect(cells.get('530113101001')).toBeNull();
    expect([...cells.values()].filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
    expect(singleUnknownEquations(cells, equations)).toEqual([]);
    expect(recoverable(cells, equations).size).toBe(0);
    // Deterministic: the same data in another order gives the same pattern.
    const again = new SuppressedTable(new RegionTree([...villages.keys()].reverse()), new Map([...villages].reverse()), 5);
    expect(tree.nodes.map((n) => again.published(n))).toEqual(tree.nodes.map((n) => table.published(n)));
  });

  it('decides across a breakdown and the hierarchy together', () => {
    const categories = ['x', 'y', 'z'];
    const villages = new Map<string, Record<string, number>>([
      ['530113101001', { x: 2, y: 10, z: 0 }],
      ['530113101002', { x: 6, y: 1, z: 9 }],
      ['530113102001', { x: 15, y: 7, z: 3 }],
      ['530113102002', { x: 0, y: 22, z: 0 }],
    ]);
    const tree = new RegionTree(villages.keys());
    const table = new SuppressedTable(tree, villages, 5, categories);
    const cells = new Map<string, number | null>();
    for (const node of tree.nodes) for (const c of [TOTAL, ...categories]) cells.set(`${node}|${c}`, table.published(node, c));
    const equations = [
      ...[...tree.children].flatMap(([total, parts]) => [TOTAL, ...categories].map((c) => ({ total: `${total}|${c}`, parts: parts.map((p) => `${p}|${c}`) }))),
      ...tree.nodes.map((n) => ({ total: `${n}|${TOTAL}`, parts: categories.map((c) => `${n}|${c}`) })),
    ];
    expect([...cells.values()].filter((v) => v !== null && v > 0 && v < 5)).toEqual([]);
    expect(singleUnknownEquations(cells, equations)).toEqual([]);
    expect(recoverable(cells, equations).size).toBe(0);
  });

  it('audits the whole system: equations that each hold two unknowns can still combine to give one away', () => {
    // t1 = x + y, t2 = y + z, t3 = x + z: x = (t1 − t2 + t3) / 2 although no sum has one unknown.
    const equations: Equation[] = [
      { total: 't1', parts: ['x', 'y'] },
      { total: 't2', parts: ['y', 'z'] },
      { total: 't3', parts: ['x', 'z'] },
    ];
    expect(determinedCells(equations, new Set(['x', 'y', 'z']))).toEqual(['x', 'y', 'z']);
    expect(determinedCells(equations, new Set(['x', 'y', 'z', 't1']))).toEqual([]);
    const values = new Map([
      ['x', 2],
      ['y', 3],
      ['z', 4],
      ['t1', 5],
      ['t2', 7],
      ['t3', 6],
    ]);
    const hidden = suppressionPattern(values, equations, 5);
    expect(recoverable(published(values, hidden), equations).size).toBe(0);
    expect(hidden.has('x') && hidden.has('y') && hidden.has('z')).toBe(true);
  });

  it('finds exactly the cells a dense rank test finds determined, on random systems of sums (the sparse elimination against the definition)', () => {
    // e_c lies in the row space of the equations restricted to the hidden cells ⇔ adding e_c does not raise their rank.
    const rank = (matrix: number[][]): number => {
      const rows = matrix.map((row) => [...row]);
      let r = 0;
      for (let c = 0; c < (rows[0]?.length ?? 0) && r < rows.length; c++) {
        const pivot = rows.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
        if (pivot < 0) continue;
        [rows[r], rows[pivot]] = [rows[pivot], rows[r]];
        for (let i = 0; i < rows.length; i++) {
          if (i === r || Math.abs(rows[i][c]) < 1e-12) continue;
          const factor = rows[i][c] / rows[r][c];
          rows[i] = rows[i].map((v, k) => v - factor * rows[r][k]);
        }
        r++;
      }
      return r;
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let systemsWithDetermined = 0;
    for (let trial = 0; trial < 300; trial++) {
      const cells = Array.from({ length: 4 + Math.floor(random() * 10) }, (_, i) => `c${String(i).padStart(2, '0')}${'x'.repeat(Math.floor(random() * 3))}`);
      const equations: Equation[] = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
        const members = cells.filter(() => random() < 0.35);
        return { total: cells[Math.floor(random() * cells.length)], parts: members };
      }).filter((e) => e.parts.length > 0 && !e.parts.includes(e.total));
      const hidden = new Set(cells.filter(() => random() < 0.6));
      const unknowns = [...hidden];
      const matrix = equations.map((e) => unknowns.map((key) => (key === e.total ? 1 : 0) - e.parts.filter((p) => p === key).length));
      const base = rank(matrix);
      const expected = unknowns.filter((key, i) => rank([...matrix, unknowns.map((_, j) => (j === i ? 1 : 0))]) === base && matrix.length > 0).sort();
      if (expected.length > 0) systemsWithDetermined++;
      expect({ trial, determined: determinedCells(equations, hidden) }).toEqual({ trial, determined: expected });
    }
    expect(systemsWithDetermined).toBeGreaterThan(30);
  });

  it('publishes exact figures when inactive (department staff)', () => {
    const villages = new Map([['530113101001', { [TOTAL]: 3 }]]);
    const table = new SuppressedTable(new RegionTree(villages.keys()), villages, 5, [], { active: false });
    expect(table.published('530113101001')).toBe(3);
  });
});
