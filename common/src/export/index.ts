// 导出: streamed CSV and xlsx writers for rosters and lists (one batch of rows in memory at a time).
export type { ExportColumn, ExportColumnKind, ExportResult, ExportSheet, ExportValue } from './types';
export { writeCsv } from './csv';
export { writeXlsx, xlsxSheetName, XLSX_MAX_ROWS } from './xlsx';
export { EXPORT_FORMATS, contentDisposition, parseExportFormat, writeExport, type ExportFormat } from './formats';
export { EXPORT_FRAMING, EXPORT_FRAMING_HEADER, FramedExport, readFrames, encodeFrame, FRAME, type ExportFrame, type ExportHead, type ExportedPerson } from './frames';
