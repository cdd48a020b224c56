/**
 * The differencing attacker: given every figure a dashboard fetched (null = suppressed) and the
 * sums that tie them (county = Σ townships, total = Σ categories, …), which suppressed figures
 * can be solved for? Two checks: (1) any equation with exactly one unknown; (2) Gaussian
 * elimination over all equations together (a suppressed cell is recovered when its unit vector
 * lies in the row space), which also catches combinations of several equations.
 */
export interface SumEquation {
  total: string;
  parts: string[];
}

export function singleUnknownEquations(published: ReadonlyMap<string, number | null>, equations: readonly SumEquation[]): SumEquation[] {
  return equations.filter((e) => {
    const members = [e.total, ...e.parts];
    return members.length > 1 && members.filter((key) => published.get(key) === null).length === 1;
  });
}

/** The suppressed cells whose value follows from the equations (with the published cells filled in). */
export function recoverable(published: ReadonlyMap<string, number | null>, equations: readonly SumEquation[]): Map<string, number> {
  const unknowns = [...new Set(equations.flatMap((e) => [e.total, ...e.parts]).filter((key) => published.get(key) === null))];
  const index = new Map(unknowns.map((key, i) => [key, i]));
  // Rows: coefficients of the unknowns and the constant (total − parts = 0).
  const rows: number[][] = [];
  for (const e of equations) {
    const row = new Array(unknowns.length + 1).fill(0);
    let any = false;
    const add = (key: string, sign: number) => {
      const value = published.get(key);
      if (value === null) {
        row[index.get(key)!] += sign;
        any = true;
      } else row[unknowns.length] -= sign * (value ?? 0);
    };
    add(e.total, 1);
    e.parts.forEach((part) => add(part, -1));
    if (any) rows.push(row);
  }
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < unknowns.length && rank < rows.length; col++) {
    let pivot = -1;
    for (let r = rank; r < rows.length; r++) if (Math.abs(rows[r][col]) > 1e-9 && (pivot < 0 || Math.abs(rows[r][col]) > Math.abs(rows[pivot][col]))) pivot = r;
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot], rows[rank]];
    const p = rows[rank][col];
    for (let c = 0; c <= unknowns.length; c++) rows[rank][c] /= p;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank || Math.abs(rows[r][col]) < 1e-12) continue;
      const f = rows[r][col];
      for (let c = 0; c <= unknowns.length; c++) rows[r][c] -= f * rows[rank][c];
    }
    pivots.push(col);
    rank++;
  }
  const found = new Map<string, number>();
  for (let r = 0; r < rank; r++) {
    const nonZero = rows[r].slice(0, unknowns.length).filter((c) => Math.abs(c) > 1e-9).length;
    if (nonZero === 1) found.set(unknowns[pivots[r]], rows[r][unknowns.length]);
  }
  return found;
}
