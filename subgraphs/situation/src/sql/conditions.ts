import { VILLAGE_CODE_LENGTH } from '@jiuye/common';

/**
 * The read model's shared SQL conditions: each stated once and used by the lists, the kept
 * counts (village_counts, projection), the rules (warnings, conflicts) and the exports, so a
 * list and the count that promises to agree with it cannot drift apart.
 * Aliases: p = person_situation, h = household_situation.
 */

/** A region condition on a village-code column: equality for a village, a prefix otherwise (index-served). */
export function regionCondition(column: string, parameter: number, region: string): string {
  return region.length === VILLAGE_CODE_LENGTH ? `${column} = $${parameter}` : `${column} like $${parameter} || '%'`;
}

/** hr's employment status: employed. */
export const EMPLOYED = `p.employment_status = 'EMPLOYED'`;
/** hr's employment status: unemployed (with the wish to work). */
export const UNEMPLOYED = `p.employment_status = 'UNEMPLOYED'`;

/** 劳动力: of working age and able to work (decided by the projector, projection/person.ts). */
export const ABLE_LABOURER = 'p.able_labourer';
/** Employed labour force: an able labourer who is employed (the indicators' stock figures). */
export const ABLE_EMPLOYED = `${ABLE_LABOURER} and ${EMPLOYED}`;

/** 建档立卡 (registered poor) statuses; MARGINAL and SUDDEN_HARDSHIP are monitored, not registered. */
export const REGISTERED_POOR = `p.poverty_status in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE')`;

/**
 * 按贫困状态分组 — how officials split their figures for 贫困劳动力 (a partition: every worker is
 * in exactly one group, so the groups add up to the whole). 建档立卡 (REGISTERED_POOR) is
 * 未脱贫 + 已脱贫, where 已脱贫 includes 脱贫不稳定 (still a registered household, also monitored
 * for relapse); 监测对象 are the non-registered households under 防返贫 monitoring (边缘易致贫,
 * 突发严重困难), as in the MARGINAL roster; 其他: no poverty record. A worker's current status.
 */
export const POVERTY_GROUPS = [
  { group: 'NOT_LIFTED', label: '未脱贫', registeredPoor: true, statuses: ['NOT_LIFTED'] },
  { group: 'LIFTED', label: '已脱贫', registeredPoor: true, statuses: ['LIFTED', 'LIFTED_UNSTABLE'] },
  { group: 'MONITORED', label: '监测对象', registeredPoor: false, statuses: ['MARGINAL', 'SUDDEN_HARDSHIP'] },
  { group: 'OTHER', label: '其他', registeredPoor: false, statuses: [] },
] as const;
export type PovertyGroup = (typeof POVERTY_GROUPS)[number]['group'];

/** The poverty group of person_situation p (OTHER when p has no status, or no row: a left join). */
export const POVERTY_GROUP = `case ${POVERTY_GROUPS.filter((g) => g.statuses.length > 0)
  .map((g) => `when p.poverty_status in (${g.statuses.map((s) => `'${s}'`).join(', ')}) then '${g.group}'`)
  .join(' ')} else 'OTHER' end`;

/** Whether person_situation p is in a poverty group (the same partition as POVERTY_GROUP: OTHER is every status of no other group, or none). */
export function povertyGroupCondition(group: PovertyGroup): string {
  const listed = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(', ');
  const spec = POVERTY_GROUPS.find((g) => g.group === group)!;
  if (spec.statuses.length > 0) return `p.poverty_status in (${listed(spec.statuses)})`;
  return `(p.poverty_status is null or p.poverty_status not in (${listed(POVERTY_GROUPS.flatMap((g) => g.statuses))}))`;
}

/** An open organised transfer (partner): started and not ended. */
export const OPEN_TRANSFER = 'p.transfer_id is not null and p.transfer_ended_on is null';

/** Nobody in the household employed (kept per household by the projector). */
export const NOBODY_EMPLOYED = 'h.employed_members = 0';
/** 零就业家庭: a household with an able labourer and nobody employed. */
export const ZERO_EMPLOYMENT = `h.able_labourers > 0 and ${NOBODY_EMPLOYED}`;

/**
 * Who answers for a household when no cadre is assigned: the village labour-security assistant
 * (村劳动保障协理员), named after the village (its code when the registry has no name).
 */
export function villageAssistant(villageName: string | null | undefined, villageCode: string): string {
  return `${villageName ?? villageCode}劳动保障协理员`;
}

/** The longest window the "no service within N days" filter takes (about three years). */
export const MAX_NO_SERVICE_DAYS = 1100;

/**
 * 一人一案: no service from any department in the window, served_on from `$since` (the day
 * N days before the day drawn for) up to `$day`; person_service is not versioned, so as of a
 * past day the services dated after it are left out by date. Parameters are numbered by the caller.
 */
export function noServiceBetween(sinceParameter: number, dayParameter: number): string {
  return `not exists (select 1 from person_service s where s.worker_id = p.worker_id and s.served_on >= $${sinceParameter}::date and s.served_on <= $${dayParameter}::date)`;
}
