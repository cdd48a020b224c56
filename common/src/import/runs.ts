import type { EntityManager } from '@mikro-orm/postgresql';
import { Args, ArgsType, Ctx, Directive, Field, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { forbidden, type AccessControl } from '../auth/access';
import type { RequestIdentity } from '../auth/identity';
import type { Department } from '../departments';
import { checkPageSize, compositeKey, decodeCompositeCursor, encodeCursor, PageArgs, PageInfo } from '../pagination';

/**
 * The list of past imports (导入记录): a department's import_run rows (store.ts, written by
 * engine.ts) in the graph, newest first. Every importing department adds its own
 * `<department>ImportRuns` query with these shared types.
 */

export enum ImportRunStatus {
  RUNNING = 'RUNNING',
  FINISHED = 'FINISHED',
  INTERRUPTED = 'INTERRUPTED',
  STOPPED = 'STOPPED',
}
registerEnumType(ImportRunStatus, {
  name: 'ImportRunStatus',
  description: 'How an import run stands.',
  valuesConfig: {
    RUNNING: { description: 'still going (batches are being written)' },
    FINISHED: { description: 'every row read and answered' },
    INTERRUPTED: { description: 'broken off (the process or the caller went away): the batches counted are written; import the same file again to complete it' },
    STOPPED: { description: 'stopped by a rule on the file as a whole (failure says which, e.g. REGISTERED_ELSEWHERE); the batches counted are written' },
  },
});

@ObjectType({ description: '导入记录 — one import of a spreadsheet: who, when, which file, dry run or not, what became of its rows.' })
@Directive('@shareable')
export class ImportRun {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The kind imported (workers, households, transfers …), as in POST /imports/<department>/<kind>.' })
  kind: string;

  @Field(() => String, { description: 'The file name as uploaded.' })
  fileName: string;

  @Field(() => String, { description: "SHA-256 of the file's bytes (hex): the same file imported twice has the same hash." })
  sha256: string;

  @Field(() => String, { description: 'The staff account that ran it.' })
  account: string;

  @Field(() => String, { nullable: true, description: "The account's region when it ran." })
  region: string | null;

  @Field(() => Boolean, { description: 'A dry run: decided every row, wrote none.' })
  dryRun: boolean;

  @Field(() => ImportRunStatus)
  status: ImportRunStatus;

  @Field(() => String, { nullable: true, description: 'Why a run did not finish: interrupted, broken-off, or the rule that stopped it.' })
  failure: string | null;

  @Field(() => String, { description: 'When it started (ISO 8601, UTC).' })
  startedAt: string;

  @Field(() => String, { nullable: true, description: 'When it finished or stopped (ISO 8601, UTC); empty while running.' })
  finishedAt: string | null;

  @Field(() => Int, { description: 'Rows answered so far (all of them once finished).' })
  rows: number;

  @Field(() => Int)
  inserted: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int, { description: 'Rows refused; their reasons are in GET /imports/<department>/runs/<id>/rejected.xlsx.' })
  rejected: number;
}

@ObjectType({ description: 'A page of import runs, newest first.' })
@Directive('@shareable')
export class ImportRunPage {
  @Field(() => [ImportRun])
  nodes: ImportRun[];

  @Field(() => Int, { description: 'How many runs match, over all pages.' })
  totalCount: number;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ArgsType()
export class ImportRunsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only runs of this kind.' })
  kind?: string | null;
}

interface RunRow {
  id: string;
  kind: string;
  file_name: string;
  sha256: string;
  account: string;
  region: string | null;
  dry_run: boolean;
  status: 'running' | 'finished' | 'failed';
  failure: string | null;
  started_at: Date;
  started_key: string;
  finished_at: Date | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** started_at as Postgres writes it with microseconds in UTC (the cursor's first part, compared back as timestamptz). */
const STARTED_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INTERRUPTIONS = new Set(['interrupted', 'broken-off']);

function statusOf(row: Pick<RunRow, 'status' | 'failure'>): ImportRunStatus {
  if (row.status === 'running') return ImportRunStatus.RUNNING;
  if (row.status === 'finished') return ImportRunStatus.FINISHED;
  return INTERRUPTIONS.has(row.failure ?? '') ? ImportRunStatus.INTERRUPTED : ImportRunStatus.STOPPED;
}

/**
 * Who may list a department's runs: that department's staff of a region (viewers too: a list of
 * runs names no person), the runs started by accounts of their region or below it. Another
 * department, a dashboard, an auditor, a partner city or an institution: FORBIDDEN.
 */
export function importRunRegion(identity: RequestIdentity, access: AccessControl, department: Department): string {
  if (identity.department === 'auditor') throw forbidden('auditor accounts read the access log, not the records', 'auditor-log-only');
  if (identity.department !== department) throw forbidden(`only ${department} staff list ${department}'s imports`, 'other-department');
  if (access.kind !== 'region' || !identity.region) throw forbidden('import runs are listed for department staff of a region', 'no-region-scope');
  return identity.region;
}

/** One page of the runs of accounts within `region`, newest first (started_at, then id). */
export async function listImportRuns(em: EntityManager, region: string, args: ImportRunsArgs): Promise<ImportRunPage> {
  const first = checkPageSize(args.first);
  const after = decodeCompositeCursor(args.after, [(part) => STARTED_KEY.test(part), (part) => UUID.test(part)]);
  const kind = args.kind ?? null;
  const connection = em.getConnection();
  const filter = `starts_with("region", ?) and (?::text is null or "kind" = ?)`;
  const [rows, [{ total }]] = await Promise.all([
    connection.execute<RunRow[]>(
      `select "id", "kind", "file_name", "sha256", "account", "region", "dry_run", "status", "failure", "started_at", "finished_at",
              "rows", "inserted", "updated", "unchanged", "rejected",
              to_char("started_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "started_key"
         from "import_run"
        where ${filter} and (?::timestamptz is null or ("started_at", "id") < (?::timestamptz, ?::uuid))
        order by "started_at" desc, "id" desc
        limit ?`,
      [region, kind, kind, after?.[0] ?? null, after?.[0] ?? null, after?.[1] ?? null, first + 1],
    ),
    connection.execute<{ total: number }[]>(`select count(*)::int as "total" from "import_run" where ${filter}`, [region, kind, kind]),
  ]);
  const page = rows;
  const hasNextPage = page.length > first;
  const nodes = page.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map((row) => ({
      id: row.id,
      kind: row.kind,
      fileName: row.file_name,
      sha256: row.sha256,
      account: row.account,
      region: row.region,
      dryRun: row.dry_run,
      status: statusOf(row),
      failure: row.failure,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
      rows: row.rows,
      inserted: row.inserted,
      updated: row.updated,
      unchanged: row.unchanged,
      rejected: row.rejected,
    })),
    totalCount: total,
    pageInfo: { hasNextPage, endCursor: last === undefined ? null : encodeCursor(compositeKey([last.started_key, last.id])) },
  };
}

/** `<department>ImportRuns`: a department's list of past imports, for its staff of a region (importRunRegion). */
export function importRunsResolver(department: Department) {
  @Resolver()
  class ImportRunsResolver {
    @Query(() => ImportRunPage, {
      name: `${department}ImportRuns`,
      description: `导入记录 — ${department}'s spreadsheet imports started by accounts of your region (or below it), newest first: who, when, kind, file name and hash, dry run or not, the counts, finished or interrupted. ${department} staff of a region.`,
    })
    importRuns(@Args(() => ImportRunsArgs) args: ImportRunsArgs, @Ctx() context: { em: EntityManager; access: AccessControl; identity: RequestIdentity }): Promise<ImportRunPage> {
      const region = importRunRegion(context.identity, context.access, department);
      return listImportRuns(context.em, region, args);
    }
  }
  return ImportRunsResolver;
}
