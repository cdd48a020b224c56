import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  badInput,
  checkPageSize,
  conflict,
  decodeIdCursor,
  type EmploymentPlace,
  notFound,
  type Page,
  parseRowId,
  todayInChina,
  toPage,
  type Trade,
  patched,
  refuseClearing,
} from '@jiuye/common';
import type { ReferenceScope } from '../access';
import { Employer } from '../employer/employer.entity';
import { requireEmployerInScope } from '../employer/employer.service';
import { JobFairIntention } from '../job-fair/job-fair.entity';
import { InputCheck } from '../validation';
import { JobPosting } from './job-posting.entity';
import type { CloseJobPostingInput, CreateJobPostingInput, UpdateJobPostingInput } from './job-posting.inputs';

const WAGE = { min: 500, max: 100_000 };
const HEADCOUNT = { min: 1, max: 10_000 };
/** The longest valid period of one posting (a year); a longer need is posted again. */
const LONGEST_PERIOD_DAYS = 366;

/**
 * A posting an hr officer may change, locked, with its employer: NOT_FOUND naming the field
 * when it does not exist or its employer is kept outside the region (the same two statements
 * either way: a missing posting looks up employer 0).
 */
export async function requirePostingInScope(em: EntityManager, id: number, scope: ReferenceScope, field: string): Promise<{ posting: JobPosting; employer: Employer }> {
  const posting = await em.findOne(JobPosting, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const employer = await em.findOne(Employer, posting?.employerId ?? 0);
  if (!posting || !employer || !scope.covers(employer.keeperCode)) throw notFound('job posting', field);
  return { posting, employer };
}

export const MAX_SUITABLE_POSTINGS = 100;

/** What the gateway sends with a Worker for suitableJobPostings (@requires). */
export interface MatchFacts {
  staysNearHome?: boolean | null;
  certifiedTrades?: Trade[] | null;
}

/**
 * 人岗匹配 — which open postings suit a worker: a posting asking for no trade (低门槛) or for a
 * trade the worker holds a certificate in; never an out-of-province job for someone whose care
 * duties or disability keep them near home. Best paid first, with headcount left. Facts the
 * gateway did not send count against the worker (no certificates; stays near home), so that
 * nobody is offered a job they cannot take. JobPostingService.suitableFor applies it in SQL;
 * a SuitableQuery is one worker's question: the facts that decide the answer, and how many.
 */
export interface SuitableQuery {
  day: string;
  nearHome: boolean;
  trades: Trade[];
  first: number;
}

/** Workers with the same facts get the same postings: the loader key. */
export function suitableKey(day: string, facts: MatchFacts, first: number): string {
  const trades = [...new Set(facts.certifiedTrades ?? [])].sort();
  return JSON.stringify({ day, nearHome: facts.staysNearHome ?? true, trades, first } satisfies SuitableQuery);
}

export function checkSuitableCount(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUITABLE_POSTINGS) {
    throw badInput('first', `from 1 to ${MAX_SUITABLE_POSTINGS}`, 'PAGE_SIZE');
  }
  return first;
}

export class JobPostingService {
  constructor(
    private readonly em: EntityManager,
    /** For writes: the officer's region (authorizeReferenceWrite). */
    private readonly scope?: ReferenceScope,
  ) {}

  private requireScope(): ReferenceScope {
    if (!this.scope) throw new Error('a posting write needs the officer scope (authorizeReferenceWrite)');
    return this.scope;
  }

  /**
   * Rules: the employer operates and is kept in the region; texts within their lengths; wages
   * 500–100,000 yuan a month with the minimum not above the maximum; headcount 1–10,000; the
   * valid period ends on or after it starts, not before today, within a year.
   */
  async create(input: CreateJobPostingInput): Promise<JobPosting> {
    const scope = this.requireScope();
    const check = new InputCheck();
    const employerId = check.recordId(input.employerId, 'input.employerId', 'an employer');
    const texts = {
      title: check.text(input.title, 'input.title', 2, 100),
      threshold: check.text(input.threshold, 'input.threshold', 2, 200),
      skills: check.text(input.skills, 'input.skills', 2, 500),
      location: check.text(input.location, 'input.location', 2, 100),
    };
    this.checkTerms(check, input);
    check.check(input.openUntil >= todayInChina(), 'input.openUntil', 'a new posting is open until today or later');
    check.throwIfAny();
    return this.em.transactional(async (em) => {
      const employer = await requireEmployerInScope(em, employerId, scope, 'input.employerId');
      if (employer.closedOn !== null) throw conflict('input.employerId', `the employer closed on ${employer.closedOn}`);
      const posting = em.create(JobPosting, {
        employerId,
        ...texts,
        requiredTrade: input.requiredTrade ?? null,
        minEducation: input.minEducation ?? null,
        monthlyWageMin: input.monthlyWageMin,
        monthlyWageMax: input.monthlyWageMax,
        place: input.place,
        headcount: input.headcount,
        openFrom: input.openFrom,
        openUntil: input.openUntil,
      });
      await em.flush();
      return posting;
    });
  }

  /** Changes what is given of an open posting; the rules of create hold for the result, and the headcount keeps the intentions already reached. */
  async update(input: UpdateJobPostingInput): Promise<JobPosting> {
    const scope = this.requireScope();
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'a job posting');
    const text = (value: string | null | undefined, field: string, max: number) => (value == null ? undefined : check.text(value, field, 2, max));
    const changes = {
      title: text(input.title, 'input.title', 100),
      threshold: text(input.threshold, 'input.threshold', 200),
      skills: text(input.skills, 'input.skills', 500),
      location: text(input.location, 'input.location', 100),
    };
    if (input.monthlyWageMin != null) check.integer(input.monthlyWageMin, 'input.monthlyWageMin', WAGE.min, WAGE.max);
    if (input.monthlyWageMax != null) check.integer(input.monthlyWageMax, 'input.monthlyWageMax', WAGE.min, WAGE.max);
    if (input.headcount != null) check.integer(input.headcount, 'input.headcount', HEADCOUNT.min, HEADCOUNT.max);
    refuseClearing(check, input, ['title', 'threshold', 'skills', 'monthlyWageMin', 'monthlyWageMax', 'place', 'location', 'headcount', 'openUntil']);
    check.throwIfAny();
    return this.em.transactional(async (em) => {
      const { posting, employer } = await requirePostingInScope(em, id, scope, 'input.id');
      if (posting.closedOn !== null) throw conflict('input.id', `the posting closed on ${posting.closedOn}`);
      if (employer.closedOn !== null) throw conflict('input.id', `the employer closed on ${employer.closedOn}`);
      const result = {
        monthlyWageMin: input.monthlyWageMin ?? posting.monthlyWageMin,
        monthlyWageMax: input.monthlyWageMax ?? posting.monthlyWageMax,
        headcount: input.headcount ?? posting.headcount,
        openFrom: posting.openFrom,
        openUntil: input.openUntil ?? posting.openUntil,
      };
      const terms = new InputCheck();
      this.checkTerms(terms, result);
      terms.throwIfAny();
      const taken = await em.count(JobFairIntention, { postingId: id });
      if (result.headcount < taken) throw conflict('input.headcount', `${taken} intentions are already reached for this posting`);
      em.assign(posting, {
        ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
        // null clears the trade (低门槛) and the education asked for; left out, they stay.
        requiredTrade: patched(input.requiredTrade, posting.requiredTrade),
        minEducation: patched(input.minEducation, posting.minEducation),
        ...(input.place != null ? { place: input.place } : {}),
        ...result,
      });
      await em.flush();
      return posting;
    });
  }

  /** Closes a posting: from the closing day on it is offered to nobody and takes no intention. */
  async close(input: CloseJobPostingInput): Promise<JobPosting> {
    const scope = this.requireScope();
    const check = new InputCheck();
    const id = check.recordId(input.id, 'input.id', 'a job posting');
    check.notInFuture(input.closedOn, 'input.closedOn').throwIfAny();
    return this.em.transactional(async (em) => {
      const { posting } = await requirePostingInScope(em, id, scope, 'input.id');
      if (posting.closedOn !== null) throw conflict('input.id', `the posting already closed on ${posting.closedOn}`);
      if (input.closedOn < posting.openFrom) throw badInput('input.closedOn', `must not be before it opened (${posting.openFrom})`);
      const over = input.closedOn > posting.openUntil;
      if (input.reason === 'EXPIRED' && !over) throw badInput('input.reason', `expired only after its valid period (open until ${posting.openUntil})`);
      if (input.reason !== 'EXPIRED' && over) throw badInput('input.reason', `its valid period ended on ${posting.openUntil}: it closes as EXPIRED`);
      em.assign(posting, { closedOn: input.closedOn, closeReason: input.reason });
      await em.flush();
      return posting;
    });
  }

  private checkTerms(check: InputCheck, terms: { monthlyWageMin: number; monthlyWageMax: number; headcount: number; openFrom: string; openUntil: string }): void {
    check.integer(terms.monthlyWageMin, 'input.monthlyWageMin', WAGE.min, WAGE.max);
    check.integer(terms.monthlyWageMax, 'input.monthlyWageMax', WAGE.min, WAGE.max);
    check.check(terms.monthlyWageMin <= terms.monthlyWageMax, 'input.monthlyWageMax', 'must not be below monthlyWageMin');
    check.integer(terms.headcount, 'input.headcount', HEADCOUNT.min, HEADCOUNT.max);
    check.check(terms.openUntil >= terms.openFrom, 'input.openUntil', 'must not be before openFrom');
    check.check(terms.openUntil <= addDays(terms.openFrom, LONGEST_PERIOD_DAYS), 'input.openUntil', 'a posting is open for a year at most');
  }

  async byId(id: string): Promise<JobPosting | null> {
    const rowId = parseRowId(id);
    return rowId === null ? null : this.em.findOne(JobPosting, rowId);
  }

  /**
   * The suitable postings for several sets of facts in one statement: per set, the best-paid
   * open postings that match, walked in wage order and stopped at `first`, so that only the
   * postings shown are counted and mapped (a province has tens of thousands of postings; the
   * old way loaded them all per request).
   */
  async suitableFor(queries: readonly SuitableQuery[]): Promise<{ posting: JobPosting; remaining: number; query: number }[]> {
    if (queries.length === 0) return [];
    // knex expands an array binding into a list, so each array is spelled out: array[?, ?, …].
    const list = (type: string) => `array[${queries.map(() => '?').join(', ')}]::${type}[]`;
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select q.ord - 1 as query_index, p.*, p.headcount - p.taken as remaining
       from unnest(${list('date')}, ${list('boolean')}, ${list('text')}, ${list('int')}) with ordinality as q(day, near_home, trades, lim, ord)
       cross join lateral (
         select c.*, t.taken from (
           select p.* from job_posting p
           where p.open_from <= q.day and p.open_until >= q.day and (p.closed_on is null or p.closed_on > q.day)
             and (p.required_trade is null or p.required_trade = any(string_to_array(q.trades, ',')))
             and (not q.near_home or p.place <> 'OUT_OF_PROVINCE')
           order by p.monthly_wage_max desc, p.id asc
         ) c
         cross join lateral (select count(*)::int as taken from job_fair_intention i where i.posting_id = c.id) t
         where c.headcount > t.taken
         limit q.lim
       ) p
       order by q.ord, p.monthly_wage_max desc, p.id asc`,
      [...queries.map((q) => q.day), ...queries.map((q) => q.nearHome), ...queries.map((q) => q.trades.join(',')), ...queries.map((q) => q.first)],
    );
    return rows.map(({ query_index, remaining, taken: _taken, ...columns }) => ({
      posting: this.em.map(JobPosting, columns),
      remaining: Number(remaining),
      query: Number(query_index),
    }));
  }

  /** posting id → intentions reached for it, for many postings in one statement. */
  async takenCounts(ids: readonly number[]): Promise<{ postingId: number; taken: number }[]> {
    const rows = await this.em
      .getConnection()
      .execute<{ posting_id: number; taken: number }[]>(
        `select posting_id, count(*)::int as taken from job_fair_intention where posting_id in (${ids.map(() => '?').join(', ')}) group by posting_id`,
        [...ids],
      );
    return rows.map((r) => ({ postingId: r.posting_id, taken: r.taken }));
  }

  async list(args: {
    place?: EmploymentPlace | null;
    requiredTrade?: Trade | null;
    openOn?: string | null;
    employerId?: string | null;
    closed?: boolean | null;
    first: number;
    after?: string | null;
  }): Promise<Page<JobPosting>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = {};
    if (args.employerId != null) {
      const employerId = parseRowId(args.employerId);
      if (employerId === null) throw badInput('employerId', 'not an employer id');
      where.employerId = employerId;
    }
    if (args.closed != null) where.closedOn = args.closed ? { $ne: null } : null;
    if (args.place) where.place = args.place;
    if (args.requiredTrade) where.requiredTrade = args.requiredTrade;
    if (args.openOn) {
      where.openFrom = { $lte: args.openOn };
      where.openUntil = { $gte: args.openOn };
      where.$or = [{ closedOn: null }, { closedOn: { $gt: args.openOn } }];
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(JobPosting, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(JobPosting, where),
    ]);
    return toPage(rows, first, totalCount, (p) => p.id);
  }
}
