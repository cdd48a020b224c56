import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkPageSize,
  conflict,
  decodeIdCursor,
  forbidden,
  InputProblems,
  isMobileNumber,
  isStaffAccount,
  MOBILE_NUMBER_MESSAGE,
  notFound,
  type Page,
  parseRowId,
  STAFF_ACCOUNT_MESSAGE,
  toPage,
  todayInChina,
  refuseClearing,
} from '@jiuye/common';
import { checkPositiveId } from '../household/household.service';
import { HouseholdResponsibility } from '../responsibility/responsibility.entity';
import { Cadre, CadrePosting, ResponsibleUnit } from './cadre.entity';
import type { CreateCadreInput, EndCadrePostingInput, PostCadreInput, UpdateCadreInput } from './cadre.inputs';

export const VILLAGE_CODE = /^[1-9]\d{11}$/;

/** Trimmed text, or null when nothing but blanks was given. */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function hasLength(value: string | null, min: number, max: number): boolean {
  return value !== null && [...value].length >= min && [...value].length <= max;
}

/** A village of the writer's region: malformed → BAD_USER_INPUT, elsewhere → FORBIDDEN (villages are places, not people). */
export function checkVillage(problems: InputProblems, code: string, field: string): void {
  problems.check(VILLAGE_CODE.test(code), field, 'a village is a 12-digit division code');
}

export function requireVillageInRegion(code: string, region: string, field: string): void {
  if (!code.startsWith(region)) throw forbidden(`${field}: the village lies outside your region ${region}`, 'outside-region');
}

export class CadreService {
  constructor(private readonly em: EntityManager) {}

  /** 帮扶干部 serving (or who served) a village of the region, optionally of one unit or village, keyset by id. */
  async list(args: { region: string; unitId?: string | null; villageCode?: string | null; first: number; after?: string | null }): Promise<Page<Cadre>> {
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const problems = new InputProblems();
    const unitId = args.unitId == null ? null : checkPositiveId(problems, args.unitId, 'unitId');
    if (args.villageCode != null) checkVillage(problems, args.villageCode, 'villageCode');
    problems.throwIfAny();
    const place = args.villageCode ?? null;
    if (place !== null) requireVillageInRegion(place, args.region, 'villageCode');
    // Cadres with a posting (open or ended) in a village of the region (or the village asked for). Codes are digits: no LIKE wildcards.
    const sql = `select c.id from cadre c where ${unitId === null ? 'true' : 'c.unit_id = ?'}
       and exists (select 1 from cadre_posting p where p.cadre_id = c.id and p.village_code like ?)`;
    const params = [...(unitId === null ? [] : [unitId]), `${place ?? args.region}%`];
    const connection = this.em.getConnection();
    const [idRows, [{ n }]] = await Promise.all([
      connection.execute<{ id: number }[]>(`${sql} ${after === null ? '' : 'and c.id > ?'} order by c.id limit ?`, [...params, ...(after === null ? [] : [after]), first + 1]),
      connection.execute<{ n: number }[]>(`select count(*)::int as n from (${sql}) x`, params),
    ]);
    const rows = idRows.length === 0 ? [] : await this.em.find(Cadre, { id: { $in: idRows.map((r) => r.id) } }, { orderBy: { id: 'asc' } });
    return toPage(rows, first, n, (cadre) => cadre.id);
  }

  /** One cadre of the region, or null (missing or serving no village of it: the same answer, the same two statements). */
  async get(id: string, region: string): Promise<Cadre | null> {
    const key = parseRowId(id);
    if (key === null) return null;
    const [cadre, inScope] = await Promise.all([this.em.findOne(Cadre, key), this.servesRegion(this.em, key, region)]);
    return cadre && inScope ? cadre : null;
  }

  async create(input: CreateCadreInput, region: string): Promise<Cadre> {
    const name = cleanText(input.name);
    const phone = cleanText(input.phone);
    const account = cleanText(input.account);
    const problems = new InputProblems()
      .check(hasLength(name, 2, 30), 'input.name', 'give a name of 2 to 30 characters')
      .check(phone === null || isMobileNumber(phone), 'input.phone', MOBILE_NUMBER_MESSAGE)
      .check(account === null || isStaffAccount(account), 'input.account', STAFF_ACCOUNT_MESSAGE)
      .check(input.since <= todayInChina(), 'input.since', 'must not be in the future');
    const unitId = checkPositiveId(problems, input.unitId, 'input.unitId');
    checkVillage(problems, input.villageCode, 'input.villageCode');
    problems.throwIfAny();
    requireVillageInRegion(input.villageCode, region, 'input.villageCode');
    return this.em.transactional(async (em) => {
      await requireOpenUnit(em, unitId);
      if (account !== null) await requireFreeAccount(em, account, null);
      const cadre = em.create(Cadre, { name: name!, unitId, role: input.role, phone, account });
      await flushAccount(em);
      em.create(CadrePosting, { cadreId: cadre.id, villageCode: input.villageCode, since: input.since });
      await em.flush();
      return cadre;
    });
  }

  async update(input: UpdateCadreInput, region: string): Promise<Cadre> {
    const name = input.name == null ? null : cleanText(input.name);
    const phone = input.phone == null ? null : cleanText(input.phone);
    const account = input.account == null ? null : cleanText(input.account);
    const problems = new InputProblems()
      .check(input.name == null || hasLength(name, 2, 30), 'input.name', 'give a name of 2 to 30 characters')
      .check(input.phone == null || (phone !== null && isMobileNumber(phone)), 'input.phone', MOBILE_NUMBER_MESSAGE)
      .check(!(input.clearPhone && input.phone != null), 'input.clearPhone', 'give a phone or clear it, not both')
      .check(input.account == null || (account !== null && isStaffAccount(account)), 'input.account', STAFF_ACCOUNT_MESSAGE)
      .check(!(input.clearAccount && input.account != null), 'input.clearAccount', 'give an account or clear it, not both');
    refuseClearing(problems, input, ['name', 'unitId', 'role']);
    const id = checkPositiveId(problems, input.id, 'input.id');
    const unitId = input.unitId == null ? null : checkPositiveId(problems, input.unitId, 'input.unitId');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const cadre = await this.lockInRegion(em, id, region, 'input.id');
      if (unitId !== null && unitId !== cadre.unitId) {
        await requireOpenUnit(em, unitId);
        cadre.unitId = unitId;
      }
      if (name !== null) cadre.name = name;
      if (input.role != null) cadre.role = input.role;
      // phone: null clears it, as clearPhone: true does.
      if (input.clearPhone || input.phone === null) cadre.phone = null;
      else if (phone !== null) cadre.phone = phone;
      // account: null clears it, as clearAccount: true does.
      if (input.clearAccount || input.account === null) cadre.account = null;
      else if (account !== null && account !== cadre.account) {
        await requireFreeAccount(em, account, cadre.id);
        cadre.account = account;
      }
      await flushAccount(em);
      return cadre;
    });
  }

  async post(input: PostCadreInput, region: string): Promise<CadrePosting> {
    const problems = new InputProblems().check(input.since <= todayInChina(), 'input.since', 'must not be in the future');
    const id = checkPositiveId(problems, input.cadreId, 'input.cadreId');
    checkVillage(problems, input.villageCode, 'input.villageCode');
    problems.throwIfAny();
    requireVillageInRegion(input.villageCode, region, 'input.villageCode');
    return this.em.transactional(async (em) => {
      const cadre = await this.lockInRegion(em, id, region, 'input.cadreId');
      const open = await em.findOne(CadrePosting, { cadreId: cadre.id, villageCode: input.villageCode, until: null });
      if (open) throw conflict('input.villageCode', `the cadre serves this village already (since ${open.since})`);
      const last = await em.findOne(CadrePosting, { cadreId: cadre.id, villageCode: input.villageCode }, { orderBy: { until: 'desc' } });
      if (last?.until && input.since <= last.until) throw badInput('input.since', `must be after the cadre's last posting there ended (${last.until})`);
      const posting = em.create(CadrePosting, { cadreId: cadre.id, villageCode: input.villageCode, since: input.since });
      await em.flush();
      return posting;
    });
  }

  /**
   * Ends a posting. A cadre still responsible for households of that village keeps the posting
   * until they are handed to another cadre (assignResponsibility), so that no household is left
   * with a responsible person who no longer serves its village.
   */
  async endPosting(input: EndCadrePostingInput, region: string): Promise<CadrePosting> {
    const reason = cleanText(input.reason);
    const problems = new InputProblems()
      .check(input.until <= todayInChina(), 'input.until', 'must not be in the future')
      .check(hasLength(reason, 2, 200), 'input.reason', 'give a reason of 2 to 200 characters');
    const id = checkPositiveId(problems, input.postingId, 'input.postingId');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const posting = await em.findOne(CadrePosting, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Missing, or in a village outside the region: the same NOT_FOUND.
      if (!posting || !posting.villageCode.startsWith(region)) throw notFound('cadre posting', 'input.postingId');
      if (posting.until !== null) throw conflict('input.postingId', `the posting already ended on ${posting.until}`);
      if (input.until < posting.since) throw badInput('input.until', `must not be before the posting began (${posting.since})`);
      const households = await em.count(HouseholdResponsibility, { cadreId: posting.cadreId, until: null, householdCode: { $like: `${posting.villageCode}%` } });
      if (households > 0) {
        throw conflict('input.postingId', `the cadre is still responsible for ${households} households of the village; hand them to another cadre (assignResponsibility) first`);
      }
      posting.until = input.until;
      posting.endReason = reason;
      await em.flush();
      return posting;
    });
  }

  /** The cadre, locked, when it serves (or served) a village of the region; NOT_FOUND on the field otherwise, after the same statements. */
  private async lockInRegion(em: EntityManager, id: number, region: string, field: string): Promise<Cadre> {
    const [cadre, inScope] = [await em.findOne(Cadre, id, { lockMode: LockMode.PESSIMISTIC_WRITE }), await this.servesRegion(em, id, region)];
    if (!cadre || !inScope) throw notFound('cadre', field);
    return cadre;
  }

  private async servesRegion(em: EntityManager, cadreId: number, region: string): Promise<boolean> {
    return (await em.count(CadrePosting, { cadreId, villageCode: { $like: `${region}%` } })) > 0;
  }
}

/**
 * An account no other cadre carries (one cadre per sign-in). The answer names no cadre: the
 * other may serve a village outside the writer's region.
 */
async function requireFreeAccount(em: EntityManager, account: string, cadreId: number | null): Promise<void> {
  const holder = await em.findOne(Cadre, { account, ...(cadreId === null ? {} : { id: { $ne: cadreId } }) });
  if (holder) throw conflict('input.account', 'another cadre already carries this account: clear it there first (updateCadre clearAccount)');
}

/**
 * Flushes a cadre whose account may have been set: two writers giving one account to two cadres
 * at once both pass requireFreeAccount; the unique index refuses the second, answered as the same
 * CONFLICT (not an internal error).
 */
async function flushAccount(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && /account/.test(error.message)) {
      throw conflict('input.account', 'another cadre already carries this account: clear it there first (updateCadre clearAccount)');
    }
    throw error;
  }
}

/** A unit a cadre may belong to: existing and not closed. */
export async function requireOpenUnit(em: EntityManager, unitId: number, field = 'input.unitId'): Promise<ResponsibleUnit> {
  const unit = await em.findOne(ResponsibleUnit, unitId);
  if (!unit) throw notFound('responsible unit', field);
  if (unit.closedOn !== null) throw conflict(field, `the unit was closed on ${unit.closedOn}`);
  return unit;
}
