import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { DEPARTMENT_LABELS, type Department } from '../departments';
import { codedError } from '../errors';
import { PURPOSES, PURPOSE_HEADER, scopeKind, type RequestIdentity, type ScopeKind } from './identity';
import { isHouseholdPlace, villageOfPlace } from '../household-code';

/**
 * What a subgraph decides for one request: whose records the caller may see, which sensitive
 * fields, and whether they may write. One instance per request (in the context), so its
 * authority lookups are batched and cached for that request only.
 *
 * A subject is a person or household record and where it belongs. Region staff see subjects
 * whose place (village code, household code or any division code) lies inside their region;
 * partner-city staff see subjects tied to their city (a transfer there); institution staff
 * subjects tied to their institution. When a subgraph does not know a record's place, it asks
 * the department that does (the authority: hr for residence, partner for transfers, training
 * for trainees) with the worker pseudonyms, batched per request.
 */
export interface Subject {
  workerId?: string | null;
  /** Village code, household code or division code: anything that starts with the region code it lies in. */
  place?: string | null;
  partnerCity?: string | null;
  institution?: string | null;
}

/** Sensitive field classes beyond seeing the subject at all. */
export type FieldCategory =
  /** the masked ID number and what is as identifying: department staff of the region only */
  | 'id-number'
  /** household codes (the household a person belongs to): department staff of the region only, as the Household records */
  | 'household'
  /** full ID number or phone: needs the reveal permission */
  | 'reveal'
  /** disability and health: department staff only */
  | 'health'
  /** allowances, subsidies and assistance: department staff only */
  | 'welfare';

export type WorkerAuthority = (identity: RequestIdentity, workerIds: readonly string[]) => Promise<Set<string>>;

export function forbidden(message: string, reason: string): GraphQLError {
  return codedError(message, 'FORBIDDEN', { reason });
}

export function purposeRequired(): GraphQLError {
  return codedError(`person-level data needs a declared purpose of use: send the ${PURPOSE_HEADER} header with one of ${Object.keys(PURPOSES).join(', ')}`, 'PURPOSE_REQUIRED', {
    header: PURPOSE_HEADER,
    allowed: Object.keys(PURPOSES),
  });
}

/**
 * Why an identity may not read named people at all, or null: dashboards read aggregates,
 * auditors the log, and every person-level read needs a declared purpose. The gateway asks the
 * same question before planning (gateway/src/auth.ts); the subgraphs ask it per record.
 */
export function personAccessRefusal(identity: Pick<RequestIdentity, 'department' | 'purpose'>, kind: ScopeKind): GraphQLError | null {
  if (identity.department === 'dashboard') return forbidden('dashboard accounts read aggregates only, never a named person', 'aggregates-only');
  if (identity.department === 'auditor') return forbidden('auditor accounts read the access log (Query.accessLog), not the records', 'auditor-log-only');
  if (kind === 'none') return forbidden('this account has no region, city or institution scope', 'no-scope');
  if (!identity.purpose) return purposeRequired();
  return null;
}

/** One line of the access log as a subgraph reports it (response extension `accessLog`). */
export interface AccessReportEntry {
  workerId?: string;
  householdCode?: string;
  villageCode?: string;
  fields: string[];
}

const LOGGED_FIELD_EXCLUSIONS = new Set(['id', '__typename', 'code']);

export class AccessControl {
  readonly kind: ScopeKind;
  private readonly workers: DataLoader<string, boolean>;
  private readonly seen = new Map<string, { entry: AccessReportEntry; fields: Set<string> }>();
  /** The verdict on each record object of this request, so the authority is asked once per record. */
  private readonly verdicts = new WeakMap<object, boolean | Promise<boolean>>();

  constructor(
    readonly identity: RequestIdentity,
    private readonly authority: WorkerAuthority,
  ) {
    this.kind = scopeKind(identity);
    this.workers = new DataLoader(
      async (ids) => {
        const visible = await authority(identity, ids);
        return ids.map((id) => visible.has(id));
      },
      { batchScheduleFn: (callback) => setImmediate(callback), maxBatchSize: 5000 },
    );
  }

  /** True, false, or a promise when only the authority can tell. */
  canSee(subject: Subject): boolean | Promise<boolean> {
    const { identity } = this;
    switch (this.kind) {
      case 'none':
        return false;
      case 'region':
        if (subject.place) return subject.place.startsWith(identity.region!);
        break;
      case 'partner-city':
        if (subject.partnerCity) return subject.partnerCity === identity.partnerCity;
        break;
      case 'institution':
        if (subject.institution) return subject.institution === identity.institution;
        break;
    }
    return subject.workerId ? this.workers.load(subject.workerId) : false;
  }

  /** Drops this request's answer about a worker, after a write in the same request changed it (a link confirmed). */
  forget(workerId: string): void {
    this.workers.clear(workerId);
  }

  async canSeeWorker(workerId: string, place?: string | null): Promise<boolean> {
    return this.canSee({ workerId, place });
  }

  /** canSee for one record object, decided once per request however many of its fields are read. */
  canSeeRecord(record: object, subject: Subject): boolean | Promise<boolean> {
    let known = this.verdicts.get(record);
    if (known === undefined) {
      known = this.canSee(subject);
      this.verdicts.set(record, known);
      if (known instanceof Promise)
        known.then(
          (value) => this.verdicts.set(record, value),
          () => this.verdicts.delete(record),
        );
    }
    return known;
  }

  /**
   * A person-level list: refused to accounts that read no named people (requirePersonAccess),
   * otherwise the items whose subject the caller may see (one batched authority call at most).
   */
  async filterVisible<T>(items: readonly T[], subjectOf: (item: T) => Subject): Promise<T[]> {
    this.requirePersonAccess();
    const decisions = await Promise.all(items.map((item) => this.canSee(subjectOf(item))));
    return items.filter((_, index) => decisions[index]);
  }

  /** Person-level reads: a named person's data needs a person-level account and a declared purpose. */
  requirePersonAccess(): void {
    const refusal = personAccessRefusal(this.identity, this.kind);
    if (refusal) throw refusal;
  }

  allows(category: FieldCategory): boolean {
    switch (category) {
      case 'id-number':
      case 'household':
        return this.kind === 'region';
      case 'reveal':
        return this.kind === 'region' && this.identity.permissions.includes('reveal');
      case 'health':
      case 'welfare':
        return this.kind === 'region';
    }
  }

  /**
   * The division a list is read for: the argument if it lies inside the caller's region, the
   * caller's region if the argument is omitted; a clear FORBIDDEN naming the argument otherwise.
   */
  scopeDivision(requested: string | null | undefined, argument = 'divisionCode'): string {
    this.requirePersonAccess();
    if (this.kind !== 'region') {
      throw forbidden(
        `${argument}: lists by division are for department staff; your account reaches only its own ${this.kind === 'partner-city' ? 'city' : 'institution'}'s records`,
        'no-region-scope',
      );
    }
    return this.withinRegion(this.identity.region!, requested, argument);
  }

  /**
   * Aggregates over workers a department cannot place itself (e.g. partner's contact attempts):
   * which of them live in the caller's region, asked of the residence authority in one batch.
   * For counting only — it never makes a person visible (canSee stays false for dashboards).
   */
  async residentsOf(workerIds: readonly string[]): Promise<Set<string>> {
    if (!this.identity.region) return new Set();
    const found = new Set<string>();
    for (let i = 0; i < workerIds.length; i += 5000) for (const id of await this.authority(this.identity, workerIds.slice(i, i + 5000))) found.add(id);
    return found;
  }

  /** Region filter for aggregates (dashboards included): the requested division if it lies inside the region. */
  scopeAggregate(requested: string | null | undefined, argument = 'divisionCode'): string {
    const region = this.identity.region;
    if (!region) throw forbidden(`${argument}: this account has no region to aggregate over`, 'no-region-scope');
    return this.withinRegion(region, requested, argument);
  }

  /** The requested division narrowed to the region: omitted or wider → the region; inside → itself; elsewhere → FORBIDDEN. */
  private withinRegion(region: string, requested: string | null | undefined, argument: string): string {
    if (requested == null || requested === '') return region;
    if (requested.startsWith(region)) return requested;
    if (region.startsWith(requested)) return region;
    throw forbidden(`${argument}: ${requested} lies outside your region ${region}`, 'outside-region');
  }

  /** Writes: only the owning department's officers (not viewers), with a declared purpose. */
  requireDepartment(department: Department, what = 'these records'): void {
    const { identity } = this;
    if (identity.department !== department) {
      throw forbidden(`only ${department} (${DEPARTMENT_LABELS[department]}) staff write ${what}`, 'other-department');
    }
    if (identity.role === 'viewer') throw forbidden('viewer accounts cannot write', 'read-only');
    if (!identity.purpose) throw purposeRequired();
  }

  /** A write's target must lie inside the writer's scope. */
  async requireInScope(subject: Subject, what = 'this record'): Promise<void> {
    if (!(await this.canSee(subject))) throw forbidden(`${what} lies outside your scope`, 'outside-scope');
  }

  async requireWrite(department: Department, subject?: Subject, what = 'this record'): Promise<void> {
    this.requireDepartment(department, what);
    if (subject) await this.requireInScope(subject, what);
  }

  /** Notes that a field of a subject was read, for the access log. */
  record(subject: Subject, typeName: string, fieldName: string): void {
    if (LOGGED_FIELD_EXCLUSIONS.has(fieldName)) return;
    const workerId = subject.workerId ?? undefined;
    const householdCode = !workerId && isHouseholdPlace(subject.place) ? subject.place : undefined;
    if (!workerId && !householdCode) return;
    const key = workerId ?? `h:${householdCode}`;
    let seen = this.seen.get(key);
    if (!seen) {
      const villageCode = villageOfPlace(subject.place);
      const entry: AccessReportEntry = { fields: [] };
      if (workerId) entry.workerId = workerId;
      if (householdCode) entry.householdCode = householdCode;
      if (villageCode) entry.villageCode = villageCode;
      seen = { entry, fields: new Set() };
      this.seen.set(key, seen);
    } else if (!seen.entry.villageCode) {
      const villageCode = villageOfPlace(subject.place);
      if (villageCode) seen.entry.villageCode = villageCode;
    }
    seen.fields.add(`${typeName}.${fieldName}`);
  }

  report(): AccessReportEntry[] {
    return [...this.seen.values()].map(({ entry, fields }) => ({ ...entry, fields: [...fields].sort() }));
  }
}
