/** Chinese labels of the enum values the workbench shows (the schema's descriptions); an unknown value shows as sent. */
const LABELS: Record<string, Record<string, string>> = {
  employmentStatus: { EMPLOYED: '已就业', UNEMPLOYED: '未就业（有意愿）', NOT_SEEKING: '无就业意愿', UNABLE_TO_WORK: '丧失劳动能力' },
  populationStatus: { AT_HOME: '在家', AWAY: '外出', STUDENT: '在校学生', MILITARY_SERVICE: '服兵役', OTHER: '其他' },
  povertyStatus: { NOT_LIFTED: '未脱贫', LIFTED: '已脱贫', LIFTED_UNSTABLE: '脱贫不稳定', MARGINAL: '边缘易致贫', SUDDEN_HARDSHIP: '突发严重困难' },
  leftBehind: { ELDERLY: '留守老人', CHILD: '留守儿童', WOMAN: '留守妇女' },
  sex: { MALE: '男', FEMALE: '女' },
  outcome: { CONFIRMED: '核实无误', CORRECTED: '已更正', MOVED_AWAY: '已迁出', DECEASED: '已死亡' },
};

export function label(kind: keyof typeof LABELS | string, value: string | null | undefined): string {
  if (value == null) return '—';
  return LABELS[kind]?.[value] ?? value;
}

export const VERIFICATION_OUTCOMES = Object.keys(LABELS.outcome);

/** An ISO instant as a China-time date and time; a LocalDate passes through. */
export function when(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(value).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}
