/**
 * What an import accepts before it reads a single row: the size of the upload, the number of
 * rows, and for xlsx (a zip) how much it may inflate to. A file beyond any of them is refused
 * whole, naming the limit, so nothing is half-read.
 */
export interface ImportLimits {
  /** Bytes of the uploaded file. */
  maxBytes: number;
  /** Data rows (blank lines not counted). */
  maxRows: number;
  /** Total bytes the xlsx's parts inflate to (declared, and checked while inflating). */
  maxInflatedBytes: number;
  /** Inflated / compressed for any one part above 1 MB: a zip bomb compresses far beyond real sheets. */
  maxRatio: number;
  /** Parts in the xlsx zip. */
  maxEntries: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxRows: 200_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 2_000,
};

/** A file refused whole (too large, not a spreadsheet, a required column missing …); the message is safe to show. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly reason: 'TOO_LARGE' | 'TOO_MANY_ROWS' | 'ZIP_BOMB' | 'NOT_A_SPREADSHEET' | 'NO_HEADER' | 'MISSING_COLUMNS' | 'DUPLICATE_COLUMN' | 'EMPTY' | 'REGISTERED_ELSEWHERE',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
