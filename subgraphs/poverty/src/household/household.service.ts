import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  checkIdNumber,
  conflict,
  HOUSEHOLD_CODE_MESSAGE,
  HOUSEHOLD_CODE_PATTERN,
  InputProblems,
  isHouseholdCode,
  type Keyset,
  notFound,
  type PageRequest,
  type ParsedIdNumber,
  parseRowId,
  type PovertyStatus,
  PovertyStatusVocabulary,
  todayInChina,
  villageOfHousehold,
  workerPseudonym,
} from '@jiuye/common';
import { HouseholdMember } from '../member/member.entity';
import { RelocationSite } from '../relocation/relocation.entity';
import { PovertyStatusChange } from '../status/status.entity';
import { RegisteredHousehold } from './household.entity';
import type { RegisterHouseholdInput } from './household.inputs';

export const MAX_MEMBERS = 30;
export const NAME_LENGTH = { min: 1, max: 60 };
/** 致贫原因 as the county forms write them: 因病, 因学, 缺劳力 … (2 characters at least). */
export const STATUS_REASON_LENGTH = { min: 2, max: 200 };

/** A household enters the register as 建档立卡 (NOT_LIFTED) or as a monitored household; 已脱贫 comes later. */
export const REGISTRATION_STATUSES: readonly PovertyStatus[] = ['NOT_LIFTED', 'MARGINAL', 'SUDDEN_HARDSHIP'];

export function checkHouseholdCode(problems: InputProblems, code: string, field: string): InputProblems {
  return problems.check(isHouseholdCode(code), field, HOUSEHOLD_CODE_MESSAGE);
}

/** Trims a free-text reason and checks its length; returns the trimmed text. */
export function checkText(problems: InputProblems, value: string, field: string, length: { min: number; max: number }): string {
  const text = value.trim();
  // Characters, not UTF-16 units: a name in a CJK extension (𠀀…) is one character each.
  const characters = [...text].length;
  problems.check(characters >= length.min && characters <= length.max, field, `give ${length.min} to ${length.max} characters`);
  return text;
}

export function checkPositiveId(problems: InputProblems, value: string, field: string): number {
  const id = parseRowId(value);
  problems.check(id !== null, field, 'not an id from this subgraph');
  return id ?? 0;
}

export function statusLabel(status: PovertyStatus): string {
  return `${PovertyStatusVocabulary.labels[status]} (${status})`;
}

/** Whether an error message may name this household to the caller (access.ts: only inside their scope). */
export type HouseholdNamer = (householdCode: string) => boolean | Promise<boolean>;

/** The CONFLICT message for a person who is a current member of another registered household. */
export async function memberElsewhereMessage(householdCode: string, mayName: HouseholdNamer): Promise<string> {
  const which = (await mayName(householdCode)) ? `registered household ${householdCode}` : 'another registered household (outside your scope)';
  return `this person is a current member of ${which}; remove them there first`;
}

/** What root `households` and `Division.households` ask for: one page of registered households in one division. */
export interface HouseholdListArgs extends PageRequest {
  divisionCode: string;
  status?: PovertyStatus | null;
}

/** Registered households of a division by code (common's pagedDivisions); the cursor is the last code. */
export const HOUSEHOLD_KEYSET: Keyset<RegisteredHousehold> = {
  columns: ['code'],
  parts: [(p) => HOUSEHOLD_CODE_PATTERN.test(p)],
  keyOf: (h) => [h.code],
};

/** 建档立卡 rules: registration and lookup. */
export class HouseholdService {
  constructor(
    private readonly em: EntityManager,
    private readonly pseudonymKey: string,
    private readonly mayName: HouseholdNamer = () => true,
  ) {}

  async register(input: RegisterHouseholdInput): Promise<RegisteredHousehold> {
    const problems = new InputProblems();
    checkHouseholdCode(problems, input.code, 'input.code');
    problems.check(input.registeredOn <= todayInChina(), 'input.registeredOn', 'must not be in the future');
    problems.check(
      REGISTRATION_STATUSES.includes(input.status),
      'input.status',
      'a household is registered as 未脱贫 (NOT_LIFTED) or monitored as 边缘易致贫 (MARGINAL) or 突发严重困难 (SUDDEN_HARDSHIP); 已脱贫 and 脱贫不稳定 come from a later status change',
    );
    const reason = checkText(problems, input.reason, 'input.reason', STATUS_REASON_LENGTH);
    const relocationSiteId = input.relocationSiteId == null ? null : checkPositiveId(problems, input.relocationSiteId, 'input.relocationSiteId');
    problems.check(input.members.length >= 1 && input.members.length <= MAX_MEMBERS, 'input.members', `list 1 to ${MAX_MEMBERS} members`);

    const members = input.members.map((member, index) => {
      const field = `input.members[${index}]`;
      const parsed = checkIdNumber(problems, member.idNumber, `${field}.idNumber`);
      const name = checkText(problems, member.name, `${field}.name`, NAME_LENGTH);
      return { parsed, name, idNumber: member.idNumber, relationship: member.relationship };
    });
    const firstIndex = new Map<string, number>();
    members.forEach((member, index) => {
      if (!member.parsed) return;
      const earlier = firstIndex.get(member.idNumber);
      if (earlier === undefined) firstIndex.set(member.idNumber, index);
      else problems.add(`input.members[${index}].idNumber`, `the same ID number as input.members[${earlier}]`);
    });
    const heads = members.filter((m) => m.relationship === 'HEAD').length;
    problems.check(heads === 1, 'input.members', `exactly one member is the head (户主, HEAD); found ${heads}`);
    problems.throwIfAny();

    const workerIds = members.map((m) => workerPseudonym(m.idNumber, this.pseudonymKey));
    try {
      return await this.em.transactional(async (em) => {
        if (await em.count(RegisteredHousehold, { code: input.code })) {
          throw conflict('input.code', 'this household is already registered; change its status instead');
        }
        if (relocationSiteId !== null && !(await em.count(RelocationSite, { id: relocationSiteId }))) {
          throw notFound('relocation site', 'input.relocationSiteId');
        }
        const elsewhere = await em.find(HouseholdMember, { workerId: { $in: workerIds }, removedOn: null }, { limit: 1 });
        if (elsewhere.length) {
          const index = workerIds.indexOf(elsewhere[0].workerId);
          throw conflict(`input.members[${index}].idNumber`, await memberElsewhereMessage(elsewhere[0].householdCode, this.mayName));
        }
        const household = em.create(RegisteredHousehold, {
          code: input.code,
          villageCode: villageOfHousehold(input.code),
          povertyStatus: input.status,
          statusSince: input.registeredOn,
          registeredYear: Number(input.registeredOn.slice(0, 4)),
          relocationSiteId,
        });
        members.forEach((member, index) => {
          const parsed = member.parsed as ParsedIdNumber;
          em.create(HouseholdMember, {
            householdCode: input.code,
            workerId: workerIds[index],
            idNumber: member.idNumber,
            name: member.name,
            sex: parsed.sex,
            birthDate: parsed.birthDate,
            relationship: member.relationship,
          });
        });
        em.create(PovertyStatusChange, {
          householdCode: input.code,
          fromStatus: null,
          toStatus: input.status,
          effectiveOn: input.registeredOn,
          reason,
        });
        await em.flush();
        return household;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw conflict('input.code', 'the household or one of its members was registered at the same moment by someone else; reload and check');
      }
      throw error;
    }
  }

  /** The registered household with this code; BAD_USER_INPUT for a malformed code, NOT_FOUND if not registered. */
  async requireRegistered(code: string, field = 'code'): Promise<RegisteredHousehold> {
    checkHouseholdCode(new InputProblems(), code, field).throwIfAny();
    const household = await this.em.findOne(RegisteredHousehold, { code });
    if (!household) throw notFound('registered household', field);
    return household;
  }
}
