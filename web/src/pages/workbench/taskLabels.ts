/** Chinese labels of the task vocabularies (the schema's descriptions); an unknown value shows as sent. */
export const TASK_STATUS: Record<string, string> = { OPEN: '待分派', ASSIGNED: '已分派', ACKNOWLEDGED: '已签收', CLOSED: '已办结', REOPENED: '已重新打开' };
export const TASK_KIND: Record<string, string> = { ZERO_EMPLOYMENT_HOUSEHOLD: '零就业家庭动态清零', WARNING: '预警处置', CONFLICT: '数据比对冲突处理' };
export const TASK_OUTCOME: Record<string, string> = {
  EMPLOYED: '家庭成员已就业',
  WARNING_CLEARED: '预警条件已不再成立',
  CONFLICT_RESOLVED: '冲突已处理',
  NOT_APPLICABLE: '不适用',
};
export const ASSIGNEE_KIND: Record<string, string> = { CADRE: '帮扶责任人', VILLAGE_ASSISTANT: '村劳动保障协理员', PARTNER_STATION: '协作城市劳务工作站', INSTITUTION: '培训机构' };

export const TASK_FILTERS = [
  { value: 'ALL', label: '全部未办结' },
  { value: 'OVERDUE', label: '已逾期' },
  { value: 'DUE_THIS_WEEK', label: '7 天内到期' },
] as const;

export const named = (labels: Record<string, string>, value: string | null | undefined): string => (value == null ? '—' : (labels[value] ?? value));
