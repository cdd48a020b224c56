/** How a column's values are written: text stays text (ID numbers keep every digit), numbers are
 *  numbers, dates are calendar days (YYYY-MM-DD in CSV, real dates with numFmt yyyy-mm-dd in xlsx). */
export type ExportColumnKind = 'text' | 'number' | 'date';

export type ExportValue = string | number | Date | null | undefined;

export interface ExportColumn<Row> {
  /** Column header, in Chinese (姓名, 所属村, 就业状态 …). */
  header: string;
  /** xlsx column width in characters (a Chinese character counts two); guessed from the header when absent. */
  width?: number;
  /** The cell of one row. null / undefined make an empty cell. */
  value(row: Row): ExportValue;
  /**
   * Absent: taken from the value (number → number, Date → date, anything else → text).
   * 'number' also accepts numeric strings (PostgreSQL numeric arrives as a string);
   * 'date' also accepts 'YYYY-MM-DD' strings (LocalDate). A value that does not fit its kind
   * is a programming error: the writer rejects, naming the column and row, never the value.
   */
  kind?: ExportColumnKind;
  /**
   * What the access log records as read for this column, as a graph field (`Worker.idNumber`
   * for a full ID number: a reveal, like the field's read in the graph). Absent: `export:<header>`.
   */
  logAs?: string;
}

export interface ExportSheet<Row> {
  /** Sheet name and file title, in Chinese (e.g. 零就业家庭名单). Sheet names are cut to Excel's rules. */
  title: string;
  columns: readonly ExportColumn<Row>[];
  /**
   * The rows, in batches (e.g. one batch per keyset page of a query). Writers hold one batch at
   * a time and pull the next only when the destination has taken the previous one, so a batch
   * size of a few thousand keeps memory flat however many rows there are.
   */
  rows: AsyncIterable<readonly Row[]> | Iterable<readonly Row[]>;
  /** Lines above the header row, e.g. '导出时间 2026-01-05 10:00', '数据截至 2026-01-04'. */
  preamble?: readonly string[];
}

export interface ExportResult {
  /** Data rows written (the preamble and the header row not counted). */
  rows: number;
}
