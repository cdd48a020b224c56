import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import {
  badInput,
  conflict,
  divisionCodeRange,
  InputProblems,
  notFound,
  PovertyStatusVocabulary,
  RegionTree,
  requireDivisionCode,
  SuppressedTable,
  todayInChina,
  type PovertyStatus,
} from '@jiuye/common';
import { RegisteredHousehold } from '../household/household.entity';
import { checkHouseholdCode, checkText, STATUS_REASON_LENGTH, statusLabel } from '../household/household.service';
import { PovertyStatusChange } from './status.entity';
import type { ChangePovertyStatusInput } from './status.inputs';

export interface StatusCountRow {
  status: PovertyStatus;
  households: number | null;
  members: number | null;
  suppressed: boolean;
}

/**
 * One dated status change of a locked household, in the caller's transaction (changePovertyStatus,
 * and 县审定 / 退出 of a monitoring case): the change row and the household's current status together.
 */
export function applyStatusChange(em: EntityManager, household: RegisteredHousehold, status: PovertyStatus, effectiveOn: string, reason: string): void {
  em.create(PovertyStatusChange, { householdCode: household.code, fromStatus: household.povertyStatus, toStatus: status, effectiveOn, reason });
  household.povertyStatus = status;
  household.statusSince = effectiveOn;
}

/** 动态管理 — a household's poverty status moves only forward in time, one dated change at a time. */
export class PovertyStatusService {
  constructor(private readonly em: EntityManager) {}

  async change(input: ChangePovertyStatusInput): Promise<RegisteredHousehold> {
    const problems = new InputProblems();
    checkHouseholdCode(problems, input.householdCode, 'input.householdCode');
    problems.check(input.effectiveOn <= todayInChina(), 'input.effectiveOn', 'must not be in the future');
    const reason = checkText(problems, input.reason, 'input.reason', STATUS_REASON_LENGTH);
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const household = await em.findOne(RegisteredHousehold, { code: input.householdCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!household) throw notFound('registered household', 'input.householdCode');
      if (household.povertyStatus === input.status) {
        throw conflict('input.status', `the household is already ${statusLabel(input.status)} since ${household.statusSince}`);
      }
      if (input.effectiveOn < household.statusSince) {
        throw badInput('input.effectiveOn', `must not be before the last status change (${household.statusSince})`);
      }
      applyStatusChange(em, household, input.status, input.effectiveOn, reason);
      await em.flush();
      return household;
    });
  }

  /** Registered households and their current members per status in a division: one GROUP BY. */
  async counts(divisionCode: string): Promise<StatusCountRow[]> {
    requireDivisionCode(divisionCode, 'divisionCode');
    const { from, to } = divisionCodeRange(divisionCode);
    const rows = await this.em.getConnection().execute<{ status: PovertyStatus; households: number; members: number }[]>(
      `select h.poverty_status as status, count(distinct h.code)::int as households, count(m.id)::int as members
         from "household" h
         left join "household_member" m on m.household_code = h.code and m.removed_on is null
        where h.code >= ? and h.code < ?
        group by h.poverty_status`,
      [from, to],
    );
    const byStatus = new Map(rows.map((row) => [row.status, row]));
    return PovertyStatusVocabulary.values.map((status) => ({
      status,
      households: byStatus.get(status)?.households ?? 0,
      members: byStatus.get(status)?.members ?? 0,
      suppressed: false,
    }));
  }

  /**
   * The same counts for dashboards, small-cell suppressed (common/src/suppression.ts): the
   * pattern is decided over every village of the registry and every status at once, so the
   * county, each township and each village asked separately never differ by a suppressed cell.
   */
  async suppressedCounts(divisionCode: string, threshold: number): Promise<StatusCountRow[]> {
    requireDivisionCode(divisionCode, 'divisionCode');
    const rows = await this.em.getConnection().execute<{ village: string; status: PovertyStatus; households: number; members: number }[]>(
      `select left(h.code, 12) as village, h.poverty_status as status, count(distinct h.code)::int as households, count(m.id)::int as members
         from "household" h
         left join "household_member" m on m.household_code = h.code and m.removed_on is null
        group by 1, 2`,
    );
    const statuses = PovertyStatusVocabulary.values as readonly string[];
    const households = new Map<string, Record<string, number>>();
    const members = new Map<string, Record<string, number>>();
    for (const row of rows) {
      (households.get(row.village) ?? households.set(row.village, {}).get(row.village)!)[row.status] = row.households;
      (members.get(row.village) ?? members.set(row.village, {}).get(row.village)!)[row.status] = row.members;
    }
    const tree = new RegionTree(households.keys());
    // The all-status total is not published here, so the statuses are not tied to it.
    const h = new SuppressedTable(tree, households, threshold, statuses, { additiveTotal: false });
    const m = new SuppressedTable(tree, members, threshold, statuses, { additiveTotal: false });
    return PovertyStatusVocabulary.values.map((status) => {
      const [hh, mm] = [h.published(divisionCode, status), m.published(divisionCode, status)];
      return { status, households: hh, members: mm, suppressed: hh === null || mm === null };
    });
  }
}
