// 导入: spreadsheet import — readers (CSV in UTF-8 / GB18030 / UTF-16, xlsx), header mapping, cell normalisers, the engine and its record, the rejected-rows file.
export { DEFAULT_IMPORT_LIMITS, ImportFileError, type ImportLimits } from './limits';
export { decodeText, type TextEncodingName } from './text';
export { cellText, isBlankRow, type RawCell, type SheetRow } from './sheet';
export { readCsv } from './csv';
export { readXlsx } from './xlsx';
export { checkZip } from './zip-guard';
export { mapHeader, normaliseLabel, type HeaderMap, type ImportColumn } from './columns';
export { readSpreadsheet, valuesOf, type ReadSpreadsheet, type SpreadsheetFormat } from './read';
export { DATE_FORMATS_MESSAGE, normaliseCode, normaliseDate, normaliseIdNumber, normaliseMobile, normaliseText, vocabularyReader, type Normalised } from './values';
export { LINE_LABEL, REASON_LABEL, REJECTED_SHEET_TITLE, writeRejectedRows, type RejectedRow } from './rejected';
export { importTablesSql } from './store';
export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_REGISTERED_ELSEWHERE,
  findImportRun,
  rejectedRowsOf,
  runImport,
  type BatchResult,
  type GroupCounts,
  type ImportCounts,
  type ImportedPerson,
  type ImportKind,
  type ImportOptions,
  type ImportOutcome,
  type ImportProgress,
  type ImportReport,
  type ImportRunRecord,
  type KeyedRow,
  type ParsedRow,
  type RowReport,
  type RowRejection,
  type StoredRejectedRow,
} from './engine';
export { IMPORT_STREAM_CONTENT_TYPE, type ImportStreamLine } from './stream';
export { importEndpoint, type ImportEndpointKind, type ImportEndpointOptions } from './endpoint';
export { importTablesUpgradeSql } from './store';
export {
  DEFAULT_IMPORT_ROW_RETENTION_DAYS,
  DEFAULT_IMPORT_STALE_MINUTES,
  failStaleImportRuns,
  IMPORT_MAINTENANCE_INTERVAL_MS,
  purgeImportCells,
  startImportMaintenance,
  type ImportMaintenanceOptions,
} from './maintenance';
export { identifyCells } from './identify';
export { importRunRegion, importRunsResolver, ImportRun, ImportRunPage, ImportRunsArgs, ImportRunStatus, listImportRuns } from './runs';
