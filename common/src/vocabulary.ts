import { registerEnumType } from 'type-graphql';

/**
 * The departments' shared vocabularies: English names in code and in the graph, the Chinese
 * terms officials use as labels (in enum descriptions, exports and UIs). From DOMAIN.md.
 */
type Labels<T extends string> = Record<T, string>;

export interface Vocabulary<T extends string> {
  /** The values in their natural order. */
  values: T[];
  /** 中文 label of each value, for exports and UIs (also the GraphQL value description). */
  labels: Labels<T>;
  /** { VALUE: 'VALUE' } — what type-graphql and MikroORM's @Enum take. */
  enumObject: { [K in T]: K };
}

/**
 * Declares a vocabulary once: its values, their Chinese labels, and the GraphQL enum
 * (registered with type-graphql; emitted only in schemas that use it). Departments use it for
 * their own enumerations too, so that every enum in the graph carries its 中文 labels.
 */
export function defineVocabulary<T extends string>(name: string, description: string, labels: Labels<T>): Vocabulary<T> {
  const values = Object.keys(labels) as T[];
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(values.map((v) => [v, { description: labels[v] }])) as never,
  });
  return { values, labels, enumObject };
}

const vocabulary = defineVocabulary;

export const PovertyStatusVocabulary = vocabulary('PovertyStatus', '贫困状态 — poverty status of a registered household', {
  NOT_LIFTED: '未脱贫',
  LIFTED: '已脱贫',
  LIFTED_UNSTABLE: '脱贫不稳定',
  MARGINAL: '边缘易致贫',
  SUDDEN_HARDSHIP: '突发严重困难',
});
export type PovertyStatus = (typeof PovertyStatusVocabulary.values)[number];
export const PovertyStatus = PovertyStatusVocabulary.enumObject;

export const EmploymentKindVocabulary = vocabulary('EmploymentKind', '就业形式 — kind of employment', {
  LOCAL_ENTERPRISE: '本地企业就业',
  POVERTY_WORKSHOP: '扶贫车间/村级工厂',
  PUBLIC_WELFARE_POST: '公益性岗位',
  TRANSFER_IN_PROVINCE: '省内转移就业',
  TRANSFER_OUT_OF_PROVINCE: '省外转移就业',
  SELF_EMPLOYED: '自主创业/个体经营',
  FLEXIBLE: '灵活就业/零工',
  HOME_BASED: '居家来料加工',
  FARMING: '种养殖/合作社',
});
export type EmploymentKind = (typeof EmploymentKindVocabulary.values)[number];
export const EmploymentKind = EmploymentKindVocabulary.enumObject;

export const EmploymentPlaceVocabulary = vocabulary('EmploymentPlace', '就业地点 — where the work is, seen from the home county', {
  IN_TOWNSHIP: '乡镇内',
  IN_COUNTY: '县内乡外',
  OUT_OF_COUNTY_IN_PROVINCE: '省内县外',
  OUT_OF_PROVINCE: '省外',
});
export type EmploymentPlace = (typeof EmploymentPlaceVocabulary.values)[number];
export const EmploymentPlace = EmploymentPlaceVocabulary.enumObject;

export const WelfarePostKindVocabulary = vocabulary('WelfarePostKind', '公益性岗位类别 — kind of public-welfare post', {
  CLEANING: '保洁员',
  FOREST_RANGER: '护林员',
  ROAD_MAINTENANCE: '护路员',
  SECURITY_PATROL: '治安巡逻员',
  LEFT_BEHIND_CARE: '留守人员看护',
  INFRASTRUCTURE_CARETAKER: '基础设施管护员',
  CULTURE: '文化服务员',
  OFFICE_SERVICE: '办公服务员',
});
export type WelfarePostKind = (typeof WelfarePostKindVocabulary.values)[number];
export const WelfarePostKind = WelfarePostKindVocabulary.enumObject;

export const TradeVocabulary = vocabulary('Trade', '工种 — trade of a course, certificate or job', {
  ELECTRICIAN: '电工',
  WELDER: '焊工',
  COOK: '中式烹调师',
  DOMESTIC_SERVICE: '家政服务员',
  ELDERLY_CARE: '养老护理员',
  SEWING: '缝纫工',
  EXCAVATOR: '挖掘机操作',
  ECOMMERCE: '电子商务',
  AGRICULTURE: '农业技术',
  BEAUTY: '美容美发',
  DRIVER: '驾驶员',
  CONSTRUCTION: '建筑施工',
});
export type Trade = (typeof TradeVocabulary.values)[number];
export const Trade = TradeVocabulary.enumObject;

export const EducationVocabulary = vocabulary('Education', '文化程度 — education level', {
  NONE: '未上学',
  PRIMARY: '小学',
  JUNIOR_HIGH: '初中',
  SENIOR_HIGH: '高中/中专',
  COLLEGE: '大专及以上',
});
export type Education = (typeof EducationVocabulary.values)[number];
export const Education = EducationVocabulary.enumObject;

export const SkillLevelVocabulary = vocabulary('SkillLevel', '技能水平 — skill level', {
  NONE: '无技能',
  BASIC: '初级工',
  INTERMEDIATE: '中级工',
  ADVANCED: '高级工',
  TECHNICIAN: '技师及以上',
});
export type SkillLevel = (typeof SkillLevelVocabulary.values)[number];
export const SkillLevel = SkillLevelVocabulary.enumObject;

export const PopulationStatusVocabulary = vocabulary('PopulationStatus', '人口状态 — where the person is', {
  AT_HOME: '在家',
  AWAY: '外出',
  STUDENT: '在校学生',
  MILITARY_SERVICE: '服兵役',
  OTHER: '其他',
});
export type PopulationStatus = (typeof PopulationStatusVocabulary.values)[number];
export const PopulationStatus = PopulationStatusVocabulary.enumObject;

export const EmploymentStatusVocabulary = vocabulary('EmploymentStatus', '就业状态 — employment status', {
  EMPLOYED: '已就业',
  UNEMPLOYED: '未就业（有意愿）',
  NOT_SEEKING: '无就业意愿',
  UNABLE_TO_WORK: '丧失劳动能力',
});
export type EmploymentStatus = (typeof EmploymentStatusVocabulary.values)[number];
export const EmploymentStatus = EmploymentStatusVocabulary.enumObject;

export const EmploymentIntentionVocabulary = vocabulary('EmploymentIntention', '就业意愿 — employment intention', {
  LOCAL: '就地就近就业',
  IN_PROVINCE: '省内转移',
  OUT_OF_PROVINCE: '省外转移',
  ENTREPRENEURSHIP: '自主创业',
  NONE: '无意愿',
});
export type EmploymentIntention = (typeof EmploymentIntentionVocabulary.values)[number];
export const EmploymentIntention = EmploymentIntentionVocabulary.enumObject;

export const SexVocabulary = vocabulary('Sex', '性别', { MALE: '男', FEMALE: '女' });
export type Sex = (typeof SexVocabulary.values)[number];
export const Sex = SexVocabulary.enumObject;

export const DivisionLevelVocabulary = vocabulary('DivisionLevel', '区划级别 — level of an administrative division', {
  PROVINCE: '省',
  CITY: '市',
  COUNTY: '县（区）',
  TOWNSHIP: '乡镇（街道）',
  VILLAGE: '村（社区）',
});
export const DivisionLevelEnum = DivisionLevelVocabulary.enumObject;

/**
 * Whether the county stands behind a link a partner city or an institution recorded to a worker
 * (a transfer, an enrolment). Only confirmed links make the worker visible to that account: a
 * pending one shows the account what it wrote itself and nothing of the worker (hole 7).
 */
export const LinkConfirmationVocabulary = vocabulary('LinkConfirmation', '核实状态 — whether the county confirmed a link a partner city or institution recorded', {
  PENDING: '待县级核实',
  CONFIRMED: '已确认',
  REJECTED: '已驳回',
});
export type LinkConfirmation = (typeof LinkConfirmationVocabulary.values)[number];
export const LinkConfirmation = LinkConfirmationVocabulary.enumObject;
