import { ImportFileError } from './limits';
import { cellText, type RawCell, type SheetRow } from './sheet';

/** One column an import kind reads: its key, the headers it goes by (Chinese as on the county forms, English), and whether a file must have it. */
export interface ImportColumn<K extends string = string> {
  key: K;
  /** The first label is the one the rejected-rows file and messages use. */
  labels: readonly string[];
  required?: boolean;
}

/** Where each column of the kind sits in the file, and the header as the file wrote it. */
export interface HeaderMap<K extends string = string> {
  /** Column index (0-based) of each key the file has. */
  index: Partial<Record<K, number>>;
  /** The file's own header labels (two-row headers joined with |), one per column. */
  labels: string[];
  /** Header labels that match no column of the kind (reported, not fatal). */
  unknown: string[];
  /** How many rows the header took (after any title rows), and the last of them. */
  headerRows: number;
  lastHeaderLine: number;
}

/** Full-width letters and brackets to plain (NFKC), no spaces or required-markers, lower case: how headers are compared. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** Title rows (the form's name, the unit, the date) above the header: up to this many rows are tried as its start. */
const HEADER_SEARCH_ROWS = 6;

/**
 * Finds the header among the first rows (county forms put a title row or two above it) and maps
 * it to the kind's columns. A header may take two rows, the upper cell merged across the
 * columns it groups (家庭成员 over 姓名, 身份证号码…); a label then matches as 家庭成员|姓名 or as
 * its lower part 姓名. The reading (one or two rows, from which row) that finds the most columns
 * wins. Missing required columns refuse the file up front, naming them; unknown columns are
 * listed.
 */
export function mapHeader<K extends string>(rows: readonly SheetRow[], columns: readonly ImportColumn<K>[]): HeaderMap<K> {
  if (rows.length === 0) throw new ImportFileError('the file has no rows', 'EMPTY');
  const byLabel = new Map<string, K>();
  for (const column of columns) for (const label of column.labels) byLabel.set(normaliseLabel(label), column.key);
  let best: { map: HeaderMap<K>; found: number; depth: number; upperFound: number } | null = null;
  for (let start = 0; start < Math.min(HEADER_SEARCH_ROWS, rows.length); start++) {
    let upperFound = 0;
    for (const depth of [1, 2]) {
      if (start + depth > rows.length) continue;
      const labels = headerLabels(rows.slice(start, start + depth).map((r) => r.cells));
      const candidate = matchLabels(labels, byLabel);
      const found = Object.keys(candidate.index).length;
      if (depth === 1) upperFound = found;
      // On a tie between one row and two, two win only when their upper row is a header row itself
      // (序号 merged down over both): an upper row that matches nothing is a title, not a group label.
      const better = !best || found > best.found || (found === best.found && (depth === 2 ? upperFound > 0 : best.depth === 2 && best.upperFound === 0));
      if (better) best = { map: { ...candidate, headerRows: start + depth, lastHeaderLine: rows[start + depth - 1].line }, found, depth, upperFound };
    }
  }
  if (!best || best.found === 0) {
    throw new ImportFileError(`no header row found: expected columns such as ${columns.map((c) => c.labels[0]).join('、')}`, 'NO_HEADER');
  }
  const missing = columns.filter((c) => c.required && best.map.index[c.key] === undefined).map((c) => c.labels[0]);
  if (missing.length) throw new ImportFileError(`required columns are missing: ${missing.join('、')}`, 'MISSING_COLUMNS', { missing });
  return best.map;
}

function headerLabels(headerRows: RawCell[][]): string[] {
  const width = Math.max(...headerRows.map((r) => r.length));
  const labels: string[] = [];
  let group = '';
  for (let column = 0; column < width; column++) {
    const top = cellText(headerRows[0][column] ?? null).trim();
    if (headerRows.length === 1) {
      labels.push(top);
      continue;
    }
    const bottom = cellText(headerRows[1][column] ?? null).trim();
    // A CSV has no merged cells: an upper cell left empty over a lower label belongs to the group on its left.
    if (top) group = top;
    const upper = top || (bottom ? group : '');
    labels.push(upper && bottom && upper !== bottom ? `${upper}|${bottom}` : upper || bottom);
  }
  return labels;
}

function matchLabels<K extends string>(labels: string[], byLabel: Map<string, K>): Omit<HeaderMap<K>, 'headerRows' | 'lastHeaderLine'> {
  const index: Partial<Record<K, number>> = {};
  const unknown: string[] = [];
  labels.forEach((label, column) => {
    if (!label) return;
    const parts = label.split('|');
    const key = byLabel.get(normaliseLabel(label)) ?? (parts.length > 1 ? byLabel.get(normaliseLabel(parts[parts.length - 1])) : undefined);
    if (key === undefined) return void unknown.push(label);
    if (index[key] !== undefined) throw new ImportFileError(`the column ${label} appears twice`, 'DUPLICATE_COLUMN', { column: label });
    index[key] = column;
  });
  return { index, labels, unknown };
}
