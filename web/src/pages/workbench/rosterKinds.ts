/** 一库六册 and 五类清单 (RosterKind), in the order the offices name them. */
export const ROSTER_KINDS: { kind: string; label: string }[] = [
  { kind: 'REAL_NAME', label: '一库：农村劳动力实名制数据库' },
  { kind: 'POOR_LABOURERS', label: '六册：贫困劳动力花名册' },
  { kind: 'EMPLOYED', label: '六册：已就业人员花名册' },
  { kind: 'UNEMPLOYED', label: '六册：未就业人员花名册' },
  { kind: 'EMPLOYMENT_INTENTION', label: '六册：就业创业意愿花名册' },
  { kind: 'TRAINING_NEEDS', label: '六册：培训需求花名册' },
  { kind: 'TWO_AFTER_YOUTH', label: '六册：“两后生”花名册' },
  { kind: 'NOT_LIFTED_POOR', label: '五类清单：未脱贫劳动力清单' },
  { kind: 'RELAPSE_RISK', label: '五类清单：脱贫不稳定（易返贫）人员清单' },
  { kind: 'MARGINAL', label: '五类清单：非建档立卡边缘人员清单' },
  { kind: 'OTHER_PROVINCE_POOR_WORKING_HERE', label: '五类清单：外省籍在本地务工贫困劳动力清单' },
  { kind: 'EMPLOYED_POOR', label: '五类清单：已就业贫困劳动力清单' },
];
