/**
 * The demo county's data model: the contract between the generator (generate.ts) and the five
 * departments' seeders. Every department reads the same generated households and keeps the
 * part it owns (see the "owner" notes below).
 *
 * Conventions
 * - Dates are 'YYYY-MM-DD' strings (calendar dates, China time); timestamps are ISO 8601 with
 *   the +08:00 offset ('2026-03-05T10:23:00+08:00').
 * - Ages are measured on `DemoOptions.today`.
 * - Reference rows have stable integer ids starting at 1 (or division codes); the per-person
 *   record ids (employments, subsidies, enrolments, certificates, transfers, follow-ups,
 *   contact attempts) are sequential from 1 within each kind of record, over the whole data
 *   set, in household order: the same for every call and every batch size.
 * - Money is in yuan (integers).
 * - Division codes are statistical division codes shortened to their meaningful digits:
 *   province 2, city 4, county 6, township 9, village 12.
 * - Every vocabulary is a `const` array (in a natural order, e.g. lowest level first for
 *   education and skills), a string-union type derived from it, and a `…_LABELS` record of
 *   the Chinese terms officials use. Nothing is restated here: vocabularies the graph shares
 *   across departments come from common/src/vocabulary.ts, a department's own from its package
 *   (devtools sits above the departments), so that values and labels are declared once.
 */

import {
  PovertyStatusVocabulary,
  EmploymentKindVocabulary,
  EmploymentPlaceVocabulary,
  WelfarePostKindVocabulary,
  TradeVocabulary,
  EducationVocabulary,
  SkillLevelVocabulary,
  PopulationStatusVocabulary,
  EmploymentStatusVocabulary,
  EmploymentIntentionVocabulary,
  SexVocabulary,
} from '@jiuye/common';
import { CareReasonVocabulary, AssistanceKindVocabulary, DisabilityKindVocabulary, LeftBehindKindVocabulary } from '@jiuye/civil';
import { EmployerKindVocabulary, SubsidyKindVocabulary } from '@jiuye/hr';
import { ContactChannelVocabulary, ContactOutcomeVocabulary, LabourBaseKindVocabulary } from '@jiuye/partner';
import { RelationshipVocabulary } from '@jiuye/poverty';
import { CourseKindVocabulary, EnrolmentStatusVocabulary, InstitutionKindVocabulary } from '@jiuye/training';

// ---------------------------------------------------------------------------------------
// Vocabularies (the shared ones are declared once, in common/src/vocabulary.ts)
// ---------------------------------------------------------------------------------------

/** 贫困状态 of a registered household (建档立卡户 or monitored household). Not registered = null. */
export const POVERTY_STATUSES = PovertyStatusVocabulary.values;
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];
export const POVERTY_STATUS_LABELS = PovertyStatusVocabulary.labels;

/** 就业形式 */
export const EMPLOYMENT_KINDS = EmploymentKindVocabulary.values;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];
export const EMPLOYMENT_KIND_LABELS = EmploymentKindVocabulary.labels;

/** 就业地点, seen from the worker's home (village → township → county → province). */
export const EMPLOYMENT_PLACES = EmploymentPlaceVocabulary.values;
export type EmploymentPlace = (typeof EMPLOYMENT_PLACES)[number];
export const EMPLOYMENT_PLACE_LABELS = EmploymentPlaceVocabulary.labels;

/** 公益性岗位类别 */
export const WELFARE_POST_KINDS = WelfarePostKindVocabulary.values;
export type WelfarePostKind = (typeof WELFARE_POST_KINDS)[number];
export const WELFARE_POST_KIND_LABELS = WelfarePostKindVocabulary.labels;

/** 工种 (of a course, certificate, job posting or training wish) */
export const TRADES = TradeVocabulary.values;
export type Trade = (typeof TRADES)[number];
export const TRADE_LABELS = TradeVocabulary.labels;

/** 文化程度, lowest first. */
export const EDUCATIONS = EducationVocabulary.values;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS = EducationVocabulary.labels;

/** 技能水平, lowest first. */
export const SKILL_LEVELS = SkillLevelVocabulary.values;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const SKILL_LEVEL_LABELS = SkillLevelVocabulary.labels;

/** 人口状态. AWAY = working (or living) outside the home county. */
export const POPULATION_STATUSES = PopulationStatusVocabulary.values;
export type PopulationStatus = (typeof POPULATION_STATUSES)[number];
export const POPULATION_STATUS_LABELS = PopulationStatusVocabulary.labels;

/** 就业状态. UNEMPLOYED = not working and wants work; NOT_SEEKING = not working, does not want work now. */
export const EMPLOYMENT_STATUSES = EmploymentStatusVocabulary.values;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const EMPLOYMENT_STATUS_LABELS = EmploymentStatusVocabulary.labels;

/** 就业意愿 */
export const EMPLOYMENT_INTENTIONS = EmploymentIntentionVocabulary.values;
export type EmploymentIntention = (typeof EMPLOYMENT_INTENTIONS)[number];
export const EMPLOYMENT_INTENTION_LABELS = EmploymentIntentionVocabulary.labels;

export const SEXES = SexVocabulary.values;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS = SexVocabulary.labels;

// The departments' own vocabularies: the demo imports them, so a value it generates is one the
// department's check constraint accepts, and the labels are the department's.

/** Relationship to the head of household (与户主关系, poverty). A son's wife is OTHER (儿媳). */
export const RELATIONSHIPS = RelationshipVocabulary.values;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABELS = RelationshipVocabulary.labels;

/** 社会救助类别 (civil affairs). */
export const ASSISTANCE_KINDS = AssistanceKindVocabulary.values;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];
export const ASSISTANCE_KIND_LABELS = AssistanceKindVocabulary.labels;

/** 三留守 (civil). */
export const LEFT_BEHIND_KINDS = LeftBehindKindVocabulary.values;
export type LeftBehindKind = (typeof LEFT_BEHIND_KINDS)[number];
export const LEFT_BEHIND_KIND_LABELS = LeftBehindKindVocabulary.labels;

/** 残疾类别 (civil). */
export const DISABILITY_KINDS = DisabilityKindVocabulary.values;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];
export const DISABILITY_KIND_LABELS = DisabilityKindVocabulary.labels;

/** 残疾等级: 1 = 一级 (most severe) … 4 = 四级 (mildest). */
export type DisabilityGrade = 1 | 2 | 3 | 4;
export const DISABILITY_GRADES = [1, 2, 3, 4] as const;
export const DISABILITY_GRADE_LABELS: Record<DisabilityGrade, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' };

/** Why a labourer has to stay home and care for someone (civil). */
export const CARE_REASONS = CareReasonVocabulary.values;
export type CareReason = (typeof CARE_REASONS)[number];
export const CARE_REASON_LABELS = CareReasonVocabulary.labels;

/** 培训类型 (training). MEDIUM_TERM ≈ 3 months (Baoji model). */
export const COURSE_KINDS = CourseKindVocabulary.values;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const COURSE_KIND_LABELS = CourseKindVocabulary.labels;

/**
 * Skill grade of a certificate, the national vocational qualification scale:
 * 5 = 五级/初级工, 4 = 四级/中级工, 3 = 三级/高级工, 2 = 二级/技师, 1 = 一级/高级技师.
 * (Lower number = higher grade.)
 */
export type SkillGrade = 1 | 2 | 3 | 4 | 5;
export const SKILL_GRADES = [5, 4, 3, 2, 1] as const;
export const SKILL_GRADE_LABELS: Record<SkillGrade, string> = {
  5: '五级/初级工',
  4: '四级/中级工',
  3: '三级/高级工',
  2: '二级/技师',
  1: '一级/高级技师',
};

/**
 * 补贴类别 (hr):
 * - ONE_OFF_EMPLOYMENT: 500 yuan, once, to an employed registered-poor labourer;
 * - TRAVEL_FARE: one-way fare, once per organised transfer, to a registered-poor transferee;
 * - TRAINING_LIVING: 50 yuan per attended day of medium-term training, to registered-poor trainees;
 * - WELFARE_POST_ALLOWANCE: the post's allowance, paid quarterly (annualAllowance/12 per month held);
 * - ENTREPRENEURSHIP: one-off start-up subsidy to a registered-poor self-employed labourer.
 */
export const SUBSIDY_KINDS = SubsidyKindVocabulary.values;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];
export const SUBSIDY_KIND_LABELS = SubsidyKindVocabulary.labels;

/** Outcome of one attempt to reach a worker (partner-city follow-up lists). */
export const CONTACT_OUTCOMES = ContactOutcomeVocabulary.values;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export const CONTACT_OUTCOME_LABELS = ContactOutcomeVocabulary.labels;

export const CONTACT_CHANNELS = ContactChannelVocabulary.values;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS = ContactChannelVocabulary.labels;

/** Kinds of employer in the hr registry. */
export const EMPLOYER_KINDS = EmployerKindVocabulary.values;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export const EMPLOYER_KIND_LABELS = EmployerKindVocabulary.labels;

/** Training institutions (training). */
export const INSTITUTION_KINDS = InstitutionKindVocabulary.values;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABELS = InstitutionKindVocabulary.labels;

/** Partner-city labour bases (partner). */
export const LABOUR_BASE_KINDS = LabourBaseKindVocabulary.values;
export type LabourBaseKind = (typeof LABOUR_BASE_KINDS)[number];
export const LABOUR_BASE_KIND_LABELS = LabourBaseKindVocabulary.labels;

/** Enrolment in a class (training). */
export const ENROLMENT_STATUSES = EnrolmentStatusVocabulary.values;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS = EnrolmentStatusVocabulary.labels;

// ---------------------------------------------------------------------------------------
// Options and the generator
// ---------------------------------------------------------------------------------------

export interface DemoOptions {
  /** PRNG seed (any 32-bit integer). Default 20260101. */
  seed?: number;
  /**
   * Size of the labour registry: people aged 16–60 (inclusive) on `today`. Default 20000.
   * The generator produces households until the registry reaches this number, so the total of
   * `inLabourRegistry` people is this number plus at most a few (the last household's).
   */
  workers?: number;
  /** The demo's "today", 'YYYY-MM-DD'. Default '2026-11-20'. */
  today?: string;
}

export interface DemoCounty {
  /** The options actually used (defaults filled in). */
  options: Required<DemoOptions>;
  /** Small tables, fully in memory. */
  reference: DemoReference;
  /**
   * Streams all households in batches (default 1000 households per batch), in household
   * order. Deterministic: the same options give the same households, for any batch size and on
   * every call. Each call starts a fresh, independent walk (calls may run concurrently).
   */
  households(batchSize?: number): Generator<DemoHousehold[]>;
  /**
   * A few real demo ID numbers with interesting situations, for README/sample queries
   * (e.g. a transferred worker with a certificate and a care duty). Computed on first call
   * by walking the first households, then cached.
   */
  sampleIdNumbers(): { idNumber: string; why: string }[];
}

// ---------------------------------------------------------------------------------------
// Reference data (small tables)
// ---------------------------------------------------------------------------------------

/** A province, city or county: code (2, 4 or 6 digits) and Chinese name. */
export interface DemoDivision {
  code: string;
  name: string;
}

export interface DemoTownship {
  /** 9 digits: county code + 3. 00x = 街道 (sub-district), 1xx = 镇 (town), 2xx = 乡 (township). */
  code: string;
  name: string;
}

export interface DemoVillage {
  /** 12 digits: township code + 3. 0xx = 社区 (community), 2xx+ = 村 (administrative village). */
  code: string;
  name: string;
  townshipCode: string;
  /** Added: number of households generated in this village (may be 0 in tiny demos). */
  householdCount: number;
}

/** An employer in the hr registry (local ones in the county, and a few out of county). */
export interface DemoEmployer {
  id: number;
  name: string;
  kind: EmployerKind;
  /**
   * Where it is: a village code (12 digits) for workshops, village factories and
   * cooperatives; a township code (9) for local enterprises and assistance bases; a 6-digit
   * county/district code elsewhere for out-of-county employers (in Yunnan or in a partner city).
   */
  divisionCode: string;
  /** 18-character unified social credit code (GB 32100), with valid check characters. */
  creditCode: string;
}

export interface DemoJobPosting {
  id: number;
  employerId: number;
  title: string;
  /** null = no trade required (低门槛, about 30 % of postings). */
  requiredTrade: Trade | null;
  minEducation: Education | null;
  /** 招聘门槛, short Chinese text. */
  threshold: string;
  skills: string;
  monthlyWageMin: number;
  monthlyWageMax: number;
  /** Seen from the county: workshops/factories/cooperatives IN_TOWNSHIP, local enterprises IN_COUNTY, … */
  place: EmploymentPlace;
  location: string;
  headcount: number;
  openFrom: string;
  openUntil: string;
}

export interface DemoJobFair {
  id: number;
  name: string;
  heldOn: string;
  /** County code for county-wide and online fairs, township code for fairs held in a township. */
  divisionCode: string;
  online: boolean;
}

export interface DemoWelfarePost {
  id: number;
  kind: WelfarePostKind;
  villageCode: string;
  /** Yuan per year (about 6000). */
  annualAllowance: number;
  title: string;
}

export interface DemoRelocationSite {
  id: number;
  name: string;
  /** Township code. */
  divisionCode: string;
  capacityHouseholds: number;
}

/** 挂包责任单位 */
export interface DemoResponsibleUnit {
  id: number;
  name: string;
}

/** 帮扶责任人 */
export interface DemoCadre {
  id: number;
  name: string;
  unitId: number;
  phone: string;
  /** Added: the village whose registered households this cadre is responsible for. */
  villageCode: string;
}

export interface DemoInstitution {
  id: number;
  name: string;
  kind: InstitutionKind;
  /** Township code. */
  divisionCode: string;
}

export interface DemoCourse {
  id: number;
  institutionId: number;
  name: string;
  trade: Trade;
  kind: CourseKind;
  durationDays: number;
}

export interface DemoClass {
  id: number;
  courseId: number;
  startsOn: string;
  /** Inclusive: endsOn = startsOn + course.durationDays − 1. */
  endsOn: string;
  capacity: number;
  location: string;
}

export interface DemoPartnerCity {
  /** 4-digit city code. */
  code: string;
  name: string;
  province: string;
}

export interface DemoLabourBase {
  id: number;
  cityCode: string;
  name: string;
  kind: LabourBaseKind;
  address: string;
}

export interface DemoPartnerPosting {
  id: number;
  cityCode: string;
  employerName: string;
  title: string;
  monthlyWage: number;
  headcount: number;
  pushedOn: string;
  /** Added: the employer in `reference.employers` (an out-of-province one in the partner city). */
  employerId: number;
}

export interface DemoTransferBatch {
  id: number;
  /** 'DC-YYYY-MM-NNN': DC = 东川, year and month of departure, sequence within the month. */
  batchNo: string;
  cityCode: string;
  departedOn: string;
  destination: string;
  baseId: number | null;
}

export interface DemoReference {
  province: DemoDivision;
  city: DemoDivision;
  county: DemoDivision;
  townships: DemoTownship[];
  villages: DemoVillage[];
  employers: DemoEmployer[];
  jobPostings: DemoJobPosting[];
  jobFairs: DemoJobFair[];
  welfarePosts: DemoWelfarePost[];
  relocationSites: DemoRelocationSite[];
  responsibleUnits: DemoResponsibleUnit[];
  cadres: DemoCadre[];
  institutions: DemoInstitution[];
  courses: DemoCourse[];
  classes: DemoClass[];
  partnerCities: DemoPartnerCity[];
  labourBases: DemoLabourBase[];
  partnerPostings: DemoPartnerPosting[];
  transferBatches: DemoTransferBatch[];
}

// ---------------------------------------------------------------------------------------
// Households and people
// ---------------------------------------------------------------------------------------

/** One step of a household's poverty status history (owner: poverty). */
export interface DemoStatusChange {
  status: PovertyStatus;
  effectiveOn: string;
  /** Chinese: cause of poverty (致贫原因), reason for lifting, for the risk, … */
  reason: string;
}

/** 低保 or 特困 support of a household (owner: civil). */
export interface DemoAssistance {
  kind: AssistanceKind;
  /** Yuan per month for the household: 低保 300–600, 特困 700–1000. */
  monthlyAmount: number;
  startsOn: string;
  /** null = still paid. */
  endsOn: string | null;
  /** Why it stopped (null while paid). */
  stopReason: string | null;
}

export interface DemoHousehold {
  /** 16 digits: village code (12) + 4-digit sequence within the village (from 0001). */
  code: string;
  villageCode: string;
  townshipCode: string;
  /** Added: '云南省昆明市东川区汤丹镇箐口村'. */
  address: string;
  /** null = not registered (neither 建档立卡 nor monitored). */
  povertyStatus: PovertyStatus | null;
  /** Year of the first status (registration or first monitoring), null if not registered. */
  registeredYear: number | null;
  /** Full dated history, oldest first; the last entry is the current status. Empty if not registered. */
  statusHistory: DemoStatusChange[];
  /** 易地搬迁安置点 of a relocated registered household. */
  relocationSiteId: number | null;
  /** 挂包责任单位 (registered households only). */
  responsibleUnitId: number | null;
  /** 帮扶责任人 (registered households only). */
  cadreId: number | null;
  /** Oldest first; at most one open (endsOn null) record. */
  assistance: DemoAssistance[];
  /** Head first. */
  members: DemoPerson[];
}

export interface DemoDisability {
  kind: DisabilityKind;
  /** 1 = most severe … 4 = mildest. */
  grade: DisabilityGrade;
}

export interface DemoCareDuty {
  reason: CareReason;
  /** Name of the household member cared for. */
  caredForName: string;
  since: string;
}

/** One employment spell (owner: hr). */
export interface DemoEmployment {
  id: number;
  kind: EmploymentKind;
  place: EmploymentPlace;
  /** Employer in `reference.employers`, or null (self-employed, odd jobs, employers outside the registry, welfare posts). */
  employerId: number | null;
  employerName: string;
  location: string;
  startsOn: string;
  /** null = current. */
  endsOn: string | null;
  monthlyWage: number;
}

export interface DemoWelfarePostHolding {
  postId: number;
  startsOn: string;
  /** null = still holds the post. */
  endsOn: string | null;
}

export interface DemoSubsidy {
  id: number;
  kind: SubsidyKind;
  amount: number;
  paidOn: string;
}

/** 达成意向: the worker and an employer agreed on a posting at a job fair. */
export interface DemoJobFairIntention {
  fairId: number;
  postingId: number;
  reachedOn: string;
}

/** owner: training */
export interface DemoEnrolment {
  id: number;
  classId: number;
  enrolledOn: string;
  attendanceDays: number;
  status: EnrolmentStatus;
  /** Date of completion (= class end) when COMPLETED. */
  completedOn: string | null;
  /** First day of the job found after the training, if any (≤ today). */
  employedOn: string | null;
}

/** owner: training */
export interface DemoCertificate {
  id: number;
  trade: Trade;
  /** 5 = 初级 … 1 = 高级技师 (see SkillGrade). */
  grade: SkillGrade;
  /** Unique certificate number: 'S' + county code + year of issue + 8-digit id. */
  number: string;
  issuedOn: string;
  /** The enrolment that led to it, or null (obtained elsewhere/earlier). */
  enrolmentId: number | null;
}

/** An organised transfer to a partner city (owner: partner). */
export interface DemoTransfer {
  id: number;
  batchId: number;
  cityCode: string;
  employerName: string;
  jobTitle: string;
  /** First working day (a day or two after the batch departed). */
  startedOn: string;
  /** One-way fare reimbursed (then a TRAVEL_FARE subsidy exists). */
  fareReimbursed: boolean;
}

/** 跟踪回访 of a transferred worker (owner: partner). */
export interface DemoFollowUp {
  id: number;
  visitedOn: string;
  stillEmployed: boolean;
  monthlyWage: number | null;
  /** 劳动维权 case raised at this visit. */
  rightsCase: boolean;
  note: string | null;
}

/** One attempt to reach a transferred worker (owner: partner). */
export interface DemoContactAttempt {
  id: number;
  /** ISO timestamp, +08:00. */
  attemptedAt: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  note: string | null;
}

export interface DemoPerson {
  /** 18-character GB 11643 ID number, unique over the data set; region = county code. */
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: string;
  /** Added: age in whole years on options.today. */
  age: number;
  relationship: Relationship;
  /** Mobile number as recorded: null (empty), well-formed, or malformed. */
  phone: string | null;
  /** false for empty, stopped (停机/空号) or malformed numbers. */
  phoneValid: boolean;
  /** Aged 16–60 on today: in the real-name labour registry (hr). */
  inLabourRegistry: boolean;

  // The "six clarities" (六个清楚), meaningful for registry members; for others:
  // populationStatus AT_HOME or STUDENT, employmentStatus NOT_SEEKING, intention NONE.
  populationStatus: PopulationStatus;
  employmentStatus: EmploymentStatus;
  employmentIntention: EmploymentIntention;
  skillLevel: SkillLevel;
  education: Education;
  trainingWish: Trade | null;
  /** Last monthly verification of the registry record (registry members only). */
  verifiedOn: string | null;

  // civil
  leftBehind: LeftBehindKind | null;
  disability: DemoDisability | null;
  careDuties: DemoCareDuty[];

  // hr
  /** Oldest first; at most one open (endsOn null); exactly one open iff EMPLOYED. */
  employments: DemoEmployment[];
  welfarePost: DemoWelfarePostHolding | null;
  subsidies: DemoSubsidy[];
  jobFairIntentions: DemoJobFairIntention[];

  // training
  enrolments: DemoEnrolment[];
  certificates: DemoCertificate[];

  // partner
  transfer: DemoTransfer | null;
  followUps: DemoFollowUp[];
  contactAttempts: DemoContactAttempt[];
}
