import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Args, Ctx, Directive, Field, FieldResolver, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { forbidden, type AccessControl, type FieldCategory } from './auth/access';
import { IDENTIFYING_KINDS, type IdentifyingKind } from './auth/identifying-fields';
import type { ChangeOperation, ChangeOrigin } from './history';
import { checkPageSize, decodeIdCursor, encodeCursor, PageArgs, PageInfo } from './pagination';

/**
 * Reading a department's change history (common/src/history.ts writes it): one person's or one
 * household's entries, newest first, each with the fields that changed. Every department adds
 * its own `<department>History` field to its Worker (and Household) with these shared types, so
 * the departments' answers sit side by side in the graph without colliding.
 *
 * The fields follow the same rules as on the records: a column that is an identifying field
 * (identifying-fields.ts: ID number, phone, birth date, household code…) or a sensitive one
 * (health, welfare) shows its values only to a caller who may read that field on the record;
 * anyone else gets the entry with before/after null and `redacted: true`.
 */

export enum ChangeOperationValue {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(ChangeOperationValue, {
  name: 'ChangeOperation',
  description: 'What a change did to a record.',
  valuesConfig: { INSERT: { description: 'created' }, UPDATE: { description: 'changed' }, DELETE: { description: 'removed' } },
});

export enum ChangeOriginValue {
  MUTATION = 'mutation',
  IMPORT = 'import',
  DIRECT = 'direct',
}
registerEnumType(ChangeOriginValue, {
  name: 'ChangeOrigin',
  description: 'Where a change came from.',
  valuesConfig: {
    MUTATION: { description: 'a write through the graph (detail: the mutation)' },
    IMPORT: { description: 'a spreadsheet import (detail: the import and its row)' },
    DIRECT: { description: 'a change made in the database itself, outside the platform (actor: the database user)' },
  },
});

@ObjectType({ description: 'One field of a change: its value before and after.' })
@Directive('@shareable')
export class ChangedField {
  @Field(() => String, { description: 'The field (camelCase column name of the record).' })
  field: string;

  @Field(() => String, { nullable: true, description: 'The value before, as text; empty for a new record, or when redacted.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as text; empty for a removed record, or when redacted.' })
  after: string | null;

  @Field(() => Boolean, { description: 'The values are withheld: this account may not read the field on the record (e.g. the full ID number without reveal).' })
  redacted: boolean;
}

@ObjectType({ description: 'One change to a department record: what changed, who, when and from where.' })
@Directive('@shareable')
export class ChangeHistoryEntry {
  @Field(() => String, { description: 'When (ISO 8601, UTC).' })
  at: string;

  @Field(() => String, { description: 'The department that keeps the record (hr, poverty, civil, training, partner).' })
  department: string;

  @Field(() => String, { description: 'The kind of record (its type in the graph, e.g. Worker, Employment).' })
  record: string;

  @Field(() => String, { description: "The record's key in its department (its id)." })
  recordKey: string;

  @Field(() => ChangeOperationValue)
  operation: ChangeOperationValue;

  @Field(() => [ChangedField], { description: 'Only the fields that changed (all of them for a new or removed record).' })
  fields: ChangedField[];

  @Field(() => String, { description: 'The staff account that made it; for a direct change, the database user.' })
  actor: string;

  @Field(() => ChangeOriginValue)
  origin: ChangeOriginValue;

  @Field(() => String, { nullable: true, description: 'The mutation(s) of the request, or the import and its row.' })
  detail: string | null;
}

@ObjectType({ description: 'A page of change history, newest first.' })
@Directive('@shareable')
export class ChangeHistoryPage {
  @Field(() => [ChangeHistoryEntry])
  nodes: ChangeHistoryEntry[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

/** How one table's entries read in the graph. */
export interface HistoryRecordKind {
  /** The stable name of the record kind (its GraphQL type). */
  kind: string;
  /** Columns that are identifying fields (besides HISTORY_IDENTIFYING_COLUMNS): they keep the kind's rule. */
  identifying?: Record<string, IdentifyingKind>;
  /** Columns that need a category (health, welfare) on the record. */
  fields?: Record<string, FieldCategory>;
}

/** A department's history: the kind of each captured table, and the tables left out with why. */
export interface DepartmentHistory {
  records: Record<string, HistoryRecordKind>;
  /** Tables without history besides change_history, outbox and mikro_orm_migrations: table → why. */
  excluded: Record<string, string>;
}

/** Columns that are identifying wherever they appear (the same names in every department). */
export const HISTORY_IDENTIFYING_COLUMNS: Readonly<Record<string, IdentifyingKind>> = {
  id_number: 'id-number',
  phone: 'phone',
  birth_date: 'birth-date',
  household_code: 'household',
};

function columnCategory(kind: HistoryRecordKind | undefined, column: string): FieldCategory | null {
  const identifying = kind?.identifying?.[column] ?? HISTORY_IDENTIFYING_COLUMNS[column];
  return kind?.fields?.[column] ?? (identifying ? IDENTIFYING_KINDS[identifying].category : null);
}

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

interface HistoryRow {
  id: string | number;
  at: Date | string;
  table_name: string;
  row_key: string;
  operation: ChangeOperation;
  changes: Record<string, unknown>;
  actor: string;
  origin: ChangeOrigin;
  detail: string | null;
}

/**
 * Columns holding where a person or household lives. A record that moved out of the caller's
 * region (a worker registered in another household, a member moving away) stays in the history
 * of the household it left, but where it went is outside the caller's scope: a value outside
 * the region is withheld like a field the caller may not read.
 */
export const HISTORY_PLACE_COLUMNS: ReadonlySet<string> = new Set(['household_code', 'village_code', 'division_code']);

function entryOf(row: HistoryRow, department: string, history: DepartmentHistory, access: Pick<AccessControl, 'allows' | 'identity'>): ChangeHistoryEntry {
  const kind = history.records[row.table_name];
  const region = access.identity.region ?? '';
  const fields = Object.entries(row.changes)
    .map(([column, change]) => {
      // An update keeps [old, new]; an insert the new values, a delete the old ones.
      const [before, after] = (row.operation === 'UPDATE' ? change : row.operation === 'INSERT' ? [null, change] : [change, null]) as [unknown, unknown];
      const category = columnCategory(kind, column);
      const allowed = category === null || access.allows(category);
      const shown = (value: unknown) => allowed && !(HISTORY_PLACE_COLUMNS.has(column) && typeof value === 'string' && !value.startsWith(region));
      const text = (value: unknown) => (shown(value) ? asText(value) : null);
      return { field: camel(column), before: text(before), after: text(after), redacted: !shown(before) || !shown(after) };
    })
    .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
  return {
    at: new Date(row.at).toISOString(),
    department,
    record: kind?.kind ?? row.table_name,
    recordKey: row.row_key,
    operation: row.operation as ChangeOperationValue,
    fields,
    actor: row.actor,
    origin: row.origin as ChangeOriginValue,
    detail: row.detail,
  };
}

/** Whose history: one worker's records (worker id) or one household's (household code). */
export type HistorySubject = { workerId: string } | { householdCode: string };

/**
 * One page of a worker's or household's change history in this department, newest first. The
 * caller has already been let see the person (the guard on Worker / Household checked scope and
 * logged the read); history is for department staff of the region, like the lists by division.
 */
export async function readChangeHistory(
  request: { em: EntityManager; access: AccessControl },
  department: string,
  history: DepartmentHistory,
  subject: HistorySubject,
  page: { first: number; after?: string | null },
): Promise<ChangeHistoryPage> {
  const { em, access } = request;
  access.requirePersonAccess();
  if (access.kind !== 'region') throw forbidden('change history is for department staff of the region', 'no-region-scope');
  const first = checkPageSize(page.first);
  const after = decodeIdCursor(page.after);
  const rows = await historyPages(em).load(JSON.stringify(['workerId' in subject ? 'w' : 'h', 'workerId' in subject ? subject.workerId : subject.householdCode, after, first + 1]));
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map((row) => entryOf(row, department, history, access)),
    pageInfo: { hasNextPage, endCursor: last === undefined ? null : encodeCursor(Number(last.id)) },
  };
}

type PageKey = [kind: 'w' | 'h', value: string, after: number | null, limit: number];

const pageLoaders = new WeakMap<EntityManager, DataLoader<string, HistoryRow[]>>();

/**
 * The pages a request asks for, one statement per batch (per kind of subject): a list of 50
 * workers each with its history costs one statement, not 50. Each page walks the worker's (or
 * household's) index newest first from its own cursor and stops at its own size.
 */
function historyPages(em: EntityManager): DataLoader<string, HistoryRow[]> {
  let loader = pageLoaders.get(em);
  if (!loader) {
    loader = new DataLoader<string, HistoryRow[]>(
      async (keys) => {
        const pages = keys.map((key) => JSON.parse(key) as PageKey);
        const found = new Map<number, HistoryRow[]>();
        for (const [kind, column] of [
          ['w', 'worker_id'],
          ['h', 'household_code'],
        ] as const) {
          const wanted = pages.flatMap(([k, value, after, limit], index) => (k === kind ? [{ index, value, after, limit }] : []));
          if (wanted.length === 0) continue;
          const rows = await em.getConnection().execute<(HistoryRow & { page: number })[]>(
            `select d.index as page, h.* from json_to_recordset(?::json) as d(index int, value text, after bigint, "limit" int)
               cross join lateral (
                 select id, at, table_name, row_key, operation, changes, actor, origin, detail from change_history
                  where ${column} = d.value and (d.after is null or id < d.after) order by id desc limit d."limit") h
              order by d.index, h.id desc`,
            [JSON.stringify(wanted)],
          );
          for (const row of rows) found.set(row.page, [...(found.get(row.page) ?? []), row]);
        }
        return pages.map((_, index) => found.get(index) ?? []);
      },
      { batchScheduleFn: (callback) => setImmediate(callback) },
    );
    pageLoaders.set(em, loader);
  }
  return loader;
}

const lastChangeLoaders = new WeakMap<EntityManager, DataLoader<string, string | null>>();

/**
 * When a worker's records in this department last changed (ISO 8601), or null when history holds
 * nothing for them (e.g. loaded in bulk before history began): one statement per batch.
 */
export function lastChangeOfWorker(em: EntityManager, workerId: string): Promise<string | null> {
  let loader = lastChangeLoaders.get(em);
  if (!loader) {
    loader = new DataLoader<string, string | null>(
      async (ids) => {
        const rows = await em
          .getConnection()
          .execute<{ worker_id: string; at: Date | string }[]>(
            `select distinct on (worker_id) worker_id, at from change_history where worker_id in (select json_array_elements_text(?::json)) order by worker_id, id desc`,
            [JSON.stringify(ids)],
          );
        const at = new Map(rows.map((row) => [row.worker_id, new Date(row.at).toISOString()]));
        return ids.map((id) => at.get(id) ?? null);
      },
      { batchScheduleFn: (callback) => setImmediate(callback) },
    );
    lastChangeLoaders.set(em, loader);
  }
  return loader.load(workerId);
}

export interface HistoryFieldOptions {
  /** The type the field is added to (the subgraph's Worker or Household class). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's Resolver takes a class
  type: () => Function;
  /** The subgraph's name: the field is `<department>History` (and `<department>RecordedAt`). */
  department: string;
  history: DepartmentHistory;
  subject(root: any): HistorySubject;
  /** Add `<department>RecordedAt` (the last change to the worker's records here): for Worker. */
  recordedAt?: boolean;
}

/**
 * The resolver adding `<department>History(first, after)` (and for a worker
 * `<department>RecordedAt`) to a subgraph's Worker or Household. The type's access rules (its
 * subject in access.ts) apply to these fields as to every other: out of scope, the record does
 * not resolve at all; each read is reported to the access log.
 */
export function historyResolver(options: HistoryFieldOptions) {
  const { department, history } = options;
  @Resolver(options.type)
  class HistoryResolver {
    // Nullable like every field a department adds to Worker / Household (docs/federation-contract.md).
    @FieldResolver(() => ChangeHistoryPage, {
      name: `${department}History`,
      nullable: true,
      description: `Every change to this ${options.recordedAt ? "person's" : "household's"} records in ${department}, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region.`,
    })
    history(@Root() root: unknown, @Args(() => PageArgs) args: PageArgs, @Ctx() context: { em: EntityManager; access: AccessControl }): Promise<ChangeHistoryPage> {
      return readChangeHistory(context, department, history, options.subject(root), args);
    }
  }
  if (!options.recordedAt) return HistoryResolver;
  @Resolver(options.type)
  class RecordedAtResolver extends HistoryResolver {
    @FieldResolver(() => String, {
      name: `${department}RecordedAt`,
      nullable: true,
      description: `When this person's records in ${department} last changed (ISO 8601, UTC); empty when its change history holds nothing.`,
    })
    recordedAt(@Root() root: unknown, @Ctx() context: { em: EntityManager; access: AccessControl }): Promise<string | null> {
      context.access.requirePersonAccess();
      const subject = options.subject(root);
      return 'workerId' in subject ? lastChangeOfWorker(context.em, subject.workerId) : Promise.resolve(null);
    }
  }
  return RecordedAtResolver;
}
