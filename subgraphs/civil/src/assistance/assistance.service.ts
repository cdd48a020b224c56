import type { RowScope } from '../access';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkPageSize,
  conflict,
  decodeIdCursor,
  divisionCodeRange,
  HOUSEHOLD_CODE_MESSAGE,
  InputProblems,
  isHouseholdCode,
  notFound,
  type Page,
  requireDivisionCode,
  requireRowId,
  toPage,
} from '@jiuye/common';
import { AssistanceGrant, isActiveOn, type AssistanceKind } from './assistance.entity';
import type { GrantAssistanceInput, StopAssistanceInput } from './assistance.inputs';

export const MAX_MONTHLY_AMOUNT = 5000;

/** grantAssistance's checks that need no database (the spreadsheet import, src/import, calls them too). */
export function checkGrant(problems: InputProblems, input: GrantAssistanceInput): InputProblems {
  return problems
    .check(isHouseholdCode(input.householdCode), 'input.householdCode', HOUSEHOLD_CODE_MESSAGE)
    .check(
      Number.isInteger(input.monthlyAmount) && input.monthlyAmount >= 1 && input.monthlyAmount <= MAX_MONTHLY_AMOUNT,
      'input.monthlyAmount',
      `a monthly amount is a whole number of yuan from 1 to ${MAX_MONTHLY_AMOUNT}`,
    );
}

/** One grant of each kind at a time: overlapping periods would pay twice. */
export function overlappingGrantMessage(startsOn: string): string {
  return `the household already has this kind of assistance from ${startsOn}; stop it first`;
}

/** 民政 rules for granting and stopping assistance. */
export class AssistanceService {
  constructor(private readonly em: EntityManager) {}

  async grant(input: GrantAssistanceInput): Promise<AssistanceGrant> {
    checkGrant(new InputProblems(), input).throwIfAny();
    return this.em.transactional(async (em) => {
      // One grant of each kind at a time: overlapping periods would pay twice.
      const existing = await em.find(AssistanceGrant, { householdCode: input.householdCode, kind: input.kind });
      const overlapping = existing.find((g) => g.endsOn === null || g.endsOn >= input.startsOn);
      if (overlapping) {
        throw conflict('input.startsOn', overlappingGrantMessage(overlapping.startsOn));
      }
      const grant = em.create(AssistanceGrant, {
        householdCode: input.householdCode,
        kind: input.kind,
        monthlyAmount: input.monthlyAmount,
        startsOn: input.startsOn,
      });
      await em.flush();
      return grant;
    });
  }

  /** `inScope`: whether the caller may write the loaded grant (access.ts); a grant outside it is as missing as one that never was. */
  async stop(input: StopAssistanceInput, inScope: RowScope<AssistanceGrant>): Promise<AssistanceGrant> {
    const id = requireRowId(input.grantId, 'input.grantId', 'grant');
    const reason = input.reason.trim();
    if (reason.length < 2 || reason.length > 200) throw badInput('input.reason', 'give a reason of 2 to 200 characters');
    return this.em.transactional(async (em) => {
      const grant = await em.findOne(AssistanceGrant, id, { lockMode: 4 /* pessimistic write */ });
      if (!(await inScope(grant)) || !grant) throw notFound('assistance grant', 'input.grantId');
      if (grant.endsOn !== null) throw conflict('input.grantId', `the grant already stopped on ${grant.endsOn}`);
      if (input.endsOn < grant.startsOn) throw badInput('input.endsOn', `must not be before the grant started (${grant.startsOn})`);
      grant.endsOn = input.endsOn;
      grant.stopReason = reason;
      await em.flush();
      return grant;
    });
  }

  /** Grants of households in a division, by household code (keyset pagination). */
  async list(args: { divisionCode: string; kind?: AssistanceKind | null; activeOn?: string | null; first: number; after?: string | null }): Promise<Page<AssistanceGrant>> {
    requireDivisionCode(args.divisionCode, 'divisionCode');
    const first = checkPageSize(args.first);
    const after = decodeIdCursor(args.after);
    const { from, to } = divisionCodeRange(args.divisionCode);
    const where: Record<string, unknown> = { householdCode: { $gte: from, $lt: to } };
    if (args.kind) where.kind = args.kind;
    if (args.activeOn) {
      where.startsOn = { $lte: args.activeOn };
      where.$or = [{ endsOn: null }, { endsOn: { $gte: args.activeOn } }];
    }
    const [rows, totalCount] = await Promise.all([
      this.em.find(AssistanceGrant, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: first + 1 }),
      this.em.count(AssistanceGrant, where),
    ]);
    return toPage(rows, first, totalCount, (g) => g.id);
  }
}

export { isActiveOn };
