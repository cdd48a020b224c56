import { PovertyStatusVocabulary } from '@jiuye/common';
import { ABLE_LABOURER, NOBODY_EMPLOYED, OPEN_TRANSFER, UNEMPLOYED, villageAssistant } from '../sql/conditions';

/**
 * 预警规则 — early warnings over several departments. Each rule is data plus a small SQL
 * condition over the read model (the rules depend on today). The warnings that hold are kept
 * (warning.state.ts: re-evaluated for the subjects the feed re-projects, and for all on a new
 * day), so a condition reads only its subject's rows — a person's row and its welfare
 * assignments, a household's row and its household_relapse row (checked by a test). Adding a
 * rule is adding one object to WARNING_RULES; its id becomes a WarningRuleId value.
 *
 * SQL conventions: person rules read `person_situation p` with `household_situation h`
 * (the person's household), `partner_city pc` (the latest transfer's city) and `institution i`
 * (the medium-term course's institution) joined; household rules read `household_situation h`.
 * `$today` stands for today's date (a `date`).
 */
export type WarningLevel = 'RED' | 'ORANGE' | 'YELLOW';

/** The row a rule produces, as reason() and responsible() see it. */
export interface WarningRow {
  rule: string;
  level_rank: number;
  village_code: string;
  village_name: string | null;
  /** worker_id for person rules, household code for household rules. */
  subject: string;
  worker_id: string | null;
  household_code: string;
  since: string | null;
  /** The rule's `facts` expressions, evaluated (dates as YYYY-MM-DD). */
  facts: Record<string, any>;
  cadre_name: string | null;
  unit_name: string | null;
  partner_city_name: string | null;
  institution_name: string | null;
}

export type ResponsibleKind = 'CADRE' | 'VILLAGE_ASSISTANT' | 'PARTNER_STATION' | 'INSTITUTION';

export interface Responsible {
  kind: ResponsibleKind;
  name: string;
  unit: string | null;
}

export interface WarningRule {
  id: string;
  /** 中文 name */
  label: string;
  level: WarningLevel;
  /** The departments whose facts the rule combines. */
  departments: string[];
  subject: 'person' | 'household';
  /** When the rule fires, in the officials' words. */
  description: string;
  /** SQL over p (or h); may use $today. */
  condition: string;
  /** SQL date: when the situation behind the warning began (null where unknown). */
  since: string;
  /** SQL expressions whose values reason() quotes. */
  facts: Record<string, string>;
  /** A Chinese sentence with the dates and facts; never an ID number or a name. */
  reason(row: WarningRow): string;
  responsible(row: WarningRow): Responsible;
}

export const LEVEL_RANK: Record<WarningLevel, number> = { RED: 0, ORANGE: 1, YELLOW: 2 };

/** The household's cadre (poverty) when one is assigned, else the village labour-security assistant. */
export function cadreOrAssistant(row: WarningRow): Responsible {
  if (row.cadre_name) return { kind: 'CADRE', name: row.cadre_name, unit: row.unit_name };
  return { kind: 'VILLAGE_ASSISTANT', name: villageAssistant(row.village_name, row.village_code), unit: row.village_name };
}

const povertyLabel = (status: string | null | undefined) => (status ? ((PovertyStatusVocabulary.labels as Record<string, string>)[status] ?? status) : '未登记');

export const WARNING_RULES: WarningRule[] = [
  {
    id: 'POVERTY_HOUSEHOLD_LOST_ONLY_JOB',
    label: '脱贫/监测户唯一就业人员失业',
    level: 'RED',
    departments: ['poverty', 'hr'],
    subject: 'household',
    description: '建档立卡户或监测户（扶贫部门登记了贫困状态）目前无人就业，且有成员的就业在最近 90 天内结束（户内唯一就业人员失业，有返贫风险）',
    // Kept per household by the projector (employed_members, the latest end of a member's job): no visit to the members.
    condition: `h.poverty_status is not null and ${NOBODY_EMPLOYED} and h.last_employment_ended_on >= $today::date - 90`,
    since: 'h.last_employment_ended_on',
    facts: {
      povertyStatus: 'h.poverty_status',
      endedOn: 'h.last_employment_ended_on',
    },
    reason: (row) => `该户为${povertyLabel(row.facts.povertyStatus)}户，户内就业人员的工作于 ${row.facts.endedOn} 结束，目前全户无人就业（人社），有返贫风险。`,
    responsible: cadreOrAssistant,
  },
  {
    id: 'ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED',
    label: '低保户劳动力长期未就业',
    level: 'ORANGE',
    departments: ['civil', 'hr'],
    subject: 'person',
    description: '享受低保家庭中的劳动力，人社登记未就业，且 3 个月以上没有就业（最近一次就业结束已超过 3 个月，或从未登记就业）',
    condition: `'SUBSISTENCE_ALLOWANCE' = any(p.assistance_kinds) and ${ABLE_LABOURER} and ${UNEMPLOYED}
      and (p.employment_started_on is null or p.employment_started_on < ($today::date - interval '3 months')::date)
      and (p.last_employment_ended_on is null or p.last_employment_ended_on < ($today::date - interval '3 months')::date)`,
    since: 'p.last_employment_ended_on',
    facts: { endedOn: 'p.last_employment_ended_on', assistanceSince: 'p.assistance_since' },
    reason: (row) =>
      `家庭享受低保${row.facts.assistanceSince ? `（自 ${row.facts.assistanceSince} 起，民政）` : '（民政）'}，本人为劳动力，` +
      (row.facts.endedOn ? `自 ${row.facts.endedOn} 上一份工作结束后已超过 3 个月未就业（人社）。` : '人社未登记过就业，目前仍未就业。'),
    responsible: cadreOrAssistant,
  },
  {
    id: 'TRANSFER_NO_FOLLOW_UP',
    label: '转移就业人员超过 30 天未回访',
    level: 'YELLOW',
    departments: ['partner'],
    subject: 'person',
    description: '有组织转移就业尚未结束，但 30 天以上没有跟踪回访（从未回访且转移已超过 30 天，或最近一次回访在 30 天以前）',
    condition: `${OPEN_TRANSFER} and coalesce(p.last_follow_up_on, p.transfer_started_on) < $today::date - 30`,
    since: 'coalesce(p.last_follow_up_on, p.transfer_started_on)',
    facts: { startedOn: 'p.transfer_started_on', lastFollowUpOn: 'p.last_follow_up_on', city: 'pc.name' },
    reason: (row) =>
      `${row.facts.startedOn} 有组织转移至${row.facts.city ?? '协作城市'}就业，` +
      (row.facts.lastFollowUpOn ? `最近一次跟踪回访为 ${row.facts.lastFollowUpOn}，已超过 30 天未回访。` : '至今未跟踪回访，已超过 30 天。'),
    responsible: partnerStation,
  },
  {
    id: 'TRANSFER_NOT_WORKING',
    label: '转移就业人员回访未在岗',
    level: 'ORANGE',
    departments: ['partner', 'hr'],
    subject: 'person',
    description: '有组织转移就业尚未结束，最近一次跟踪回访发现本人未在岗',
    condition: `${OPEN_TRANSFER} and p.last_follow_up_still_employed = false`,
    since: 'p.last_follow_up_on',
    facts: { startedOn: 'p.transfer_started_on', lastFollowUpOn: 'p.last_follow_up_on', city: 'pc.name' },
    reason: (row) => `${row.facts.startedOn} 有组织转移至${row.facts.city ?? '协作城市'}就业，${row.facts.lastFollowUpOn} 跟踪回访发现未在岗，需核实去向并帮助再就业。`,
    responsible: partnerStation,
  },
  {
    id: 'TRAINED_NO_JOB_3_MONTHS',
    label: '中期培训结业 3 个月未就业',
    level: 'YELLOW',
    departments: ['training', 'hr'],
    subject: 'person',
    description: '中期（约 3 个月）技能培训结业已超过 3 个月，培训机构未登记培训后就业，人社也未登记为已就业',
    condition: `p.medium_term_completed_on < ($today::date - interval '3 months')::date and p.employed_after_training_on is null and p.employment_status <> 'EMPLOYED'`,
    since: 'p.medium_term_completed_on',
    facts: { completedOn: 'p.medium_term_completed_on', institution: 'i.name' },
    reason: (row) => `${row.facts.completedOn} 在${row.facts.institution ?? '培训机构'}中期培训结业，已超过 3 个月仍未就业（培训机构、人社均无就业登记）。`,
    responsible: (row) => (row.institution_name ? { kind: 'INSTITUTION', name: row.institution_name, unit: row.institution_name } : cadreOrAssistant(row)),
  },
  {
    id: 'POOR_LABOURER_WELFARE_POST_ENDED',
    label: '贫困劳动力公益性岗位到期后未就业',
    level: 'ORANGE',
    departments: ['hr', 'poverty'],
    subject: 'person',
    description: '建档立卡户或监测户的劳动力，公益性岗位在最近 60 天内到期，目前没有岗位也没有其他就业',
    condition: `p.poverty_status is not null and p.welfare_post_kind is null and p.employment_id is null and p.employment_status <> 'EMPLOYED'
      and exists (select 1 from welfare_assignment w where w.worker_id = p.worker_id and w.ends_on < $today::date and w.ends_on >= $today::date - 60)`,
    since: `(select max(w.ends_on) from welfare_assignment w where w.worker_id = p.worker_id and w.ends_on < $today::date)`,
    facts: {
      endedOn: `(select max(w.ends_on) from welfare_assignment w where w.worker_id = p.worker_id and w.ends_on < $today::date)`,
      povertyStatus: 'p.poverty_status',
    },
    reason: (row) => `${povertyLabel(row.facts.povertyStatus)}户劳动力，公益性岗位于 ${row.facts.endedOn} 到期，目前无岗位、无其他就业登记（人社）。`,
    responsible: cadreOrAssistant,
  },
  // 防返贫 (issue 14): with POVERTY_HOUSEHOLD_LOST_ONLY_JOB these feed the relapse candidates (monitoring/relapse-candidates.service.ts).
  {
    id: 'POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED',
    label: '脱贫/监测户低保特困停发',
    level: 'ORANGE',
    departments: ['poverty', 'civil'],
    subject: 'household',
    description: '建档立卡户或监测户的低保或特困供养在最近 90 天内停发，目前没有在发的救助（民政），有返贫风险',
    // household_relapse (kept by the projector): the latest end of the household's grants, infinity while one runs on.
    condition: `h.poverty_status is not null and exists (select 1 from household_relapse hr where hr.code = h.code and hr.allowance_ends_on < $today::date and hr.allowance_ends_on >= $today::date - 90)`,
    since: `(select hr.allowance_ends_on from household_relapse hr where hr.code = h.code)`,
    facts: { povertyStatus: 'h.poverty_status', endedOn: `(select hr.allowance_ends_on from household_relapse hr where hr.code = h.code)` },
    reason: (row) => `该户为${povertyLabel(row.facts.povertyStatus)}户，低保/特困供养于 ${row.facts.endedOn} 停发，目前无在发救助（民政），有返贫风险。`,
    responsible: cadreOrAssistant,
  },
  {
    id: 'POVERTY_HOUSEHOLD_DISABILITY_RECORDED',
    label: '脱贫/监测户新增残疾',
    level: 'ORANGE',
    departments: ['poverty', 'civil'],
    subject: 'household',
    description: '建档立卡户或监测户有成员在最近 90 天内登记了残疾认定（民政、残联），有因残返贫风险',
    condition: `h.poverty_status is not null and exists (select 1 from household_relapse hr where hr.code = h.code and hr.disability_certified_on <= $today::date and hr.disability_certified_on >= $today::date - 90)`,
    since: `(select hr.disability_certified_on from household_relapse hr where hr.code = h.code)`,
    facts: { povertyStatus: 'h.poverty_status', certifiedOn: `(select hr.disability_certified_on from household_relapse hr where hr.code = h.code)` },
    reason: (row) => `该户为${povertyLabel(row.facts.povertyStatus)}户，户内成员于 ${row.facts.certifiedOn} 认定残疾（民政），有因残返贫风险。`,
    responsible: cadreOrAssistant,
  },
];

/** Follow-up of a transfer is the partner city's service station's work (else the village's). */
function partnerStation(row: WarningRow): Responsible {
  if (row.partner_city_name) return { kind: 'PARTNER_STATION', name: `${row.partner_city_name}劳务工作站`, unit: row.partner_city_name };
  return cadreOrAssistant(row);
}

export const WARNING_RULE_BY_ID = new Map(WARNING_RULES.map((rule) => [rule.id, rule]));
