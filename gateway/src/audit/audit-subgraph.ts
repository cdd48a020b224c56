import DataLoader from 'dataloader';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { badInput, codedError, DEPARTMENT_LABELS, forbidden, isValidIdNumber, PURPOSES, scopeKind, workerPseudonym, type Purpose, type RequestIdentity } from '@jiuye/common';
import type { AccessLogRow, AccessLogStore } from './access-log';

/**
 * The access log in the graph. A small subgraph served by the audit service (service.ts, its own
 * process: any engine serving the supergraph routes to it), which reads the log the gateway alone
 * writes; composed with the departments' subgraphs like any other, so `Worker.accessLog` sits
 * next to the worker's data.
 * Auditors read the whole log; department staff read the log of people in their region;
 * partner cities, institutions and dashboards read none of it.
 */
export const AUDIT_SUBGRAPH_NAME = 'audit';

export const AUDIT_SUBGRAPH_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])

"""访问日志 — what one request read about one person or household, from every department."""
type AccessLogEntry {
  """Position in the hash chain (1, 2, 3, … without gaps)."""
  seq: ID!
  """When the data was read (ISO 8601, UTC)."""
  at: String!
  """The staff account that read it (JWT sub)."""
  staff: String!
  department: String!
  """部门 in Chinese (人社, 民政, 东西部协作, …)."""
  departmentLabel: String!
  role: String!
  """The region, partner city or institution the account works in."""
  scope: String
  purpose: String
  """使用目的 in Chinese."""
  purposeLabel: String
  """The gateway's id for the request (also its x-request-id answer header and the id the departments log under)."""
  requestId: String!
  """The client's own x-request-id, if it sent one: to find the request in the client's logs. Never the request id."""
  correlationId: String
  operation: String
  """The departments that answered about this person (hr, poverty, civil, training, partner)."""
  subgraphs: [String!]!
  """The person read (federated Worker key), if a person."""
  workerId: ID
  """The household read, if a household."""
  householdCode: String
  """Fields read, as Type.field (Worker.idNumber means the full ID number was revealed); lookup:Query.worker(idNumber) is a lookup by ID number."""
  fields: [String!]!
  """For a lookup by ID number: found, not-found, invalid (a malformed number) or refused."""
  lookup: String
  hash: String!
}

"""Lookups by ID number of one staff account (no person named): many misses are the sign of an account probing numbers."""
type IdNumberLookupCount {
  staff: String!
  department: String!
  """The region, partner city or institution the account works in."""
  scope: String
  found: Int!
  notFound: Int!
  invalid: Int!
  refused: Int!
  """The latest lookup counted (ISO 8601, UTC)."""
  lastAt: String!
}

type AccessLogPage {
  nodes: [AccessLogEntry!]!
  pageInfo: PageInfo!
}

"""Where a page stands in its list."""
type PageInfo @shareable {
  hasNextPage: Boolean!
  """Pass as \`after\` to get the next page."""
  endCursor: String
}

type AccessLogVerification {
  ok: Boolean!
  entries: Int!
  """The first entry that does not hold, and why."""
  firstBrokenSeq: ID
  problem: String
}

type Worker @key(fields: "id") {
  id: ID!
  """Who read this person's data, when and why, newest first (auditors; department staff for people in their region)."""
  accessLog(first: Int = 20): [AccessLogEntry!]
}

type Query {
  """访问日志 — auditors: who read whose data, newest first; filter by worker, staff account and time."""
  accessLog(workerId: ID, """Instead of workerId: the person's ID number (validated, never stored)."""
    idNumber: String, staff: String, since: String, until: String, first: Int = 50, after: String): AccessLogPage!
  """按身份证号查询统计 — auditors: lookups by ID number per staff account, found and not found, most misses first."""
  idNumberLookups(staff: String, since: String, until: String, first: Int = 50): [IdNumberLookupCount!]!
  """Recomputes the hash chain (auditors), as npm run audit:verify does."""
  accessLogVerification: AccessLogVerification!
}
`;

interface AuditContext {
  identity?: RequestIdentity;
}

function entry(row: AccessLogRow) {
  return {
    seq: String(row.seq),
    at: row.at.toISOString(),
    staff: row.staff,
    department: row.department,
    departmentLabel: DEPARTMENT_LABELS[row.department as keyof typeof DEPARTMENT_LABELS] ?? row.department,
    role: row.role,
    scope: row.region ?? row.partnerCity ?? row.institution,
    purpose: row.purpose,
    purposeLabel: row.purpose ? (PURPOSES[row.purpose as Purpose] ?? null) : null,
    requestId: row.requestId,
    correlationId: row.correlationId,
    operation: row.operation,
    subgraphs: row.subgraphs,
    workerId: row.workerId,
    householdCode: row.householdCode,
    fields: row.fields,
    lookup: row.lookup,
    hash: row.hash,
  };
}

function requireIdentity(context: AuditContext): RequestIdentity {
  if (!context.identity) throw codedError('not authenticated', 'UNAUTHENTICATED');
  return context.identity;
}

function requireAuditor(context: AuditContext): void {
  if (requireIdentity(context).department !== 'auditor') throw forbidden('the access log is for auditor accounts', 'auditor-only');
}

function limit(value: number | null | undefined, field: string, max: number): number {
  const n = value ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(field, `expected 1 to ${max}`);
  return n;
}

function instant(value: string | null | undefined, field: string): Date | undefined {
  if (value == null) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw badInput(field, 'expected a date or time such as 2026-11-01 or 2026-11-01T08:00:00Z');
  return date;
}

/** Per request (keyed by the request's context object): one statement for every Worker.accessLog. */
const loaders = new WeakMap<object, Map<number, DataLoader<string, AccessLogRow[]>>>();

export function buildAuditSchema(store: AccessLogStore, pseudonymKey: string): GraphQLSchema {
  const workerLog = (context: AuditContext, first: number, region: string | undefined) => {
    let byLimit = loaders.get(context);
    if (!byLimit) loaders.set(context, (byLimit = new Map()));
    let loader = byLimit.get(first);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await store.latestForWorkers(ids, first, region);
        return ids.map((id) => found.get(id) ?? []);
      });
      byLimit.set(first, loader);
    }
    return loader;
  };
  const resolvers = {
    Query: {
      async accessLog(
        _: unknown,
        args: { workerId?: string; idNumber?: string; staff?: string; since?: string; until?: string; first?: number; after?: string },
        context: AuditContext,
      ) {
        requireAuditor(context);
        const first = limit(args.first, 'first', 500);
        let beforeSeq: number | undefined;
        if (args.after != null) {
          if (!/^[1-9]\d{0,15}$/.test(args.after)) throw badInput('after', 'not a cursor of this list');
          beforeSeq = Number(args.after);
        }
        if (args.idNumber != null && !isValidIdNumber(args.idNumber)) throw badInput('idNumber', 'not a valid 18-character ID number');
        const workerId = args.idNumber != null ? workerPseudonym(args.idNumber, pseudonymKey) : args.workerId;
        const rows = await store.find({
          workerIds: workerId ? [workerId] : undefined,
          staff: args.staff ?? undefined,
          since: instant(args.since, 'since'),
          until: instant(args.until, 'until'),
          beforeSeq,
          limit: first + 1,
        });
        const nodes = rows.slice(0, first).map(entry);
        return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? nodes[nodes.length - 1].seq : null } };
      },
      async idNumberLookups(_: unknown, args: { staff?: string; since?: string; until?: string; first?: number }, context: AuditContext) {
        requireAuditor(context);
        const rows = await store.lookupCounts({
          staff: args.staff ?? undefined,
          since: instant(args.since, 'since'),
          until: instant(args.until, 'until'),
          limit: limit(args.first, 'first', 500),
        });
        return rows.map((row) => ({ ...row, lastAt: row.lastAt.toISOString() }));
      },
      async accessLogVerification(_: unknown, __: unknown, context: AuditContext) {
        requireAuditor(context);
        const result = await store.verify();
        return { ok: result.ok, entries: result.rows, firstBrokenSeq: result.firstBroken ? String(result.firstBroken.seq) : null, problem: result.firstBroken?.problem ?? null };
      },
    },
    Worker: {
      __resolveReference(reference: { id: string }) {
        return { id: reference.id };
      },
      async accessLog(worker: { id: string }, args: { first?: number }, context: AuditContext) {
        const identity = requireIdentity(context);
        const first = limit(args.first, 'first', 100);
        if (identity.department === 'auditor') return (await workerLog(context, first, undefined).load(worker.id)).map(entry);
        if (scopeKind(identity) !== 'region') throw forbidden('the access log is for auditors and for department staff about people in their region', 'no-region-scope');
        if (!identity.purpose) throw forbidden('reading who saw a person needs a declared purpose of use', 'purpose-required');
        return (await workerLog(context, first, identity.region).load(worker.id)).map(entry);
      },
    },
  };
  return buildSubgraphSchema({ typeDefs: parse(AUDIT_SUBGRAPH_SDL), resolvers: resolvers as any });
}
