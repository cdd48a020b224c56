import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * COPY … FROM STDIN in the text format, shared by situation's rebuild (rows as objects) and the
 * devtools seeders (rows as arrays): the fastest way PostgreSQL takes rows from a client.
 */

/** A table's columns as the projector writes them: name and PostgreSQL type. */
export type Columns = readonly (readonly [name: string, type: string])[];

/** Lines per chunk handed to the COPY stream. */
const LINES_PER_CHUNK = 500;

/**
 * One value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N.
 * `json`: the column is json/jsonb, so the value (object, array or scalar) goes as its JSON text.
 */
export function copyField(value: unknown, json = false): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return escape(JSON.stringify(value));
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

const isJson = (type: string) => type === 'json' || type === 'jsonb';

function* chunks<T>(rows: readonly T[], line: (row: T) => string): Generator<string> {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    chunk += line(rows[i]);
    if ((i + 1) % LINES_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The COPY text of rows given as arrays, one value per column in the columns' order. */
export function copyText(columns: Columns, rows: readonly (readonly unknown[])[]): string {
  const json = columns.map(([, type]) => isJson(type));
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c === 0 ? '' : '\t') + copyField(row[c], json[c]);
    text += line + '\n';
  }
  return text;
}

/** freeze: COPY … WITH (FREEZE), for a table created or truncated in the current transaction (PostgreSQL refuses it otherwise). */
export interface CopyOptions {
  freeze?: boolean;
}

async function copyIn(client: pg.ClientBase, table: string, columns: Columns, source: Iterable<string>, options: CopyOptions = {}): Promise<number> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const stream = client.query(copyFrom(`copy "${table}" (${names}) from stdin${options.freeze ? ' with (freeze)' : ''}`));
  await pipeline(Readable.from(source), stream);
  return stream.rowCount;
}

/**
 * Writes rows with COPY … FROM STDIN (text format): what a rebuild loads its tables with, instead
 * of one jsonb_to_recordset statement per table per batch (no JSON to build and parse). A key
 * missing from a row is null, as jsonb_to_recordset reads it. COPY fires the tables' insert
 * triggers like an INSERT.
 */
export async function copyRows(client: pg.ClientBase, table: string, columns: Columns, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const json = columns.map(([, type]) => isJson(type));
  await copyIn(
    client,
    table,
    columns,
    chunks(rows as readonly Record<string, unknown>[], (row) => columns.map(([name], c) => copyField(row[name], json[c])).join('\t') + '\n'),
  );
}

/** Writes rows given as arrays (one value per column, in order) with COPY … FROM STDIN; returns the rows written. */
export async function copyTuples(client: pg.ClientBase, table: string, columns: Columns, rows: readonly (readonly unknown[])[], options?: CopyOptions): Promise<number> {
  if (rows.length === 0) return 0;
  return copyIn(client, table, columns, [copyText(columns, rows)], options);
}
