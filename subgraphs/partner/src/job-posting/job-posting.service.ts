import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays,
  badInput,
  checkPageSize,
  conflict,
  decodeIdCursor,
  InputProblems,
  isRowId,
  notFound,
  parseRowId,
  toPage,
  todayInChina,
  type Page,
  refuseClearing,
} from '@jiuye/common';
import type { CityScope } from '../access';
import { LabourBase } from '../labour-base/labour-base.entity';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { cleanText, hasLength, isWage, MAX_MONTHLY_WAGE, requireCityCode } from '../validation';
import { PartnerJobPosting } from './job-posting.entity';
import type { ClosePartnerJobPostingInput, CreatePartnerJobPostingInput, UpdatePartnerJobPostingInput } from './job-posting.inputs';

export const MAX_HEADCOUNT = 10_000;
/** A pushed posting runs at most this many days past its push (a year): longer ones are re-pushed. */
export const MAX_VALIDITY_DAYS = 366;

/** The values of a posting as it would be written, checked field by field (create and update alike). */
interface PostingValues {
  employerName: string | null;
  title: string | null;
  monthlyWage: number;
  headcount: number;
  pushedOn: string;
  validUntil: string;
}

function checkPosting(problems: InputProblems, values: PostingValues, today: string): InputProblems {
  return problems
    .check(hasLength(values.employerName, 2, 100), 'input.employerName', 'give the employer in 2 to 100 characters')
    .check(hasLength(values.title, 2, 100), 'input.title', 'give the job title in 2 to 100 characters')
    .check(isWage(values.monthlyWage), 'input.monthlyWage', `a monthly wage is a whole number of yuan from 1 to ${MAX_MONTHLY_WAGE}`)
    .check(Number.isInteger(values.headcount) && values.headcount >= 1 && values.headcount <= MAX_HEADCOUNT, 'input.headcount', `from 1 to ${MAX_HEADCOUNT}`)
    .check(values.pushedOn <= today, 'input.pushedOn', 'must not be in the future')
    .check(values.validUntil >= values.pushedOn, 'input.validUntil', 'must not be before the push date')
    .check(values.validUntil <= addDays(values.pushedOn, MAX_VALIDITY_DAYS), 'input.validUntil', `at most ${MAX_VALIDITY_DAYS} days after the push date; push it again after that`);
}

/** Open on a day: pushed by then, valid through it and not closed on or before it. */
export function openOnWhere(day: string): Record<string, unknown> {
  return { pushedOn: { $lte: day }, validUntil: { $gte: day }, $or: [{ closedOn: null }, { closedOn: { $gt: day } }] };
}

export class JobPostingService {
  constructor(private readonly em: EntityManager) {}

  /** Pushed postings, by id (keyset pagination); validOn keeps those open on that day. */
  async list(args: { cityCode?: string | null; validOn?: string | null; first: number; after?: string | null }): Promise<Page<PartnerJobPosting>> {
    if (args.cityCode != null) requireCityCode(args.cityCode, 'cityCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const where: Record<string, unknown> = args.validOn ? openOnWhere(args.validOn) : {};
    if (args.cityCode != null) where.cityCode = args.cityCode;
    const [rows, totalCount] = await Promise.all([
      this.em.find(PartnerJobPosting, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(PartnerJobPosting, where),
    ]);
    return toPage(rows, first, totalCount, (p) => p.id);
  }

  /** One posting by id, or null when there is none or it is another city's than the reader's (city: null for any). */
  async get(id: string, city: string | null): Promise<PartnerJobPosting | null> {
    const key = parseRowId(id);
    const posting = key === null ? null : await this.em.findOne(PartnerJobPosting, { id: key });
    return posting && (city === null || posting.cityCode === city) ? posting : null;
  }

  async create(input: CreatePartnerJobPostingInput, cityCode: string): Promise<PartnerJobPosting> {
    const today = todayInChina();
    const values: PostingValues = {
      employerName: cleanText(input.employerName),
      title: cleanText(input.title),
      monthlyWage: input.monthlyWage,
      headcount: input.headcount,
      pushedOn: input.pushedOn,
      validUntil: input.validUntil,
    };
    const baseId = input.baseId ?? null;
    checkPosting(new InputProblems(), values, today)
      .check(baseId === null || isRowId(baseId), 'input.baseId', 'not a labour base id')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const city = await em.findOne(PartnerCity, { code: cityCode });
      if (!city) throw notFound('partner city', 'input.cityCode');
      if (values.pushedOn < city.pairedSince) throw badInput('input.pushedOn', `must not be before the pairing with this city began (${city.pairedSince})`);
      if (baseId !== null) await requireOpenBase(em, Number(baseId), city.code, values.pushedOn);
      const posting = em.create(PartnerJobPosting, {
        cityCode: city.code,
        baseId: baseId === null ? null : Number(baseId),
        employerName: values.employerName!,
        title: values.title!,
        monthlyWage: values.monthlyWage,
        headcount: values.headcount,
        requiredTrade: input.requiredTrade ?? null,
        pushedOn: values.pushedOn,
        validUntil: values.validUntil,
      });
      await em.flush();
      return posting;
    });
  }

  async update(input: UpdatePartnerJobPostingInput, inScope: CityScope): Promise<PartnerJobPosting> {
    const today = todayInChina();
    const problems = new InputProblems()
      .check(isRowId(input.id), 'input.id', 'not a posting id')
      .check(input.baseId == null || isRowId(input.baseId), 'input.baseId', 'not a labour base id')
      .check(!(input.clearBase && input.baseId != null), 'input.clearBase', 'give a base or clear it, not both')
      .check(!(input.clearRequiredTrade && input.requiredTrade != null), 'input.clearRequiredTrade', 'give a trade or clear it, not both')
      .check(input.validUntil == null || input.validUntil >= today, 'input.validUntil', 'must not be before today; close the posting instead');
    refuseClearing(problems, input, ['employerName', 'title', 'monthlyWage', 'headcount', 'pushedOn', 'validUntil']);
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const posting = await lockInScope(em, input.id, inScope);
      if (posting.closedOn !== null) throw conflict('input.id', `the posting was closed on ${posting.closedOn}; push a new one`);
      const values: PostingValues = {
        employerName: input.employerName == null ? posting.employerName : cleanText(input.employerName),
        title: input.title == null ? posting.title : cleanText(input.title),
        monthlyWage: input.monthlyWage ?? posting.monthlyWage,
        headcount: input.headcount ?? posting.headcount,
        pushedOn: input.pushedOn ?? posting.pushedOn,
        validUntil: input.validUntil ?? posting.validUntil,
      };
      checkPosting(new InputProblems(), values, today).throwIfAny();
      if (input.pushedOn != null) {
        const city = await em.findOneOrFail(PartnerCity, { code: posting.cityCode });
        if (values.pushedOn < city.pairedSince) throw badInput('input.pushedOn', `must not be before the pairing with this city began (${city.pairedSince})`);
      }
      if (input.baseId != null) await requireOpenBase(em, Number(input.baseId), posting.cityCode, values.pushedOn);
      Object.assign(posting, values);
      // baseId / requiredTrade: null clears them, as clearBase / clearRequiredTrade: true do.
      if (input.clearBase || input.baseId === null) posting.baseId = null;
      else if (input.baseId != null) posting.baseId = Number(input.baseId);
      if (input.clearRequiredTrade || input.requiredTrade === null) posting.requiredTrade = null;
      else if (input.requiredTrade != null) posting.requiredTrade = input.requiredTrade;
      await em.flush();
      return posting;
    });
  }

  async close(input: ClosePartnerJobPostingInput, inScope: CityScope): Promise<PartnerJobPosting> {
    const reason = cleanText(input.reason);
    new InputProblems()
      .check(isRowId(input.id), 'input.id', 'not a posting id')
      .check(input.closedOn <= todayInChina(), 'input.closedOn', 'must not be in the future')
      .check(hasLength(reason, 2, 200), 'input.reason', 'give a reason of 2 to 200 characters')
      .throwIfAny();
    return this.em.transactional(async (em) => {
      const posting = await lockInScope(em, input.id, inScope);
      if (posting.closedOn !== null) throw conflict('input.id', `the posting was already closed on ${posting.closedOn}`);
      if (input.closedOn < posting.pushedOn) throw badInput('input.closedOn', `must not be before the posting was pushed (${posting.pushedOn})`);
      if (input.closedOn > posting.validUntil) throw badInput('input.closedOn', `the posting already ran out on ${posting.validUntil}`);
      posting.closedOn = input.closedOn;
      posting.closeReason = reason;
      await em.flush();
      return posting;
    });
  }
}

/** The posting, locked; NOT_FOUND on input.id when missing or another city's (one answer for both). */
async function lockInScope(em: EntityManager, id: string, inScope: CityScope): Promise<PartnerJobPosting> {
  const posting = await em.findOne(PartnerJobPosting, { id: Number(id) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!posting || !inScope(posting.cityCode)) throw notFound('job posting', 'input.id');
  return posting;
}

/** A base named by a posting: the city's own, not closed by the push date. */
async function requireOpenBase(em: EntityManager, baseId: number, cityCode: string, pushedOn: string): Promise<void> {
  const base = await em.findOne(LabourBase, { id: baseId });
  // Another city's base reads as none: a city learns nothing of the others' bases here.
  if (!base || base.cityCode !== cityCode) throw notFound('labour base', 'input.baseId');
  if (base.closedOn !== null && base.closedOn <= pushedOn) throw badInput('input.baseId', `the labour base was closed on ${base.closedOn}`);
}
