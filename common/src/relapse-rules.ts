/**
 * The warning rules that raise 防返贫 (relapse-monitoring) candidates: the read model lists the
 * households they flag (situation's relapseCandidates), and poverty accepts one of them as the
 * source of a case opened from department data. One list, so the two never drift apart.
 */
export const RELAPSE_RULE_IDS = ['POVERTY_HOUSEHOLD_LOST_ONLY_JOB', 'POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED', 'POVERTY_HOUSEHOLD_DISABILITY_RECORDED'] as const;
export type RelapseRuleId = (typeof RELAPSE_RULE_IDS)[number];
