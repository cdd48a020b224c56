/** The walk's tables: weights and rates by kind, status, age and skill (figures in generate.ts's header). */
import { dayOf } from './calendar';
import {
  type ContactOutcome,
  type CourseKind,
  type DisabilityGrade,
  type DisabilityKind,
  type Education,
  type EmploymentKind,
  type PovertyStatus,
  type SkillGrade,
  type SkillLevel,
  type Trade,
  EMPLOYMENT_KINDS,
  SKILL_LEVELS,
} from './model';
import type { HouseholdType } from './composition';
import { type Rng, Weighted } from './random';
import { COURSE_KIND_WEIGHTS } from './reference';

export const STATUS_WEIGHTS = Weighted.of<PovertyStatus>({ LIFTED: 75, LIFTED_UNSTABLE: 8, NOT_LIFTED: 5, MARGINAL: 10, SUDDEN_HARDSHIP: 2 });
export const POVERTY_CAUSES = ['因病', '因残', '因学', '缺技术', '缺劳力', '缺资金', '交通条件落后', '自身发展动力不足', '因灾'];
export const LIFT_REASONS = ['人均纯收入超过脱贫标准，“两不愁三保障”实现', '务工收入稳定，达到脱贫标准', '产业增收，经评估达到脱贫标准', '易地搬迁后稳定就业，达到脱贫标准'];
export const UNSTABLE_REASONS = ['务工收入大幅下降，存在返贫风险', '家庭成员患大病，支出骤增', '产业经营失败，收入不稳定', '主要劳动力失业，收入不稳定'];
export const RETURN_REASONS = ['因病返贫', '因灾返贫（泥石流）', '主要劳动力失业，收入低于标准', '因残返贫'];
export const MARGINAL_REASONS = ['收入略高于扶贫标准，存在致贫风险', '家庭成员患慢性病，刚性支出大', '缺劳力，收入不稳定', '住房安全存在隐患'];
export const SUDDEN_REASONS = ['突发意外事故', '自然灾害（泥石流）受损严重', '家庭成员突发重病', '房屋失火'];

export const DISABILITY_KINDS = Weighted.of<DisabilityKind>({ PHYSICAL: 40, HEARING: 17, VISUAL: 12, INTELLECTUAL: 10, MENTAL: 10, MULTIPLE: 7, SPEECH: 4 });
export const DISABILITY_GRADES = new Weighted<DisabilityGrade>([1, 2, 3, 4], [13, 22, 30, 35]);

export const EDUCATION_BY_AGE: { until: number; table: Weighted<Education> }[] = [
  { until: 30, table: new Weighted<Education>(['NONE', 'PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'COLLEGE'], [1, 8, 50, 24, 17]) },
  { until: 45, table: new Weighted<Education>(['NONE', 'PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'COLLEGE'], [3, 25, 55, 12, 5]) },
  { until: 60, table: new Weighted<Education>(['NONE', 'PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'COLLEGE'], [10, 45, 38, 6, 1]) },
  { until: 75, table: new Weighted<Education>(['NONE', 'PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'COLLEGE'], [30, 50, 17, 3, 0]) },
  { until: 200, table: new Weighted<Education>(['NONE', 'PRIMARY', 'JUNIOR_HIGH', 'SENIOR_HIGH', 'COLLEGE'], [60, 33, 6, 1, 0]) },
];

/** Skill level by education (weights in SKILL_LEVELS order: NONE, BASIC, INTERMEDIATE, ADVANCED, TECHNICIAN). */
export const SKILL_BY_EDUCATION: Record<Education, Weighted<SkillLevel>> = {
  NONE: new Weighted(SKILL_LEVELS, [74, 21, 4, 1, 0]),
  PRIMARY: new Weighted(SKILL_LEVELS, [68, 25, 6, 1, 0]),
  JUNIOR_HIGH: new Weighted(SKILL_LEVELS, [52, 32, 12, 3.5, 0.5]),
  SENIOR_HIGH: new Weighted(SKILL_LEVELS, [38, 34, 19, 7, 2]),
  COLLEGE: new Weighted(SKILL_LEVELS, [30, 30, 25, 10, 5]),
};
export const CERTIFIED_TRADES = Weighted.of<Trade>({ ELECTRICIAN: 3, WELDER: 3, DRIVER: 2, EXCAVATOR: 2, COOK: 2, CONSTRUCTION: 1, ELDERLY_CARE: 1, BEAUTY: 1 });

/** Weights of the employment kinds for a current job (adjusted per labourer by the walk). */
export const BASE_KIND_WEIGHTS: Readonly<Record<EmploymentKind, number>> = {
  LOCAL_ENTERPRISE: 11,
  POVERTY_WORKSHOP: 5.5,
  PUBLIC_WELFARE_POST: 2.6,
  TRANSFER_IN_PROVINCE: 35,
  TRANSFER_OUT_OF_PROVINCE: 40,
  SELF_EMPLOYED: 4,
  FLEXIBLE: 5.5,
  HOME_BASED: 1.2,
  FARMING: 3.8,
};
/** Weights of the employment kinds for a past job. */
export const PRIOR_KIND_WEIGHTS: Readonly<Record<EmploymentKind, number>> = {
  LOCAL_ENTERPRISE: 12,
  POVERTY_WORKSHOP: 9,
  PUBLIC_WELFARE_POST: 1.5,
  TRANSFER_IN_PROVINCE: 25,
  TRANSFER_OUT_OF_PROVINCE: 30,
  SELF_EMPLOYED: 3,
  FLEXIBLE: 10,
  HOME_BASED: 3,
  FARMING: 5,
};
/** Weights of the employment kinds for the floor job of a zero-employment household (户有一人就业). */
export const FLOOR_KIND_WEIGHTS: Readonly<Record<EmploymentKind, number>> = {
  LOCAL_ENTERPRISE: 1,
  POVERTY_WORKSHOP: 2,
  PUBLIC_WELFARE_POST: 8,
  TRANSFER_IN_PROVINCE: 0,
  TRANSFER_OUT_OF_PROVINCE: 0,
  SELF_EMPLOYED: 0,
  FLEXIBLE: 3,
  HOME_BASED: 2,
  FARMING: 3,
};
/** Mean tenure of a current job, in years, by kind. */
export const TENURE_YEARS: Readonly<Record<EmploymentKind, number>> = {
  LOCAL_ENTERPRISE: 3,
  POVERTY_WORKSHOP: 2.5,
  PUBLIC_WELFARE_POST: 3,
  TRANSFER_IN_PROVINCE: 2.5,
  TRANSFER_OUT_OF_PROVINCE: 3,
  SELF_EMPLOYED: 5,
  FLEXIBLE: 1.5,
  HOME_BASED: 2,
  FARMING: 8,
};
/** Monthly wage range [low, high] in yuan, by kind. */
export const WAGES: Readonly<Record<EmploymentKind, readonly [number, number]>> = {
  LOCAL_ENTERPRISE: [2600, 4300],
  POVERTY_WORKSHOP: [1800, 3200],
  PUBLIC_WELFARE_POST: [500, 500],
  TRANSFER_IN_PROVINCE: [3300, 5800],
  TRANSFER_OUT_OF_PROVINCE: [4500, 7800],
  SELF_EMPLOYED: [2500, 7000],
  FLEXIBLE: [1500, 3200],
  HOME_BASED: [800, 2000],
  FARMING: [1000, 2800],
};

/**
 * A kind drawn from (unnormalised) weights. The weights are summed and walked in
 * EMPLOYMENT_KINDS order, whatever the record's key order, so the draw is the same as
 * Rng.weightedIndex over the weights in that order (a draw past the end gives the last kind).
 */
export function pickKind(rng: Rng, weights: Readonly<Record<EmploymentKind, number>>): EmploymentKind {
  let total = 0;
  for (const kind of EMPLOYMENT_KINDS) total += weights[kind];
  let r = rng.next() * total;
  for (const kind of EMPLOYMENT_KINDS) {
    r -= weights[kind];
    if (r < 0) return kind;
  }
  return EMPLOYMENT_KINDS[EMPLOYMENT_KINDS.length - 1];
}

export const WORKSHOPS_SINCE = dayOf('2017-03-01');
export const WELFARE_POSTS_SINCE = dayOf('2017-01-01');
export const SUBSIDY_SINCE = dayOf('2019-01-01');
export const DAY_2012 = dayOf('2012-01-01');
export const DAY_2013_06 = dayOf('2013-06-01');
export const DAY_2014 = dayOf('2014-01-01');
export const REGISTERED_BY_TYPE: Record<HouseholdType, number> = { FAMILY: 0.36, ELDERLY_COUPLE: 0.42, SOLITARY_ELDERLY: 0.7, SOLITARY_DISABLED: 0.7, SINGLE_ADULT: 0.45 };
export const UNABLE_BY_GRADE = [0, 0.9, 0.65, 0.2, 0.05];
/** The chance that a labourer of the skill level holds a certificate of it, and its grade. */
export const CERTIFIED_BY_SKILL: Readonly<Record<SkillLevel, number>> = { NONE: 0, BASIC: 0.08, INTERMEDIATE: 0.35, ADVANCED: 0.6, TECHNICIAN: 0.8 };
export const GRADE_BY_SKILL: Readonly<Record<SkillLevel, SkillGrade>> = { NONE: 5, BASIC: 5, INTERMEDIATE: 4, ADVANCED: 3, TECHNICIAN: 2 };
/** The skill level a certificate of the grade shows (五级 初级工 … 二级、一级 技师及以上). */
export const SKILL_OF_GRADE: Readonly<Record<SkillGrade, SkillLevel>> = { 5: 'BASIC', 4: 'INTERMEDIATE', 3: 'ADVANCED', 2: 'TECHNICIAN', 1: 'TECHNICIAN' };

/** The higher of two skill levels (SKILL_LEVELS runs from the lowest). */
export function higherSkill(a: SkillLevel, b: SkillLevel): SkillLevel {
  return SKILL_LEVELS.indexOf(b) > SKILL_LEVELS.indexOf(a) ? b : a;
}

export const COMPLETION: Record<CourseKind, number> = { SHORT_PRACTICAL: 0.7, MEDIUM_TERM: 0.66, ORDER_BASED: 0.72, DIRECTED: 0.7, PRE_JOB: 0.85, ENTREPRENEURSHIP: 0.66 };
/** [probability of a job, within days] after completing a course of the kind. */
export const JOB_AFTER: Record<CourseKind, [number, number]> = {
  SHORT_PRACTICAL: [0.3, 120],
  MEDIUM_TERM: [0.66, 90],
  ORDER_BASED: [0.85, 30],
  DIRECTED: [0.8, 45],
  PRE_JOB: [0.9, 7],
  ENTREPRENEURSHIP: [0.35, 180],
};
export const CERTIFIED: Record<CourseKind, number> = { SHORT_PRACTICAL: 0.75, MEDIUM_TERM: 0.92, ORDER_BASED: 0.88, DIRECTED: 0.88, PRE_JOB: 0.4, ENTREPRENEURSHIP: 0 };

export const PRE_DEPARTURE_KINDS = new Set<CourseKind>(['PRE_JOB', 'ORDER_BASED', 'DIRECTED', 'SHORT_PRACTICAL']);
export const COURSE_KINDS_PICK = Weighted.of<CourseKind>(COURSE_KIND_WEIGHTS);
export const HARD_TO_REACH = Weighted.of<ContactOutcome>({
  INVALID_NUMBER: 60,
  NO_ANSWER: 10,
  REFUSED: 7,
  NO_COMMON_LANGUAGE: 6,
  WRONG_PERSON: 2.5,
  NOT_IN_CITY: 2.5,
  REACHED_WORKING: 12,
});
export const CONTACT_NOTES: Partial<Record<ContactOutcome, string[]>> = {
  INVALID_NUMBER: ['空号', '停机', '号码位数不对', '错号'],
  NO_COMMON_LANGUAGE: ['对方只讲彝语，无法沟通', '方言口音重，无法沟通'],
  WRONG_PERSON: ['接电话者称不认识本人', '号码为家属使用'],
  NOT_IN_CITY: ['已返乡', '已去外地务工'],
  REACHED_NOT_WORKING: ['已离职，正在找工作', '已离职返乡'],
  REFUSED: ['接通后挂断', '拒接'],
};
export const FOLLOW_UP_NOTES = ['工作稳定', '希望调换岗位', '住宿条件良好', '已参加社保', '提出技能培训需求', '适应良好，计划长期务工'];
export const RIGHTS_NOTES = ['反映拖欠工资，已协调企业支付', '工伤，已协助申请工伤认定', '未签劳动合同，已协调补签'];
export const STOP_REASONS = ['家庭人均收入超过当地低保标准', '务工收入增加，主动申请退出', '动态调整，不再符合条件', '家庭成员就业，收入增加'];
