import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportColumn } from './columns';
import { DEFAULT_IMPORT_LIMITS, ImportFileError, type ImportLimits } from './limits';
import { readSpreadsheet, valuesOf, type SpreadsheetFormat } from './read';
import { cellText, type RawCell } from './sheet';

export type ImportOutcome = 'inserted' | 'updated' | 'unchanged' | 'rejected';

/** Why a row is refused: the column (null: the row as a whole) and words that never repeat a cell. */
export interface RowRejection<K extends string = string> {
  column: K | null;
  reason: string;
}

/** A row's checks without the database: the record to write and its key (a pseudonym), or its rejections. */
export type ParsedRow<R, K extends string> = { record: R; key: string; rejections?: undefined } | { rejections: RowRejection<K>[]; record?: undefined; key?: undefined };

export interface KeyedRow<R> {
  line: number;
  key: string;
  record: R;
}

/** A person (worker pseudonym) or household an import read or wrote, and its village: an access-log entry without its fields. */
export type ImportedPerson = { workerId: string; householdCode?: undefined; villageCode: string } | { householdCode: string; workerId?: undefined; villageCode: string };

/**
 * One row's outcome. `registered`: the answer tells that the row's ID number (this pseudonym) is
 * registered outside the caller's scope (registerWorker's ALREADY_REGISTERED) — a lookup by ID
 * number, which the gateway logs and charges to the account's lookup budget, and of which a run
 * gives at most ImportOptions.maxRegisteredElsewhere.
 */
export type BatchResult<K extends string> =
  { outcome: 'inserted' | 'updated' | 'unchanged'; person?: ImportedPerson } | ({ outcome: 'rejected'; person?: ImportedPerson; registered?: string } & RowRejection<K>);

/**
 * One importable kind of a department: its column table, its row rules (the mutation's own
 * rules, reused), and its writer. `apply` runs inside the batch's transaction and answers one
 * result per row in order; with dryRun it decides the same way and writes nothing.
 */
export interface ImportKind<K extends string, R> {
  name: string;
  title: string;
  columns: readonly ImportColumn<K>[];
  parse(values: Record<K, RawCell | undefined>): ParsedRow<R, K>;
  /** Why a later row with an earlier row's key is refused (default: the same person as line N). */
  duplicate?(earlierLine: number): string;
  /**
   * Who a row is about as far as its cells tell without the database (a valid ID number's
   * pseudonym, a household code, the village): kept with a rejected row, so the rejected-rows
   * download logs whom its cells describe. Null: nobody the cells identify.
   */
  identify?(values: Record<K, RawCell | undefined>): ImportedPerson | null;
  /**
   * Grouped kinds (a household and its member rows): the group a row belongs to, from its cells
   * (null: a group of its own). Rows of one group need not be contiguous; a batch never splits a
   * group. `apply` then gets one group at a time, in a savepoint: when any of its rows is refused
   * (by `parse` or by `apply`), every row of the group is refused and the group's writes are
   * undone; in a dry run they are always undone.
   */
  groupOf?(values: Record<K, RawCell | undefined>): string | null;
  /** Why a row is refused with its group (default: its group is refused, see line N). */
  groupRefused?(firstRefusedLine: number): string;
  apply(em: EntityManager, rows: readonly KeyedRow<R>[], dryRun: boolean): Promise<BatchResult<K>[]>;
}

/** Per group (household) of a grouped kind: all rows inserted → inserted, all unchanged → unchanged, any refused → rejected, else updated. */
export interface GroupCounts {
  groups: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface RowReport {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  runId: string;
  kind: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  format: SpreadsheetFormat;
  encoding: string | null;
  counts: ImportCounts;
  unknownColumns: string[];
  /** The first REPORTED_REJECTIONS rejected rows; all of them are in the rejected-rows file. */
  rejected: RowReport[];
  rejectedTruncated: boolean;
  /** Grouped kinds only: the counts per group (household). */
  groupCounts?: GroupCounts;
}

export type ImportProgress = { type: 'progress'; done: number; total: number; counts: ImportCounts; people: ImportedPerson[]; lookups: string[]; groupCounts?: GroupCounts };

export interface ImportOptions {
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  /** The staff account (its subject) and region, recorded with the run and set as the change actor. */
  account: string;
  region: string | null;
  batchSize?: number;
  limits?: ImportLimits;
  /** Rows a run may answer "registered outside your scope" (an existence answer); beyond it the run stops. Default 20 (the gateway's lookup budget is 30 a minute). */
  maxRegisteredElsewhere?: number;
  /** After each committed batch; awaited (the endpoint waits for the access log before going on). */
  onBatch?: (progress: ImportProgress) => Promise<void> | void;
}

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_MAX_REGISTERED_ELSEWHERE = 20;
const REPORTED_REJECTIONS = 1000;

/**
 * Runs one import: reads the file (refused whole when it is not readable or misses a required
 * column), checks every row without the database, rejects a later row with the key of an
 * earlier one (naming that line), then applies the rest in batches, each one transaction that
 * also writes its import_row records and adds to the run's counts — so a process killed mid-way
 * leaves whole batches, each traceable to the run. Re-running the same file re-applies it: rows
 * already written are unchanged, the rest are written (a new run; the killed one stays
 * 'running' with the counts of its committed batches).
 */
export async function runImport<K extends string, R>(em: EntityManager, kind: ImportKind<K, R>, options: ImportOptions): Promise<ImportReport> {
  const sheet = await readSpreadsheet(options.bytes, kind.columns, options.limits ?? DEFAULT_IMPORT_LIMITS);
  const runId = randomUUID();
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  const labelOf = (column: K | null) => (column === null ? null : (sheet.header.labels[sheet.header.index[column] ?? -1] ?? kind.columns.find((c) => c.key === column)!.labels[0]));
  await em.execute(
    `insert into "import_run" ("id", "kind", "file_name", "sha256", "account", "region", "dry_run", "status", "labels") values (?, ?, ?, ?, ?, ?, ?, 'running', ?::jsonb)`,
    [runId, kind.name, options.fileName.slice(0, 200), sha256, options.account.slice(0, 200), options.region, options.dryRun, JSON.stringify(sheet.header.labels)],
  );
  const counts: ImportCounts = { rows: sheet.rows.length, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejected: RowReport[] = [];
  const firstLineOf = new Map<string, number>();
  const parsed = sheet.rows.map((row) => {
    const result = kind.parse(valuesOf(sheet.header, row));
    if (!result.rejections) {
      const earlier = firstLineOf.get(result.key);
      if (earlier !== undefined) return { rejections: [{ column: null, reason: kind.duplicate?.(earlier) ?? `the same person as line ${earlier}` }] } as ParsedRow<R, K>;
      firstLineOf.set(result.key, row.line);
    }
    return result;
  });
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxRegisteredElsewhere = options.maxRegisteredElsewhere ?? DEFAULT_MAX_REGISTERED_ELSEWHERE;
  let registeredElsewhere = 0;
  const groups = kind.groupOf ? groupRows(sheet.rows.map((row) => kind.groupOf!(valuesOf(sheet.header, row)))) : null;
  const groupCounts: GroupCounts | undefined = groups ? { groups: groups.length, inserted: 0, updated: 0, unchanged: 0, rejected: 0 } : undefined;
  const batches = batchesOf(sheet.rows.length, batchSize, groups);
  let done = 0;
  try {
    for (const batch of batches) {
      const rows = batch.flat().map((index) => sheet.rows[index]);
      const results = batch.flat().map((index) => parsed[index]);
      const people: ImportedPerson[] = [];
      const lookups: string[] = [];
      const batchCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
      const batchGroupOutcomes: ImportOutcome[] = [];
      // A fresh fork per batch: the identity map holds one batch, not the whole file.
      await em.fork().transactional(async (tx) => {
        // The change-history trigger (where a department has one) reads who, from where, and which import.
        await tx.execute(`select set_config('jiuye.change_actor', ?, true), set_config('jiuye.change_origin', 'import', true), set_config('jiuye.change_detail', ?, true)`, [
          options.account,
          runId,
        ]);
        const keyed: KeyedRow<R>[] = [];
        results.forEach((result, index) => {
          if (!result.rejections) keyed.push({ line: rows[index].line, key: result.key, record: result.record });
        });
        const byLine = groups
          ? await applyGroups(tx, kind, batch, sheet.rows, parsed, options.dryRun)
          : new Map(await applyRows(tx, kind, keyed, options.dryRun).then((applied) => keyed.map((row, index) => [row.line, applied[index]] as const)));
        const records = rows.map((row, index) => {
          const result = results[index];
          const outcome: BatchResult<K> = result.rejections
            ? { outcome: 'rejected', column: result.rejections[0].column, reason: result.rejections.map((r) => withLabel(labelOf(r.column), r.reason)).join('；') }
            : byLine.get(row.line)!;
          if (outcome.person) people.push(outcome.person);
          if (outcome.outcome === 'rejected' && outcome.registered) lookups.push(outcome.registered);
          batchCounts[outcome.outcome]++;
          if (outcome.outcome !== 'rejected') return { run_id: runId, line: row.line, outcome: outcome.outcome, record_key: !result.rejections ? result.key : null };
          const reason = result.rejections ? outcome.reason : withLabel(labelOf(outcome.column), outcome.reason);
          if (rejected.length < REPORTED_REJECTIONS) rejected.push({ line: row.line, column: labelOf(outcome.column), reason });
          // Who the kept cells are about: as the kind decided, else as the cells tell (for the rejected-rows download's access log).
          const person = outcome.person ?? kind.identify?.(valuesOf(sheet.header, row)) ?? null;
          return {
            run_id: runId,
            line: row.line,
            outcome: 'rejected',
            record_key: null,
            column_label: labelOf(outcome.column),
            reason,
            cells: row.cells.map(storedCell),
            person: person ? [person.workerId ?? null, person.householdCode ?? null, person.villageCode] : null,
          };
        });
        registeredElsewhere += lookups.length;
        if (registeredElsewhere > maxRegisteredElsewhere) {
          // Rolls this batch back: a file of numbers to probe gets at most the allowance of answers per run.
          throw new ImportFileError(
            `the file holds more than ${maxRegisteredElsewhere} people registered outside your area; the import stopped before line ${rows[0].line}. The county office (县级) imports such lists`,
            'REGISTERED_ELSEWHERE',
          );
        }
        await tx.execute(
          `insert into "import_row" ("run_id", "line", "outcome", "record_key", "column_label", "reason", "cells", "person")
           select run_id, line, outcome, record_key, column_label, reason, cells, person
             from json_to_recordset(?::json) as r(run_id uuid, line int, outcome text, record_key text, column_label text, reason text, cells jsonb, person jsonb)`,
          [JSON.stringify(records)],
        );
        await tx.execute(
          `update "import_run" set "rows" = "rows" + ?, "inserted" = "inserted" + ?, "updated" = "updated" + ?, "unchanged" = "unchanged" + ?, "rejected" = "rejected" + ?, "progressed_at" = now() where "id" = ?`,
          [rows.length, batchCounts.inserted, batchCounts.updated, batchCounts.unchanged, batchCounts.rejected, runId],
        );
        if (groupCounts) {
          const outcomeOf = new Map(records.map((r) => [r.line, r.outcome as ImportOutcome]));
          for (const group of batch) batchGroupOutcomes.push(groupOutcome(group.map((index) => outcomeOf.get(sheet.rows[index].line)!)));
        }
      });
      for (const outcome of ['inserted', 'updated', 'unchanged', 'rejected'] as const) counts[outcome] += batchCounts[outcome];
      if (groupCounts) for (const outcome of batchGroupOutcomes) groupCounts[outcome]++;
      done += rows.length;
      await options.onBatch?.({
        type: 'progress',
        done,
        total: sheet.rows.length,
        counts: { ...counts },
        people,
        lookups,
        ...(groupCounts ? { groupCounts: { ...groupCounts } } : {}),
      });
    }
    // A run the stale sweep took for interrupted (a client that held it up for long) that did finish is finished.
    await em.execute(`update "import_run" set "status" = 'finished', "failure" = null, "finished_at" = now() where "id" = ?`, [runId]);
  } catch (error) {
    const failure = error instanceof ImportFileError ? error.reason : 'broken-off';
    await em.execute(`update "import_run" set "status" = 'failed', "failure" = ?, "finished_at" = now() where "id" = ?`, [failure, runId]).catch(() => undefined);
    throw error;
  }
  return {
    runId,
    kind: kind.name,
    fileName: options.fileName,
    sha256,
    dryRun: options.dryRun,
    format: sheet.format,
    encoding: sheet.encoding,
    counts,
    unknownColumns: sheet.header.unknown,
    rejected,
    rejectedTruncated: counts.rejected > rejected.length,
    ...(groupCounts ? { groupCounts } : {}),
  };
}

function applyRows<K extends string, R>(tx: EntityManager, kind: ImportKind<K, R>, keyed: KeyedRow<R>[], dryRun: boolean): Promise<BatchResult<K>[]> {
  return keyed.length ? kind.apply(tx, keyed, dryRun) : Promise.resolve([]);
}

/** Row indexes by group, groups in the order of their first row; a row without a group key is a group of its own. */
function groupRows(keys: readonly (string | null)[]): number[][] {
  const groups: number[][] = [];
  const byKey = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key === null) return void groups.push([index]);
    const group = byKey.get(key);
    if (group) group.push(index);
    else {
      const fresh = [index];
      byKey.set(key, fresh);
      groups.push(fresh);
    }
  });
  return groups;
}

/** Batches of row indexes (each a list of groups): batchSize rows each, or whole groups up to at least batchSize rows. */
function batchesOf(rowCount: number, batchSize: number, groups: number[][] | null): number[][][] {
  const batches: number[][][] = [];
  if (!groups) {
    for (let start = 0; start < rowCount; start += batchSize) batches.push([Array.from({ length: Math.min(batchSize, rowCount - start) }, (_, i) => start + i)]);
    return batches;
  }
  let current: number[][] = [];
  let size = 0;
  for (const group of groups) {
    current.push(group);
    size += group.length;
    if (size >= batchSize) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

class GroupUndone extends Error {}

/**
 * A grouped kind's batch: each group in its own savepoint. A group with a row refused by `parse`
 * is not applied; one with a row refused by `apply` has its writes undone (as has every group of a
 * dry run). The other rows of a refused group are refused too, naming the first refused line.
 */
async function applyGroups<K extends string, R>(
  tx: EntityManager,
  kind: ImportKind<K, R>,
  batch: number[][],
  rows: readonly { line: number }[],
  parsed: readonly ParsedRow<R, K>[],
  dryRun: boolean,
): Promise<Map<number, BatchResult<K>>> {
  const byLine = new Map<number, BatchResult<K>>();
  for (const group of batch) {
    const keyed: KeyedRow<R>[] = [];
    let firstRefused: number | null = null;
    for (const index of group) {
      const result = parsed[index];
      if (result.rejections) firstRefused ??= rows[index].line;
      else keyed.push({ line: rows[index].line, key: result.key, record: result.record });
    }
    let applied: BatchResult<K>[] = [];
    if (firstRefused === null) {
      try {
        // clear: the savepoint's fork starts empty (not a copy of the batch's identity map, which would make a batch quadratic).
        await tx.transactional(
          async (savepoint) => {
            applied = await kind.apply(savepoint, keyed, dryRun);
            if (dryRun || applied.some((r) => r.outcome === 'rejected')) throw new GroupUndone();
          },
          { clear: true },
        );
      } catch (error) {
        if (!(error instanceof GroupUndone)) throw error;
      }
      firstRefused = keyed.find((_, index) => applied[index].outcome === 'rejected')?.line ?? null;
    }
    keyed.forEach((row, index) => {
      const result = applied[index];
      if (firstRefused === null || result?.outcome === 'rejected') return void byLine.set(row.line, result);
      byLine.set(row.line, {
        outcome: 'rejected',
        column: null,
        reason: kind.groupRefused?.(firstRefused) ?? `refused with its group: see line ${firstRefused}`,
        ...(result?.person ? { person: result.person } : {}),
      });
    });
  }
  return byLine;
}

function groupOutcome(outcomes: ImportOutcome[]): ImportOutcome {
  if (outcomes.includes('rejected')) return 'rejected';
  if (outcomes.every((o) => o === 'inserted')) return 'inserted';
  if (outcomes.every((o) => o === 'unchanged')) return 'unchanged';
  return 'updated';
}

/** A cell as import_row keeps it: a date cell as its day (YYYY-MM-DD, which the import reads back), the rest as read. */
function storedCell(cell: RawCell): RawCell {
  return cell instanceof Date ? cellText(cell) : cell;
}

function withLabel(label: string | null, reason: string): string {
  return label ? `${label}: ${reason}` : reason;
}

/** A run as recorded, for the rejected-rows download: who ran it and the file's header. */
export interface ImportRunRecord {
  id: string;
  kind: string;
  account: string;
  region: string | null;
  fileName: string;
  labels: string[];
}

export async function findImportRun(em: EntityManager, runId: string): Promise<ImportRunRecord | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(runId)) return null;
  const [run] = await em.execute<{ id: string; kind: string; account: string; region: string | null; file_name: string; labels: string[] }[]>(
    `select "id", "kind", "account", "region", "file_name", "labels" from "import_run" where "id" = ?`,
    [runId],
  );
  return run ? { id: run.id, kind: run.kind, account: run.account, region: run.region, fileName: run.file_name, labels: run.labels } : null;
}

export interface StoredRejectedRow {
  line: number;
  /** Empty once the retention has cleared them (purgeImportCells). */
  cells: RawCell[];
  reason: string;
  /** Who the cells are about: [worker pseudonym|null, household code|null, village]; null when cleared or nobody identified. */
  person: [string | null, string | null, string] | null;
}

/** The rejected rows of a run in line order, with the reason, as the rejected-rows file lists them. */
export async function rejectedRowsOf(em: EntityManager, runId: string): Promise<StoredRejectedRow[]> {
  const rows = await em.execute<{ line: number; cells: RawCell[] | null; reason: string | null; person: StoredRejectedRow['person'] }[]>(
    `select "line", "cells", "reason", "person" from "import_row" where "run_id" = ? and "outcome" = 'rejected' order by "line"`,
    [runId],
  );
  return rows.map((row) => ({ line: row.line, cells: row.cells ?? [], reason: row.reason ?? '', person: row.cells ? row.person : null }));
}
