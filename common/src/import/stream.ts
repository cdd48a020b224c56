import type { GroupCounts, ImportCounts, ImportedPerson, ImportReport } from './engine';

/**
 * The answer of POST /imports/…: one JSON object per line (NDJSON), written as the import goes.
 * From a department the progress lines carry the people each batch read or wrote and the fields
 * (for the access log); the gateway logs them before passing the line on, without them.
 */
export type ImportStreamLine =
  | { type: 'start'; runId?: undefined; total: number; dryRun: boolean }
  | { type: 'progress'; done: number; total: number; counts: ImportCounts; groupCounts?: GroupCounts; people?: ImportedPerson[]; fields?: string[]; lookups?: string[] }
  | { type: 'report'; report: ImportReport }
  | { type: 'error'; message: string; code: string };

export const IMPORT_STREAM_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8';
