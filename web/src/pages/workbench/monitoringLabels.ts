/** Chinese labels of the 防返贫监测 vocabularies (the schema's descriptions); an unknown value shows as sent. */
export const MONITORING_STEP: Record<string, string> = {
  CANDIDATE: '待评议（监测候选）',
  VILLAGE_REVIEWED: '村评议',
  TOWNSHIP_CHECKED: '乡镇审核',
  COUNTY_APPROVED: '县审定（纳入监测）',
  EXITED: '风险消除（退出监测）',
  REJECTED: '不予纳入',
};
export const RISK_TYPE: Record<string, string> = {
  ILLNESS: '因病',
  DISABILITY: '因残',
  SCHOOLING_COSTS: '因学',
  DISASTER: '因灾',
  UNSTABLE_WORK: '务工就业不稳',
  OTHER: '其他',
};
export const MEASURE_KIND: Record<string, string> = {
  EMPLOYMENT: '就业帮扶',
  INDUSTRY: '产业帮扶',
  EDUCATION: '教育帮扶',
  HEALTH: '健康帮扶',
  HOUSING: '住房安全',
  ALLOWANCE: '兜底保障（低保、特困）',
  INSURANCE: '保险',
  OTHER: '其他',
};
export const ENTRY_ROUTE: Record<string, string> = { SELF_REPORT: '农户自主申报', CADRE_SCREENING: '干部排查', DEPARTMENT_DATA: '部门数据预警' };

/**
 * The actions a case offers at its step (the server decides who may take them: a step by the
 * wrong level answers FORBIDDEN naming the step). REJECTED at any review step, EXITED once approved.
 */
export function nextActions(step: string): { to: string; label: string; needsNote: boolean }[] {
  const forward: Record<string, string> = { CANDIDATE: 'VILLAGE_REVIEWED', VILLAGE_REVIEWED: 'TOWNSHIP_CHECKED', TOWNSHIP_CHECKED: 'COUNTY_APPROVED' };
  const actions: { to: string; label: string; needsNote: boolean }[] = [];
  if (forward[step]) actions.push({ to: forward[step], label: MONITORING_STEP[forward[step]], needsNote: false });
  if (forward[step]) actions.push({ to: 'REJECTED', label: MONITORING_STEP.REJECTED, needsNote: true });
  if (step === 'COUNTY_APPROVED') actions.push({ to: 'EXITED', label: MONITORING_STEP.EXITED, needsNote: true });
  return actions;
}

/** Today in China (UTC+8), as the server's LocalDate. */
export const todayInChina = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
