import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A table's columns as the projector writes them: name and PostgreSQL type. */
export type Columns = readonly (readonly [name: string, type: string])[];

/** Lines per chunk handed to the COPY stream. */
const LINES_PER_CHUNK = 500;

/** One value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return escape(arrayLiteral(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // As JSON would have sent them (the other way rows are written): no NaN or Infinity, dates as ISO instants.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  if (value instanceof Date) return value.toISOString();
  return escape(String(value));
}

function escape(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/** A one-dimensional array literal, every element quoted (so commas, braces and spaces in it stay text). */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

function* lines(columns: Columns, rows: readonly object[]): Generator<string> {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    chunk += columns.map(([name]) => field(row[name])).join('\t') + '\n';
    if ((i + 1) % LINES_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Writes rows with COPY … FROM STDIN (text format): what a rebuild loads its tables with, instead
 * of one jsonb_to_recordset statement per table per batch (no JSON to build and parse). A key
 * missing from a row is null, as jsonb_to_recordset reads it. COPY fires the tables' insert
 * triggers like an INSERT.
 */
export async function copyRows(client: pg.ClientBase, table: string, columns: Columns, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const stream = client.query(copyFrom(`copy "${table}" (${names}) from stdin`));
  await pipeline(Readable.from(lines(columns, rows)), stream);
}
