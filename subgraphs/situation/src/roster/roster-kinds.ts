import { defineVocabulary } from '@jiuye/common';
import { EMPLOYED, REGISTERED_POOR, UNEMPLOYED } from '../sql/conditions';

/**
 * 一库六册 and 五类清单: each roster is a condition over person_situation (alias p) and the
 * words officials use for it. `$today` stands for the day the roster is drawn (ages).
 */
export const RosterKindVocabulary = defineVocabulary('RosterKind', '花名册 — the real-name database, its six rosters (一库六册) and the five lists (五类清单)', {
  REAL_NAME: '一库：农村劳动力实名制数据库',
  POOR_LABOURERS: '六册：贫困劳动力花名册',
  EMPLOYED: '六册：已就业人员花名册',
  UNEMPLOYED: '六册：未就业人员花名册',
  EMPLOYMENT_INTENTION: '六册：就业创业意愿花名册',
  TRAINING_NEEDS: '六册：培训需求花名册',
  TWO_AFTER_YOUTH: '六册：“两后生”花名册',
  NOT_LIFTED_POOR: '五类清单：未脱贫劳动力清单',
  RELAPSE_RISK: '五类清单：脱贫不稳定（易返贫）人员清单',
  MARGINAL: '五类清单：非建档立卡边缘人员清单',
  OTHER_PROVINCE_POOR_WORKING_HERE: '五类清单：外省籍在本地务工贫困劳动力清单',
  EMPLOYED_POOR: '五类清单：已就业贫困劳动力清单',
});
export type RosterKind = (typeof RosterKindVocabulary.values)[number];
export const RosterKind = RosterKindVocabulary.enumObject;

export interface RosterDefinition {
  /** SQL over person_situation p; may use $today (a date). */
  condition: string;
  /** What puts a person on it, in the officials' words. */
  definition: string;
}

export const ROSTERS: Record<RosterKind, RosterDefinition> = {
  REAL_NAME: { condition: 'true', definition: '户籍在本地、16–60 周岁的农村劳动力（人社实名制登记）' },
  POOR_LABOURERS: { condition: REGISTERED_POOR, definition: '建档立卡户（未脱贫、已脱贫、脱贫不稳定）中的劳动力' },
  EMPLOYED: { condition: EMPLOYED, definition: '人社就业状态为已就业' },
  UNEMPLOYED: { condition: UNEMPLOYED, definition: '人社就业状态为未就业且有就业意愿' },
  EMPLOYMENT_INTENTION: { condition: `p.employment_intention <> 'NONE'`, definition: '有就地就近、省内、省外转移就业或自主创业意愿' },
  TRAINING_NEEDS: { condition: 'p.training_wish is not null', definition: '登记了培训需求（意向工种）' },
  TWO_AFTER_YOUTH: {
    condition: `p.education in ('JUNIOR_HIGH', 'SENIOR_HIGH') and p.population_status <> 'STUDENT' and p.birth_date > ($today::date - interval '23 years')`,
    definition: '初、高中毕业后未继续升学的 16–22 周岁青年（两后生）',
  },
  NOT_LIFTED_POOR: { condition: `p.poverty_status = 'NOT_LIFTED'`, definition: '扶贫部门登记为未脱贫户的劳动力' },
  RELAPSE_RISK: { condition: `p.poverty_status = 'LIFTED_UNSTABLE'`, definition: '已脱贫但不稳定、有返贫风险户的劳动力' },
  MARGINAL: { condition: `p.poverty_status in ('MARGINAL', 'SUDDEN_HARDSHIP')`, definition: '非建档立卡的边缘易致贫户、突发严重困难户（监测对象）的劳动力' },
  OTHER_PROVINCE_POOR_WORKING_HERE: {
    condition: `left(p.id_number, 2) <> left(p.village_code, 2) and ${EMPLOYED} and p.employment_place in ('IN_TOWNSHIP', 'IN_COUNTY')`,
    definition: '身份证号属外省、在本县实名登记并在本县内就业的劳动力（贫困身份以户籍地认定为准）',
  },
  EMPLOYED_POOR: { condition: `${REGISTERED_POOR} and ${EMPLOYED}`, definition: '建档立卡户中已就业的劳动力' },
};
