/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** 统计用区划代码 — statistical division code: province 2, city 4, county 6, township 9 or village 12 digits. */
  DivisionCode: { input: string; output: string; }
  /** A calendar date without time zone, YYYY-MM-DD. */
  LocalDate: { input: string; output: string; }
};

/** 访问日志 — what one request read about one person or household, from every department. */
export type AccessLogEntry = {
  __typename?: 'AccessLogEntry';
  /** When the data was read (ISO 8601, UTC). */
  at: Scalars['String']['output'];
  /** The client's own x-request-id, if it sent one: to find the request in the client's logs. Never the request id. */
  correlationId?: Maybe<Scalars['String']['output']>;
  department: Scalars['String']['output'];
  /** 部门 in Chinese (人社, 民政, 东西部协作, …). */
  departmentLabel: Scalars['String']['output'];
  /** Fields read, as Type.field (Worker.idNumber means the full ID number was revealed); lookup:Query.worker(idNumber) is a lookup by ID number. */
  fields: Array<Scalars['String']['output']>;
  hash: Scalars['String']['output'];
  /** The household read, if a household. */
  householdCode?: Maybe<Scalars['String']['output']>;
  /** For a lookup by ID number: found, not-found, invalid (a malformed number) or refused. */
  lookup?: Maybe<Scalars['String']['output']>;
  operation?: Maybe<Scalars['String']['output']>;
  purpose?: Maybe<Scalars['String']['output']>;
  /** 使用目的 in Chinese. */
  purposeLabel?: Maybe<Scalars['String']['output']>;
  /** The gateway's id for the request (also its x-request-id answer header and the id the departments log under). */
  requestId: Scalars['String']['output'];
  role: Scalars['String']['output'];
  /** The region, partner city or institution the account works in. */
  scope?: Maybe<Scalars['String']['output']>;
  /** Position in the hash chain (1, 2, 3, … without gaps). */
  seq: Scalars['ID']['output'];
  /** The staff account that read it (JWT sub). */
  staff: Scalars['String']['output'];
  /** The departments that answered about this person (hr, poverty, civil, training, partner). */
  subgraphs: Array<Scalars['String']['output']>;
  /** The person read (federated Worker key), if a person. */
  workerId?: Maybe<Scalars['ID']['output']>;
};

export type AccessLogPage = {
  __typename?: 'AccessLogPage';
  nodes: Array<AccessLogEntry>;
  pageInfo: PageInfo;
};

export type AccessLogVerification = {
  __typename?: 'AccessLogVerification';
  entries: Scalars['Int']['output'];
  /** The first entry that does not hold, and why. */
  firstBrokenSeq?: Maybe<Scalars['ID']['output']>;
  ok: Scalars['Boolean']['output'];
  problem?: Maybe<Scalars['String']['output']>;
};

/** 签收任务 */
export type AcknowledgeTaskInput = {
  /** At most 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  taskId: Scalars['ID']['input'];
};

export type AddCareDutyInput = {
  caredForName: Scalars['String']['input'];
  idNumber: Scalars['String']['input'];
  reason: CareReason;
  since: Scalars['LocalDate']['input'];
};

/** A session of an open class, on a class day, not overlapping another session of the class. */
export type AddClassSessionInput = {
  classId: Scalars['ID']['input'];
  /** HH:MM, after startsAt. */
  endsAt: Scalars['String']['input'];
  /** Between the class’s first and last day. */
  heldOn: Scalars['LocalDate']['input'];
  /** HH:MM, 00:00 to 23:59. */
  startsAt: Scalars['String']['input'];
  /** 2 to 200 characters. */
  topic: Scalars['String']['input'];
};

/** Add a person to a registered household (birth, marriage, moving in). */
export type AddHouseholdMemberInput = {
  /** 户编号, 16 digits */
  householdCode: Scalars['String']['input'];
  /** 身份证号, 18 characters */
  idNumber: Scalars['String']['input'];
  /** 姓名, 1 to 60 characters */
  name: Scalars['String']['input'];
  /** HEAD only if the household has no current head. */
  relationship: Relationship;
};

/** 参会企业 — an employer takes part in a fair and brings some of its postings (added to what it already brings). */
export type AddJobFairEmployerInput = {
  /** An operating employer (from anywhere: partner-city firms come too). */
  employerId: Scalars['ID']['input'];
  fairId: Scalars['ID']['input'];
  /** Postings of this employer open on the fair day, at most 50 per call. */
  postingIds?: Array<Scalars['ID']['input']>;
};

/** 季度考核表（转移就业）— a county’s townships and responsible units for one quarter: targets, completion and retention. */
export type Assessment = {
  __typename?: 'Assessment';
  county: SituationRegion;
  freshness: Freshness;
  /** 2026年第2季度 */
  label: Scalars['String']['output'];
  /** '2026-Q2' */
  quarter: Scalars['String']['output'];
  /** The suppression threshold applied (dashboards), or null when counts are exact. */
  threshold?: Maybe<Scalars['Int']['output']>;
  /** Every township of the county, by code. */
  townships: Array<AssessmentRow>;
  /** 挂包责任单位: every unit responsible for households of the county now, with the villages of those households (一荣俱荣、一损俱损: a unit answers for its villages’ whole targets and figures; a village with two units counts for both). By name. */
  units: Array<AssessmentRow>;
};

/** 季度考核 — one township or responsible unit in the quarterly assessment (转移就业). */
export type AssessmentRow = {
  __typename?: 'AssessmentRow';
  /** The township code, or the responsible unit’s name (units are known to the read model by name). */
  key: Scalars['String']['output'];
  /** 乡镇 or 挂包责任单位 name. */
  name: Scalars['String']['output'];
  /** 本季度完成: new transfers within the quarter. */
  quarterActual: SuppressedCount;
  /** 季度完成率 = quarterActual ÷ quarterTarget. */
  quarterRate?: Maybe<Scalars['Float']['output']>;
  /** 季度目标 (the quarter’s targets, as yearTarget). */
  quarterTarget?: Maybe<Scalars['Int']['output']>;
  /** 名次 by yearRate among the rows of its table that have one (competition ranking). */
  rank?: Maybe<Scalars['Int']['output']>;
  /** 稳岗率 as of the quarter’s last day (or today while it runs), counted as Indicators.retention over its villages. */
  retention: SuppressedRate;
  /** The villages it answers for (a unit: the villages of the households it is responsible for now). */
  villageCodes: Array<Scalars['String']['output']>;
  /** 年度完成率 = yearToDate ÷ yearTarget. */
  yearRate?: Maybe<Scalars['Float']['output']>;
  /** 年度目标: a township’s own year target, else the sum of its villages’; a unit: the sum of its villages’ year targets. null: none set. */
  yearTarget?: Maybe<Scalars['Int']['output']>;
  /** 年累计完成: new transfers from 1 January to the quarter’s last day. */
  yearToDate: SuppressedCount;
};

/** 结对帮扶 — make a cadre (and their unit) responsible for a registered household. */
export type AssignResponsibilityInput = {
  /** 帮扶责任人 */
  cadreId: Scalars['ID']['input'];
  /** 户编号, 16 digits */
  householdCode: Scalars['String']['input'];
  /** First day; the current responsibility, if any, ends the day before. */
  since: Scalars['LocalDate']['input'];
};

/** 分派任务 — assign (or reassign) the task of a subject to a named account whose scope covers its village. */
export type AssignTaskInput = {
  /** The staff account (the sub of its token), 1–128 of A–Z a–z 0–9 . _ @ : - */
  assignee: Scalars['String']['input'];
  assigneeKind: WarningResponsibleKind;
  /** The assignee's scope: CADRE a division code (township or village) covering the subject's village, inside your region; VILLAGE_ASSISTANT the subject's 12-digit village; PARTNER_STATION the 4-digit city the worker was transferred to; INSTITUTION the id of the worker's training institution. */
  assigneeScope: Scalars['String']['input'];
  kind: TaskKind;
  /** At most 500 characters (no ID numbers). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** ZERO_EMPLOYMENT_HOUSEHOLD: the household code; WARNING: EarlyWarning.id; CONFLICT: Conflict.id; UNREGISTERED_LABOURER: UnregisteredLabourer.id. */
  subject: Scalars['String']['input'];
};

/** 公益性岗位安置 — give a vacant public-welfare post to a worker of the same village. */
export type AssignWelfarePostInput = {
  idNumber: Scalars['String']['input'];
  postId: Scalars['ID']['input'];
  /** First day on the post, not after today. */
  startsOn: Scalars['LocalDate']['input'];
};

/** 低保/特困 — a subsistence allowance or special-hardship support granted to a household. */
export type AssistanceGrant = {
  __typename?: 'AssistanceGrant';
  /** Being paid today (China Standard Time). */
  active: Scalars['Boolean']['output'];
  /** Empty while the grant is paid. */
  endsOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 户编号 — household code (village code + 4 digits) */
  householdCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: AssistanceKind;
  /** Monthly amount in yuan. */
  monthlyAmount: Scalars['Int']['output'];
  startsOn: Scalars['LocalDate']['output'];
  stopReason?: Maybe<Scalars['String']['output']>;
};

export type AssistanceGrantPage = {
  __typename?: 'AssistanceGrantPage';
  nodes: Array<AssistanceGrant>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 社会救助类别 — kind of social assistance paid to a household */
export type AssistanceKind =
  /** 特困人员救助供养 */
  | 'SPECIAL_HARDSHIP'
  /** 最低生活保障（低保） */
  | 'SUBSISTENCE_ALLOWANCE';

/** 帮扶措施类别 — kind of assistance given to a monitored household */
export type AssistanceMeasureKind =
  /** 兜底保障（低保、特困） */
  | 'ALLOWANCE'
  /** 教育帮扶 */
  | 'EDUCATION'
  /** 就业帮扶 */
  | 'EMPLOYMENT'
  /** 健康帮扶 */
  | 'HEALTH'
  /** 住房安全 */
  | 'HOUSING'
  /** 产业帮扶 */
  | 'INDUSTRY'
  /** 保险 */
  | 'INSURANCE'
  /** 其他 */
  | 'OTHER';

/** 帮扶责任人 / 驻村工作队员 — a cadre helping registered households and villages (staff: name and masked phone only). */
export type Cadre = {
  __typename?: 'Cadre';
  /** The staff account the cadre signs in with (the `sub` of their token): the tasks of the households they answer for are assigned to it automatically. Empty: such tasks wait for an officer. */
  account?: Maybe<Scalars['String']['output']>;
  /** Registered households this cadre is responsible for now. */
  households: Array<Household>;
  id: Scalars['ID']['output'];
  /** 姓名 */
  name: Scalars['String']['output'];
  /** 联系电话 (masked, 138****5678) */
  phoneMasked?: Maybe<Scalars['String']['output']>;
  /** The villages the cadre serves and served, in your region, latest first. */
  postings: Array<CadrePosting>;
  role: CadreRole;
  /** 挂包责任单位 */
  unit?: Maybe<ResponsibleUnit>;
};

export type CadrePage = {
  __typename?: 'CadrePage';
  nodes: Array<Cadre>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 驻村/帮扶 — a village a cadre serves, from when to when (ended, never deleted). */
export type CadrePosting = {
  __typename?: 'CadrePosting';
  cadre?: Maybe<Cadre>;
  endReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  since: Scalars['LocalDate']['output'];
  /** Last day; empty while serving. */
  until?: Maybe<Scalars['LocalDate']['output']>;
  /** 12-digit village code */
  villageCode: Scalars['String']['output'];
};

/** 帮扶干部类别 — what a cadre does for the villages they serve */
export type CadreRole =
  /** 驻村第一书记 */
  | 'FIRST_SECRETARY'
  /** 驻村工作队员 */
  | 'RESIDENT_TEAM_MEMBER'
  /** 帮扶责任人 */
  | 'RESPONSIBLE_PERSON';

/** Call a fair off (only before anything happened at it: no intentions, no attendance). */
export type CancelJobFairInput = {
  /** Not after today. */
  cancelledOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** 取消 — cancel a class: its trainees still enrolled are dropped with the reason; not once a trainee completed. */
export type CancelTrainingClassInput = {
  id: Scalars['ID']['input'];
  /** Why, 2 to 150 characters (it becomes the dropped trainees’ reason, 班级取消：…). */
  reason: Scalars['String']['input'];
};

/** 照料义务 — a duty to care for someone at home, which keeps a worker near home. */
export type CareDuty = {
  __typename?: 'CareDuty';
  active: Scalars['Boolean']['output'];
  /** Who is cared for (name as recorded by the township). */
  caredForName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  reason: CareReason;
  since: Scalars['LocalDate']['output'];
  until?: Maybe<Scalars['LocalDate']['output']>;
};

/** 照料原因 — whom a person has to look after */
export type CareReason =
  /** 照看子女 */
  | 'CHILD'
  /** 照料残疾家属 */
  | 'DISABLED'
  /** 照料老人 */
  | 'ELDERLY'
  /** 照料重病家属 */
  | 'ILL';

/** 职业技能等级证书 — a vocational skill certificate held by a worker. */
export type Certificate = {
  __typename?: 'Certificate';
  /** The training that led to it; empty if obtained elsewhere or earlier. */
  enrolment?: Maybe<Enrolment>;
  /** 职业技能等级 1–5: 5 = 五级/初级工, 4 = 四级/中级工, 3 = 三级/高级工, 2 = 二级/技师, 1 = 一级/高级技师 */
  grade: Scalars['Int']['output'];
  /** The grade as officials write it, e.g. 四级/中级工. */
  gradeLabel: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 发证日期 */
  issuedOn: Scalars['LocalDate']['output'];
  /** 证书编号 — unique certificate number. */
  number: Scalars['String']['output'];
  /** 工种 */
  trade: Trade;
  worker: Worker;
};

/** 发证 — record a vocational skill certificate a worker obtained. */
export type CertifyTraineeInput = {
  /** The worker's completed enrolment that led to it, if any. */
  enrolmentId?: InputMaybe<Scalars['ID']['input']>;
  /** 职业技能等级 1–5: 5 = 五级/初级工, 4 = 四级/中级工, 3 = 三级/高级工, 2 = 二级/技师, 1 = 一级/高级技师 */
  grade: Scalars['Int']['input'];
  /** 身份证号, 18 characters */
  idNumber: Scalars['String']['input'];
  /** Not in the future; not before the training it came from was completed. */
  issuedOn: Scalars['LocalDate']['input'];
  /** 证书编号: 6 to 40 letters, digits or hyphens; unique. */
  number: Scalars['String']['input'];
  trade: Trade;
};

/** One change to a department record: what changed, who, when and from where. */
export type ChangeHistoryEntry = {
  __typename?: 'ChangeHistoryEntry';
  /** The staff account that made it; for a direct change, the database user. */
  actor: Scalars['String']['output'];
  /** When (ISO 8601, UTC). */
  at: Scalars['String']['output'];
  /** The department that keeps the record (hr, poverty, civil, training, partner). */
  department: Scalars['String']['output'];
  /** The mutation(s) of the request, or the import and its row. */
  detail?: Maybe<Scalars['String']['output']>;
  /** Only the fields that changed (all of them for a new or removed record). */
  fields: Array<ChangedField>;
  operation: ChangeOperation;
  origin: ChangeOrigin;
  /** The kind of record (its type in the graph, e.g. Worker, Employment). */
  record: Scalars['String']['output'];
  /** The record's key in its department (its id). */
  recordKey: Scalars['String']['output'];
};

/** A page of change history, newest first. */
export type ChangeHistoryPage = {
  __typename?: 'ChangeHistoryPage';
  nodes: Array<ChangeHistoryEntry>;
  pageInfo: PageInfo;
};

/** What a change did to a record. */
export type ChangeOperation =
  /** removed */
  | 'DELETE'
  /** created */
  | 'INSERT'
  /** changed */
  | 'UPDATE';

/** Where a change came from. */
export type ChangeOrigin =
  /** a change made in the database itself, outside the platform (actor: the database user) */
  | 'DIRECT'
  /** a spreadsheet import (detail: the import and its row) */
  | 'IMPORT'
  /** a write through the graph (detail: the mutation) */
  | 'MUTATION';

/** 贫困状态变更 — record a new poverty status of a registered household (标注脱贫, 返贫, 纳入监测…). */
export type ChangePovertyStatusInput = {
  /** Not before the last change, not in the future. */
  effectiveOn: Scalars['LocalDate']['input'];
  /** 户编号, 16 digits */
  householdCode: Scalars['String']['input'];
  /** Why, 2 to 200 characters. */
  reason: Scalars['String']['input'];
  /** The new status; must differ from the current one. */
  status: PovertyStatus;
};

/** One field of a change: its value before and after. */
export type ChangedField = {
  __typename?: 'ChangedField';
  /** The value after, as text; empty for a removed record, or when redacted. */
  after?: Maybe<Scalars['String']['output']>;
  /** The value before, as text; empty for a new record, or when redacted. */
  before?: Maybe<Scalars['String']['output']>;
  /** The field (camelCase column name of the record). */
  field: Scalars['String']['output'];
  /** The values are withheld: this account may not read the field on the record (e.g. the full ID number without reveal). */
  redacted: Scalars['Boolean']['output'];
};

/** 资金来源 — who pays for a class */
export type ClassFunder =
  /** 企业 */
  | 'ENTERPRISE'
  /** 本地财政 */
  | 'LOCAL_FISCAL'
  /** 其他 */
  | 'OTHER'
  /** 东西部协作资金（协作城市） */
  | 'PARTNER_CITY';

/** 课程表 — one session of a class: the day, the times and the topic. */
export type ClassSession = {
  __typename?: 'ClassSession';
  /** End time, HH:MM, after the start. */
  endsAt: Scalars['String']['output'];
  /** 上课日期 */
  heldOn: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  /** Start time, HH:MM (China Standard Time). */
  startsAt: Scalars['String']['output'];
  /** 授课内容 */
  topic: Scalars['String']['output'];
  trainingClass?: Maybe<TrainingClass>;
};

/** 班级状态 — where a class stands */
export type ClassStatus =
  /** 已取消 */
  | 'CANCELLED'
  /** 已结班 */
  | 'CLOSED'
  /** 开班/招生中 */
  | 'OPEN';

/** 停办 — no new classes of the course from closedOn; classes already planned run on. */
export type CloseCourseInput = {
  /** Not in the future. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** Why, 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** 注销/停办 — close an employer (it stays: employments and postings point to it); its open postings are withdrawn with it. */
export type CloseEmployerInput = {
  /** Not after today, not before its certification. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** Why (停产, 迁出, 认定撤销…), 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** Close a posting: filled (已招满), withdrawn (已撤回) or expired (已过期, only after its valid period). */
export type CloseJobPostingInput = {
  /** Not after today, not before it opened. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  reason: PostingCloseReason;
};

/** 撤销 — close a base or station. It is kept (batches and postings point at it); new batches and postings cannot name it. */
export type CloseLabourBaseInput = {
  /** Closed from this day on; not in the future. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** Why, 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** 招满/撤回 — close a posting before its validUntil; matching stops offering it from closedOn. */
export type ClosePartnerJobPostingInput = {
  /** Closed from this day on: not in the future, not before it was pushed. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** Why, 2 to 200 characters (e.g. 招满, 企业撤回). */
  reason: Scalars['String']['input'];
};

/** 撤销 — close a unit once it has no open pairing and answers for no household. */
export type CloseResponsibleUnitInput = {
  /** Not in the future. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** Why, 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** 办结任务 — closes only when the data bears it out, or as NOT_APPLICABLE with a note by an officer of the region. */
export type CloseTaskInput = {
  /** At most 500 characters; required with NOT_APPLICABLE. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Omit: decided by the data (EMPLOYED, WARNING_CLEARED, CONFLICT_RESOLVED, REGISTERED); NOT_APPLICABLE needs a note. */
  outcome?: InputMaybe<TaskOutcome>;
  taskId: Scalars['ID']['input'];
};

/** 结班 — close a class that has ended, once every trainee has completed or dropped. */
export type CloseTrainingClassInput = {
  /** From the last class day to today. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** A note, up to 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** 撤岗 — close a vacant post (release its holder first). */
export type CloseWelfarePostInput = {
  /** Not after today, not before it opened, not before its last holder left. */
  closedOn: Scalars['LocalDate']['input'];
  id: Scalars['ID']['input'];
  /** 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** 结业 — a trainee completes the class (needs at least 80 % attendance). */
export type CompleteTrainingInput = {
  /** Not before the class started, not in the future. */
  completedOn: Scalars['LocalDate']['input'];
  enrolmentId: Scalars['ID']['input'];
};

/** 目标完成情况 — a region and each of its subregions against their targets for one period and measure. */
export type Completion = {
  __typename?: 'Completion';
  freshness: Freshness;
  measure: TargetMeasure;
  period: IndicatorPeriod;
  region: SituationRegion;
  /** Each subregion (a county’s townships, a township’s villages; none for a village), by region code. */
  subregions: Array<CompletionRow>;
  /** The suppression threshold applied (dashboards), or null when counts are exact (department staff). */
  threshold?: Maybe<Scalars['Int']['output']>;
  /** The region itself. */
  total: CompletionRow;
};

/** 完成情况 — one region against its target. For dashboard accounts the actual figure is the published indicator cell (the same small-cell suppression pattern as Query.indicators) and the rate is withheld whenever the actual is, so rate × target never gives a withheld count back. */
export type CompletionRow = {
  __typename?: 'CompletionRow';
  /** 完成数: the indicator of the measure for the region and period (exact for department staff). */
  actual: SuppressedCount;
  /** 完成率 = actual ÷ target (may exceed 1); null when there is no target, the target is 0, or the actual is withheld. */
  completionRate?: Maybe<Scalars['Float']['output']>;
  /** 名次 by completionRate, highest first, standard competition ranking ("1224") among the subregions that have a rate; null without a rate. */
  rank?: Maybe<Scalars['Int']['output']>;
  region: SituationRegion;
  /** The sum of the targets set for its subregions (null when none is set): how much of the target has been handed down. */
  subregionTargets?: Maybe<Scalars['Int']['output']>;
  /** 目标: the region’s own target; null when none is set. */
  target?: Maybe<Scalars['Int']['output']>;
};

/** 数据比对冲突 — two departments' facts about a person or household that cannot both be true. */
export type Conflict = {
  __typename?: 'Conflict';
  /** 户编号 */
  householdCode: Scalars['String']['output'];
  /** Stable: kind and subject (worker key or household code). */
  id: Scalars['ID']['output'];
  kind: ConflictKind;
  /** 冲突类别名称 */
  label: Scalars['String']['output'];
  /** The person (null for household conflicts). */
  person?: Maybe<SituationPerson>;
  resolution?: Maybe<ConflictResolution>;
  /** The two facts that cannot both be true. */
  sources: Array<ConflictSource>;
  /** RESOLVED while both facts are as they were when resolved; OPEN otherwise. */
  status: ConflictStatus;
  /** 村（社区）代码 */
  villageCode: Scalars['String']['output'];
  /** 村（社区） */
  villageName?: Maybe<Scalars['String']['output']>;
};

/** 数据比对冲突类别 — facts of two departments that cannot both be true */
export type ConflictKind =
  /** 本地就业与协作城市转移就业冲突 */
  | 'EMPLOYED_LOCALLY_VS_PARTNER_CITY'
  /** 人社登记未就业但回访在岗 */
  | 'HR_UNEMPLOYED_VS_PARTNER_WORKING'
  /** 已脱贫户享受特困供养 */
  | 'LIFTED_WITH_SPECIAL_HARDSHIP'
  /** 重度残疾与全日制就业冲突 */
  | 'SEVERE_DISABILITY_VS_FULL_TIME_JOB'
  /** 在校学生登记全日制就业 */
  | 'STUDENT_WITH_FULL_TIME_JOB';

/** How many conflicts of one kind the list holds in the region. */
export type ConflictKindCount = {
  __typename?: 'ConflictKindCount';
  count: Scalars['Int']['output'];
  kind: ConflictKind;
  label: Scalars['String']['output'];
};

/** 数据比对冲突清单 — one page over a region. */
export type ConflictPage = {
  __typename?: 'ConflictPage';
  /** Per kind in the region with the status filter, whatever the kind filter (every kind, 0 included). */
  countsByKind: Array<ConflictKindCount>;
  freshness: Freshness;
  /** Ordered by kind, village, subject. */
  nodes: Array<Conflict>;
  pageInfo: PageInfo;
  region: SituationRegion;
  /** Conflicts matching the filters in the region (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** 冲突处理 — how an official settled a conflict. */
export type ConflictResolution = {
  __typename?: 'ConflictResolution';
  /** The department whose fact was kept (null: neither said). */
  keptSource?: Maybe<Scalars['String']['output']>;
  /** 处理说明 */
  note: Scalars['String']['output'];
  resolvedAt: Scalars['DateTimeISO']['output'];
  /** The staff account that resolved it. */
  resolvedBy: Scalars['String']['output'];
};

/** 冲突来源 — one department's fact. */
export type ConflictSource = {
  __typename?: 'ConflictSource';
  /** hr, poverty, civil, training or partner */
  department: Scalars['String']['output'];
  /** 部门 */
  departmentLabel: Scalars['String']['output'];
  /** 登记事实 */
  fact: Scalars['String']['output'];
  /** Since when the department has held the fact, where known. */
  since?: Maybe<Scalars['LocalDate']['output']>;
};

/** 冲突处理状态 */
export type ConflictStatus =
  /** 待处理 */
  | 'OPEN'
  /** 已处理（事实未再变化） */
  | 'RESOLVED';

/** 联系记录 — one attempt to reach a worker and its outcome (phone lists are often wrong: keep every attempt). */
export type ContactAttempt = {
  __typename?: 'ContactAttempt';
  /** 联系时间 */
  attemptedAt: Scalars['DateTimeISO']['output'];
  channel: ContactChannel;
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  outcome: ContactOutcome;
  transfer?: Maybe<Transfer>;
};

/** One attempt to reach a worker, as part of a follow-up visit. */
export type ContactAttemptEntry = {
  /** When (ISO 8601 with offset, e.g. 2026-03-05T10:23:00+08:00); not in the future. */
  attemptedAt: Scalars['DateTimeISO']['input'];
  channel: ContactChannel;
  /** Up to 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: ContactOutcome;
};

/** 联系方式 — how a worker was contacted */
export type ContactChannel =
  /** 电话 */
  | 'PHONE'
  /** 走访 */
  | 'VISIT'
  /** 微信 */
  | 'WECHAT';

/** 联系结果 — outcome of one attempt to reach a transferred worker */
export type ContactOutcome =
  /** 空号停机错号 */
  | 'INVALID_NUMBER'
  /** 不在本市 */
  | 'NOT_IN_CITY'
  /** 无人接听 */
  | 'NO_ANSWER'
  /** 语言不通 */
  | 'NO_COMMON_LANGUAGE'
  /** 联系上未就业 */
  | 'REACHED_NOT_WORKING'
  /** 联系上且在岗 */
  | 'REACHED_WORKING'
  /** 拒接挂断 */
  | 'REFUSED'
  /** 非本人 */
  | 'WRONG_PERSON';

/** 联系结果 — contact attempts of the year on the city’s transfers with this outcome. */
export type ContactOutcomeCount = {
  __typename?: 'ContactOutcomeCount';
  /** Attempts (null: suppressed). */
  attempts?: Maybe<Scalars['Int']['output']>;
  outcome: ContactOutcome;
};

/** 培训课程 — a course an institution offers, run as one or more classes. */
export type Course = {
  __typename?: 'Course';
  closeReason?: Maybe<Scalars['String']['output']>;
  /** 停办 — no new classes from this day; its classes run on. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Planned length in days (学制天数). */
  durationDays: Scalars['Int']['output'];
  /** 学时 — teaching hours. */
  hours?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  institution: Institution;
  kind: CourseKind;
  /** 等级 — the grade the course trains for; empty for a course without one (专项能力). 职业技能等级 1–5: 5 = 五级/初级工, 4 = 四级/中级工, 3 = 三级/高级工, 2 = 二级/技师, 1 = 一级/高级技师 */
  level?: Maybe<Scalars['Int']['output']>;
  /** The grade as officials write it, e.g. 五级/初级工. */
  levelLabel?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** 补贴标准 — training subsidy per trainee who completes, in yuan. */
  subsidyPerTrainee?: Maybe<Scalars['Int']['output']>;
  /** 工种 taught */
  trade: Trade;
};

/** 培训类型 — kind of course; MEDIUM_TERM (about 3 months) carries the employment-within-3-months indicator */
export type CourseKind =
  /** 定向定岗 */
  | 'DIRECTED'
  /** 创业培训 */
  | 'ENTREPRENEURSHIP'
  /** 中长期（约3个月） */
  | 'MEDIUM_TERM'
  /** 订单式 */
  | 'ORDER_BASED'
  /** 岗前培训 */
  | 'PRE_JOB'
  /** 短期实用技术 */
  | 'SHORT_PRACTICAL';

export type CoursePage = {
  __typename?: 'CoursePage';
  nodes: Array<Course>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 一个村（或全区域）的月度核实覆盖 — verification coverage of one village or of the whole region. */
export type CoverageFigures = {
  __typename?: 'CoverageFigures';
  /** 登记劳动力数: registry workers (every person_situation row of the place). */
  registryWorkers: SuppressedCount;
  /** 核实率 = verified ÷ registryWorkers. */
  share: SuppressedRate;
  /** 已核实人数: distinct registry workers with a record verification dated in the month whose outcome is not NOT_REACHED (未能核实 is an attempt, not a verification). */
  verified: SuppressedCount;
};

/** 选派帮扶干部 — a cadre and the first village they serve (in your region). */
export type CreateCadreInput = {
  /** The staff account the cadre signs in with (1–128 of A–Z a–z 0–9 . _ @ : -), held by no other cadre; set by poverty officers (科员) only. */
  account?: InputMaybe<Scalars['String']['input']>;
  /** 姓名, 2 to 30 characters. */
  name: Scalars['String']['input'];
  /** 手机号, 11 digits starting 13–19; shown masked only. */
  phone?: InputMaybe<Scalars['String']['input']>;
  role: CadreRole;
  /** First day of service; not in the future. */
  since: Scalars['LocalDate']['input'];
  /** The cadre’s unit (open). */
  unitId: Scalars['ID']['input'];
  /** 12-digit code of the village served, in your region. */
  villageCode: Scalars['String']['input'];
};

/** 开设课程 — a course of an institution (institution staff: their own; county training staff: an institution of their region). */
export type CreateCourseInput = {
  /** 学制天数, 1 to 366. */
  durationDays: Scalars['Int']['input'];
  /** 学时, 1 to 2000. */
  hours: Scalars['Int']['input'];
  /** The institution; institution staff: their own (the default). */
  institutionId?: InputMaybe<Scalars['ID']['input']>;
  kind: CourseKind;
  /** Empty for a course without a grade. 职业技能等级 1–5: 5 = 五级/初级工, 4 = 四级/中级工, 3 = 三级/高级工, 2 = 二级/技师, 1 = 一级/高级技师 */
  level?: InputMaybe<Scalars['Int']['input']>;
  /** 2 to 100 characters; unique among the institution’s open courses. */
  name: Scalars['String']['input'];
  /** 补贴标准 per trainee in yuan, 0 to 20000. */
  subsidyPerTrainee: Scalars['Int']['input'];
  /** 工种 taught; fixed once the course exists (its certificates count by it). */
  trade: Trade;
};

/** 新增用工主体 — record an employer, poverty workshop, village factory, assistance base or cooperative. */
export type CreateEmployerInput = {
  /** 认定日期 — required for poverty workshops, village factories and assistance bases; not after today. */
  certifiedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** 统一社会信用代码 — 18 characters with a valid check character (GB 32100); unique. */
  creditCode: Scalars['String']['input'];
  /** Where it is: a village or township of your region (workshops, village factories and cooperatives always are); enterprises and assistance bases may lie outside the county (a county officer records them). */
  divisionCode: Scalars['DivisionCode']['input'];
  kind: EmployerKind;
  /** 2 to 100 characters. */
  name: Scalars['String']['input'];
};

/** 举办招聘会 — a job fair of your region: on site in a township or the county, or online. */
export type CreateJobFairInput = {
  /** A township (township fair) or the county (county-wide and online fairs) of your region. */
  divisionCode: Scalars['DivisionCode']['input'];
  heldOn: Scalars['LocalDate']['input'];
  /** 2 to 100 characters (“春风行动”暨农村劳动力转移就业专场招聘会…). */
  name: Scalars['String']['input'];
  /** 线上 — held online. */
  online?: Scalars['Boolean']['input'];
  /** 主办单位, 2 to 100 characters. */
  organiser: Scalars['String']['input'];
  /** Where, 2 to 100 characters; required for an on-site fair. */
  venue?: InputMaybe<Scalars['String']['input']>;
};

/** 发布招聘岗位 — a job posting of an operating employer of your region. */
export type CreateJobPostingInput = {
  employerId: Scalars['ID']['input'];
  /** 招聘人数, 1 to 10,000. */
  headcount: Scalars['Int']['input'];
  /** 工作地点, 2 to 100 characters. */
  location: Scalars['String']['input'];
  minEducation?: InputMaybe<Education>;
  /** Yuan per month, not below the minimum. */
  monthlyWageMax: Scalars['Int']['input'];
  /** Yuan per month, 500 to 100,000. */
  monthlyWageMin: Scalars['Int']['input'];
  openFrom: Scalars['LocalDate']['input'];
  /** Not before openFrom nor today, at most a year after openFrom. */
  openUntil: Scalars['LocalDate']['input'];
  place: EmploymentPlace;
  /** Trade certificate required; left out = low threshold (低门槛). */
  requiredTrade?: InputMaybe<Trade>;
  /** 技能要求, 2 to 500 characters. */
  skills: Scalars['String']['input'];
  /** 招聘门槛 — requirements (age, health, experience…), 2 to 200 characters. */
  threshold: Scalars['String']['input'];
  /** 2 to 100 characters. */
  title: Scalars['String']['input'];
};

/** 设立劳务输出基地/劳务工作站 — a labour-export base or service station in a partner city. */
export type CreateLabourBaseInput = {
  /** Address in the partner city, 2 to 200 characters. */
  address: Scalars['String']['input'];
  /** 4-digit code of the partner city; partner-city staff: their own (the default). The county office names it. */
  cityCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  kind: LabourBaseKind;
  /** Name, 2 to 100 characters; unique among the open bases of the city. */
  name: Scalars['String']['input'];
};

/** 岗位推送 — a partner city pushes one of its jobs to the county (partner-city staff, their own city). */
export type CreatePartnerJobPostingInput = {
  /** The base or station of the city that pushes it (open). */
  baseId?: InputMaybe<Scalars['ID']['input']>;
  /** The posting city: your own (the default); another is FORBIDDEN. */
  cityCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  /** 用工单位, 2 to 100 characters. */
  employerName: Scalars['String']['input'];
  /** 招聘人数, 1 to 10000. */
  headcount: Scalars['Int']['input'];
  /** 月工资 (yuan), 1 to 100000. */
  monthlyWage: Scalars['Int']['input'];
  /** 推送日期: not in the future, not before the pairing with the city began. */
  pushedOn: Scalars['LocalDate']['input'];
  /** 所需工种; empty: no trade required (低门槛). */
  requiredTrade?: InputMaybe<Trade>;
  /** 岗位名称, 2 to 100 characters. */
  title: Scalars['String']['input'];
  /** 有效期至 (inclusive): from pushedOn, at most a year after it. */
  validUntil: Scalars['LocalDate']['input'];
};

/** 帮扶单位 — a unit your poverty office keeps. */
export type CreateResponsibleUnitInput = {
  kind: ResponsibleUnitKind;
  /** 2 to 100 characters; unique among the open units of the region. */
  name: Scalars['String']['input'];
  /** The region that keeps it: yours (the default) or a division inside it. */
  regionCode?: InputMaybe<Scalars['DivisionCode']['input']>;
};

/** 开班 — a class of a course (institution staff: of their own courses). */
export type CreateTrainingClassInput = {
  /** 班额, 1 to 200. */
  capacity: Scalars['Int']['input'];
  courseId: Scalars['ID']['input'];
  /** 结业日期 (inclusive); a class lasts at most 366 days. */
  endsOn: Scalars['LocalDate']['input'];
  /** 资金来源; PARTNER_CITY needs funderCityCode. */
  funder?: InputMaybe<ClassFunder>;
  /** PARTNER_CITY only: the partner city’s 4-digit code (a partner city of the platform). */
  funderCityCode?: InputMaybe<Scalars['String']['input']>;
  /** 培训地点, 2 to 200 characters. */
  location: Scalars['String']['input'];
  /** 开班日期; at most a year ahead. */
  startsOn: Scalars['LocalDate']['input'];
  /** 授课教师, 2 to 50 characters. */
  teacher: Scalars['String']['input'];
};

/** 组织输出 — register an organised departure of workers to a partner city. */
export type CreateTransferBatchInput = {
  /** The labour base or service station of the city that receives the batch. */
  baseId?: InputMaybe<Scalars['ID']['input']>;
  /** 批次号 DC-2026-03-001: county prefix (2–6 capitals), year and month of departure, 3-digit sequence. */
  batchNo: Scalars['String']['input'];
  /** 4-digit code of the partner city, or the 6-digit district of it the batch goes to (kept as its destination district). */
  cityCode: Scalars['DivisionCode']['input'];
  /** 出发日期; may lie ahead for a planned batch. */
  departedOn: Scalars['LocalDate']['input'];
  /** 目的地, 2 to 100 characters. */
  destination: Scalars['String']['input'];
};

/** 开发公益性岗位 — open a public-welfare post in a village of your region. */
export type CreateWelfarePostInput = {
  /** 用岗单位, 2 to 100 characters, when the holder works at an agency (镇政府, 林业站…). */
  agency?: InputMaybe<Scalars['String']['input']>;
  fundingSource: WelfarePostFunding;
  kind: WelfarePostKind;
  /** 管理部门, 2 to 50 characters (林草局, 交通运输局…). */
  managingDepartment: Scalars['String']['input'];
  /** Oldest starting age of a holder, 60 to 65; 60 when left out. */
  maxHolderAge?: InputMaybe<Scalars['Int']['input']>;
  /** Yuan per month, 100 to 5,000 (Seda: about 500). */
  monthlyAllowance: Scalars['Int']['input'];
  /** Not after today. */
  openedOn: Scalars['LocalDate']['input'];
  /** 2 to 100 characters; the village name and the kind (箐口村保洁员) when left out. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The village (12 digits) whose residents the post is for. */
  villageCode: Scalars['DivisionCode']['input'];
};

/** 核实 — county staff of the worker's region confirm or reject an enrolment an institution recorded on its own. */
export type DecideEnrolmentInput = {
  enrolmentId: Scalars['ID']['input'];
  /** Why (2 to 200 characters): required to reject (e.g. 非本县劳动力, 未经人社推荐), optional note to confirm. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** 核实 — county staff of the worker's region confirm or reject a transfer a partner city recorded on its own. */
export type DecideTransferInput = {
  /** Why (2 to 200 characters): required to reject (e.g. 非本县劳动力, 未经劳务输出组织), optional note to confirm. */
  reason?: InputMaybe<Scalars['String']['input']>;
  transferId: Scalars['ID']['input'];
};

/** How current the read model is for one department. */
export type DepartmentFreshness = {
  __typename?: 'DepartmentFreshness';
  /** Every change this department committed before this instant is in the view (null: never read). */
  asOf?: Maybe<Scalars['DateTimeISO']['output']>;
  /** hr, poverty, civil, training or partner. */
  department: Scalars['String']['output'];
  /** 部门 */
  label: Scalars['String']['output'];
  /** Seconds between asOf and now. */
  lagSeconds?: Maybe<Scalars['Float']['output']>;
  /** When the read model was last rebuilt from this department. */
  rebuiltAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** 残疾 — a certified disability; grade 1 is the most severe, 4 the mildest. */
export type Disability = {
  __typename?: 'Disability';
  certifiedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 残疾等级 1 (most severe) to 4 */
  grade: Scalars['Int']['output'];
  kind: DisabilityKind;
};

/** 残疾类别 — kind of disability (with the disabled persons' federation) */
export type DisabilityKind =
  /** 听力残疾 */
  | 'HEARING'
  /** 智力残疾 */
  | 'INTELLECTUAL'
  /** 精神残疾 */
  | 'MENTAL'
  /** 多重残疾 */
  | 'MULTIPLE'
  /** 肢体残疾 */
  | 'PHYSICAL'
  /** 言语残疾 */
  | 'SPEECH'
  /** 视力残疾 */
  | 'VISUAL';

/** 行政区划 — a province, city, county, township or village, known to every department by its statistical code. */
export type Division = {
  __typename?: 'Division';
  /** Divisions one level down, in code order. */
  children?: Maybe<Array<Division>>;
  /** 统计用区划代码: province 2, city 4, county 6, township 9, village 12 digits */
  code: Scalars['DivisionCode']['output'];
  /** 建档立卡户 in this division, by household code. */
  households?: Maybe<HouseholdPage>;
  /** 省/市/县/乡镇/村, from the length of the code. */
  level: DivisionLevel;
  /** Name in the catalogue (e.g. 汤丹镇); empty for a code the catalogue lacks. */
  name?: Maybe<Scalars['String']['output']>;
  /** The enclosing division; empty for a province. */
  parent?: Maybe<Division>;
  /** 公益性岗位 in the villages of this division, by village. */
  welfarePosts?: Maybe<Array<WelfarePost>>;
  /** Workers of households in this division (the rosters, as root `workers`). */
  workers?: Maybe<WorkerPage>;
};


/** 行政区划 — a province, city, county, township or village, known to every department by its statistical code. */
export type DivisionHouseholdsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  status?: InputMaybe<PovertyStatus>;
};


/** 行政区划 — a province, city, county, township or village, known to every department by its statistical code. */
export type DivisionWorkersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  employmentIntention?: InputMaybe<EmploymentIntention>;
  employmentStatus?: InputMaybe<EmploymentStatus>;
  first?: Scalars['Int']['input'];
  populationStatus?: InputMaybe<PopulationStatus>;
  trainingWish?: InputMaybe<Trade>;
};

/** 区划级别 — level of an administrative division */
export type DivisionLevel =
  /** 市 */
  | 'CITY'
  /** 县（区） */
  | 'COUNTY'
  /** 省 */
  | 'PROVINCE'
  /** 乡镇（街道） */
  | 'TOWNSHIP'
  /** 村（社区） */
  | 'VILLAGE';

/** 退学 — a trainee leaves the class before completing it. */
export type DropTrainingInput = {
  enrolmentId: Scalars['ID']['input'];
  /** Why (e.g. 外出务工, 家庭原因), 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** 预警 — one early warning: a rule that holds for a person or household today. */
export type EarlyWarning = {
  __typename?: 'EarlyWarning';
  /** The departments whose facts raised it (hr, poverty, civil, training, partner). */
  departments: Array<Scalars['String']['output']>;
  /** 户编号 — department staff of the region (null with FORBIDDEN for partner cities, as in the departments) */
  householdCode?: Maybe<Scalars['String']['output']>;
  /** Stable: rule and subject. */
  id: Scalars['ID']['output'];
  level: WarningLevel;
  /** The person (null for household rules). */
  person?: Maybe<SituationPerson>;
  /** 预警原因 (with the dates and facts) */
  reason: Scalars['String']['output'];
  /** 责任人 */
  responsible: WarningResponsible;
  rule: WarningRuleId;
  /** 预警规则名称 */
  ruleLabel: Scalars['String']['output'];
  /** When the situation behind the warning began, where known (e.g. the day the job ended, the last follow-up). */
  since?: Maybe<Scalars['LocalDate']['output']>;
  /** 村（社区）代码 */
  villageCode: Scalars['String']['output'];
  /** 村（社区） */
  villageName?: Maybe<Scalars['String']['output']>;
};

/** 文化程度 — education level */
export type Education =
  /** 大专及以上 */
  | 'COLLEGE'
  /** 初中 */
  | 'JUNIOR_HIGH'
  /** 未上学 */
  | 'NONE'
  /** 小学 */
  | 'PRIMARY'
  /** 高中/中专 */
  | 'SENIOR_HIGH';

/** 用工主体 — an employer: enterprise, poverty workshop (扶贫车间), village factory, assistance base or cooperative. */
export type Employer = {
  __typename?: 'Employer';
  /** 认定日期 — the day the county certified it (workshops, village factories and assistance bases). */
  certifiedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Why it closed. */
  closeReason?: Maybe<Scalars['String']['output']>;
  /** The day it closed (注销/停办); empty while it operates. Closed employers stay: records point to them. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 统一社会信用代码 — unified social credit code, 18 characters. */
  creditCode: Scalars['String']['output'];
  division: Division;
  /** Where it is: a village, township or (out of county) a county code. */
  divisionCode: Scalars['DivisionCode']['output'];
  id: Scalars['ID']['output'];
  kind: EmployerKind;
  name: Scalars['String']['output'];
  /** Operating (not closed). */
  open: Scalars['Boolean']['output'];
};

/** 用工主体类别 — kind of employer in the registry */
export type EmployerKind =
  /** 就业帮扶基地 */
  | 'ASSISTANCE_BASE'
  /** 合作社 */
  | 'COOPERATIVE'
  /** 企业 */
  | 'ENTERPRISE'
  /** 扶贫车间 */
  | 'POVERTY_WORKSHOP'
  /** 村级工厂 */
  | 'VILLAGE_FACTORY';

export type EmployerPage = {
  __typename?: 'EmployerPage';
  nodes: Array<Employer>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 就业记录 — one employment spell of a worker (employer, kind, place, dates, monthly wage). */
export type Employment = {
  __typename?: 'Employment';
  /** Still employed here (no end recorded). */
  current: Scalars['Boolean']['output'];
  /** The employer, when it is in the registry. */
  employer?: Maybe<Employer>;
  /** Employer as recorded (also for employers outside the registry). */
  employerName: Scalars['String']['output'];
  /** Why it ended (合同期满, 辞职, 返乡…). */
  endReason?: Maybe<Scalars['String']['output']>;
  /** Empty while the worker is still employed here. */
  endsOn?: Maybe<Scalars['LocalDate']['output']>;
  id: Scalars['ID']['output'];
  kind: EmploymentKind;
  /** Where the work is (town, city, province). */
  location: Scalars['String']['output'];
  /** Monthly wage in yuan. */
  monthlyWage: Scalars['Int']['output'];
  place: EmploymentPlace;
  startsOn: Scalars['LocalDate']['output'];
  worker: Worker;
};

/** 就业意愿 — employment intention */
export type EmploymentIntention =
  /** 自主创业 */
  | 'ENTREPRENEURSHIP'
  /** 省内转移 */
  | 'IN_PROVINCE'
  /** 就地就近就业 */
  | 'LOCAL'
  /** 无意愿 */
  | 'NONE'
  /** 省外转移 */
  | 'OUT_OF_PROVINCE';

/** 就业形式 — kind of employment */
export type EmploymentKind =
  /** 种养殖/合作社 */
  | 'FARMING'
  /** 灵活就业/零工 */
  | 'FLEXIBLE'
  /** 居家来料加工 */
  | 'HOME_BASED'
  /** 本地企业就业 */
  | 'LOCAL_ENTERPRISE'
  /** 扶贫车间/村级工厂 */
  | 'POVERTY_WORKSHOP'
  /** 公益性岗位 */
  | 'PUBLIC_WELFARE_POST'
  /** 自主创业/个体经营 */
  | 'SELF_EMPLOYED'
  /** 省内转移就业 */
  | 'TRANSFER_IN_PROVINCE'
  /** 省外转移就业 */
  | 'TRANSFER_OUT_OF_PROVINCE';

/** 就业地点 — where the work is, seen from the home county */
export type EmploymentPlace =
  /** 县内乡外 */
  | 'IN_COUNTY'
  /** 乡镇内 */
  | 'IN_TOWNSHIP'
  /** 省内县外 */
  | 'OUT_OF_COUNTY_IN_PROVINCE'
  /** 省外 */
  | 'OUT_OF_PROVINCE';

/** 就业状态 — employment status */
export type EmploymentStatus =
  /** 已就业 */
  | 'EMPLOYED'
  /** 无就业意愿 */
  | 'NOT_SEEKING'
  /** 丧失劳动能力 */
  | 'UNABLE_TO_WORK'
  /** 未就业（有意愿） */
  | 'UNEMPLOYED';

/** 结束驻村/帮扶 — end a posting; refused while the cadre still answers for households of the village. */
export type EndCadrePostingInput = {
  postingId: Scalars['ID']['input'];
  /** Why, 2 to 200 characters (轮换, 期满, 调离…). */
  reason: Scalars['String']['input'];
  /** Last day: from the posting’s first day to today. */
  until: Scalars['LocalDate']['input'];
};

export type EndCareDutyInput = {
  careDutyId: Scalars['ID']['input'];
  until: Scalars['LocalDate']['input'];
};

/** 离岗 — the worker left the job of a transfer. */
export type EndTransferInput = {
  /** Last working day. */
  endedOn: Scalars['LocalDate']['input'];
  /** Why (e.g. 返乡, 合同到期, 转换工作), 2 to 200 characters. */
  reason: Scalars['String']['input'];
  transferId: Scalars['ID']['input'];
};

/** End a pairing (never deleted). */
export type EndUnitPairingInput = {
  pairingId: Scalars['ID']['input'];
  /** Why, 2 to 200 characters. */
  reason: Scalars['String']['input'];
  /** Last day: from the pairing’s first day to today. */
  until: Scalars['LocalDate']['input'];
};

/** 报名 — enrol a worker in a training class. */
export type EnrolTraineeInput = {
  classId: Scalars['ID']['input'];
  /** Day of enrolment: not in the future, not after the class ended. */
  enrolledOn: Scalars['LocalDate']['input'];
  /** 身份证号, 18 characters */
  idNumber: Scalars['String']['input'];
};

/** 培训学员 — one worker enrolled in one training class. */
export type Enrolment = {
  __typename?: 'Enrolment';
  /** Days attended so far (出勤天数). */
  attendanceDays: Scalars['Int']['output'];
  /** 出勤率 — attendance days ÷ class days, 0 to 1. */
  attendanceRate: Scalars['Float']['output'];
  /** 结业日期; empty until completed. */
  completedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 核实状态: PENDING until county staff of the worker's region confirm an enrolment an institution recorded on its own. */
  confirmation: LinkConfirmation;
  /** 核实说明 — the county's reason for rejecting, or its note on confirming. */
  decisionNote?: Maybe<Scalars['String']['output']>;
  /** 退学原因; empty unless dropped. */
  dropReason?: Maybe<Scalars['String']['output']>;
  /** First day of the first job after the training (培训后就业). */
  employedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 培训后3个月内就业: empty until completed; true once employed on or before completion + 3 months; false once 3 months passed without such a job; empty while still inside the window. */
  employedWithinThreeMonths?: Maybe<Scalars['Boolean']['output']>;
  /** 报名日期 */
  enrolledOn: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  status: EnrolmentStatus;
  trainingClass: TrainingClass;
  /** The trainee (names and the rest come from the labour registry); empty when you cannot see them — an institution's own pending enrolment, until the county confirms it. */
  worker?: Maybe<Worker>;
};

export type EnrolmentPage = {
  __typename?: 'EnrolmentPage';
  nodes: Array<Enrolment>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 学员状态 — where a trainee stands in a class */
export type EnrolmentStatus =
  /** 结业 */
  | 'COMPLETED'
  /** 退学 */
  | 'DROPPED'
  /** 在训 */
  | 'ENROLLED';

/** 跟踪回访覆盖 — the open transfers of the year and how many are followed up on time. */
export type FollowUpCoverage = {
  __typename?: 'FollowUpCoverage';
  /** Of those, not overdue: the next visit is due after today (followUpDue false) (null: suppressed). */
  onTime?: Maybe<Scalars['Int']['output']>;
  /** Transfers of the year the worker still holds today (null: suppressed). */
  open?: Maybe<Scalars['Int']['output']>;
  /** onTime / open (0–1); empty when nothing is open or a count is suppressed. */
  rate?: Maybe<Scalars['Float']['output']>;
  /** Of those, visited at least once (null: suppressed). */
  visited?: Maybe<Scalars['Int']['output']>;
};

/** 待回访筛选 — transfers by their next follow-up (跟踪回访节奏: 30 days after the latest visit, or after the first working day). */
export type FollowUpDueFilter =
  /** 待回访: open, next follow-up due today or earlier (Transfer.followUpDue). */
  | 'DUE'
  /** 逾期未回访: open, next follow-up due before today — the latest visit (or the first working day) more than 30 days ago, as the situation warning TRANSFER_NO_FOLLOW_UP. */
  | 'OVERDUE';

/** 跟踪回访 — a follow-up of a transferred worker: still employed? wage? a labour-rights case? */
export type FollowUpVisit = {
  __typename?: 'FollowUpVisit';
  /** The attempts this visit took, newest first. */
  contactAttempts: Array<ContactAttempt>;
  id: Scalars['ID']['output'];
  /** 月工资 (yuan), when still employed and known. */
  monthlyWage?: Maybe<Scalars['Int']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  /** 劳动维权 — a labour-rights case was raised (unpaid wages, injury, contract). */
  rightsCase: Scalars['Boolean']['output'];
  /** 是否在岗 — still employed in the job of the transfer. */
  stillEmployed: Scalars['Boolean']['output'];
  transfer: Transfer;
  /** 回访日期 */
  visitedOn: Scalars['LocalDate']['output'];
};

/** 数据时效 — how fresh a view is: the oldest of its departments, and each one. */
export type Freshness = {
  __typename?: 'Freshness';
  /** The view holds every change committed before this instant in all departments. */
  asOf?: Maybe<Scalars['DateTimeISO']['output']>;
  departments: Array<DepartmentFreshness>;
  /** The first day an asOf argument accepts: the views keep their history from then (China time). */
  historyBeginsOn: Scalars['LocalDate']['output'];
  /** Seconds between asOf and now (the largest department lag). */
  lagSeconds?: Maybe<Scalars['Float']['output']>;
};

/** Grant a subsistence allowance or special-hardship support to a household. */
export type GrantAssistanceInput = {
  /** 户编号, 16 digits */
  householdCode: Scalars['String']['input'];
  kind: AssistanceKind;
  /** Monthly amount in yuan, 1 to 5000. */
  monthlyAmount: Scalars['Int']['input'];
  startsOn: Scalars['LocalDate']['input'];
};

/** 户 — a household, known to every department by its 16-digit household code. */
export type Household = {
  __typename?: 'Household';
  /** 低保/特困 grants, newest first, including stopped ones. */
  assistanceGrants?: Maybe<Array<AssistanceGrant>>;
  /** Every change to this household's records in civil, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  civilHistory?: Maybe<ChangeHistoryPage>;
  /** 户编号 — village code (12 digits) + 4-digit sequence */
  code: Scalars['String']['output'];
  /** Grants being paid today. */
  currentAssistance?: Maybe<Array<AssistanceGrant>>;
  /** Every change to this household's records in hr, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  hrHistory?: Maybe<ChangeHistoryPage>;
  /** Members in the labour registry (aged 16–60), oldest first. */
  members?: Maybe<Array<Worker>>;
  /** 防返贫监测 — the household’s monitoring cases, newest first. */
  monitoringCases?: Maybe<Array<MonitoringCase>>;
  /** Every change to this household's records in poverty, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  povertyHistory?: Maybe<ChangeHistoryPage>;
  /** 贫困状态; empty = 未建档 (not registered). */
  povertyStatus?: Maybe<PovertyStatus>;
  /** 建档立卡户成员, head first. */
  registeredMembers?: Maybe<Array<HouseholdMember>>;
  /** 建档年份 — year of registration (or of first monitoring). */
  registeredYear?: Maybe<Scalars['Int']['output']>;
  /** 易地搬迁安置点, for a relocated household. */
  relocationSite?: Maybe<RelocationSite>;
  /** 帮扶责任人 and 挂包单位 now responsible. */
  responsibility?: Maybe<HouseholdResponsibility>;
  /** Every status the household had, oldest first; the last is the current one. */
  statusHistory?: Maybe<Array<PovertyStatusChange>>;
  /** Since when the current status holds. */
  statusSince?: Maybe<Scalars['LocalDate']['output']>;
  /** The village: the first 12 digits of the household code. */
  village?: Maybe<Division>;
};


/** 户 — a household, known to every department by its 16-digit household code. */
export type HouseholdCivilHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** 户 — a household, known to every department by its 16-digit household code. */
export type HouseholdHrHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** 户 — a household, known to every department by its 16-digit household code. */
export type HouseholdPovertyHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** 户 — a household, known to every department by its 16-digit household code. */
export type HouseholdRegisteredMembersArgs = {
  includeRemoved?: Scalars['Boolean']['input'];
};

/** 建档立卡户成员 — a member of a registered household. */
export type HouseholdMember = {
  __typename?: 'HouseholdMember';
  /** 年龄 — age in whole years today (China Standard Time). */
  age: Scalars['Int']['output'];
  /** Still a member (not removed). */
  current: Scalars['Boolean']['output'];
  household: Household;
  /** 户编号 */
  householdCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 姓名 */
  name: Scalars['String']['output'];
  relationship: Relationship;
  /** Why the person left. */
  removalReason?: Maybe<Scalars['String']['output']>;
  /** The day the person left the household (出嫁, 死亡, 迁出…); empty while a member. */
  removedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 性别 (from the ID number) */
  sex: Sex;
  /** The person, as the other departments know them. */
  worker: Worker;
};

export type HouseholdPage = {
  __typename?: 'HouseholdPage';
  nodes: Array<Household>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 帮扶责任 — the cadre and unit responsible for a registered household over a period. */
export type HouseholdResponsibility = {
  __typename?: 'HouseholdResponsibility';
  /** 帮扶责任人 */
  cadre?: Maybe<Cadre>;
  household: Household;
  /** 户编号 */
  householdCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  since: Scalars['LocalDate']['output'];
  /** 挂包责任单位 */
  unit?: Maybe<ResponsibleUnit>;
  /** Last day; empty while responsible. */
  until?: Maybe<Scalars['LocalDate']['output']>;
};

/** Lookups by ID number of one staff account (no person named): many misses are the sign of an account probing numbers. */
export type IdNumberLookupCount = {
  __typename?: 'IdNumberLookupCount';
  department: Scalars['String']['output'];
  found: Scalars['Int']['output'];
  invalid: Scalars['Int']['output'];
  /** The latest lookup counted (ISO 8601, UTC). */
  lastAt: Scalars['String']['output'];
  notFound: Scalars['Int']['output'];
  refused: Scalars['Int']['output'];
  /** The region, partner city or institution the account works in. */
  scope?: Maybe<Scalars['String']['output']>;
  staff: Scalars['String']['output'];
};

/** 导入记录 — one import of a spreadsheet: who, when, which file, dry run or not, what became of its rows. */
export type ImportRun = {
  __typename?: 'ImportRun';
  /** The staff account that ran it. */
  account: Scalars['String']['output'];
  /** A dry run: decided every row, wrote none. */
  dryRun: Scalars['Boolean']['output'];
  /** Why a run did not finish: interrupted, broken-off, or the rule that stopped it. */
  failure?: Maybe<Scalars['String']['output']>;
  /** The file name as uploaded. */
  fileName: Scalars['String']['output'];
  /** When it finished or stopped (ISO 8601, UTC); empty while running. */
  finishedAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  inserted: Scalars['Int']['output'];
  /** The kind imported (workers, households, transfers …), as in POST /imports/<department>/<kind>. */
  kind: Scalars['String']['output'];
  /** The account's region when it ran. */
  region?: Maybe<Scalars['String']['output']>;
  /** Rows refused; their reasons are in GET /imports/<department>/runs/<id>/rejected.xlsx. */
  rejected: Scalars['Int']['output'];
  /** Rows answered so far (all of them once finished). */
  rows: Scalars['Int']['output'];
  /** SHA-256 of the file's bytes (hex): the same file imported twice has the same hash. */
  sha256: Scalars['String']['output'];
  /** When it started (ISO 8601, UTC). */
  startedAt: Scalars['String']['output'];
  status: ImportRunStatus;
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** A page of import runs, newest first. */
export type ImportRunPage = {
  __typename?: 'ImportRunPage';
  nodes: Array<ImportRun>;
  pageInfo: PageInfo;
  /** How many runs match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** How an import run stands. */
export type ImportRunStatus =
  /** every row read and answered */
  | 'FINISHED'
  /** broken off (the process or the caller went away): the batches counted are written; import the same file again to complete it */
  | 'INTERRUPTED'
  /** still going (batches are being written) */
  | 'RUNNING'
  /** stopped by a rule on the file as a whole (failure says which, e.g. REGISTERED_ELSEWHERE); the batches counted are written */
  | 'STOPPED';

/** 按下级区划 — a region’s indicators and one row per child division (county → townships, township → villages, village → none), cut from the same suppressed tables as `indicators`: the children add up to the parent, and no withheld cell can be recovered by subtracting the others. */
export type IndicatorBreakdown = {
  __typename?: 'IndicatorBreakdown';
  /** One entry per child division the registry knows, in division-code order (region.code, region.name, region.level name it); empty for a village. */
  children: Array<Indicators>;
  freshness: Freshness;
  /** The region’s own indicators (the same answer as indicators(region, period)). */
  parent: Indicators;
  period: IndicatorPeriod;
  region: SituationRegion;
  /** Counts from 1 to threshold − 1 are suppressed (SUPPRESSION_THRESHOLD). */
  threshold: Scalars['Int']['output'];
};

/** 统计期 — the reporting period an indicator set covers. */
export type IndicatorPeriod = {
  __typename?: 'IndicatorPeriod';
  /** The day stock figures are taken on: the last day, or today while the period is still running. */
  asOf: Scalars['LocalDate']['output'];
  /** As asked: '2026', '2026-Q4', '2026-11' or '2026-W47'. */
  code: Scalars['String']['output'];
  /** First day (included). */
  from: Scalars['LocalDate']['output'];
  /** 名称, e.g. 2026年第4季度 */
  label: Scalars['String']['output'];
  /** Last day (included). */
  to: Scalars['LocalDate']['output'];
};

/** 指标走势 — the headline figures of a region over consecutive periods, oldest first, in one request. */
export type IndicatorSeries = {
  __typename?: 'IndicatorSeries';
  freshness: Freshness;
  granularity: SeriesGranularity;
  /** The first day the read model’s history answers for: stocks of periods ending before it are null. */
  historyBeginsOn: Scalars['LocalDate']['output'];
  /** count periods ending with endingWith, oldest first. */
  points: Array<IndicatorSeriesPoint>;
  region: SituationRegion;
  /** Counts from 1 to threshold − 1 are suppressed (SUPPRESSION_THRESHOLD). */
  threshold: Scalars['Int']['output'];
};

/** 一期 — one period of a series. Flows are exactly what indicators(region, period) answers for the period (the same suppressed tables); stocks are taken at the period’s end (see stockSource) and suppressed over the whole hierarchy like the indicators’. */
export type IndicatorSeriesPoint = {
  __typename?: 'IndicatorSeriesPoint';
  /** 已就业 at period.asOf (stock). */
  employed: SuppressedCount;
  /** 就业率 at period.asOf (stock). */
  employmentRate: SuppressedRate;
  /** 劳动力 at period.asOf (stock). */
  labourForce: SuppressedCount;
  /** 新增转移就业 in the period (flow). */
  newTransfers: SuppressedCount;
  period: IndicatorPeriod;
  /** CURRENT, HISTORY, or BEFORE_HISTORY (then every stock figure is null with suppressed = false). */
  stockSource: SeriesStockSource;
  /** 补贴发放总额（元） in the period (flow). */
  subsidiesAmount: SuppressedAmount;
  /** 补贴发放总人数 in the period (flow). */
  subsidiesPeople: SuppressedCount;
  /** 中期培训后3个月内就业人数 of the period’s completions (flow). */
  trainingEmployedWithin3Months: SuppressedCount;
  /** 参训人数 in the period (flow). */
  trainingParticipants: SuppressedCount;
  /** 转移就业（按地点）at period.asOf (stock): employed labourers by place of work, as Indicators.transferByPlace. */
  transferByPlace: Array<PlaceCount>;
  /** 月度核实率 of the calendar month of period.asOf (its denominator is the registry then: null before the history). */
  verifiedShare: SuppressedRate;
  /** 在岗公益性岗位 at period.asOf (posts open then, by the days hr records, with an assignment open then). */
  welfarePostsFilled: SuppressedCount;
  /** 零就业家庭户数 at period.asOf (stock). */
  zeroEmploymentHouseholds: SuppressedCount;
};

/** 就业帮扶指标 — the indicators officials report, for a region and a period. Every count is suppressed below the threshold for every caller (these figures are for dashboards), and a rate whose numerator or denominator is suppressed is suppressed. */
export type Indicators = {
  __typename?: 'Indicators';
  /** 按贫困状态: labourForce, employed, employmentRate and newTransfers split by poverty group (未脱贫, 已脱贫, 监测对象, 其他, in that order); the groups add up to the totals. */
  byPovertyStatus: Array<PovertyStatusFigures>;
  /** 已就业: able labourers whose employment status is EMPLOYED (stock on period.asOf, like labourForce). */
  employed: SuppressedCount;
  /** 就业率 = employed ÷ labourForce (stock on period.asOf). */
  employmentRate: SuppressedRate;
  freshness: Freshness;
  /** 招聘会意向达成率: registry workers who reached a job-fair intention within the period ÷ registry workers with an employment intention other than NONE (stock on period.asOf). */
  jobFairIntentionRate: SuppressedRate;
  /** 劳动力: registry workers who are able labourers (aged 16–60, not student/serving, not unable to work, no grade 1–2 disability). A stock on period.asOf (see stockSource): today’s figure while the period runs, the state at the end of a past period from the history. */
  labourForce: SuppressedCount;
  /** 新增转移就业: distinct workers whose transfer started within the period — organised transfers (partner) and hr employments of kind TRANSFER_IN_PROVINCE/TRANSFER_OUT_OF_PROVINCE; a worker recorded by both counts once. */
  newTransfers: SuppressedCount;
  period: IndicatorPeriod;
  region: SituationRegion;
  /** 稳岗率: denominator = distinct workers with a transfer (partner or hr, as newTransfers) that started in the 12 months ending on period.asOf and at least 90 days before it (asOf − 12 months < start ≤ asOf − 90 days); numerator = those of them with such a transfer still not ended 90 days after its start (no end date, or ended on or after start + 90 days). */
  retention: SuppressedRate;
  /** Where the stock figures come from: CURRENT (the period runs: today’s state), HISTORY (the state at the end of period.to, from the read model’s history, as indicatorSeries answers it) or BEFORE_HISTORY (the period ended before the history begins: every stock and every rate over one is null with suppressed = false, never estimated). */
  stockSource: SeriesStockSource;
  subsidies: SubsidyIndicators;
  /** Counts from 1 to threshold − 1 are suppressed (SUPPRESSION_THRESHOLD). */
  threshold: Scalars['Int']['output'];
  training: TrainingIndicators;
  /** 转移就业（按地点）: employed labourers by employment place (stock on period.asOf); the parts add up to employed. */
  transferByPlace: Array<PlaceCount>;
  /** 月度核实率: registry workers (every person_situation row) with a record verification in the calendar month of period.asOf (the period’s last month, or the current month while it runs) whose outcome is not NOT_REACHED (未能核实 is an attempt, not a verification) ÷ all registry workers. */
  verifiedShare: SuppressedRate;
  /** 开发公益性岗位: public-welfare posts of the region open on period.asOf (opened on or before it, or with no opening day recorded; not closed on or before it). */
  welfarePostsDeveloped: SuppressedCount;
  /** 在岗公益性岗位: posts open on period.asOf with an assignment open on that day. */
  welfarePostsFilled: SuppressedCount;
  /** 零就业家庭户数: households with an able labourer and nobody employed — the zero-employment list’s condition (sql/conditions.ts ZERO_EMPLOYMENT), counted as its totalCount is. Current stock, like labourForce. */
  zeroEmploymentHouseholds: SuppressedCount;
};

/** 培训机构 / 技工学校 — an institution that runs vocational training courses. */
export type Institution = {
  __typename?: 'Institution';
  /** Courses the institution offers (not closed), by name. */
  courses: Array<Course>;
  /** 所在区划 — the division (usually a township) the institution is in. */
  divisionCode: Scalars['DivisionCode']['output'];
  id: Scalars['ID']['output'];
  kind: InstitutionKind;
  name: Scalars['String']['output'];
};

/** 培训机构类别 — kind of training institution */
export type InstitutionKind =
  /** 企业培训中心 */
  | 'ENTERPRISE'
  /** 技工学校 */
  | 'TECHNICAL_SCHOOL'
  /** 职业培训机构 */
  | 'TRAINING_CENTRE';

export type InstitutionPage = {
  __typename?: 'InstitutionPage';
  nodes: Array<Institution>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 招聘会 — a job fair, on site in a township or county, or online (线上招聘会). */
export type JobFair = {
  __typename?: 'JobFair';
  /** 入场人数 — how many people came (online: how many took part), as the organiser counted; empty until recorded. */
  attendance?: Maybe<Scalars['Int']['output']>;
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** The day it was called off; a cancelled fair takes no employers, intentions or attendance. */
  cancelledOn?: Maybe<Scalars['LocalDate']['output']>;
  division: Division;
  /** County code for county-wide and online fairs, township code for a township fair. */
  divisionCode: Scalars['DivisionCode']['output'];
  /** 参会企业 — employers taking part (at most 200). */
  employers: Array<Employer>;
  heldOn: Scalars['LocalDate']['output'];
  id: Scalars['ID']['output'];
  /** 达成意向 reached at this fair. */
  intentions: Array<JobFairIntention>;
  name: Scalars['String']['output'];
  /** 线上 — held online. */
  online: Scalars['Boolean']['output'];
  /** 主办单位 — who organises it (区人社局, 镇政府, 就业服务中心…). */
  organiser?: Maybe<Scalars['String']['output']>;
  /** 进场岗位 — postings brought to the fair (at most 500). */
  postings: Array<JobPosting>;
  /** 举办地点 — where an on-site fair is held; empty for online fairs (and fairs recorded before venues were kept). */
  venue?: Maybe<Scalars['String']['output']>;
};

/** 达成意向 — a worker and an employer agreed on a posting at a job fair. */
export type JobFairIntention = {
  __typename?: 'JobFairIntention';
  fair: JobFair;
  id: Scalars['ID']['output'];
  posting: JobPosting;
  reachedOn: Scalars['LocalDate']['output'];
  worker: Worker;
};

export type JobFairPage = {
  __typename?: 'JobFairPage';
  nodes: Array<JobFair>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 招聘岗位 — a job posting: threshold, skills, wage range, place and headcount. */
export type JobPosting = {
  __typename?: 'JobPosting';
  closeReason?: Maybe<PostingCloseReason>;
  /** The day it closed (filled, withdrawn or expired); from then on it takes nobody. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  employer: Employer;
  /** People wanted (招聘人数). */
  headcount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  location: Scalars['String']['output'];
  /** Lowest education accepted, if any. */
  minEducation?: Maybe<Education>;
  /** Monthly wage up to, in yuan. */
  monthlyWageMax: Scalars['Int']['output'];
  /** Monthly wage from, in yuan. */
  monthlyWageMin: Scalars['Int']['output'];
  openFrom: Scalars['LocalDate']['output'];
  openUntil: Scalars['LocalDate']['output'];
  /** Where the job is, seen from the county. */
  place: EmploymentPlace;
  /** Headcount not yet taken by intentions reached at job fairs (达成意向). */
  remainingHeadcount: Scalars['Int']['output'];
  /** Trade certificate required; empty = low threshold (低门槛), anyone may apply. */
  requiredTrade?: Maybe<Trade>;
  /** 技能要求 — skills asked for. */
  skills: Scalars['String']['output'];
  /** 招聘门槛 — threshold (age, health, experience…). */
  threshold: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type JobPostingPage = {
  __typename?: 'JobPostingPage';
  nodes: Array<JobPosting>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 人员查询 — a person the read model knows, by ID number: in hr’s labour registry or known only to poverty (a household member) or civil affairs. Department staff of the region, with a declared purpose; every lookup is logged. */
export type KnownPerson = {
  __typename?: 'KnownPerson';
  /** 年龄 (today, China time) */
  age: Scalars['Int']['output'];
  /** The departments whose records name the person: hr (the labour registry), poverty (a household member), civil. */
  departments: Array<Scalars['String']['output']>;
  /** 户编号 — department staff of the region */
  householdCode?: Maybe<Scalars['String']['output']>;
  /** Pseudonymous worker key (the same in every department). */
  id: Scalars['ID']['output'];
  /** 身份证号 — needs the reveal permission */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** 身份证号（脱敏） — department staff of the region */
  idNumberMasked?: Maybe<Scalars['String']['output']>;
  /** In hr’s labour registry. */
  inLabourRegistry: Scalars['Boolean']['output'];
  /** 姓名 (hr, else poverty; civil publishes none) */
  name?: Maybe<Scalars['String']['output']>;
  /** 贫困状态 — the household's (poverty) */
  povertyStatus?: Maybe<PovertyStatus>;
  /** 性别 */
  sex: Sex;
  /** The registry worker's cross-department facts (null when not registered). */
  situation?: Maybe<SituationPerson>;
  /** 应登尽登: a working-age member of a poor or monitored household whom the registry does not hold (on unregisteredLabourers). */
  unregisteredLabourer: Scalars['Boolean']['output'];
  /** 村（社区）代码 (hr’s registry, else poverty’s household, else civil’s) */
  villageCode: Scalars['String']['output'];
  /** 村（社区） */
  villageName?: Maybe<Scalars['String']['output']>;
  /** The person in the departments' own subgraphs (null unless hr's registry holds them). */
  worker?: Maybe<Worker>;
};

/** 劳务输出基地/劳务工作站 — a labour-export base or service station in a partner city. */
export type LabourBase = {
  __typename?: 'LabourBase';
  address: Scalars['String']['output'];
  city: PartnerCity;
  /** Why it was closed. */
  closeReason?: Maybe<Scalars['String']['output']>;
  /** 撤销日期 — closed from this day on (closeLabourBase); empty while it works. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  id: Scalars['ID']['output'];
  kind: LabourBaseKind;
  name: Scalars['String']['output'];
};

/** 劳务基地类别 — kind of labour base in a partner city */
export type LabourBaseKind =
  /** 劳务输出基地 */
  | 'EXPORT_BASE'
  /** 劳务工作站 */
  | 'SERVICE_STATION';

/** 应登尽登 — how complete the labour registry is for the working-age members of poor and monitored households of a region. Aggregate; dashboards get small counts suppressed. */
export type LabourRegistryCompleteness = {
  __typename?: 'LabourRegistryCompleteness';
  region: SituationRegion;
  /** (workingAgeMembers − unregistered) / workingAgeMembers */
  registeredShare: SuppressedRate;
  /** Of these, not in hr’s labour registry. */
  unregistered: SuppressedCount;
  /** Working-age (16–60) current members of registered poor and monitored households (poverty). */
  workingAgeMembers: SuppressedCount;
};

/** 最近帮扶措施 — the latest dated thing any department did for a member. */
export type LastAction = {
  __typename?: 'LastAction';
  /** hr, training or partner */
  department: Scalars['String']['output'];
  on: Scalars['LocalDate']['output'];
  what: Scalars['String']['output'];
};

/** 三留守 — left-behind elderly, children or women */
export type LeftBehindKind =
  /** 留守儿童 */
  | 'CHILD'
  /** 留守老人 */
  | 'ELDERLY'
  /** 留守妇女 */
  | 'WOMAN';

/** 核实状态 — whether the county confirmed a link a partner city or institution recorded */
export type LinkConfirmation =
  /** 已确认 */
  | 'CONFIRMED'
  /** 待县级核实 */
  | 'PENDING'
  /** 已驳回 */
  | 'REJECTED';

/** 防返贫监测 — a relapse-monitoring case of a registered household, from candidate to exit. */
export type MonitoringCase = {
  __typename?: 'MonitoringCase';
  /** 风险消除 reason, or why it was not taken into monitoring. */
  closeReason?: Maybe<Scalars['String']['output']>;
  /** 退出监测 or 不予纳入: the date. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  entryRoute: MonitoringEntryRoute;
  /** The household (join its other departments’ fields through it). */
  household: Household;
  /** 户编号 */
  householdCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 帮扶措施, by date. */
  measures: Array<MonitoringMeasure>;
  /** What the case is about, in the opener’s words. */
  note?: Maybe<Scalars['String']['output']>;
  /** 发现/申报日期 */
  openedOn: Scalars['LocalDate']['output'];
  /** 风险类型 (one or more) */
  riskTypes: Array<RelapseRiskType>;
  /** The warning rule (situation WarningRuleId) that raised the candidate, for DEPARTMENT_DATA. */
  sourceRule?: Maybe<Scalars['String']['output']>;
  step: MonitoringStep;
  /** Every step, oldest first: who, when, note. */
  transitions: Array<MonitoringTransition>;
};

/** 防返贫监测统计 — cases by step and open cases by risk type (small-cell suppressed for dashboards). */
export type MonitoringCaseCounts = {
  __typename?: 'MonitoringCaseCounts';
  byRiskType: Array<MonitoringRiskCount>;
  byStep: Array<MonitoringStepCount>;
  region: Scalars['String']['output'];
};

export type MonitoringCasePage = {
  __typename?: 'MonitoringCasePage';
  nodes: Array<MonitoringCase>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 监测对象识别途径 — how a household came to be a monitoring candidate */
export type MonitoringEntryRoute =
  /** 干部排查 */
  | 'CADRE_SCREENING'
  /** 部门筛查预警 */
  | 'DEPARTMENT_DATA'
  /** 农户自主申报 */
  | 'SELF_REPORT';

/** 帮扶措施 — one assistance measure of a monitoring case. */
export type MonitoringMeasure = {
  __typename?: 'MonitoringMeasure';
  id: Scalars['ID']['output'];
  kind: AssistanceMeasureKind;
  note?: Maybe<Scalars['String']['output']>;
  /** The staff account that recorded it. */
  recordedBy: Scalars['String']['output'];
  /** 责任人或责任单位 */
  responsible: Scalars['String']['output'];
  takenOn: Scalars['LocalDate']['output'];
};

/** Open monitoring cases (candidate to approved) with one risk type in a region; a case with several risks counts under each. */
export type MonitoringRiskCount = {
  __typename?: 'MonitoringRiskCount';
  /** 户数; null for dashboards when suppressed. */
  households?: Maybe<Scalars['Int']['output']>;
  riskType: RelapseRiskType;
  suppressed: Scalars['Boolean']['output'];
};

/** 防返贫监测程序 — the step a monitoring case has reached */
export type MonitoringStep =
  /** 待评议（监测候选） */
  | 'CANDIDATE'
  /** 县审定（纳入监测） */
  | 'COUNTY_APPROVED'
  /** 风险消除（退出监测） */
  | 'EXITED'
  /** 不予纳入 */
  | 'REJECTED'
  /** 乡镇审核 */
  | 'TOWNSHIP_CHECKED'
  /** 村评议 */
  | 'VILLAGE_REVIEWED';

/** Monitoring cases at one step in a region. */
export type MonitoringStepCount = {
  __typename?: 'MonitoringStepCount';
  /** 户数 (cases); null for dashboards when suppressed. */
  households?: Maybe<Scalars['Int']['output']>;
  step: MonitoringStep;
  suppressed: Scalars['Boolean']['output'];
};

/** 监测程序记录 — one step of a monitoring case: who, when, note. */
export type MonitoringTransition = {
  __typename?: 'MonitoringTransition';
  /** The staff account that took the step. */
  actedBy: Scalars['String']['output'];
  /** The date of the decision. */
  actedOn: Scalars['LocalDate']['output'];
  /** Empty for the opening of the case. */
  fromStep?: Maybe<MonitoringStep>;
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  toStep: MonitoringStep;
};

/** Move a monitoring case one step: VILLAGE_REVIEWED, TOWNSHIP_CHECKED, COUNTY_APPROVED, EXITED or REJECTED. */
export type MoveMonitoringCaseInput = {
  caseId: Scalars['ID']['input'];
  /** Note, up to 200 characters; the reason (4 to 200 characters) for EXITED and REJECTED. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Date of the decision; not before the last step, not in the future. */
  on: Scalars['LocalDate']['input'];
  /** The next step (REJECTED at any review step; EXITED after COUNTY_APPROVED). */
  to: MonitoringStep;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** 签收任务: the assignee acknowledges an ASSIGNED or REOPENED task. */
  acknowledgeTask: Task;
  /** Record a care duty that keeps a worker near home. */
  addCareDuty: CareDuty;
  /** 排课 — add a session to an open class’s schedule. */
  addClassSession: ClassSession;
  /** 增加家庭成员 — a person joins a registered household (birth, marriage…). */
  addHouseholdMember: HouseholdMember;
  /** 参会企业 — an employer takes part in a fair of your region, with the postings it brings. */
  addJobFairEmployer: JobFair;
  /** 结对帮扶 — make a cadre responsible for a household; the current responsibility ends the day before. */
  assignResponsibility: HouseholdResponsibility;
  /** 分派任务: an officer of the subject's region assigns its task to a named account whose scope covers the subject (checked against your region and the subject); the assignee is notified. */
  assignTask: Task;
  /** 公益性岗位安置 — give a vacant post to a worker of its village; opens a PUBLIC_WELFARE_POST employment in the same transaction. */
  assignWelfarePost: WelfarePostAssignment;
  /** Call off a job fair of your region before anything happened at it. */
  cancelJobFair: JobFair;
  /** 取消 — cancel a class: trainees still enrolled are dropped (班级取消：reason); refused once a trainee completed. */
  cancelTrainingClass: TrainingClass;
  /** 发证 — record a skill certificate (number unique, grade 1–5). */
  certifyTrainee: Certificate;
  /** 贫困状态变更 — record a dated status change (脱贫, 返贫, 纳入/解除监测…). */
  changePovertyStatus: Household;
  /** 停办 — no new classes of the course; classes already planned run on. */
  closeCourse: Course;
  /** 注销/停办 — close an employer of your region; its open postings are withdrawn. */
  closeEmployer: Employer;
  /** Close a posting of your region: filled, withdrawn or expired. */
  closeJobPosting: JobPosting;
  /** 撤销 — close a base or station; its batches and postings keep pointing at it, new ones cannot. */
  closeLabourBase: LabourBase;
  /** 招满/撤回 — close a posting of the caller's city before its validUntil. */
  closePartnerJobPosting: PartnerJobPosting;
  /** 撤销 — close a unit with no open pairing and no household it answers for. */
  closeResponsibleUnit: ResponsibleUnit;
  /** 办结任务: closes when the data bears it out (a member employed, the warning no longer holds, the conflict resolved), or NOT_APPLICABLE with a note by an officer; the error says why not. */
  closeTask: Task;
  /** 结班 — close a class that has ended, once every trainee completed or dropped. */
  closeTrainingClass: TrainingClass;
  /** 撤岗 — close a vacant public-welfare post of your region. */
  closeWelfarePost: WelfarePost;
  /** 结业 — complete a class; needs at least 80 % attendance. */
  completeTraining: Enrolment;
  /** 核实确认 — county staff (hr or training) of the worker's region confirm an enrolment an institution recorded on its own; from then on the worker is its trainee. */
  confirmEnrolment: Enrolment;
  /** 核实确认 — county staff (hr or partner) of the worker's region confirm a transfer a partner city recorded on its own; from then on the city sees the worker. */
  confirmTransfer: Transfer;
  /** 选派 — a new cadre and the first village they serve (poverty officers, a village of their region). */
  createCadre: Cadre;
  /** 开设课程 — institution staff for their institution; county training staff for an institution of their region. */
  createCourse: Course;
  /** 新增用工主体 — record an employer in your region (hr officers). */
  createEmployer: Employer;
  /** 举办招聘会 — a job fair of your region (hr officers). */
  createJobFair: JobFair;
  /** 发布招聘岗位 — post a job of an operating employer of your region (hr officers). */
  createJobPosting: JobPosting;
  /** 设立劳务输出基地/劳务工作站 — partner staff; partner-city staff for their own city. */
  createLabourBase: LabourBase;
  /** 岗位推送 — partner-city staff push a job of their own city. */
  createPartnerJobPosting: PartnerJobPosting;
  /** 帮扶单位 — a unit kept by your region (poverty officers). */
  createResponsibleUnit: ResponsibleUnit;
  /** 开班 — a class of a course of the caller’s institution (county training staff: of their region). */
  createTrainingClass: TrainingClass;
  /** 登记组织输出批次 — register an organised departure to a partner city. */
  createTransferBatch: TransferBatch;
  /** 开发公益性岗位 — open a public-welfare post in a village of your region (hr officers). */
  createWelfarePost: WelfarePost;
  /** 退学 — a trainee leaves a class before completing it. */
  dropTraining: Enrolment;
  /** 结束驻村/帮扶 — end a posting (never deleted); refused while the cadre answers for households of the village. */
  endCadrePosting: CadrePosting;
  endCareDuty: CareDuty;
  /** 离岗 — the worker left the job of a transfer. */
  endTransfer: Transfer;
  /** End a pairing of a village of your region (never deleted). */
  endUnitPairing: UnitPairing;
  /** 报名 — enrol a worker in a class that has not ended and has a free place. */
  enrolTrainee: Enrolment;
  /** 审批低保/特困 — grant assistance to a household. */
  grantAssistance: AssistanceGrant;
  /** 监测程序 — the next step of a case: 村评议 (VILLAGE_REVIEWED) by a village account, 乡镇审核 (TOWNSHIP_CHECKED) by a township account, 县审定 (COUNTY_APPROVED: the household becomes 监测户) and 风险消除 (EXITED) by a county account; REJECTED by whoever takes the pending review step. */
  moveMonitoringCase: MonitoringCase;
  /** 监测候选 — open a relapse-monitoring case (poverty staff of the household’s region; DEPARTMENT_DATA names the warning rule). */
  openMonitoringCase: MonitoringCase;
  /** 结对帮扶 — pair an open unit with a village of your region. */
  pairUnitWithVillage: UnitPairing;
  /** A further village a cadre of your region serves. */
  postCadre: CadrePosting;
  /** 考勤 — set the days a trainee has attended so far. */
  recordAttendance: Enrolment;
  /** 一人一案 — civil (民政) records one service given to a person in your scope (career guidance, a job referral or push, a rights case, a contact attempt …). Errors name the field; nothing is written on any error. */
  recordCivilService: ServiceRecord;
  /** 联系记录 — record one attempt to reach a transferred worker, whatever came of it. */
  recordContactAttempt: ContactAttempt;
  /** 录入残疾信息 — record or correct a certified disability. */
  recordDisability: Worker;
  /** 离职登记 — an employment ended; the worker becomes UNEMPLOYED when no job remains. */
  recordEmploymentEnd: Employment;
  /** 就业登记 — a registered worker started a job; the worker becomes EMPLOYED. */
  recordEmploymentStart: Employment;
  /** 跟踪回访 — record a follow-up and all its contact attempts at once. */
  recordFollowUpVisit: FollowUpVisit;
  /** 一人一案 — hr (人社) records one service given to a person in your scope (career guidance, a job referral or push, a rights case, a contact attempt …). Errors name the field; nothing is written on any error. */
  recordHrService: ServiceRecord;
  /** 入场人数 — how many came to a fair of your region. */
  recordJobFairAttendance: JobFair;
  /** 达成意向 — a worker and an employer agreed on a posting at a job fair. */
  recordJobFairIntention: JobFairIntention;
  /** 帮扶措施 — record an assistance measure of an open case (poverty staff of the household’s region). */
  recordMonitoringMeasure: MonitoringMeasure;
  /** 一人一案 — partner (东西部协作) records one service given to a person in your scope (career guidance, a job referral or push, a rights case, a contact attempt …). Errors name the field; nothing is written on any error. */
  recordPartnerService: ServiceRecord;
  /** 培训后就业 — record the first job after a completed training. */
  recordPostTrainingEmployment: Enrolment;
  /** 一人一案 — poverty (扶贫/乡村振兴) records one service given to a person in your scope (career guidance, a job referral or push, a rights case, a contact attempt …). Errors name the field; nothing is written on any error. */
  recordPovertyService: ServiceRecord;
  /** 自发外出登记 — a worker who went to the partner city on their own (no batch) started a job there: partner-city staff for their own city, the county office for workers of its region. Checked as recordTransfer (ID number, one open transfer per worker); a city's record of a worker it does not see yet is PENDING until the county confirms it. */
  recordSelfOrganisedTransfer: Transfer;
  /** 补贴发放 — record an employment subsidy paid to a registered worker. */
  recordSubsidyPayment: SubsidyPayment;
  /** 一人一案 — training (培训机构) records one service given to a person in your scope (career guidance, a job referral or push, a rights case, a contact attempt …). Errors name the field; nothing is written on any error. */
  recordTrainingService: ServiceRecord;
  /** 转移就业登记 — a worker of a batch started a job in the partner city. */
  recordTransfer: Transfer;
  /** 月动态核实 — record a verification of a registered worker's record; the worker's verifiedOn moves forward to its day. hr officers and village assistants, for workers of their own region. */
  recordVerification: RecordVerification;
  /** 培训推荐 — county staff (hr or training) refer a worker of their region to an institution (or one class); its next enrolment of that worker (before validUntil) is confirmed at once. */
  referForTraining: TrainingReferral;
  /** 转移就业推荐 — county staff (hr or partner) refer a worker of their region to a partner city; the city's next transfer of that worker (before validUntil) is confirmed at once. */
  referForTransfer: TransferReferral;
  /** 建档立卡 / 纳入监测 — register a household, its members and its first status. */
  registerHousehold: Household;
  /** 农村劳动力实名制登记 — register a person aged 16–60 in the labour registry. */
  registerWorker: Worker;
  /** 核实驳回 — county staff (hr or training) of the worker's region reject an enrolment an institution recorded on its own (reason required); the institution never sees the worker through it. */
  rejectEnrolment: Enrolment;
  /** 核实驳回 — county staff (hr or partner) of the worker's region reject a transfer a partner city recorded on its own (reason required); the city never sees the worker through it. */
  rejectTransfer: Transfer;
  /** End a holding of a public-welfare post, and its employment with it. */
  releaseWelfarePost: WelfarePostAssignment;
  /** Take a session not yet held off the schedule; returns its class. */
  removeClassSession: TrainingClass;
  /** 减少家庭成员 — a person leaves a registered household (出嫁, 死亡, 迁出…). */
  removeHouseholdMember: HouseholdMember;
  /** An employer withdraws from a fair of your region, with its postings. */
  removeJobFairEmployer: JobFair;
  /** 撤销目标任务: withdraws the targets of one period and measure from regions of your county, all or none (a region holding none is named, nothing removed); the change history keeps each (DELETE, with the value before). County officers of hr or poverty, with a purpose. Answers the county’s remaining targets for that period and measure. */
  removeTargets: TargetList;
  /** 处理冲突: records how a conflict was settled (note, and optionally which department's fact holds). Department staff of the conflict's region; the conflict reopens when either fact changes. */
  resolveConflict: Conflict;
  /** 查看完整手机号 — partner-city staff reveal the full phone of a worker transferred to their city (a confirmed transfer, open or ended within the follow-up period of 183 days), to phone them. Logged in the access log as a reveal (reveal:Transfer.phone); never the ID number. A worker you do not see reads as none (NOT_FOUND on workerId). */
  revealPhone: PhoneReveal;
  /** 三留守标注 — set or clear a left-behind status. */
  setLeftBehind: Worker;
  /** 下达目标任务: sets the targets of one period (a year or a quarter) and measure for regions of your county (the county, its townships, its villages), all or none, in one transaction; each change is kept in the change history. County officers of hr or poverty, with a purpose. Answers every target of the county for that period and measure. */
  setTargets: TargetList;
  /** 停发 — stop a grant from a given day, with the reason. */
  stopAssistance: AssistanceGrant;
  /** Change a cadre of your region (name, unit, role, phone, account). */
  updateCadre: Cadre;
  /** 维权案件 — update a rights-protection case civil (民政) opened, until it is closed (a closed case is not changed: CONFLICT on input.id). */
  updateCivilRightsCase: ServiceRecord;
  /** Move or retitle a session not yet held. */
  updateClassSession: ClassSession;
  /** Change an open course (not its trade). */
  updateCourse: Course;
  /** Change an operating employer of your region. */
  updateEmployer: Employer;
  /** 维权案件 — update a rights-protection case hr (人社) opened, until it is closed (a closed case is not changed: CONFLICT on input.id). */
  updateHrRightsCase: ServiceRecord;
  /** Change a job fair of your region. */
  updateJobFair: JobFair;
  /** Change an open posting of your region. */
  updateJobPosting: JobPosting;
  /** Change the name, kind or address of an open base or station. */
  updateLabourBase: LabourBase;
  /** Change an open posting of the caller's city. */
  updatePartnerJobPosting: PartnerJobPosting;
  /** 维权案件 — update a rights-protection case partner (东西部协作) opened, until it is closed (a closed case is not changed: CONFLICT on input.id). */
  updatePartnerRightsCase: ServiceRecord;
  /** 维权案件 — update a rights-protection case poverty (扶贫/乡村振兴) opened, until it is closed (a closed case is not changed: CONFLICT on input.id). */
  updatePovertyRightsCase: ServiceRecord;
  /** Change an open unit your region keeps. */
  updateResponsibleUnit: ResponsibleUnit;
  /** 六个清楚 — update a worker's six clarities (the monthly verification). */
  updateSixClarities: Worker;
  /** Change an open class: dates (the first day only before it began), places, place, teacher. */
  updateTrainingClass: TrainingClass;
  /** 维权案件 — update a rights-protection case training (培训机构) opened, until it is closed (a closed case is not changed: CONFLICT on input.id). */
  updateTrainingRightsCase: ServiceRecord;
  /** Change an open public-welfare post of your region. */
  updateWelfarePost: WelfarePost;
  /** 作废 — withdraw a service record civil (民政) entered in error, with the reason. It stays in the department with who, when and why, and leaves the person's timeline. Twice: CONFLICT on input.id. */
  withdrawCivilService: ServiceRecord;
  /** 作废 — withdraw a service record hr (人社) entered in error, with the reason. It stays in the department with who, when and why, and leaves the person's timeline. Twice: CONFLICT on input.id. */
  withdrawHrService: ServiceRecord;
  /** 作废 — withdraw a service record partner (东西部协作) entered in error, with the reason. It stays in the department with who, when and why, and leaves the person's timeline. Twice: CONFLICT on input.id. */
  withdrawPartnerService: ServiceRecord;
  /** 作废 — withdraw a service record poverty (扶贫/乡村振兴) entered in error, with the reason. It stays in the department with who, when and why, and leaves the person's timeline. Twice: CONFLICT on input.id. */
  withdrawPovertyService: ServiceRecord;
  /** 作废 — withdraw a service record training (培训机构) entered in error, with the reason. It stays in the department with who, when and why, and leaves the person's timeline. Twice: CONFLICT on input.id. */
  withdrawTrainingService: ServiceRecord;
};


export type MutationAcknowledgeTaskArgs = {
  input: AcknowledgeTaskInput;
};


export type MutationAddCareDutyArgs = {
  input: AddCareDutyInput;
};


export type MutationAddClassSessionArgs = {
  input: AddClassSessionInput;
};


export type MutationAddHouseholdMemberArgs = {
  input: AddHouseholdMemberInput;
};


export type MutationAddJobFairEmployerArgs = {
  input: AddJobFairEmployerInput;
};


export type MutationAssignResponsibilityArgs = {
  input: AssignResponsibilityInput;
};


export type MutationAssignTaskArgs = {
  input: AssignTaskInput;
};


export type MutationAssignWelfarePostArgs = {
  input: AssignWelfarePostInput;
};


export type MutationCancelJobFairArgs = {
  input: CancelJobFairInput;
};


export type MutationCancelTrainingClassArgs = {
  input: CancelTrainingClassInput;
};


export type MutationCertifyTraineeArgs = {
  input: CertifyTraineeInput;
};


export type MutationChangePovertyStatusArgs = {
  input: ChangePovertyStatusInput;
};


export type MutationCloseCourseArgs = {
  input: CloseCourseInput;
};


export type MutationCloseEmployerArgs = {
  input: CloseEmployerInput;
};


export type MutationCloseJobPostingArgs = {
  input: CloseJobPostingInput;
};


export type MutationCloseLabourBaseArgs = {
  input: CloseLabourBaseInput;
};


export type MutationClosePartnerJobPostingArgs = {
  input: ClosePartnerJobPostingInput;
};


export type MutationCloseResponsibleUnitArgs = {
  input: CloseResponsibleUnitInput;
};


export type MutationCloseTaskArgs = {
  input: CloseTaskInput;
};


export type MutationCloseTrainingClassArgs = {
  input: CloseTrainingClassInput;
};


export type MutationCloseWelfarePostArgs = {
  input: CloseWelfarePostInput;
};


export type MutationCompleteTrainingArgs = {
  input: CompleteTrainingInput;
};


export type MutationConfirmEnrolmentArgs = {
  input: DecideEnrolmentInput;
};


export type MutationConfirmTransferArgs = {
  input: DecideTransferInput;
};


export type MutationCreateCadreArgs = {
  input: CreateCadreInput;
};


export type MutationCreateCourseArgs = {
  input: CreateCourseInput;
};


export type MutationCreateEmployerArgs = {
  input: CreateEmployerInput;
};


export type MutationCreateJobFairArgs = {
  input: CreateJobFairInput;
};


export type MutationCreateJobPostingArgs = {
  input: CreateJobPostingInput;
};


export type MutationCreateLabourBaseArgs = {
  input: CreateLabourBaseInput;
};


export type MutationCreatePartnerJobPostingArgs = {
  input: CreatePartnerJobPostingInput;
};


export type MutationCreateResponsibleUnitArgs = {
  input: CreateResponsibleUnitInput;
};


export type MutationCreateTrainingClassArgs = {
  input: CreateTrainingClassInput;
};


export type MutationCreateTransferBatchArgs = {
  input: CreateTransferBatchInput;
};


export type MutationCreateWelfarePostArgs = {
  input: CreateWelfarePostInput;
};


export type MutationDropTrainingArgs = {
  input: DropTrainingInput;
};


export type MutationEndCadrePostingArgs = {
  input: EndCadrePostingInput;
};


export type MutationEndCareDutyArgs = {
  input: EndCareDutyInput;
};


export type MutationEndTransferArgs = {
  input: EndTransferInput;
};


export type MutationEndUnitPairingArgs = {
  input: EndUnitPairingInput;
};


export type MutationEnrolTraineeArgs = {
  input: EnrolTraineeInput;
};


export type MutationGrantAssistanceArgs = {
  input: GrantAssistanceInput;
};


export type MutationMoveMonitoringCaseArgs = {
  input: MoveMonitoringCaseInput;
};


export type MutationOpenMonitoringCaseArgs = {
  input: OpenMonitoringCaseInput;
};


export type MutationPairUnitWithVillageArgs = {
  input: PairUnitWithVillageInput;
};


export type MutationPostCadreArgs = {
  input: PostCadreInput;
};


export type MutationRecordAttendanceArgs = {
  input: RecordAttendanceInput;
};


export type MutationRecordCivilServiceArgs = {
  input: RecordServiceInput;
};


export type MutationRecordContactAttemptArgs = {
  input: RecordContactAttemptInput;
};


export type MutationRecordDisabilityArgs = {
  input: RecordDisabilityInput;
};


export type MutationRecordEmploymentEndArgs = {
  input: RecordEmploymentEndInput;
};


export type MutationRecordEmploymentStartArgs = {
  input: RecordEmploymentStartInput;
};


export type MutationRecordFollowUpVisitArgs = {
  input: RecordFollowUpVisitInput;
};


export type MutationRecordHrServiceArgs = {
  input: RecordServiceInput;
};


export type MutationRecordJobFairAttendanceArgs = {
  input: RecordJobFairAttendanceInput;
};


export type MutationRecordJobFairIntentionArgs = {
  input: RecordJobFairIntentionInput;
};


export type MutationRecordMonitoringMeasureArgs = {
  input: RecordMonitoringMeasureInput;
};


export type MutationRecordPartnerServiceArgs = {
  input: RecordServiceInput;
};


export type MutationRecordPostTrainingEmploymentArgs = {
  input: RecordPostTrainingEmploymentInput;
};


export type MutationRecordPovertyServiceArgs = {
  input: RecordServiceInput;
};


export type MutationRecordSelfOrganisedTransferArgs = {
  input: RecordSelfOrganisedTransferInput;
};


export type MutationRecordSubsidyPaymentArgs = {
  input: RecordSubsidyPaymentInput;
};


export type MutationRecordTrainingServiceArgs = {
  input: RecordServiceInput;
};


export type MutationRecordTransferArgs = {
  input: RecordTransferInput;
};


export type MutationRecordVerificationArgs = {
  input: RecordVerificationInput;
};


export type MutationReferForTrainingArgs = {
  input: ReferForTrainingInput;
};


export type MutationReferForTransferArgs = {
  input: ReferForTransferInput;
};


export type MutationRegisterHouseholdArgs = {
  input: RegisterHouseholdInput;
};


export type MutationRegisterWorkerArgs = {
  input: RegisterWorkerInput;
};


export type MutationRejectEnrolmentArgs = {
  input: DecideEnrolmentInput;
};


export type MutationRejectTransferArgs = {
  input: DecideTransferInput;
};


export type MutationReleaseWelfarePostArgs = {
  input: ReleaseWelfarePostInput;
};


export type MutationRemoveClassSessionArgs = {
  input: RemoveClassSessionInput;
};


export type MutationRemoveHouseholdMemberArgs = {
  input: RemoveHouseholdMemberInput;
};


export type MutationRemoveJobFairEmployerArgs = {
  input: RemoveJobFairEmployerInput;
};


export type MutationRemoveTargetsArgs = {
  input: RemoveTargetsInput;
};


export type MutationResolveConflictArgs = {
  input: ResolveConflictInput;
};


export type MutationRevealPhoneArgs = {
  workerId: Scalars['ID']['input'];
};


export type MutationSetLeftBehindArgs = {
  input: SetLeftBehindInput;
};


export type MutationSetTargetsArgs = {
  input: SetTargetsInput;
};


export type MutationStopAssistanceArgs = {
  input: StopAssistanceInput;
};


export type MutationUpdateCadreArgs = {
  input: UpdateCadreInput;
};


export type MutationUpdateCivilRightsCaseArgs = {
  input: UpdateRightsCaseInput;
};


export type MutationUpdateClassSessionArgs = {
  input: UpdateClassSessionInput;
};


export type MutationUpdateCourseArgs = {
  input: UpdateCourseInput;
};


export type MutationUpdateEmployerArgs = {
  input: UpdateEmployerInput;
};


export type MutationUpdateHrRightsCaseArgs = {
  input: UpdateRightsCaseInput;
};


export type MutationUpdateJobFairArgs = {
  input: UpdateJobFairInput;
};


export type MutationUpdateJobPostingArgs = {
  input: UpdateJobPostingInput;
};


export type MutationUpdateLabourBaseArgs = {
  input: UpdateLabourBaseInput;
};


export type MutationUpdatePartnerJobPostingArgs = {
  input: UpdatePartnerJobPostingInput;
};


export type MutationUpdatePartnerRightsCaseArgs = {
  input: UpdateRightsCaseInput;
};


export type MutationUpdatePovertyRightsCaseArgs = {
  input: UpdateRightsCaseInput;
};


export type MutationUpdateResponsibleUnitArgs = {
  input: UpdateResponsibleUnitInput;
};


export type MutationUpdateSixClaritiesArgs = {
  input: UpdateSixClaritiesInput;
};


export type MutationUpdateTrainingClassArgs = {
  input: UpdateTrainingClassInput;
};


export type MutationUpdateTrainingRightsCaseArgs = {
  input: UpdateRightsCaseInput;
};


export type MutationUpdateWelfarePostArgs = {
  input: UpdateWelfarePostInput;
};


export type MutationWithdrawCivilServiceArgs = {
  input: WithdrawServiceInput;
};


export type MutationWithdrawHrServiceArgs = {
  input: WithdrawServiceInput;
};


export type MutationWithdrawPartnerServiceArgs = {
  input: WithdrawServiceInput;
};


export type MutationWithdrawPovertyServiceArgs = {
  input: WithdrawServiceInput;
};


export type MutationWithdrawTrainingServiceArgs = {
  input: WithdrawServiceInput;
};

/** 监测候选 — open a relapse-monitoring case for a registered household (step CANDIDATE). */
export type OpenMonitoringCaseInput = {
  entryRoute: MonitoringEntryRoute;
  /** 户编号, 16 digits; a registered household of your region. */
  householdCode: Scalars['String']['input'];
  /** What the case is about, up to 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 发现/申报日期; not in the future. */
  openedOn: Scalars['LocalDate']['input'];
  /** One or more risk types, each once. */
  riskTypes: Array<RelapseRiskType>;
  /** For DEPARTMENT_DATA: the warning rule that raised the candidate (situation relapseCandidates). Empty for the other routes. */
  sourceRule?: InputMaybe<Scalars['String']['input']>;
};

/** How often one contact outcome occurred: the data-quality figures of the follow-up lists. */
export type OutcomeCount = {
  __typename?: 'OutcomeCount';
  /** Attempts with this outcome (null for dashboards when suppressed). */
  attempts?: Maybe<Scalars['Int']['output']>;
  /** Chinese label, e.g. 空号停机错号. */
  label: Scalars['String']['output'];
  outcome: ContactOutcome;
  /** workers / all workers attempted in the period (0–1); empty when nobody was, or (dashboards) when workers or their total is suppressed. */
  share?: Maybe<Scalars['Float']['output']>;
  /** true when a count is withheld (dashboards only; small-cell suppression). */
  suppressed: Scalars['Boolean']['output'];
  /** Workers whose latest attempt in the period had this outcome (null for dashboards when suppressed). */
  workers?: Maybe<Scalars['Int']['output']>;
};

/** Where a page stands in its list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** 结对帮扶 — pair an open unit with a village of your region. */
export type PairUnitWithVillageInput = {
  /** Not in the future. */
  since: Scalars['LocalDate']['input'];
  unitId: Scalars['ID']['input'];
  /** 12-digit village code in your region. */
  villageCode: Scalars['String']['input'];
};

/** 协作城市考核 — a partner city’s own assessment figures for a year: transfers (county-confirmed, first working day in the year), retention at 3/6/12 months, follow-up coverage and contact outcomes. Region staff read the workers of their region only. Training the city funded is not included: the training records name no funder. Of whom registered poor (registeredPoor) comes from the situation read model, which knows the poverty office’s records. */
export type PartnerAssessment = {
  __typename?: 'PartnerAssessment';
  /** 4-digit city code. */
  cityCode: Scalars['String']['output'];
  /** Every outcome, in vocabulary order. */
  contactOutcomes: Array<ContactOutcomeCount>;
  followUp: FollowUpCoverage;
  /** 东西部协作资金培训 — trainees of the classes the city funded (training’s class funder PARTNER_CITY with this city) that began in the year: enrolled, completed, employed within 3 months; county-confirmed enrolments, from the read model, small counts suppressed. Region staff: the trainees of their region. */
  fundedTraining: PartnerFundedTraining;
  /** 其中建档立卡 — of the year’s transfers, those of workers registered poor (未脱贫, 已脱贫, 脱贫不稳定) by the poverty office today, from the read model; null when suppressed (1 … threshold−1). Region staff: the workers of their region. */
  registeredPoor?: Maybe<Scalars['Int']['output']>;
  /** 稳岗 at 3, 6 and 12 months. */
  retention: Array<RetentionAt>;
  /** 自发外出 — of those, recorded without a batch (null: suppressed). */
  selfOrganised?: Maybe<Scalars['Int']['output']>;
  /** true when any count above is withheld (small-cell suppression). */
  suppressed: Scalars['Boolean']['output'];
  /** 转移就业人数 — confirmed transfers whose first working day lies in the year (null: suppressed). */
  transfers?: Maybe<Scalars['Int']['output']>;
  year: Scalars['Int']['output'];
};

/** 东西部协作/对口帮扶城市 — a partner city that takes in and looks after the county's transferred workers. */
export type PartnerCity = {
  __typename?: 'PartnerCity';
  /** 劳务输出基地/劳务工作站 in the city that are not closed. */
  bases: Array<LabourBase>;
  /** 组织输出批次 to the city, latest departure first. */
  batches: Array<TransferBatch>;
  /** 4-digit city division code (e.g. 4403 深圳市). */
  code: Scalars['DivisionCode']['output'];
  /** 城市名称 */
  name: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  /** 结对帮扶起始日期 — since when the pairing runs. */
  pairedSince: Scalars['LocalDate']['output'];
  /** 岗位推送 of the city, by id. */
  postings: PartnerJobPostingPage;
  /** 所在省份 */
  province: Scalars['String']['output'];
  /** 稳岗情况 of the workers transferred to the city (one aggregate query). */
  retention: Retention;
  /** 转移就业 to the city, by id (region staff: the workers of their region on each page). */
  transfers: TransferPage;
};


/** 东西部协作/对口帮扶城市 — a partner city that takes in and looks after the county's transferred workers. */
export type PartnerCityPostingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  validOn?: InputMaybe<Scalars['LocalDate']['input']>;
};


/** 东西部协作/对口帮扶城市 — a partner city that takes in and looks after the county's transferred workers. */
export type PartnerCityTransfersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  followUpDue?: InputMaybe<FollowUpDueFilter>;
  onlyActive?: InputMaybe<Scalars['Boolean']['input']>;
};

/** 协作资金培训 — trainees of the classes the partner city funded that began in the year (small counts suppressed). */
export type PartnerFundedTraining = {
  __typename?: 'PartnerFundedTraining';
  /** 结业人数 — of those, completed (null: suppressed). */
  completed?: Maybe<Scalars['Int']['output']>;
  /** 结业后3个月内就业 — of those completed, employed on or before completion + 3 months (null: suppressed). */
  employedWithin3Months?: Maybe<Scalars['Int']['output']>;
  /** 参训人数 — confirmed enrolments in the funded classes, dropouts included (null: suppressed). */
  enrolled?: Maybe<Scalars['Int']['output']>;
  /** Whether a count above was withheld. */
  suppressed: Scalars['Boolean']['output'];
};

/** 岗位推送 — a job a partner city pushed to the county for its workers. */
export type PartnerJobPosting = {
  __typename?: 'PartnerJobPosting';
  /** The base or station that pushed it, if any. */
  base?: Maybe<LabourBase>;
  city: PartnerCity;
  /** The posting city (4-digit code). */
  cityCode: Scalars['String']['output'];
  /** Why it was closed early. */
  closeReason?: Maybe<Scalars['String']['output']>;
  /** 提前结束 — closed from this day on (招满/撤回, closePartnerJobPosting); empty while it runs to validUntil. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 用工单位 */
  employerName: Scalars['String']['output'];
  /** 招聘人数 */
  headcount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** 月工资 (yuan) */
  monthlyWage: Scalars['Int']['output'];
  /** 推送日期 */
  pushedOn: Scalars['LocalDate']['output'];
  /** 所需工种 — a trade the job needs a certificate in; empty: no trade required (低门槛). */
  requiredTrade?: Maybe<Trade>;
  /** 岗位名称 */
  title: Scalars['String']['output'];
  /** 有效期至 (inclusive) */
  validUntil: Scalars['LocalDate']['output'];
  /** 人岗匹配 — counts of registered workers who would fit this posting (by township and certified trade) and of the referrals to it, without names; small counts suppressed, from one pattern shared by every posting and region (no difference of two answers reveals a small count). The posting city's staff and region staff (their region's workers: the account's own region, no argument). */
  willingWorkers: PostingMatches;
};

export type PartnerJobPostingPage = {
  __typename?: 'PartnerJobPostingPage';
  nodes: Array<PartnerJobPosting>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 查看完整手机号 — a transferred worker's full phone number, revealed to the partner city's own staff; every reveal is written to the access log. */
export type PhoneReveal = {
  __typename?: 'PhoneReveal';
  /** 手机号 in full, as recorded with the transfer; empty when none was recorded. */
  phone?: Maybe<Scalars['String']['output']>;
  revealedAt: Scalars['DateTimeISO']['output'];
  /** The transfer the number was recorded with (the latest confirmed one to your city). */
  transferId: Scalars['ID']['output'];
  /** The worker (pseudonymous key). */
  workerId: Scalars['ID']['output'];
};

/** 按就业地点 — employed labourers by where they work. */
export type PlaceCount = {
  __typename?: 'PlaceCount';
  /** 中文名称 */
  label: Scalars['String']['output'];
  people: SuppressedCount;
  /** null: employed, but hr holds no current employment record with a place. */
  place?: Maybe<EmploymentPlace>;
};

/** 人口状态 — where the person is */
export type PopulationStatus =
  /** 在家 */
  | 'AT_HOME'
  /** 外出 */
  | 'AWAY'
  /** 服兵役 */
  | 'MILITARY_SERVICE'
  /** 其他 */
  | 'OTHER'
  /** 在校学生 */
  | 'STUDENT';

/** A further village a cadre serves (in your region). */
export type PostCadreInput = {
  cadreId: Scalars['ID']['input'];
  /** Not in the future. */
  since: Scalars['LocalDate']['input'];
  villageCode: Scalars['String']['input'];
};

/** 岗位关闭原因 — why a job posting closed */
export type PostingCloseReason =
  /** 已过期 */
  | 'EXPIRED'
  /** 已招满 */
  | 'FILLED'
  /** 已撤回 */
  | 'WITHDRAWN';

/** 人岗匹配（协作城市）— how many registered workers would fit a pushed posting, without names: able to work, not already working away from home (out of the county) nor on an open transfer, not kept near home (care duties, a severe disability: the same rule as suitablePartnerJobPostings), willing to go where the job is (employmentIntention OUT_OF_PROVINCE for a city of another province, IN_PROVINCE for one of their own) and certified in the trade it asks for (any, for a 低门槛 posting). Counted from the read model of the caller’s region (partner-city staff: every registered worker); small counts suppressed. Every posting answers from one suppression pattern per province (one for the cities of that province, one for all others: townships × all willing, each trade, its complement, no certificate), so no two postings (with and without a trade) nor two regions can be subtracted to reveal a count of 1 … threshold−1. */
export type PostingMatches = {
  __typename?: 'PostingMatches';
  /** By township, every township of the region (zeros included; none for a village account). */
  byTownship: Array<TownshipMatchCount>;
  /** By certified trade (null: no certificate); a trade posting: its own trade only. */
  byTrade: Array<TradeMatchCount>;
  /** Referrals to this posting so far, by outcome; a referred worker is the first to be named to the city (through the referral). Suppressed over the posting’s referrals by township, so a region’s count and its townships’ agree and cannot be subtracted. */
  referrals: Array<ReferralOutcomeCount>;
  /** true when any count is withheld. */
  suppressed: Scalars['Boolean']['output'];
  /** Willing workers in all (null: suppressed). */
  total?: Maybe<Scalars['Int']['output']>;
};

/** 岗位来源 — whose posting a referral or push names */
export type PostingSource =
  /** 人社招聘岗位 */
  | 'HR_JOB_POSTING'
  /** 协作城市推送岗位 */
  | 'PARTNER_PUSHED_POSTING';

/** 贫困状态 — poverty status of a registered household */
export type PovertyStatus =
  /** 已脱贫 */
  | 'LIFTED'
  /** 脱贫不稳定 */
  | 'LIFTED_UNSTABLE'
  /** 边缘易致贫 */
  | 'MARGINAL'
  /** 未脱贫 */
  | 'NOT_LIFTED'
  /** 突发严重困难 */
  | 'SUDDEN_HARDSHIP';

/** 贫困状态变更 — one dated change of a registered household's poverty status. */
export type PovertyStatusChange = {
  __typename?: 'PovertyStatusChange';
  effectiveOn: Scalars['LocalDate']['output'];
  /** Empty for the first status (registration). */
  fromStatus?: Maybe<PovertyStatus>;
  /** 户编号 */
  householdCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 原因 — cause of poverty (致贫原因), reason for lifting, the risk… */
  reason: Scalars['String']['output'];
  toStatus: PovertyStatus;
};

/** 按贫困状态 — the figures of one poverty group. The groups partition the registry (each worker in exactly one, by the household’s current status), so each figure’s groups add up to the indicator’s own figure; they are suppressed together with it (a withheld group cannot be recovered from the total and the other groups). */
export type PovertyStatusFigures = {
  __typename?: 'PovertyStatusFigures';
  /** 已就业 of the group (as Indicators.employed). */
  employed: SuppressedCount;
  /** 就业率 = employed ÷ labourForce of the group. */
  employmentRate: SuppressedRate;
  /** 中文名称: 未脱贫, 已脱贫, 监测对象, 其他 */
  label: Scalars['String']['output'];
  /** 劳动力 of the group (as Indicators.labourForce). */
  labourForce: SuppressedCount;
  /** 新增转移就业 of the group (as Indicators.newTransfers; the worker’s current poverty group, OTHER when the worker is not in the registry). */
  newTransfers: SuppressedCount;
  /** 建档立卡 (counted as 贫困劳动力): true for NOT_LIFTED and LIFTED. */
  registeredPoor: Scalars['Boolean']['output'];
  status: PovertyStatusGroup;
};

/** 贫困状态分组 — how officials split figures by poverty status: 未脱贫 and 已脱贫 (脱贫不稳定 included) are the registered poor (建档立卡, 贫困劳动力); 监测对象 the non-registered monitored households (边缘易致贫, 突发严重困难); 其他 no poverty record. */
export type PovertyStatusGroup =
  /** 已脱贫 */
  | 'LIFTED'
  /** 监测对象 */
  | 'MONITORED'
  /** 未脱贫 */
  | 'NOT_LIFTED'
  /** 其他 */
  | 'OTHER';

export type Query = {
  __typename?: 'Query';
  /** 访问日志 — auditors: who read whose data, newest first; filter by worker, staff account and time. */
  accessLog: AccessLogPage;
  /** Recomputes the hash chain (auditors), as npm run audit:verify does. */
  accessLogVerification: AccessLogVerification;
  /** 季度考核表（转移就业）: a county’s townships and responsible units for a quarter — year and quarter targets, new transfers, completion rates, retention, rank. Also as xlsx: GET /reports/assessment.xlsx?county=…&quarter=… (通报). */
  assessment: Assessment;
  /** 低保/特困 grants of households in a division. */
  assistanceGrants: AssistanceGrantPage;
  /** One cadre of your region; any other reads as none. */
  cadre?: Maybe<Cadre>;
  /** 帮扶干部 serving (or who served) a village of your region, by id (region staff only). */
  cadres: CadrePage;
  /** 导入记录 — civil's spreadsheet imports started by accounts of your region (or below it), newest first: who, when, kind, file name and hash, dry run or not, the counts, finished or interrupted. civil staff of a region. */
  civilImportRuns: ImportRunPage;
  /** 目标完成情况: a region (default your region) and its subregions against their targets — target, the indicator of the measure for the period, completion rate, rank by rate. Dashboards: the indicators’ suppressed cells, the rate withheld with the count. */
  completion: Completion;
  /** 数据比对冲突: facts of two departments about a person or household that cannot both be true, as a worklist over a village, township or county (default: your whole region). Kept by the read model as the departments’ changes arrive; a resolved conflict stays resolved while both facts are unchanged. */
  conflicts: ConflictPage;
  /** 联系结果统计 — every outcome with its attempts and workers (one aggregate query). */
  contactOutcomeCounts: Array<OutcomeCount>;
  /** One course by id; for institution staff another institution’s reads as none. */
  course?: Maybe<Course>;
  /** 培训课程 — courses, by kind, trade or institution (institution staff: their own). */
  courses: CoursePage;
  /** 区划 — a division of the catalogue by its code (NOT_FOUND when unknown). */
  division?: Maybe<Division>;
  /** One employer by id; empty when there is none. */
  employer?: Maybe<Employer>;
  /** 用工主体 — employers, poverty workshops, village factories, assistance bases and cooperatives. */
  employers: EmployerPage;
  /** 建档立卡户 — a registered household by its code (NOT_FOUND if not registered). */
  household?: Maybe<Household>;
  /** Registered households in a division, by household code. */
  households: HouseholdPage;
  /** 导入记录 — hr's spreadsheet imports started by accounts of your region (or below it), newest first: who, when, kind, file name and hash, dry run or not, the counts, finished or interrupted. hr staff of a region. */
  hrImportRuns: ImportRunPage;
  /** 按身份证号查询统计 — auditors: lookups by ID number per staff account, found and not found, most misses first. */
  idNumberLookups: Array<IdNumberLookupCount>;
  /** 指标分解: the indicators of a region (default your region) and of each of its child divisions, for one period, in one request. Same figures, rules and suppression as `indicators` (for every caller); the SQL is the same few grouped statements over the whole registry whatever the number of children. */
  indicatorBreakdown: IndicatorBreakdown;
  /** 指标走势: the headline figures of a region (default your region) over consecutive periods, in one request: flows per period (exactly as indicators answers each period) and stocks at each period’s end where the history reaches (null before historyBeginsOn). Suppressed for every caller. */
  indicatorSeries: IndicatorSeries;
  /** 就业帮扶指标: the figures officials report for a region (default your region) and a period. Stock figures are taken on the period’s last day (from the read model’s history; null before it begins) or today while it runs (stockSource); flows count what happened within the period. Small counts are suppressed for every caller. */
  indicators: Indicators;
  /** 培训机构 — training institutions, optionally in one division. */
  institutions: InstitutionPage;
  /** One job fair by id; empty when there is none. */
  jobFair?: Maybe<JobFair>;
  /** 招聘会 — job fairs, by id. */
  jobFairs: JobFairPage;
  /** One job posting by id; empty when there is none. */
  jobPosting?: Maybe<JobPosting>;
  /** 招聘岗位 — job postings, by id. */
  jobPostings: JobPostingPage;
  /** One base or station by id (partner-city staff: of their own city; another city’s reads as none). */
  labourBase?: Maybe<LabourBase>;
  /** 劳务输出基地/劳务工作站, of one partner city or of all (tens per city: not paged). */
  labourBases: Array<LabourBase>;
  /** 应登尽登 figures: working-age members of poor and monitored households, how many hr’s registry does not hold, and the share it does. Aggregate; dashboards get small counts suppressed. */
  labourRegistryCompleteness: LabourRegistryCompleteness;
  /** 防返贫监测统计 — counts by step and risk type for a region; dashboards read them small-cell suppressed. */
  monitoringCaseCounts: MonitoringCaseCounts;
  /** 防返贫监测对象 — monitoring cases of households in a region, newest first (region staff). */
  monitoringCases: MonitoringCasePage;
  /** 我的任务: the caller's open tasks (assigned to its account, within the scope it holds), by due day. Person-level: needs a purpose; reads are logged. */
  myTasks: TaskPage;
  /** 协作城市考核 — a partner city’s assessment figures for a year, small counts suppressed. Partner-city staff: their own city (the default); county and province staff: the workers of their region transferred to the city they name. Dashboards are refused (the figures are counted person by person). An unknown city is NOT_FOUND. */
  partnerAssessment?: Maybe<PartnerAssessment>;
  /** 东西部协作/对口帮扶城市, by code (partner-city staff: their own city). */
  partnerCities: Array<PartnerCity>;
  partnerCity?: Maybe<PartnerCity>;
  /** 导入记录 — partner's spreadsheet imports started by accounts of your region (or below it), newest first: who, when, kind, file name and hash, dry run or not, the counts, finished or interrupted. partner staff of a region. */
  partnerImportRuns: ImportRunPage;
  /** One pushed posting by id (partner-city staff: of their own city; another city’s reads as none). */
  partnerJobPosting?: Maybe<PartnerJobPosting>;
  /** 岗位推送 — jobs the partner cities pushed to the county. */
  partnerJobPostings: PartnerJobPostingPage;
  /** 待核实报名 — enrolments institutions recorded on their own, awaiting the county's confirmation (region staff: those of workers of their region on each page; institutions: their own). */
  pendingEnrolments: EnrolmentPage;
  /** 人员查询: a person by ID number — in hr’s labour registry, or known only to poverty (a member of a registered household) or civil affairs — for department staff of the region where the person lives. A number nobody knows and a person outside your region give the same NOT_FOUND on idNumber. Worker(idNumber) stays the registry’s lookup. */
  person: KnownPerson;
  /** 导入记录 — poverty's spreadsheet imports started by accounts of your region (or below it), newest first: who, when, kind, file name and hash, dry run or not, the counts, finished or interrupted. poverty staff of a region. */
  povertyImportRuns: ImportRunPage;
  /** 贫困状态统计 — households and members per status in a division (every status, zeros included); small-cell suppressed for dashboards. */
  povertyStatusCounts: Array<StatusCount>;
  /** 防返贫监测候选: registered poor and lifted households of a region flagged today by POVERTY_HOUSEHOLD_LOST_ONLY_JOB, POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED, POVERTY_HOUSEHOLD_DISABILITY_RECORDED and not under an open monitoring case (department staff of the region). */
  relapseCandidates: RelapseCandidatePage;
  /** 易地搬迁安置点 in a division. */
  relocationSites: RelocationSitePage;
  responsibleUnit?: Maybe<ResponsibleUnit>;
  /** 挂包责任单位, by id (organisations: every account reads them). */
  responsibleUnits: ResponsibleUnitPage;
  /** 一库六册 and 五类清单: who is on a roster or list in a village, township or county (default: your whole region), with the facts that put them there. Ordered by village, paginated; asOf answers as of the end of a past day. Exports: GET /exports/roster.xlsx|csv?kind=…&region=…[&asOf=YYYY-MM-DD][&noServiceWithinDays=N] */
  roster: RosterPage;
  /** 数据时效: how far each department's changes are applied to the cross-department views. */
  situationFreshness: Freshness;
  /** 人员情况: one registry worker (by the pseudonymous worker key rosters give) with the facts from all five departments, now or as of the end of a past day. Null when the worker is unknown or outside your region (the same answer either way). */
  situationPerson?: Maybe<SituationPerson>;
  /** 目标调整记录: who set or changed the targets of a region (default your region) and the regions inside it, for a period and measure, newest first. Department staff (not dashboards). */
  targetChanges: Array<TargetChange>;
  /** 目标任务: the targets of a region (default your region) and every region inside it, for a period and measure. */
  targets: TargetList;
  /** One task: for department staff of its village and for its assignee. */
  task: Task;
  /** 区域任务: a region's tasks for its supervisors (department staff of the region), filtered, by due day; with open tasks by assignee and by age. Exports: GET /exports/tasks.xlsx|csv?region=…[&status=…][&kind=…][&assignee=…][&overdue=true|false] */
  tasks: RegionTaskPage;
  trainingClass?: Maybe<TrainingClass>;
  /** 培训班 — classes by start date, optionally of one course. */
  trainingClasses: TrainingClassPage;
  /** 导入记录 — training's spreadsheet imports started by accounts of your region (or below it), newest first: who, when, kind, file name and hash, dry run or not, the counts, finished or interrupted. training staff of a region. */
  trainingImportRuns: ImportRunPage;
  /** 培训成效 — participants, completions and employment within 3 months, for classes that started in a period. */
  trainingOutcomes: TrainingOutcomes;
  /** 组织输出批次, latest departure first, of one partner city or of all. */
  transferBatches: Array<TransferBatch>;
  /** 转移就业 to the partner cities, by id (partner-city staff: their own city; region staff: the workers of their region on each page). */
  transfers: TransferPage;
  /** 应登尽登: working-age (16–60) members of registered poor and monitored households (poverty) whom hr’s labour registry does not hold, in a village, township or county (default: your whole region). Ordered by village, paginated. The monthly check opens an UNREGISTERED_LABOURER task for each; it closes when hr registers the person. */
  unregisteredLabourers: UnregisteredLabourerPage;
  /** 月度核实覆盖率: per village of a region (default your region), the registry workers and how many of them were verified in a month (or another period), worst village first. */
  verificationCoverage: VerificationCoverage;
  /** 每周五村级新增转移就业排名（红黑榜）: every village of a county ranked by the workers whose transfer started in the week (or in a period asked for), with the week (period) before for comparison. Dashboards see small counts suppressed; department staff see exact counts. */
  villageRanking: VillageRanking;
  /** 预警规则: the registered early-warning rules with their labels, levels and conditions. */
  warningRules: Array<WarningRuleInfo>;
  /** 预警: the early warnings that hold today for people and households of a village, township or county (default: your whole region), each with its reason, level and responsible person. Partner-city staff get the transfer rules over the workers transferred to their city (leave region out). Kept by the read model (re-evaluated for the people and households the departments change, and for every subject each new day; evaluated at query time until that day’s evaluation has run); ordered by level (red first), rule, village, subject. */
  warnings: WarningPage;
  /** One public-welfare post by id; empty when there is none. */
  welfarePost?: Maybe<WelfarePost>;
  /** 公益性岗位 — public-welfare posts in a division, by id. */
  welfarePosts: WelfarePostPage;
  /** A worker in the labour registry by ID number (validated; a number not registered gives NOT_FOUND on idNumber). People known only to poverty or civil affairs: situation’s person(idNumber). */
  worker?: Maybe<Worker>;
  /** 一库六册 — workers of households in a division, by household; filters give the rosters. */
  workers: WorkerPage;
  /** 零就业家庭动态清零: how many zero-employment households were cleared (a member employed) in a period, how fast, and how many remain. Aggregate; dashboards get small counts suppressed. */
  zeroEmploymentClearance: ZeroEmploymentClearance;
  /** 零就业家庭: households with an able labourer and nobody employed, with who answers for each and what was last done. asOf answers as of the end of a past day. Exports: GET /exports/zero-employment.xlsx|csv?region=…[&asOf=YYYY-MM-DD] */
  zeroEmploymentHouseholds: ZeroEmploymentPage;
};


export type QueryAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  idNumber?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
  staff?: InputMaybe<Scalars['String']['input']>;
  until?: InputMaybe<Scalars['String']['input']>;
  workerId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAssessmentArgs = {
  county?: InputMaybe<Scalars['String']['input']>;
  quarter: Scalars['String']['input'];
};


export type QueryAssistanceGrantsArgs = {
  activeOn?: InputMaybe<Scalars['LocalDate']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  divisionCode: Scalars['DivisionCode']['input'];
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<AssistanceKind>;
};


export type QueryCadreArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCadresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
  villageCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCivilImportRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
};


export type QueryCompletionArgs = {
  measure: TargetMeasure;
  period: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryConflictsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<ConflictKind>;
  region?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ConflictStatus>;
};


export type QueryContactOutcomeCountsArgs = {
  cityCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type QueryCourseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCoursesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  includeClosed?: Scalars['Boolean']['input'];
  institutionId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<CourseKind>;
  trade?: InputMaybe<Trade>;
};


export type QueryDivisionArgs = {
  code: Scalars['DivisionCode']['input'];
};


export type QueryEmployerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEmployersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  divisionCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<EmployerKind>;
  open?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryHouseholdArgs = {
  code: Scalars['String']['input'];
};


export type QueryHouseholdsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  divisionCode: Scalars['DivisionCode']['input'];
  first?: Scalars['Int']['input'];
  status?: InputMaybe<PovertyStatus>;
};


export type QueryHrImportRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
};


export type QueryIdNumberLookupsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['String']['input']>;
  staff?: InputMaybe<Scalars['String']['input']>;
  until?: InputMaybe<Scalars['String']['input']>;
};


export type QueryIndicatorBreakdownArgs = {
  period: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryIndicatorSeriesArgs = {
  count?: Scalars['Int']['input'];
  endingWith?: InputMaybe<Scalars['String']['input']>;
  granularity: SeriesGranularity;
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryIndicatorsArgs = {
  period: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryInstitutionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  divisionCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<InstitutionKind>;
};


export type QueryJobFairArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJobFairsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cancelled?: InputMaybe<Scalars['Boolean']['input']>;
  divisionCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  first?: Scalars['Int']['input'];
  online?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryJobPostingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryJobPostingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  closed?: InputMaybe<Scalars['Boolean']['input']>;
  employerId?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
  openOn?: InputMaybe<Scalars['LocalDate']['input']>;
  place?: InputMaybe<EmploymentPlace>;
  requiredTrade?: InputMaybe<Trade>;
};


export type QueryLabourBaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLabourBasesArgs = {
  cityCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  includeClosed?: Scalars['Boolean']['input'];
};


export type QueryLabourRegistryCompletenessArgs = {
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMonitoringCaseCountsArgs = {
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMonitoringCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
  riskType?: InputMaybe<RelapseRiskType>;
  step?: InputMaybe<MonitoringStep>;
};


export type QueryMyTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: TaskListFilter;
  first?: Scalars['Int']['input'];
};


export type QueryPartnerAssessmentArgs = {
  cityCode?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};


export type QueryPartnerCityArgs = {
  code: Scalars['DivisionCode']['input'];
};


export type QueryPartnerImportRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPartnerJobPostingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPartnerJobPostingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cityCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  first?: Scalars['Int']['input'];
  validOn?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type QueryPendingEnrolmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryPersonArgs = {
  idNumber: Scalars['String']['input'];
};


export type QueryPovertyImportRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPovertyStatusCountsArgs = {
  divisionCode: Scalars['DivisionCode']['input'];
};


export type QueryRelapseCandidatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRelocationSitesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  divisionCode: Scalars['DivisionCode']['input'];
  first?: Scalars['Int']['input'];
};


export type QueryResponsibleUnitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResponsibleUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  includeClosed?: Scalars['Boolean']['input'];
};


export type QueryRosterArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  first?: Scalars['Int']['input'];
  kind: RosterKind;
  noServiceWithinDays?: InputMaybe<Scalars['Int']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySituationPersonArgs = {
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryTargetChangesArgs = {
  first?: Scalars['Int']['input'];
  measure: TargetMeasure;
  period: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTargetsArgs = {
  measure: TargetMeasure;
  period: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTaskArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<TaskKind>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<TaskStatus>;
};


export type QueryTrainingClassArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainingClassesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  courseId?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
  startsFrom?: InputMaybe<Scalars['LocalDate']['input']>;
  startsTo?: InputMaybe<Scalars['LocalDate']['input']>;
  status?: InputMaybe<ClassStatus>;
};


export type QueryTrainingImportRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  kind?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTrainingOutcomesArgs = {
  courseKind?: InputMaybe<CourseKind>;
  divisionCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  institutionId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type QueryTransferBatchesArgs = {
  cityCode?: InputMaybe<Scalars['DivisionCode']['input']>;
};


export type QueryTransfersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  batchId?: InputMaybe<Scalars['ID']['input']>;
  cityCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  confirmation?: InputMaybe<LinkConfirmation>;
  first?: Scalars['Int']['input'];
  followUpDue?: InputMaybe<FollowUpDueFilter>;
  onlyActive?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryUnregisteredLabourersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryVerificationCoverageArgs = {
  month?: InputMaybe<Scalars['String']['input']>;
  period?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};


export type QueryVillageRankingArgs = {
  basis?: RankingBasis;
  county?: InputMaybe<Scalars['String']['input']>;
  period?: InputMaybe<Scalars['String']['input']>;
  week?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type QueryWarningsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  level?: InputMaybe<WarningLevel>;
  region?: InputMaybe<Scalars['String']['input']>;
  rule?: InputMaybe<WarningRuleId>;
};


export type QueryWelfarePostArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWelfarePostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  divisionCode: Scalars['DivisionCode']['input'];
  first?: Scalars['Int']['input'];
  fundingSource?: InputMaybe<WelfarePostFunding>;
  kind?: InputMaybe<WelfarePostKind>;
  open?: InputMaybe<Scalars['Boolean']['input']>;
  vacantOnly?: Scalars['Boolean']['input'];
};


export type QueryWorkerArgs = {
  idNumber: Scalars['String']['input'];
};


export type QueryWorkersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  divisionCode: Scalars['DivisionCode']['input'];
  employmentIntention?: InputMaybe<EmploymentIntention>;
  employmentStatus?: InputMaybe<EmploymentStatus>;
  first?: Scalars['Int']['input'];
  populationStatus?: InputMaybe<PopulationStatus>;
  trainingWish?: InputMaybe<Trade>;
};


export type QueryZeroEmploymentClearanceArgs = {
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};


export type QueryZeroEmploymentHouseholdsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['LocalDate']['input']>;
  first?: Scalars['Int']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
};

/** 排名依据 — what the weekly ranking ranks villages by. */
export type RankingBasis =
  /** 按年度转移就业目标完成率: new transfers from 1 January to the week’s last day ÷ the village’s year target (Query.setTargets, NEW_TRANSFERS) */
  | 'COMPLETION_RATE'
  /** 按本周新增转移就业人数 (the default) */
  | 'COUNT';

/** 考勤 — record the days a trainee has attended so far (a running total, not an increment). */
export type RecordAttendanceInput = {
  /** Days attended, 0 to the class length (and no more than the class has run). */
  attendanceDays: Scalars['Int']['input'];
  enrolmentId: Scalars['ID']['input'];
};

/** 联系记录 — record one attempt to reach a transferred worker, whatever its outcome. */
export type RecordContactAttemptInput = {
  /** When (ISO 8601 with offset, e.g. 2026-03-05T10:23:00+08:00); not in the future. */
  attemptedAt: Scalars['DateTimeISO']['input'];
  channel: ContactChannel;
  /** Up to 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: ContactOutcome;
  transferId: Scalars['ID']['input'];
};

/** Record or correct a certified disability (残疾人证). */
export type RecordDisabilityInput = {
  certifiedOn: Scalars['LocalDate']['input'];
  /** 1 (most severe) to 4 */
  grade: Scalars['Int']['input'];
  /** 户编号, 16 digits */
  householdCode?: InputMaybe<Scalars['String']['input']>;
  idNumber: Scalars['String']['input'];
  kind: DisabilityKind;
};

/** Record that an employment ended. */
export type RecordEmploymentEndInput = {
  employmentId: Scalars['ID']['input'];
  /** Last working day, not before the start and not after today. */
  endsOn: Scalars['LocalDate']['input'];
  /** Why it ended (合同期满, 辞职, 返乡照料家人…), 2 to 200 characters. */
  reason: Scalars['String']['input'];
};

/** 就业登记 — record that a registered worker started a job. */
export type RecordEmploymentStartInput = {
  /** The employer, when it is in the registry. */
  employerId?: InputMaybe<Scalars['ID']['input']>;
  /** Employer as written on the contract, 2 to 100 characters. */
  employerName: Scalars['String']['input'];
  idNumber: Scalars['String']['input'];
  /** Any kind but PUBLIC_WELFARE_POST (use assignWelfarePost). */
  kind: EmploymentKind;
  /** Where the work is, 2 to 100 characters. */
  location: Scalars['String']['input'];
  /** Monthly wage in yuan, 1 to 100000. */
  monthlyWage: Scalars['Int']['input'];
  place: EmploymentPlace;
  /** First working day, not after today. */
  startsOn: Scalars['LocalDate']['input'];
};

/** 跟踪回访 — what a follow-up found, with every contact attempt it took. */
export type RecordFollowUpVisitInput = {
  /** The contact attempts this visit took, all on or before visitedOn; when given, at least one must have reached the worker and the last one that did must agree with stillEmployed. */
  contactAttempts?: Array<ContactAttemptEntry>;
  /** 月工资 (yuan, 1 to 100000); only when still employed. */
  monthlyWage?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 劳动维权 case raised. */
  rightsCase: Scalars['Boolean']['input'];
  /** Still employed in the job of the transfer. false ends an open transfer on visitedOn. */
  stillEmployed: Scalars['Boolean']['input'];
  transferId: Scalars['ID']['input'];
  /** Not before the worker started, not in the future. */
  visitedOn: Scalars['LocalDate']['input'];
};

/** 入场人数 — how many came to a fair that has been held. */
export type RecordJobFairAttendanceInput = {
  /** 0 to 1,000,000. */
  attendance: Scalars['Int']['input'];
  fairId: Scalars['ID']['input'];
};

/** 达成意向 — record that a worker and an employer agreed on a posting at a job fair. */
export type RecordJobFairIntentionInput = {
  fairId: Scalars['ID']['input'];
  idNumber: Scalars['String']['input'];
  postingId: Scalars['ID']['input'];
  /** Day the intention was reached; the fair day when left out (online fairs run on). */
  reachedOn?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** 帮扶措施 — record an assistance measure of an open monitoring case. */
export type RecordMonitoringMeasureInput = {
  caseId: Scalars['ID']['input'];
  kind: AssistanceMeasureKind;
  /** Up to 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 责任人或责任单位, 1 to 60 characters. */
  responsible: Scalars['String']['input'];
  /** Not before the case was opened, not in the future. */
  takenOn: Scalars['LocalDate']['input'];
};

/** 培训后就业 — record the first job a trainee found after completing the training. */
export type RecordPostTrainingEmploymentInput = {
  /** First working day: not before completion, not in the future. */
  employedOn: Scalars['LocalDate']['input'];
  enrolmentId: Scalars['ID']['input'];
};

/** 自发外出登记 — a worker who went to the partner city on their own (no organised batch) started a job there. */
export type RecordSelfOrganisedTransferInput = {
  /** The partner city: its 4-digit code, or the 6-digit district the worker went to (kept as destinationDistrict). Partner-city staff: their own city (the default); the county office names it. */
  cityCode?: InputMaybe<Scalars['String']['input']>;
  /** 用工单位, 2 to 100 characters. */
  employerName: Scalars['String']['input'];
  /** 一次性交通补助 paid (default false). */
  fareReimbursed?: InputMaybe<Scalars['Boolean']['input']>;
  /** 身份证号 (18 characters); kept by the partner subgraph for matching, never shown. */
  idNumber: Scalars['String']['input'];
  /** 岗位/工种, 1 to 60 characters. */
  jobTitle: Scalars['String']['input'];
  /** 手机号, 11 digits starting with 1. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** First working day: not before the pairing with the city began, not in the future. */
  startedOn: Scalars['LocalDate']['input'];
};

/** 一人一案 — record one service given to a person. Which detail fields a kind takes is said on each field; a field the kind does not take is refused, naming it. */
export type RecordServiceInput = {
  /** JOB_PUSH (required), CONTACT_ATTEMPT (optional). */
  channel?: InputMaybe<ServiceChannel>;
  /** TRAINING_REFERRAL: the class (checked with training). */
  classId?: InputMaybe<Scalars['ID']['input']>;
  /** RIGHTS_PROTECTION: a case opened and closed at once (with outcome); not before servedOn, not after today. */
  closedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** TRAINING_REFERRAL: the course (checked with training); a course or a class is required. */
  courseId?: InputMaybe<Scalars['ID']['input']>;
  kind: ServiceKind;
  /** Up to 500 characters, no ID number. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** JOB_REFERRAL (required): HIRED, REFUSED, NO_ANSWER or PENDING; CONTACT_ATTEMPT (required): REACHED, NO_ANSWER, WRONG_NUMBER or REFUSED; RIGHTS_PROTECTION: only with closedOn. */
  outcome?: InputMaybe<ServiceOutcome>;
  /** JOB_REFERRAL: exactly one posting; JOB_PUSH: 1 to 20 postings, all of postingSource. Each is checked with the department that holds it, and must be open on servedOn (reason POSTING_NOT_OPEN otherwise). */
  postingIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** JOB_REFERRAL and JOB_PUSH: whose postings these are. Default: hr records its own job postings, partner its pushed postings; the other departments name it. */
  postingSource?: InputMaybe<PostingSource>;
  /** The day of the service, not after today (China time); RIGHTS_PROTECTION: the day the case was opened. */
  servedOn: Scalars['LocalDate']['input'];
  /** The person: the pseudonymous worker key (Worker.id, SituationPerson.id). */
  workerId: Scalars['ID']['input'];
};

/** 补贴发放 — record an employment subsidy paid to a registered worker. */
export type RecordSubsidyPaymentInput = {
  /** Amount in yuan, 1 to 20000. */
  amount: Scalars['Int']['input'];
  idNumber: Scalars['String']['input'];
  kind: SubsidyKind;
  /** Day paid, not after today. */
  paidOn: Scalars['LocalDate']['input'];
};

/** 转移就业登记 — record that a worker of a batch started a job in the partner city. */
export type RecordTransferInput = {
  batchId: Scalars['ID']['input'];
  /** 用工单位, 2 to 100 characters. */
  employerName: Scalars['String']['input'];
  /** 一次性交通补助 paid. */
  fareReimbursed: Scalars['Boolean']['input'];
  /** 身份证号 (18 characters); kept by the partner subgraph for matching, never shown. */
  idNumber: Scalars['String']['input'];
  /** 岗位/工种, 1 to 60 characters. */
  jobTitle: Scalars['String']['input'];
  /** 手机号, 11 digits starting with 1. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** First working day: not before the batch departed, not in the future. */
  startedOn: Scalars['LocalDate']['input'];
};

/** 月动态核实记录 — one monthly verification of a worker's registry record. */
export type RecordVerification = {
  __typename?: 'RecordVerification';
  id: Scalars['ID']['output'];
  /** 备注 — what was found or corrected, up to 500 characters. */
  note?: Maybe<Scalars['String']['output']>;
  outcome: VerificationOutcome;
  /** 核实人 — the staff account that verified (a staff identifier, not the worker's data); shown to department staff of a region only. */
  verifiedBy?: Maybe<Scalars['String']['output']>;
  /** 核实日期 — the day the record was verified. */
  verifiedOn: Scalars['LocalDate']['output'];
  worker: Worker;
};

/** 月动态核实 — record that a registered worker's record was verified. */
export type RecordVerificationInput = {
  idNumber: Scalars['String']['input'];
  /** What was found or corrected, up to 500 characters; empty means none. */
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: VerificationOutcome;
  /** Day verified: today (China time) when left out; not after today, not before the month the worker was registered. */
  verifiedOn?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** 培训推荐 — county staff refer a worker of their region to an institution (or one of its classes) before it enrols them. */
export type ReferForTrainingInput = {
  /** One class of that institution; empty: any of its classes. */
  classId?: InputMaybe<Scalars['ID']['input']>;
  /** 身份证号 (18 characters) of a worker of your region. */
  idNumber: Scalars['String']['input'];
  /** The institution. */
  institutionId: Scalars['ID']['input'];
  /** 推荐说明, up to 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Last day the institution may enrol the worker on it: today to a year ahead (default 90 days). */
  validUntil?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** 转移就业推荐 — county staff refer a worker of their region to a partner city before the city records the transfer. */
export type ReferForTransferInput = {
  /** The partner city, 4-digit code. */
  cityCode: Scalars['String']['input'];
  /** 身份证号 (18 characters) of a worker of your region. */
  idNumber: Scalars['String']['input'];
  /** 推荐说明, up to 200 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Last day the city may record the transfer on it: today to a year ahead (default 90 days). */
  validUntil?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** 推荐结果 — job referrals (JOB_REFERRAL service records of any department) to the posting with this outcome (null: suppressed). */
export type ReferralOutcomeCount = {
  __typename?: 'ReferralOutcomeCount';
  outcome: ServiceOutcome;
  referrals?: Maybe<Scalars['Int']['output']>;
};

/** One region’s target. */
export type RegionTargetInput = {
  /** The county itself, or one of its townships (9 digits) or villages (12 digits). */
  region: Scalars['String']['input'];
  /** Target, a whole number from 0 to 1 000 000. */
  target: Scalars['Int']['input'];
};

/** 区域任务 — the tasks of a region for its supervisors, with open tasks by assignee and by age. */
export type RegionTaskPage = {
  __typename?: 'RegionTaskPage';
  /** Open tasks of the region by age bucket, whatever the filters. */
  countsByAge: Array<TaskAgeCount>;
  /** Open tasks of the region by assignee, whatever the filters. */
  countsByAssignee: Array<TaskAssigneeCount>;
  nodes: Array<Task>;
  pageInfo: PageInfo;
  region: SituationRegion;
  totalCount: Scalars['Int']['output'];
};

/** 建档立卡 / 纳入监测 — register a household with its members and first status. */
export type RegisterHouseholdInput = {
  /** 户编号, 16 digits: village code (12) + sequence (4) */
  code: Scalars['String']['input'];
  /** Exactly one HEAD; each ID number once. */
  members: Array<RegisterMemberInput>;
  /** 致贫原因 / 风险 — 2 to 200 characters (因病, 因学, 缺劳力…). */
  reason: Scalars['String']['input'];
  /** Day of registration; not in the future. */
  registeredOn: Scalars['LocalDate']['input'];
  /** 易地搬迁安置点 of a relocated household. */
  relocationSiteId?: InputMaybe<Scalars['ID']['input']>;
  /** First status: NOT_LIFTED (建档立卡), MARGINAL or SUDDEN_HARDSHIP (监测对象). */
  status: PovertyStatus;
};

/** A member listed when a household is registered. */
export type RegisterMemberInput = {
  /** 身份证号, 18 characters (sex and birth date are taken from it) */
  idNumber: Scalars['String']['input'];
  /** 姓名, 1 to 60 characters */
  name: Scalars['String']['input'];
  relationship: Relationship;
};

/** 农村劳动力实名制登记 — register a person aged 16–60 in the labour registry with the six clarities. */
export type RegisterWorkerInput = {
  education: Education;
  employmentIntention: EmploymentIntention;
  /** UNEMPLOYED, NOT_SEEKING or UNABLE_TO_WORK; EMPLOYED comes from recordEmploymentStart, so that every employed worker has an employment record. */
  employmentStatus: EmploymentStatus;
  /** 户编号, 16 digits: the village code (which must be in the catalogue) + 4 digits. */
  householdCode: Scalars['String']['input'];
  /** 18-character ID number; birth date and sex are taken from it. */
  idNumber: Scalars['String']['input'];
  /** Name as on the ID card, 2 to 30 characters. */
  name: Scalars['String']['input'];
  /** Mobile number, 11 digits. */
  phone?: InputMaybe<Scalars['String']['input']>;
  populationStatus: PopulationStatus;
  skillLevel: SkillLevel;
  /** 培训意愿 — trade the person wants to be trained in, if any. */
  trainingWish?: InputMaybe<Trade>;
};

/** 防返贫监测候选 — a registered poor or lifted household flagged by a relapse warning, not under an open monitoring case. */
export type RelapseCandidate = {
  __typename?: 'RelapseCandidate';
  /** The household (poverty’s fields, e.g. monitoringCases, through the gateway). */
  household: Household;
  /** 户编号 */
  householdCode: Scalars['String']['output'];
  /** 户贫困状态 (poverty, as the read model holds it) */
  povertyStatus: PovertyStatus;
  /** The relapse rules that hold today (at most three). */
  signals: Array<RelapseSignal>;
  /** 村（社区）代码 */
  villageCode: Scalars['String']['output'];
  /** 村（社区） */
  villageName?: Maybe<Scalars['String']['output']>;
};

export type RelapseCandidatePage = {
  __typename?: 'RelapseCandidatePage';
  freshness: Freshness;
  /** By household code. */
  nodes: Array<RelapseCandidate>;
  pageInfo: PageInfo;
  region: SituationRegion;
  totalCount: Scalars['Int']['output'];
};

/** 返贫致贫风险类型 — the risk a monitored household faces */
export type RelapseRiskType =
  /** 因残 */
  | 'DISABILITY'
  /** 因灾 */
  | 'DISASTER'
  /** 因病 */
  | 'ILLNESS'
  /** 其他 */
  | 'OTHER'
  /** 因学 */
  | 'SCHOOLING_COSTS'
  /** 务工就业不稳 */
  | 'UNSTABLE_WORK';

/** One relapse warning that holds for a candidate household. */
export type RelapseSignal = {
  __typename?: 'RelapseSignal';
  label: Scalars['String']['output'];
  /** 预警原因 (dates and facts; no name, no ID number) */
  reason: Scalars['String']['output'];
  /** Pass as sourceRule to openMonitoringCase (entryRoute DEPARTMENT_DATA). */
  rule: WarningRuleId;
  since?: Maybe<Scalars['LocalDate']['output']>;
};

/** 与户主关系 — relationship to the head of household */
export type Relationship =
  /** 子女 */
  | 'CHILD'
  /** 孙子女 */
  | 'GRANDCHILD'
  /** 户主 */
  | 'HEAD'
  /** 其他 */
  | 'OTHER'
  /** 父母 */
  | 'PARENT'
  /** 兄弟姐妹 */
  | 'SIBLING'
  /** 配偶 */
  | 'SPOUSE';

/** End a worker's holding of a public-welfare post (the post becomes vacant). */
export type ReleaseWelfarePostInput = {
  assignmentId: Scalars['ID']['input'];
  /** Last day on the post, not before the start and not after today. */
  endsOn: Scalars['LocalDate']['input'];
  /** Why (聘期届满, 已转移就业, 考核不合格…), 2 to 200 characters; 聘期届满 when left out. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** 易地搬迁安置点 — a resettlement site for households relocated out of hardship areas. */
export type RelocationSite = {
  __typename?: 'RelocationSite';
  /** Planned capacity, in households. */
  capacityHouseholds: Scalars['Int']['output'];
  /** The division where the site is. */
  division: Division;
  /** The township (9 digits) or village (12) where the site is. */
  divisionCode: Scalars['DivisionCode']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** 搬迁户数 — registered households relocated to this site; null for dashboards when 1 … SUPPRESSION_THRESHOLD − 1 (small-cell suppression: the sites publish no total a withheld one could be subtracted from). */
  relocatedHouseholds?: Maybe<Scalars['Int']['output']>;
};

export type RelocationSitePage = {
  __typename?: 'RelocationSitePage';
  nodes: Array<RelocationSite>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Take a session not yet held (today or later) off the schedule. */
export type RemoveClassSessionInput = {
  id: Scalars['ID']['input'];
};

/** A person leaves a registered household (出嫁, 死亡, 迁出…). */
export type RemoveHouseholdMemberInput = {
  /** 户编号, 16 digits */
  householdCode: Scalars['String']['input'];
  /** 身份证号 of the member who leaves */
  idNumber: Scalars['String']['input'];
  /** 身份证号 of the member who becomes head (户主): required when the head leaves and others remain. */
  newHeadIdNumber?: InputMaybe<Scalars['String']['input']>;
  /** Why, 2 to 200 characters. */
  reason: Scalars['String']['input'];
  /** Day the person left; not in the future, not before their birth. */
  removedOn: Scalars['LocalDate']['input'];
};

/** An employer withdraws from a fair, with the postings it brought (not once intentions were reached for them there). */
export type RemoveJobFairEmployerInput = {
  employerId: Scalars['ID']['input'];
  fairId: Scalars['ID']['input'];
};

/** 撤销目标任务 — withdraw the targets of one period and measure from regions of the caller’s county. */
export type RemoveTargetsInput = {
  measure: TargetMeasure;
  /** A year '2026' or a quarter '2026-Q1'. */
  period: Scalars['String']['input'];
  /** 1 to 1000 regions, each at most once, each holding a target for the period and measure. */
  regions: Array<Scalars['String']['input']>;
};

/** Settle a conflict: what was found and which department's fact holds. */
export type ResolveConflictInput = {
  /** Conflict.id */
  conflictId: Scalars['ID']['input'];
  /** The department whose fact is right: one of the two sources (optional). */
  keptSource?: InputMaybe<Scalars['String']['input']>;
  /** 处理说明, 1–500 characters (no ID numbers). */
  note: Scalars['String']['input'];
};

/** 帮扶责任 — who answers for a household. */
export type Responsibility = {
  __typename?: 'Responsibility';
  /** 帮扶责任人 (poverty), registered households */
  cadreName?: Maybe<Scalars['String']['output']>;
  /** 责任人联系电话 in full: needs the reveal permission, like every phone; see cadrePhoneMasked */
  cadrePhone?: Maybe<Scalars['String']['output']>;
  /** 责任人联系电话 as 138****5678 (the same mask as everywhere) */
  cadrePhoneMasked?: Maybe<Scalars['String']['output']>;
  /** Who acts when no cadre is assigned: the village labour-security assistant (村劳动保障协理员). */
  fallback: Scalars['String']['output'];
  /** 挂包责任单位 */
  unitName?: Maybe<Scalars['String']['output']>;
};

/** 挂包责任单位 — a unit (department, enterprise…) responsible for registered households, paired with villages. */
export type ResponsibleUnit = {
  __typename?: 'ResponsibleUnit';
  closeReason?: Maybe<Scalars['String']['output']>;
  /** 撤销 — no longer a responsible unit from this day. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  id: Scalars['ID']['output'];
  /** Empty on units recorded before it was asked. */
  kind?: Maybe<ResponsibleUnitKind>;
  name: Scalars['String']['output'];
  /** The villages the unit is and was paired with, latest first. */
  pairings: Array<UnitPairing>;
};

/** 帮扶单位类别 — kind of responsible unit */
export type ResponsibleUnitKind =
  /** 党政机关 */
  | 'PARTY_GOVERNMENT'
  /** 民营企业 */
  | 'PRIVATE_ENTERPRISE'
  /** 事业单位 */
  | 'PUBLIC_INSTITUTION'
  /** 社会组织 */
  | 'SOCIAL_ORGANISATION'
  /** 国有企业 */
  | 'STATE_ENTERPRISE';

export type ResponsibleUnitPage = {
  __typename?: 'ResponsibleUnitPage';
  nodes: Array<ResponsibleUnit>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 稳岗情况 — how many workers transferred to a city were still employed at their last follow-up visit. Dashboards: the workers of their region only, small counts suppressed. */
export type Retention = {
  __typename?: 'Retention';
  /** 稳岗率 = stillEmployed / transferred (0–1); empty when nobody was transferred, or (dashboards) when either is suppressed. */
  rate?: Maybe<Scalars['Float']['output']>;
  /** 稳岗 — transfers whose last follow-up found the worker still employed (null for dashboards when suppressed). */
  stillEmployed?: Maybe<Scalars['Int']['output']>;
  /** true when a count is withheld (dashboards only; small-cell suppression). */
  suppressed: Scalars['Boolean']['output'];
  /** 转移就业人次 — transfers to the city (null for dashboards when suppressed). */
  transferred?: Maybe<Scalars['Int']['output']>;
  /** 已回访 — transfers with at least one follow-up visit (null for dashboards when suppressed). */
  visited?: Maybe<Scalars['Int']['output']>;
};

/** 稳岗 N 个月 — of the transfers that started at least N months ago, how many the worker still held N months after the first working day. */
export type RetentionAt = {
  __typename?: 'RetentionAt';
  /** Transfers of the year whose N months have passed (null: suppressed). */
  due?: Maybe<Scalars['Int']['output']>;
  /** Months after the first working day (3, 6 or 12). */
  months: Scalars['Int']['output'];
  /** retained / due (0–1); empty when nothing is due or a count is suppressed. */
  rate?: Maybe<Scalars['Float']['output']>;
  /** Of those, the worker had not left the job N months in (null: suppressed). */
  retained?: Maybe<Scalars['Int']['output']>;
};

/** 维权案件状态 */
export type RightsCaseStatus =
  /** 已结案 */
  | 'CLOSED'
  /** 办理中 */
  | 'OPEN';

/** 花名册 — the real-name database, its six rosters (一库六册) and the five lists (五类清单) */
export type RosterKind =
  /** 六册：已就业人员花名册 */
  | 'EMPLOYED'
  /** 五类清单：已就业贫困劳动力清单 */
  | 'EMPLOYED_POOR'
  /** 六册：就业创业意愿花名册 */
  | 'EMPLOYMENT_INTENTION'
  /** 五类清单：非建档立卡边缘人员清单 */
  | 'MARGINAL'
  /** 五类清单：未脱贫劳动力清单 */
  | 'NOT_LIFTED_POOR'
  /** 五类清单：外省籍在本地务工贫困劳动力清单 */
  | 'OTHER_PROVINCE_POOR_WORKING_HERE'
  /** 六册：贫困劳动力花名册 */
  | 'POOR_LABOURERS'
  /** 一库：农村劳动力实名制数据库 */
  | 'REAL_NAME'
  /** 五类清单：脱贫不稳定（易返贫）人员清单 */
  | 'RELAPSE_RISK'
  /** 六册：培训需求花名册 */
  | 'TRAINING_NEEDS'
  /** 六册：“两后生”花名册 */
  | 'TWO_AFTER_YOUTH'
  /** 六册：未就业人员花名册 */
  | 'UNEMPLOYED';

/** 花名册/清单 — one page of a roster or list over a region. */
export type RosterPage = {
  __typename?: 'RosterPage';
  /** The day answered for (as of its end, China time) when asOf was given; null = now. */
  asOf?: Maybe<Scalars['LocalDate']['output']>;
  /** 纳入条件 — what puts a person on it */
  definition: Scalars['String']['output'];
  freshness: Freshness;
  kind: RosterKind;
  /** 名称 (as officials call it) */
  label: Scalars['String']['output'];
  nodes: Array<SituationPerson>;
  pageInfo: PageInfo;
  region: SituationRegion;
  /** How many people are on it in the region, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 统计周期 — the periods of a series. */
export type SeriesGranularity =
  /** 月 */
  | 'MONTH'
  /** 季度 */
  | 'QUARTER'
  /** 周 (ISO week) */
  | 'WEEK'
  /** 年 */
  | 'YEAR';

/** Where the stock figures of an indicator set or a series point come from. */
export type SeriesStockSource =
  /** The period ended before the history begins (historyBeginsOn): stocks are null, never made up. */
  | 'BEFORE_HISTORY'
  /** The period is still running: today’s state. */
  | 'CURRENT'
  /** The state at the end of the period’s last day, read from the read model’s history. */
  | 'HISTORY';

/** 推送/联系渠道 — how a push or a contact reached the person */
export type ServiceChannel =
  /** 其他 */
  | 'OTHER'
  /** 电话 */
  | 'PHONE'
  /** 短信 */
  | 'SMS'
  /** 走访 */
  | 'VISIT'
  /** 微信 */
  | 'WECHAT';

/** 服务类型 — a service given to a person (一人一案) */
export type ServiceKind =
  /** 食宿安排 */
  | 'ACCOMMODATION_ARRANGED'
  /** 职业指导 */
  | 'CAREER_GUIDANCE'
  /** 联系（电话/走访） */
  | 'CONTACT_ATTEMPT'
  /** 岗位推送 */
  | 'JOB_PUSH'
  /** 职业介绍（推荐岗位） */
  | 'JOB_REFERRAL'
  /** 维权服务 */
  | 'RIGHTS_PROTECTION'
  /** 补贴申领 */
  | 'SUBSIDY_APPLICATION'
  /** 培训推荐 */
  | 'TRAINING_REFERRAL'
  /** 交通保障（安排出行） */
  | 'TRANSPORT_ARRANGED'
  /** 公益性岗位安置 */
  | 'WELFARE_POST_PLACEMENT';

/** 服务结果 — the outcome of a referral, a contact attempt or a closed rights case */
export type ServiceOutcome =
  /** 已录用 */
  | 'HIRED'
  /** 调解结案 */
  | 'MEDIATED'
  /** 无应答 */
  | 'NO_ANSWER'
  /** 待定 */
  | 'PENDING'
  /** 已联系上 */
  | 'REACHED'
  /** 转劳动仲裁 */
  | 'REFERRED_TO_ARBITRATION'
  /** 转诉讼 */
  | 'REFERRED_TO_COURT'
  /** 拒绝 */
  | 'REFUSED'
  /** 已解决（追回/兑现） */
  | 'RESOLVED'
  /** 未能解决 */
  | 'UNRESOLVED'
  /** 当事人撤回 */
  | 'WITHDRAWN'
  /** 空号错号 */
  | 'WRONG_NUMBER';

/** 服务记录 (一人一案) — one service a department gave a person: what, when, by which staff account, with its outcome. */
export type ServiceRecord = {
  __typename?: 'ServiceRecord';
  /** RIGHTS_PROTECTION: OPEN until closed (updateXRightsCase). */
  caseStatus?: Maybe<RightsCaseStatus>;
  /** JOB_PUSH (required) and CONTACT_ATTEMPT (optional): how it reached the person. */
  channel?: Maybe<ServiceChannel>;
  /** TRAINING_REFERRAL: the class referred to. */
  classId?: Maybe<Scalars['ID']['output']>;
  /** RIGHTS_PROTECTION: the day the case was closed. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** TRAINING_REFERRAL: the course referred to. */
  courseId?: Maybe<Scalars['ID']['output']>;
  /** The department that gave the service (hr, poverty, civil, training, partner). */
  department: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ServiceKind;
  /** Free text, up to 500 characters; never an ID number. */
  note?: Maybe<Scalars['String']['output']>;
  /** JOB_REFERRAL and CONTACT_ATTEMPT: the outcome; RIGHTS_PROTECTION: how the case ended, once closed. */
  outcome?: Maybe<ServiceOutcome>;
  /** JOB_REFERRAL: the posting referred to; JOB_PUSH: the postings sent (ids in the department postingSource names). */
  postingIds: Array<Scalars['ID']['output']>;
  /** JOB_REFERRAL and JOB_PUSH: whose postings postingIds are (hr’s job postings or a partner city’s pushed postings). */
  postingSource?: Maybe<PostingSource>;
  recordedAt: Scalars['DateTimeISO']['output'];
  /** The day of the service (a rights case: the day it was opened). */
  servedOn: Scalars['LocalDate']['output'];
  /** The staff account that recorded it (the signed-in subject; never typed). */
  staffAccount: Scalars['String']['output'];
  /** Why it was withdrawn (4 to 500 characters, no ID number). */
  withdrawalReason?: Maybe<Scalars['String']['output']>;
  /** 作废: when the record was withdrawn as entered in error (withdrawXService); a withdrawn record leaves the timeline. */
  withdrawnAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The staff account that withdrew it. */
  withdrawnBy?: Maybe<Scalars['String']['output']>;
  /** The person (pseudonymous worker key). */
  workerId: Scalars['ID']['output'];
};

/** 服务记录 — one entry of a person’s service timeline (一人一案), from whichever department gave it. */
export type ServiceTimelineEntry = {
  __typename?: 'ServiceTimelineEntry';
  /** RIGHTS_PROTECTION: OPEN or CLOSED. */
  caseStatus?: Maybe<RightsCaseStatus>;
  channel?: Maybe<ServiceChannel>;
  classId?: Maybe<Scalars['ID']['output']>;
  /** RIGHTS_PROTECTION: the day the case was closed. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  courseId?: Maybe<Scalars['ID']['output']>;
  /** The department that gave the service (hr, poverty, civil, training, partner). */
  department: Scalars['String']['output'];
  /** The department’s Chinese name (人社, 扶贫/乡村振兴 …). */
  departmentLabel: Scalars['String']['output'];
  kind: ServiceKind;
  /** Chinese label of the kind (职业指导, 岗位推送 …). */
  kindLabel: Scalars['String']['output'];
  /** Referral or contact outcome; a closed rights case’s outcome. */
  outcome?: Maybe<ServiceOutcome>;
  /** Postings referred to or pushed (ids in the department postingSource names). */
  postingIds: Array<Scalars['ID']['output']>;
  /** Whose postings postingIds are (hr’s job postings or a partner city’s pushed postings). */
  postingSource?: Maybe<PostingSource>;
  /** The record’s id in its department (recordXService answered it). */
  recordId: Scalars['ID']['output'];
  /** The day of the service (a rights case: the day it was opened). */
  servedOn: Scalars['LocalDate']['output'];
  /** The staff account that recorded it. */
  staffAccount: Scalars['String']['output'];
};

/** A page of a person’s service timeline, newest first. */
export type ServiceTimelinePage = {
  __typename?: 'ServiceTimelinePage';
  nodes: Array<ServiceTimelineEntry>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Mark a person as left-behind (三留守), or clear it with kind null. */
export type SetLeftBehindInput = {
  householdCode?: InputMaybe<Scalars['String']['input']>;
  idNumber: Scalars['String']['input'];
  kind?: InputMaybe<LeftBehindKind>;
};

/** 下达目标任务 — targets of one period and measure, for any regions of the caller’s county. */
export type SetTargetsInput = {
  measure: TargetMeasure;
  /** A year '2026' or a quarter '2026-Q1'. */
  period: Scalars['String']['input'];
  /** 1 to 1000 regions, each at most once. A region already holding a target for the period and measure gets the new one. */
  targets: Array<RegionTargetInput>;
};

/** 性别 */
export type Sex =
  /** 女 */
  | 'FEMALE'
  /** 男 */
  | 'MALE';

/** 人员情况 — one registry worker with the facts from all five departments that define rosters and lists. */
export type SituationPerson = {
  __typename?: 'SituationPerson';
  /** 劳动力: 16–60, not a student or serving, able to work, no grade 1–2 disability */
  ableLabourer: Scalars['Boolean']['output'];
  /** 年龄 (today, China time; in an as-of answer, on the as-of day) */
  age: Scalars['Int']['output'];
  /** 户享受的社会救助 (civil): SUBSISTENCE_ALLOWANCE 低保, SPECIAL_HARDSHIP 特困供养 — department staff of the region (welfare) */
  assistanceKinds?: Maybe<Array<Scalars['String']['output']>>;
  /** 持证工种 (training) */
  certifiedTrades: Array<Trade>;
  /** 残疾等级 (civil): 1 most severe … 4 */
  disabilityGrade?: Maybe<Scalars['Int']['output']>;
  /** 文化程度 (hr) */
  education: Education;
  /** 本次就业开始日期 (hr) */
  employedSince?: Maybe<Scalars['LocalDate']['output']>;
  /** 就业单位 (hr) */
  employerName?: Maybe<Scalars['String']['output']>;
  /** 就业意愿 (hr) */
  employmentIntention: EmploymentIntention;
  /** 当前就业形式 (hr) */
  employmentKind?: Maybe<EmploymentKind>;
  /** 当前就业地点 (hr) */
  employmentPlace?: Maybe<EmploymentPlace>;
  /** 就业状态 (hr) */
  employmentStatus: EmploymentStatus;
  /** The household — department staff of the region, like Worker.household */
  household?: Maybe<Household>;
  /** 户编号 — department staff of the region, like Worker.household */
  householdCode?: Maybe<Scalars['String']['output']>;
  /** Pseudonymous worker key (the same in every department). */
  id: Scalars['ID']['output'];
  /** 身份证号 — needs the reveal permission */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** 身份证号（脱敏） — masked ID number (the area code only); department staff of the region, like Worker.idNumberMasked */
  idNumberMasked?: Maybe<Scalars['String']['output']>;
  /** 在训 (training) */
  inTraining: Scalars['Boolean']['output'];
  /** 最近一次服务日期 — the day of the latest service any department recorded; null when none. */
  lastServiceOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 姓名 */
  name: Scalars['String']['output'];
  /** 人口状态 (hr) */
  populationStatus: PopulationStatus;
  /** 户贫困状态 (poverty); null = not registered or monitored */
  povertyStatus?: Maybe<PovertyStatus>;
  /** 服务记录 (一人一案): the services given to this person by every department, newest first (day, then department). As of a past day: the services up to that day. */
  serviceTimeline: ServiceTimelinePage;
  /** 性别 */
  sex: Sex;
  /** 技能水平 (hr) */
  skillLevel: SkillLevel;
  /** 培训需求（意向工种） (hr) */
  trainingWish?: Maybe<Trade>;
  /** 转移就业城市代码 (partner), latest transfer */
  transferCityCode?: Maybe<Scalars['String']['output']>;
  /** 最近一次动态核实日期 (hr) */
  verifiedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 村（社区）代码 */
  villageCode: Scalars['String']['output'];
  /** 村（社区） */
  villageName?: Maybe<Scalars['String']['output']>;
  /** The person in the departments' own subgraphs (all their fields). */
  worker: Worker;
};


/** 人员情况 — one registry worker with the facts from all five departments that define rosters and lists. */
export type SituationPersonServiceTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** The division a view covers. */
export type SituationRegion = {
  __typename?: 'SituationRegion';
  /** 区划代码 */
  code: Scalars['String']['output'];
  /** PROVINCE, CITY, COUNTY, TOWNSHIP or VILLAGE */
  level: Scalars['String']['output'];
  /** 名称 */
  name: Scalars['String']['output'];
};

/** 技能水平 — skill level */
export type SkillLevel =
  /** 高级工 */
  | 'ADVANCED'
  /** 初级工 */
  | 'BASIC'
  /** 中级工 */
  | 'INTERMEDIATE'
  /** 无技能 */
  | 'NONE'
  /** 技师及以上 */
  | 'TECHNICIAN';

/** Registered households and their current members with one poverty status (dashboards). */
export type StatusCount = {
  __typename?: 'StatusCount';
  /** 户数 — null for dashboards when suppressed (1 … SUPPRESSION_THRESHOLD − 1, or hidden so that no other suppressed count can be recovered by subtraction). */
  households?: Maybe<Scalars['Int']['output']>;
  /** 人数 — current members; null for dashboards when suppressed. */
  members?: Maybe<Scalars['Int']['output']>;
  status: PovertyStatus;
  /** true when households or members is withheld (dashboards only; small-cell suppression). */
  suppressed: Scalars['Boolean']['output'];
};

/** Stop paying a grant from a given day. */
export type StopAssistanceInput = {
  /** Last day paid. */
  endsOn: Scalars['LocalDate']['input'];
  grantId: Scalars['ID']['input'];
  /** Why it stops (e.g. 收入超标, 迁出, 死亡). */
  reason: Scalars['String']['input'];
};

/** 补贴发放 — subsidies paid (paid_on) within the period. */
export type SubsidyIndicators = {
  __typename?: 'SubsidyIndicators';
  /** Every kind, 0 when nothing was paid. Amounts add up to totalAmount, so when one kind is suppressed the next smallest is too. */
  byKind: Array<SubsidyKindFigure>;
  /** 发放总额（元） */
  totalAmount: SuppressedAmount;
  /** 发放总人数: distinct workers over all kinds (a worker paid two kinds counts once, so kinds add up to more). */
  totalPeople: SuppressedCount;
};

/** 就业补贴类别 — kind of employment subsidy paid to a worker */
export type SubsidyKind =
  /** 一次性创业补贴 */
  | 'ENTREPRENEURSHIP'
  /** 一次性求职（就业）补贴, 500 元, at most once per worker */
  | 'ONE_OFF_EMPLOYMENT'
  /** 培训期间生活费补贴, 50 元/天 */
  | 'TRAINING_LIVING'
  /** 外出务工交通补助（单程车费） */
  | 'TRAVEL_FARE'
  /** 公益性岗位补贴 */
  | 'WELFARE_POST_ALLOWANCE';

/** 一类补贴 — subsidies of one kind paid in the period. */
export type SubsidyKindFigure = {
  __typename?: 'SubsidyKindFigure';
  /** 发放金额（元）; suppressed with people. */
  amount: SuppressedAmount;
  /** ONE_OFF_EMPLOYMENT, TRAVEL_FARE, TRAINING_LIVING, WELFARE_POST_ALLOWANCE or ENTREPRENEURSHIP */
  kind: Scalars['String']['output'];
  /** 补贴类别 */
  label: Scalars['String']['output'];
  /** 发放人数 (distinct workers) */
  people: SuppressedCount;
};

/** 补贴发放 — an employment subsidy paid to a worker. */
export type SubsidyPayment = {
  __typename?: 'SubsidyPayment';
  /** Amount in yuan. */
  amount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: SubsidyKind;
  paidOn: Scalars['LocalDate']['output'];
  worker: Worker;
};

/** 金额（元，小数抑制）— an amount in yuan, suppressed together with the count of people it was paid to. */
export type SuppressedAmount = {
  __typename?: 'SuppressedAmount';
  suppressed: Scalars['Boolean']['output'];
  /** Yuan, or null when suppressed. */
  value?: Maybe<Scalars['Float']['output']>;
};

/** 计数（小数抑制）— a count; null with suppressed = true when it lies between 1 and the suppression threshold − 1 (or is hidden so that another suppressed cell cannot be recovered by subtraction). 0 is always published. */
export type SuppressedCount = {
  __typename?: 'SuppressedCount';
  suppressed: Scalars['Boolean']['output'];
  /** The count, or null when suppressed. */
  value?: Maybe<Scalars['Int']['output']>;
};

/** 比率（小数抑制）— numerator ÷ denominator (0…1); everything null with suppressed = true when either part is suppressed; value null (not suppressed) when the denominator is 0. */
export type SuppressedRate = {
  __typename?: 'SuppressedRate';
  denominator?: Maybe<Scalars['Int']['output']>;
  numerator?: Maybe<Scalars['Int']['output']>;
  suppressed: Scalars['Boolean']['output'];
  /** numerator / denominator, 0…1 (null: suppressed, or denominator 0). */
  value?: Maybe<Scalars['Float']['output']>;
};

/** 目标任务 — the target of one region, period and measure. */
export type Target = {
  __typename?: 'Target';
  measure: TargetMeasure;
  /** '2026' or '2026-Q1'. */
  period: Scalars['String']['output'];
  region: SituationRegion;
  /** When it was last set (its history: change_history of the situation database). */
  setAt: Scalars['DateTimeISO']['output'];
  target: Scalars['Int']['output'];
};

/** 目标调整记录 — one change of a target, from the change history (common/src/history.ts). */
export type TargetChange = {
  __typename?: 'TargetChange';
  /** The staff account that made it (its id, as the history keeps it). */
  actor: Scalars['String']['output'];
  /** The target after (null when withdrawn). */
  after?: Maybe<Scalars['Int']['output']>;
  at: Scalars['DateTimeISO']['output'];
  /** The target before (null when first set). */
  before?: Maybe<Scalars['Int']['output']>;
  measure: TargetMeasure;
  /** INSERT (first set), UPDATE (changed) or DELETE (withdrawn: removeTargets). */
  operation: Scalars['String']['output'];
  period: Scalars['String']['output'];
  region: SituationRegion;
};

/** Targets of a region and its subregions. */
export type TargetList = {
  __typename?: 'TargetList';
  measure: TargetMeasure;
  period: Scalars['String']['output'];
  /** The region’s own target and every subregion’s (townships, villages), by region code. */
  targets: Array<Target>;
};

/** 目标任务指标 — what a target counts; each is counted exactly as the indicator it names (Query.indicators), so a completion figure agrees with the indicator of the same region and period. */
export type TargetMeasure =
  /** 贫困劳动力务工就业（人）: Indicators.byPovertyStatus employed of 未脱贫 + 已脱贫 (建档立卡 able labourers who are employed) — a current stock, like the indicator, whatever the period */
  | 'EMPLOYED_POOR_LABOURERS'
  /** 新增转移就业（人）: Indicators.newTransfers — distinct workers whose transfer started within the period */
  | 'NEW_TRANSFERS'
  /** 技能培训（人）: Indicators.training.participants — workers enrolled in a class that ran during the period */
  | 'TRAINING_PLACES'
  /** 公益性岗位安置（个）: Indicators.welfarePostsFilled — posts open on the period’s stock day with an assignment open then */
  | 'WELFARE_POSTS';

/** 任务 — a zero-employment household, a warning or a conflict, assigned to a named account and closed when the data bears it out. */
export type Task = {
  __typename?: 'Task';
  /** Days since openedOn (to today, or to the day it closed). */
  ageDays: Scalars['Int']['output'];
  /** The assigned staff account (the sub of its token). */
  assignee?: Maybe<Scalars['String']['output']>;
  assigneeKind?: Maybe<WarningResponsibleKind>;
  /** The assignee's scope: a division code, a partner city's 4-digit code or an institution id. */
  assigneeScope?: Maybe<Scalars['String']['output']>;
  closedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Zero-employment households closed as EMPLOYED: days from becoming zero-employment to a member employed. */
  daysToClear?: Maybe<Scalars['Int']['output']>;
  /** 期限 */
  dueOn: Scalars['LocalDate']['output'];
  /** 任务记录: every transition with who, when and the note, oldest first. */
  history: Array<TaskEvent>;
  /** 户编号 */
  householdCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: TaskKind;
  /** 任务名称 */
  label: Scalars['String']['output'];
  /** When the situation began (a zero-employment spell) or the task was opened (warnings, conflicts). */
  openedOn: Scalars['LocalDate']['output'];
  outcome?: Maybe<TaskOutcome>;
  /** Not closed and past its due day (China time). */
  overdue: Scalars['Boolean']['output'];
  /** The person (warnings and conflicts about a person). */
  person?: Maybe<SituationPerson>;
  /** The warning rule (WarningRuleId) or conflict kind (ConflictKind). */
  rule?: Maybe<Scalars['String']['output']>;
  /** 办理记录: the 一人一案 services given since the situation behind the task began (openedOn) and, once closed, up to the day it closed — to its person, or to the members of its household — newest first, from every department. */
  services: ServiceTimelinePage;
  status: TaskStatus;
  /** The subject: household code (zero-employment), EarlyWarning.id, Conflict.id or the worker key (unregistered labourer). */
  subject: Scalars['String']['output'];
  /** 村（社区）代码 */
  villageCode: Scalars['String']['output'];
  /** 村（社区） */
  villageName?: Maybe<Scalars['String']['output']>;
  /** Zero-employment households: when the latest spell was cleared (null: still zero-employment). */
  zeroEmploymentClearedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Zero-employment households: when the latest spell began. */
  zeroEmploymentSince?: Maybe<Scalars['LocalDate']['output']>;
};


/** 任务 — a zero-employment household, a warning or a conflict, assigned to a named account and closed when the data bears it out. */
export type TaskServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** Open tasks by age (days since openedOn). */
export type TaskAgeCount = {
  __typename?: 'TaskAgeCount';
  /** 0-7, 8-15, 16-30, 31-90 or 91+ */
  bucket: Scalars['String']['output'];
  count: Scalars['Int']['output'];
};

/** Open tasks of one assignee (null: not yet assigned). */
export type TaskAssigneeCount = {
  __typename?: 'TaskAssigneeCount';
  assignee?: Maybe<Scalars['String']['output']>;
  assigneeKind?: Maybe<WarningResponsibleKind>;
  /** Not closed. */
  open: Scalars['Int']['output'];
  /** Not closed and past due. */
  overdue: Scalars['Int']['output'];
};

/** 任务记录 — one transition (or a note by the feed or the daily evaluation): who, when, what. */
export type TaskEvent = {
  __typename?: 'TaskEvent';
  /** The staff account, or system:feed / system:daily. */
  actor: Scalars['String']['output'];
  /** The assignee after this event. */
  assignee?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTimeISO']['output'];
  /** null for the creation */
  fromStatus?: Maybe<TaskStatus>;
  note?: Maybe<Scalars['String']['output']>;
  toStatus: TaskStatus;
};

/** 任务类别 */
export type TaskKind =
  /** 数据比对冲突处理 */
  | 'CONFLICT'
  /** 应登尽登（劳动力未登记） */
  | 'UNREGISTERED_LABOURER'
  /** 预警处置 */
  | 'WARNING'
  /** 零就业家庭动态清零 */
  | 'ZERO_EMPLOYMENT_HOUSEHOLD';

/** 我的任务 — which of my open tasks */
export type TaskListFilter =
  /** 全部未办结 */
  | 'ALL'
  /** 7 天内到期 */
  | 'DUE_THIS_WEEK'
  /** 已逾期 */
  | 'OVERDUE';

/** 办结结果 — what the data bore out when the task closed */
export type TaskOutcome =
  /** 冲突已处理或已不再存在 */
  | 'CONFLICT_RESOLVED'
  /** 家庭成员已就业（零就业家庭已清零） */
  | 'EMPLOYED'
  /** 不适用（科员说明理由） */
  | 'NOT_APPLICABLE'
  /** 已在劳动力实名制登记中（应登尽登） */
  | 'REGISTERED'
  /** 预警条件已不再成立 */
  | 'WARNING_CLEARED';

/** 任务清单 — one page of tasks, ordered by due day then id. */
export type TaskPage = {
  __typename?: 'TaskPage';
  nodes: Array<Task>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** 任务状态 — OPEN → ASSIGNED → ACKNOWLEDGED → CLOSED (and REOPENED) */
export type TaskStatus =
  /** 已签收 */
  | 'ACKNOWLEDGED'
  /** 已分派 */
  | 'ASSIGNED'
  /** 已办结 */
  | 'CLOSED'
  /** 待分派 */
  | 'OPEN'
  /** 已重新打开 */
  | 'REOPENED';

/** Willing workers of one township (乡镇) for a posting (null: suppressed). */
export type TownshipMatchCount = {
  __typename?: 'TownshipMatchCount';
  /** 9-digit township code. */
  code: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
  workers?: Maybe<Scalars['Int']['output']>;
};

/** 工种 — trade of a course, certificate or job */
export type Trade =
  /** 农业技术 */
  | 'AGRICULTURE'
  /** 美容美发 */
  | 'BEAUTY'
  /** 建筑施工 */
  | 'CONSTRUCTION'
  /** 中式烹调师 */
  | 'COOK'
  /** 家政服务员 */
  | 'DOMESTIC_SERVICE'
  /** 驾驶员 */
  | 'DRIVER'
  /** 电子商务 */
  | 'ECOMMERCE'
  /** 养老护理员 */
  | 'ELDERLY_CARE'
  /** 电工 */
  | 'ELECTRICIAN'
  /** 挖掘机操作 */
  | 'EXCAVATOR'
  /** 缝纫工 */
  | 'SEWING'
  /** 焊工 */
  | 'WELDER';

/** Willing workers holding a certificate in a trade (null trade: none); a worker with two certificates counts under both (null: suppressed). A posting without a trade lists no certificate and every trade (zeros included); a posting that asks for a trade lists that trade alone (its total): co-certifications are not published. */
export type TradeMatchCount = {
  __typename?: 'TradeMatchCount';
  trade?: Maybe<Trade>;
  workers?: Maybe<Scalars['Int']['output']>;
};

/** 培训班 — one run of a course, with dates, places and a location. */
export type TrainingClass = {
  __typename?: 'TrainingClass';
  /** Places (班额): trainees enrolled or completed, dropouts not counted. */
  capacity: Scalars['Int']['output'];
  /** Why it was cancelled (or a note on closing). */
  closeReason?: Maybe<Scalars['String']['output']>;
  /** The day it was closed or cancelled. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  course: Course;
  /** Last day of the class, inclusive (结业日期). */
  endsOn: Scalars['LocalDate']['output'];
  /** 学员名册 — the class roster, in enrolment order, dropouts included. */
  enrolments: Array<Enrolment>;
  /** 资金来源 — who funds the class; empty on classes recorded before. */
  funder?: Maybe<ClassFunder>;
  /** PARTNER_CITY: the funding partner city’s 4-digit code (东西部协作); empty otherwise. */
  funderCityCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Class days from start to end, both included: what attendance is measured against. */
  lengthDays: Scalars['Int']['output'];
  /** 培训地点 */
  location: Scalars['String']['output'];
  /** Places taken: trainees enrolled or completed (dropouts free their place). */
  placesTaken: Scalars['Int']['output'];
  /** 课程表 — the schedule, by day and start time (at most 400 sessions). */
  sessions: Array<ClassSession>;
  /** First day of the class (开班日期). */
  startsOn: Scalars['LocalDate']['output'];
  /** OPEN until closed (结班: every trainee completed or dropped) or cancelled (取消: its trainees dropped). */
  status: ClassStatus;
  /** 授课教师 — the teacher (staff of the institution, not a trainee); empty on classes recorded before. */
  teacher?: Maybe<Scalars['String']['output']>;
};

export type TrainingClassPage = {
  __typename?: 'TrainingClassPage';
  nodes: Array<TrainingClass>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 技能培训 — training figures of the period (people, not enrolments: a worker counts once per figure). */
export type TrainingIndicators = {
  __typename?: 'TrainingIndicators';
  /** 结业人数: workers who completed a course (completed_on) within the period. */
  completions: SuppressedCount;
  /** 中期培训后3个月内就业人数: of mediumTermCompleted, those with an employment date (employed_on) on or before completed_on + 3 months. Completions of the last 3 months may still turn into jobs. */
  employedWithin3Months: SuppressedCount;
  /** 中期培训后3个月内就业率 = employedWithin3Months ÷ mediumTermCompleted (Baoji target: above 65 %). */
  employedWithin3MonthsRate: SuppressedRate;
  /** 中期培训结业人数: workers who completed a MEDIUM_TERM course within the period. */
  mediumTermCompleted: SuppressedCount;
  /** 参训人数: workers enrolled in a class that ran during the period (any status). */
  participants: SuppressedCount;
};

/** 培训成效 — the training indicators officials report: participants, completions and employment within 3 months of completion (Baoji's medium-term target: above 65 %). */
export type TrainingOutcomes = {
  __typename?: 'TrainingOutcomes';
  /** Completions still inside their 3-month window with no job yet: not yet counted either way. */
  awaitingOutcome?: Maybe<Scalars['Int']['output']>;
  /** 结业人数 — completed enrolments. */
  completions?: Maybe<Scalars['Int']['output']>;
  /** 3个月内就业人数 — completions whose first job began no later than completion + 3 months. */
  employedWithinThreeMonths?: Maybe<Scalars['Int']['output']>;
  /** 就业率 — employedWithinThreeMonths ÷ (completions − awaitingOutcome), 0 to 1: among completions whose outcome is known. Empty when no outcome is known yet. */
  employmentRate?: Maybe<Scalars['Float']['output']>;
  /** 参训人数 — enrolments (completed, in training or dropped). */
  participants?: Maybe<Scalars['Int']['output']>;
  /** true when a count is withheld (dashboards only): a count from 1 to SUPPRESSION_THRESHOLD − 1, or one hidden so that no suppressed count can be recovered by subtraction (null; the rate too). */
  suppressed: Scalars['Boolean']['output'];
};

/** 培训推荐 — the county referred a worker of its region to an institution (or one class); its enrolment of that worker is then confirmed at once. */
export type TrainingReferral = {
  __typename?: 'TrainingReferral';
  id: Scalars['ID']['output'];
  /** 推荐说明 */
  note?: Maybe<Scalars['String']['output']>;
  /** An enrolment was recorded on this referral. */
  used: Scalars['Boolean']['output'];
  /** Last day the institution may enrol the worker on this referral. */
  validUntil: Scalars['LocalDate']['output'];
};

/** 转移就业 — one worker's organised transfer to a job in a partner city. */
export type Transfer = {
  __typename?: 'Transfer';
  /** Open: the worker has not left this job (endedOn empty). */
  active: Scalars['Boolean']['output'];
  /** 组织输出批次; empty for a worker who went on their own (selfOrganised). */
  batch?: Maybe<TransferBatch>;
  city: PartnerCity;
  /** 核实状态: PENDING until county staff of the worker's region confirm a transfer a partner city recorded on its own. */
  confirmation: LinkConfirmation;
  /** 联系记录, newest first. */
  contactAttempts: Array<ContactAttempt>;
  /** 核实说明 — the county's reason for rejecting, or its note on confirming. */
  decisionNote?: Maybe<Scalars['String']['output']>;
  /** 目的地区县 — the 6-digit district of the city the worker went to, when known (the city stays the scope). */
  destinationDistrict?: Maybe<Scalars['String']['output']>;
  /** 用工单位 */
  employerName: Scalars['String']['output'];
  /** 离岗原因 */
  endReason?: Maybe<Scalars['String']['output']>;
  /** 离岗日期; empty while the worker holds the job. */
  endedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 一次性交通补助 — the one-way fare was reimbursed. */
  fareReimbursed: Scalars['Boolean']['output'];
  /** 待回访 — the job is open and its next follow-up is due today or overdue (followUpDueOn is today or earlier, China time). */
  followUpDue: Scalars['Boolean']['output'];
  /** 下次回访日期 — the next follow-up is due on this day: 30 days after the last visit, or after the first working day when there was none; empty once the worker left the job. */
  followUpDueOn?: Maybe<Scalars['LocalDate']['output']>;
  /** 跟踪回访, newest first. */
  followUpVisits: Array<FollowUpVisit>;
  id: Scalars['ID']['output'];
  /** 岗位/工种 */
  jobTitle: Scalars['String']['output'];
  /** 最近一次联系 — the latest contact attempt (the first of contactAttempts), for lists: one object, not a list. */
  lastContactAttempt?: Maybe<ContactAttempt>;
  /** 最近一次跟踪回访 — the latest visit (the first of followUpVisits), for lists: one object, not a list. */
  lastFollowUpVisit?: Maybe<FollowUpVisit>;
  /** 联系电话 (masked, 138****5678). */
  phoneMasked?: Maybe<Scalars['String']['output']>;
  /** 自发外出 — the worker went on their own, without an organised batch (batch empty). */
  selfOrganised: Scalars['Boolean']['output'];
  /** 上岗日期 — first working day. */
  startedOn: Scalars['LocalDate']['output'];
  /** The transferred worker; empty when you cannot see them — a partner city's own pending transfer, until the county confirms it. */
  worker?: Maybe<Worker>;
};

/** 组织输出批次 — an organised departure of workers to a partner city (one bus, train or flight). */
export type TransferBatch = {
  __typename?: 'TransferBatch';
  /** The base or station that receives the batch. */
  base?: Maybe<LabourBase>;
  /** 批次号, e.g. DC-2026-03-001 (county prefix, year and month of departure, sequence). */
  batchNo: Scalars['String']['output'];
  city: PartnerCity;
  /** 出发日期 */
  departedOn: Scalars['LocalDate']['output'];
  /** 目的地 (district, industrial park, employer site) */
  destination: Scalars['String']['output'];
  /** 目的地区县 — the 6-digit district of the city, when the batch named one. */
  destinationDistrict?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The workers of the batch (a bus or a train: tens, not thousands). */
  transfers: Array<Transfer>;
};

export type TransferPage = {
  __typename?: 'TransferPage';
  nodes: Array<Transfer>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 转移就业推荐 — the county referred a worker of its region to a partner city; the city's transfer of that worker is then confirmed at once. */
export type TransferReferral = {
  __typename?: 'TransferReferral';
  /** The partner city (4-digit code) the worker is referred to. */
  cityCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** 推荐说明 */
  note?: Maybe<Scalars['String']['output']>;
  /** A transfer was recorded on this referral. */
  used: Scalars['Boolean']['output'];
  /** Last day the city may record the transfer on this referral. */
  validUntil: Scalars['LocalDate']['output'];
};

/** 结对帮扶 — a unit paired with a village, from when to when (ended, never deleted). */
export type UnitPairing = {
  __typename?: 'UnitPairing';
  endReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  since: Scalars['LocalDate']['output'];
  unit?: Maybe<ResponsibleUnit>;
  /** Last day; empty while paired. */
  until?: Maybe<Scalars['LocalDate']['output']>;
  /** 12-digit village code */
  villageCode: Scalars['String']['output'];
};

/** 应登尽登 — a working-age (16–60) member of a registered poor or monitored household whom hr’s labour registry does not hold. Department staff of the region, with a declared purpose; every read is logged. */
export type UnregisteredLabourer = {
  __typename?: 'UnregisteredLabourer';
  /** 年龄 (today, China time) */
  age: Scalars['Int']['output'];
  /** The household (poverty resolves its fields). */
  household?: Maybe<Household>;
  /** 户编号 — department staff of the region */
  householdCode?: Maybe<Scalars['String']['output']>;
  /** Pseudonymous worker key (the key hr gives the person once registered). */
  id: Scalars['ID']['output'];
  /** 身份证号 — needs the reveal permission (to register the person in hr) */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** 身份证号（脱敏） — department staff of the region */
  idNumberMasked?: Maybe<Scalars['String']['output']>;
  /** 姓名 (poverty) */
  name?: Maybe<Scalars['String']['output']>;
  /** 贫困状态 — the household's (poverty) */
  povertyStatus?: Maybe<PovertyStatus>;
  /** 帮扶责任人 — the household’s responsible cadre today (poverty), when one is recorded */
  responsibleCadre?: Maybe<Scalars['String']['output']>;
  /** 性别 */
  sex: Sex;
  /** 村（社区）代码 */
  villageCode: Scalars['String']['output'];
  /** 村（社区） */
  villageName?: Maybe<Scalars['String']['output']>;
};

/** 应登尽登 — a page of unregistered labourers of a region, ordered by village and worker key. */
export type UnregisteredLabourerPage = {
  __typename?: 'UnregisteredLabourerPage';
  nodes: Array<UnregisteredLabourer>;
  pageInfo: PageInfo;
  region: SituationRegion;
  totalCount: Scalars['Int']['output'];
};

/** Change a cadre of your region: the fields given are replaced. Open responsibilities keep the unit they began with. Fields left out stay as they are; an explicit null clears phone (as clearPhone: true), account (as clearAccount: true; officers only); null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateCadreInput = {
  /** The staff account the cadre signs in with (1–128 of A–Z a–z 0–9 . _ @ : -), held by no other cadre; set by poverty officers (科员) only. */
  account?: InputMaybe<Scalars['String']['input']>;
  /** true: the cadre carries no account any more (their tasks are no longer assigned automatically). */
  clearAccount?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: no phone on record any more. */
  clearPhone?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<CadreRole>;
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** Change a session not yet held (today or later): the fields given are replaced. Fields left out stay as they are; null on a field is refused (BAD_USER_INPUT naming it): every field here is required. The change history records old → new (or old → null). */
export type UpdateClassSessionInput = {
  endsAt?: InputMaybe<Scalars['String']['input']>;
  heldOn?: InputMaybe<Scalars['LocalDate']['input']>;
  id: Scalars['ID']['input'];
  startsAt?: InputMaybe<Scalars['String']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** Change an open course: the fields given are replaced, the others kept (the trade stays). Fields left out stay as they are; an explicit null clears level (as clearLevel: true); null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateCourseInput = {
  /** true: the course has no grade any more. */
  clearLevel?: InputMaybe<Scalars['Boolean']['input']>;
  durationDays?: InputMaybe<Scalars['Int']['input']>;
  hours?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  kind?: InputMaybe<CourseKind>;
  level?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  subsidyPerTrainee?: InputMaybe<Scalars['Int']['input']>;
};

/** Change an operating employer. Fields left out stay as they are; an explicit null clears certifiedOn (kinds without certification only); null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateEmployerInput = {
  certifiedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  creditCode?: InputMaybe<Scalars['String']['input']>;
  divisionCode?: InputMaybe<Scalars['DivisionCode']['input']>;
  id: Scalars['ID']['input'];
  kind?: InputMaybe<EmployerKind>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Change a fair that is not cancelled. Fields left out stay as they are; an explicit null clears venue (online fairs only); null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateJobFairInput = {
  /** Moved only before intentions or attendance are recorded; the postings brought must be open on the new day. */
  heldOn?: InputMaybe<Scalars['LocalDate']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  organiser?: InputMaybe<Scalars['String']['input']>;
  venue?: InputMaybe<Scalars['String']['input']>;
};

/** Change an open posting. Fields left out stay as they are; an explicit null clears requiredTrade (低门槛), minEducation; null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateJobPostingInput = {
  /** Not below the intentions already reached for it. */
  headcount?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  location?: InputMaybe<Scalars['String']['input']>;
  minEducation?: InputMaybe<Education>;
  monthlyWageMax?: InputMaybe<Scalars['Int']['input']>;
  monthlyWageMin?: InputMaybe<Scalars['Int']['input']>;
  /** Extend or shorten the valid period. */
  openUntil?: InputMaybe<Scalars['LocalDate']['input']>;
  place?: InputMaybe<EmploymentPlace>;
  requiredTrade?: InputMaybe<Trade>;
  skills?: InputMaybe<Scalars['String']['input']>;
  threshold?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Change an open base or station: the fields given are replaced, the others kept. Fields left out stay as they are; null on a field is refused (BAD_USER_INPUT naming it): every field here is required. The change history records old → new (or old → null). */
export type UpdateLabourBaseInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  kind?: InputMaybe<LabourBaseKind>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Change an open posting: the fields given are replaced, the others kept. Fields left out stay as they are; an explicit null clears baseId (as clearBase: true), requiredTrade (as clearRequiredTrade: true); null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdatePartnerJobPostingInput = {
  baseId?: InputMaybe<Scalars['ID']['input']>;
  /** true: the posting is no longer tied to a base. */
  clearBase?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: no trade required any more (低门槛). */
  clearRequiredTrade?: InputMaybe<Scalars['Boolean']['input']>;
  employerName?: InputMaybe<Scalars['String']['input']>;
  headcount?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  monthlyWage?: InputMaybe<Scalars['Int']['input']>;
  pushedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  requiredTrade?: InputMaybe<Trade>;
  title?: InputMaybe<Scalars['String']['input']>;
  /** Extend or shorten; not before today (close it instead). */
  validUntil?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Change an open unit of your region: the fields given are replaced. Fields left out stay as they are; null on a field is refused (BAD_USER_INPUT naming it): every field here is required. The change history records old → new (or old → null). */
export type UpdateResponsibleUnitInput = {
  id: Scalars['ID']['input'];
  kind?: InputMaybe<ResponsibleUnitKind>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** 维权案件 — update a rights-protection case until it is closed: its note, or close it with the day and outcome. Fields left out stay as they are; an explicit null clears note; null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateRightsCaseInput = {
  /** Closes the case: not before it was opened, not after today; needs outcome. */
  closedOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The RIGHTS_PROTECTION service record. */
  id: Scalars['ID']['input'];
  /** Replaces the note; up to 500 characters, no ID number; null clears it. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** How the case ended (RESOLVED, MEDIATED, REFERRED_TO_ARBITRATION, REFERRED_TO_COURT, WITHDRAWN, UNRESOLVED); needs closedOn. */
  outcome?: InputMaybe<ServiceOutcome>;
};

/** 月动态核实 — the monthly verification of a registry record; verifiedOn becomes today either way. Fields left out stay as they are; an explicit null clears trainingWish; null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateSixClaritiesInput = {
  education?: InputMaybe<Education>;
  employmentIntention?: InputMaybe<EmploymentIntention>;
  /** UNEMPLOYED, NOT_SEEKING or UNABLE_TO_WORK, and only while no employment is open (EMPLOYED follows the employment records). */
  employmentStatus?: InputMaybe<EmploymentStatus>;
  idNumber: Scalars['String']['input'];
  populationStatus?: InputMaybe<PopulationStatus>;
  skillLevel?: InputMaybe<SkillLevel>;
  trainingWish?: InputMaybe<Trade>;
};

/** Change an open class: the fields given are replaced, the others kept. Fields left out stay as they are; an explicit null clears funder (and its city), funderCityCode; null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateTrainingClassInput = {
  /** Not below the places already taken. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  endsOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** 资金来源; given, it replaces the funder and its city (funderCityCode for PARTNER_CITY only). */
  funder?: InputMaybe<ClassFunder>;
  /** PARTNER_CITY only: the partner city’s 4-digit code; with funder, or alone for a class already funded by a partner city. */
  funderCityCode?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  location?: InputMaybe<Scalars['String']['input']>;
  /** Only before the class has begun. */
  startsOn?: InputMaybe<Scalars['LocalDate']['input']>;
  teacher?: InputMaybe<Scalars['String']['input']>;
};

/** Change an open post; its kind and village stay (another kind or village is another post). Fields left out stay as they are; an explicit null clears agency; null on any other field is refused (BAD_USER_INPUT naming it). The change history records old → new (or old → null). */
export type UpdateWelfarePostInput = {
  agency?: InputMaybe<Scalars['String']['input']>;
  fundingSource?: InputMaybe<WelfarePostFunding>;
  id: Scalars['ID']['input'];
  managingDepartment?: InputMaybe<Scalars['String']['input']>;
  /** Applies to holders assigned from now on. */
  maxHolderAge?: InputMaybe<Scalars['Int']['input']>;
  monthlyAllowance?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** 核实覆盖率 — how much of the labour registry was verified in a month (月度核实) or another period, per village. For dashboard accounts counts from 1 to threshold − 1 are suppressed, and further counts are withheld wherever a suppressed one could be recovered by subtraction (a region and its townships and villages, decided over the whole registry at once); department staff see exact figures. */
export type VerificationCoverage = {
  __typename?: 'VerificationCoverage';
  freshness: Freshness;
  /** First day of the month (or of the period). */
  from: Scalars['LocalDate']['output'];
  /** The month, 'YYYY-MM' (asked with period: the month the period begins in). */
  month: Scalars['String']['output'];
  /** The month or period counted: verified = verified at least once within it; registryWorkers taken on period.asOf. */
  period: IndicatorPeriod;
  region: SituationRegion;
  /** Where registryWorkers comes from, as for the indicators: CURRENT (today), HISTORY (the registry at the end of period.to), BEFORE_HISTORY (not known: registryWorkers and share null, not suppressed). */
  stockSource: SeriesStockSource;
  /** Last day of the month (or of the period). */
  to: Scalars['LocalDate']['output'];
  /** The whole region. */
  total: CoverageFigures;
  /** Every village of the region (division), worst first: share ascending over the published figures (villages without registry workers next, then — dashboards — villages whose share is suppressed), then village code. */
  villages: Array<VillageCoverage>;
};

/** 核实结果 — outcome of the monthly verification of a registry record */
export type VerificationOutcome =
  /** 核实无误 */
  | 'CONFIRMED'
  /** 已更正 */
  | 'CORRECTED'
  /** 已死亡 */
  | 'DECEASED'
  /** 已迁出 */
  | 'MOVED_AWAY'
  /** 未能核实 */
  | 'NOT_REACHED';

/** 村级月度核实覆盖 — one village. */
export type VillageCoverage = {
  __typename?: 'VillageCoverage';
  /** 登记劳动力数: registry workers (every person_situation row of the place). */
  registryWorkers: SuppressedCount;
  /** 核实率 = verified ÷ registryWorkers. */
  share: SuppressedRate;
  /** 所属乡镇 */
  townshipName?: Maybe<Scalars['String']['output']>;
  /** 已核实人数: distinct registry workers with a record verification dated in the month whose outcome is not NOT_REACHED (未能核实 is an attempt, not a verification). */
  verified: SuppressedCount;
  /** 村代码 */
  villageCode: Scalars['String']['output'];
  /** 村名 */
  villageName: Scalars['String']['output'];
};

/** 每周五村级新增转移就业排名（红黑榜）— the weekly village ranking of a county. */
export type VillageRanking = {
  __typename?: 'VillageRanking';
  /** Every village of the county (division, level VILLAGE), 0 when nothing happened, ordered by newTransfers descending then village code; for dashboards the villages whose newTransfers is suppressed come last, by village code. */
  all: Array<VillageRankingRow>;
  /** What villages are ranked by (rank, red, black, all): COUNT or COMPLETION_RATE (a village without a rate is not ranked, is on neither list and comes last by code). */
  basis: RankingBasis;
  /** 黑榜: the 10 villages with the fewest new transfers (newTransfers ascending, then village code), zeros included (dashboards: published counts only): in an empty week the first 10 villages by code. In a county of fewer than 20 villages a village can be on both lists. */
  black: Array<VillageRankingRow>;
  /** The county ranked. */
  county: SituationRegion;
  freshness: Freshness;
  /** The period asked for (villageRanking(period)): '2026-W49', '2026-12', '2026-Q4' or '2026'; null when the ranking is of the week holding a day. */
  period?: Maybe<Scalars['String']['output']>;
  /** The period’s name (2026年12月); null without a period. */
  periodLabel?: Maybe<Scalars['String']['output']>;
  /** Last day of the span before. */
  previousWeekEnd: Scalars['LocalDate']['output'];
  /** First day of the span before (previousWeek counts): the week before, or the month, quarter or year before. */
  previousWeekStart: Scalars['LocalDate']['output'];
  /** 红榜: the 10 villages with the most new transfers (ties by village code), only villages with at least one (dashboards: published counts only); empty in a week without any transfer. May hold fewer than 10. */
  red: Array<VillageRankingRow>;
  /** The target period ranked against (basis COMPLETION_RATE): the year. */
  targetPeriod?: Maybe<Scalars['String']['output']>;
  /** The suppression threshold applied, or null when counts are exact (department staff). */
  threshold?: Maybe<Scalars['Int']['output']>;
  /** Last day of the span ranked (included): a transfer starting on it belongs to this span, one starting the day after to the next. */
  weekEnd: Scalars['LocalDate']['output'];
  /** The weekday a ranking week ends on (WEEK_ENDS_ON; FRIDAY: Saturday–Friday). */
  weekEndsOn: Scalars['String']['output'];
  /** First day of the span ranked (included): the ranking week, or the month, quarter or year asked for. */
  weekStart: Scalars['LocalDate']['output'];
};

/** 一个村的周排名 — one village in the weekly ranking. For dashboard accounts a count from 1 to threshold − 1 is null (suppressed = true), and change is null whenever either week is suppressed; ranks and the red and black lists are computed over published counts only (a village whose newTransfers is suppressed has no rank and is on neither list). Department staff see exact counts. */
export type VillageRankingRow = {
  __typename?: 'VillageRankingRow';
  /** 环比变化 = newTransfers − previousWeek. null when either is suppressed. */
  change?: Maybe<Scalars['Int']['output']>;
  /** 完成率 = yearToDate ÷ target (basis COMPLETION_RATE); null without a target, with a target of 0, or when yearToDate is withheld. */
  completionRate?: Maybe<Scalars['Float']['output']>;
  /** 本周新增转移就业: distinct workers of the village whose transfer started within the week (partner organised transfers and hr transfer employments; a worker recorded by both counts once). null: suppressed. */
  newTransfers?: Maybe<Scalars['Int']['output']>;
  /** 上期新增转移就业 (same definition, the span before: previous week, month, quarter or year). null: suppressed. */
  previousWeek?: Maybe<Scalars['Int']['output']>;
  /** 名次: standard competition ranking by newTransfers (basis COUNT) or completionRate (basis COMPLETION_RATE), highest first ("1224": villages with equal figures share a rank and the next rank skips), over the published figures. Every village with 0 shares the last rank. null: not ranked — newTransfers suppressed (dashboards, basis COUNT), or no completionRate (basis COMPLETION_RATE). */
  rank?: Maybe<Scalars['Int']['output']>;
  /** true when any count of this row is withheld (dashboards only). */
  suppressed: Scalars['Boolean']['output'];
  /** 年度目标 (basis COMPLETION_RATE): the village’s NEW_TRANSFERS target for the year; null when none is set (or basis COUNT). */
  target?: Maybe<Scalars['Int']['output']>;
  /** 所属乡镇 */
  townshipName?: Maybe<Scalars['String']['output']>;
  /** 村代码 (12 digits) */
  villageCode: Scalars['String']['output'];
  /** 村名 */
  villageName: Scalars['String']['output'];
  /** 年累计新增转移就业 (basis COMPLETION_RATE): staff — distinct workers whose transfer started from 1 January to weekEnd; dashboards — the year’s published indicator cell (Indicators.newTransfers, same suppression). null: withheld, or basis COUNT. */
  yearToDate?: Maybe<Scalars['Int']['output']>;
};

/** 预警等级 */
export type WarningLevel =
  /** 橙色预警 */
  | 'ORANGE'
  /** 红色预警 */
  | 'RED'
  /** 黄色预警 */
  | 'YELLOW';

/** 预警清单 — one page of the early warnings over a region. */
export type WarningPage = {
  __typename?: 'WarningPage';
  /** Per rule in the region, whatever the rule and level filters (every registered rule, 0 included). */
  countsByRule: Array<WarningRuleCount>;
  freshness: Freshness;
  /** Ordered by level (red first), rule, village, subject. */
  nodes: Array<EarlyWarning>;
  pageInfo: PageInfo;
  region: SituationRegion;
  /** Warnings matching the filters in the region (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** 预警责任人 — who acts on a warning. */
export type WarningResponsible = {
  __typename?: 'WarningResponsible';
  kind: WarningResponsibleKind;
  /** 责任人或责任岗位 */
  name: Scalars['String']['output'];
  /** 单位（挂包单位、村、协作城市或培训机构） */
  unit?: Maybe<Scalars['String']['output']>;
};

/** 预警责任人类别 */
export type WarningResponsibleKind =
  /** 帮扶责任人（扶贫） */
  | 'CADRE'
  /** 培训机构 */
  | 'INSTITUTION'
  /** 协作城市劳务工作站 */
  | 'PARTNER_STATION'
  /** 村劳动保障协理员 */
  | 'VILLAGE_ASSISTANT';

/** How many warnings one rule raises in the region. */
export type WarningRuleCount = {
  __typename?: 'WarningRuleCount';
  count: Scalars['Int']['output'];
  label: Scalars['String']['output'];
  level: WarningLevel;
  rule: WarningRuleId;
};

/** 预警规则 — the registered early-warning rules (see Query.warningRules) */
export type WarningRuleId =
  /** 低保户劳动力长期未就业 */
  | 'ALLOWANCE_HOUSEHOLD_LONG_UNEMPLOYED'
  /** 贫困劳动力公益性岗位到期后未就业 */
  | 'POOR_LABOURER_WELFARE_POST_ENDED'
  /** 脱贫/监测户低保特困停发 */
  | 'POVERTY_HOUSEHOLD_ALLOWANCE_STOPPED'
  /** 脱贫/监测户新增残疾 */
  | 'POVERTY_HOUSEHOLD_DISABILITY_RECORDED'
  /** 脱贫/监测户唯一就业人员失业 */
  | 'POVERTY_HOUSEHOLD_LOST_ONLY_JOB'
  /** 中期培训结业 3 个月未就业 */
  | 'TRAINED_NO_JOB_3_MONTHS'
  /** 转移就业人员回访未在岗 */
  | 'TRANSFER_NOT_WORKING'
  /** 转移就业人员超过 30 天未回访 */
  | 'TRANSFER_NO_FOLLOW_UP';

/** 预警规则 — a registered rule. */
export type WarningRuleInfo = {
  __typename?: 'WarningRuleInfo';
  /** The departments whose facts the rule combines. */
  departments: Array<Scalars['String']['output']>;
  /** 触发条件 */
  description: Scalars['String']['output'];
  id: WarningRuleId;
  /** 名称 */
  label: Scalars['String']['output'];
  level: WarningLevel;
  /** PERSON or HOUSEHOLD: what one warning is about. */
  subject: Scalars['String']['output'];
};

/** 公益性岗位 — a public-welfare post developed in a village: the floor (兜底安置) for workers who cannot leave home. */
export type WelfarePost = {
  __typename?: 'WelfarePost';
  /** 用岗单位 — the agency the holder works at (镇政府, 村委会, 林业站…), when not the village itself. */
  agency?: Maybe<Scalars['String']['output']>;
  /** Allowance in yuan per year (about 6,000). */
  annualAllowance: Scalars['Int']['output'];
  closeReason?: Maybe<Scalars['String']['output']>;
  /** The day the post was closed (撤岗); a closed post takes no holder. */
  closedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** Who holds the post now; empty when vacant. */
  currentAssignment?: Maybe<WelfarePostAssignment>;
  fundingSource?: Maybe<WelfarePostFunding>;
  id: Scalars['ID']['output'];
  kind: WelfarePostKind;
  /** 管理部门 — the department that manages the post (林草局, 交通运输局, 住建局…). */
  managingDepartment?: Maybe<Scalars['String']['output']>;
  /** Oldest age at which a holder may start (60; up to 65 where the county allows). */
  maxHolderAge: Scalars['Int']['output'];
  /** Allowance in yuan per month (the annual allowance over 12, rounded). */
  monthlyAllowance: Scalars['Int']['output'];
  /** Not closed. */
  open: Scalars['Boolean']['output'];
  /** 开发日期 — the day the post was opened. */
  openedOn?: Maybe<Scalars['LocalDate']['output']>;
  title: Scalars['String']['output'];
  /** 空岗 — nobody holds the post now. */
  vacant: Scalars['Boolean']['output'];
  village: Division;
};

/** 公益性岗位聘用 — who holds (or held) a public-welfare post, and when. */
export type WelfarePostAssignment = {
  __typename?: 'WelfarePostAssignment';
  /** Holds the post now (no end recorded). */
  current: Scalars['Boolean']['output'];
  /** Empty while the worker holds the post. */
  endsOn?: Maybe<Scalars['LocalDate']['output']>;
  id: Scalars['ID']['output'];
  post: WelfarePost;
  startsOn: Scalars['LocalDate']['output'];
  worker: Worker;
};

/** 岗位资金来源 — who pays a public-welfare post */
export type WelfarePostFunding =
  /** 县级财政资金 */
  | 'COUNTY_BUDGET'
  /** 就业补助资金 */
  | 'EMPLOYMENT_FUND'
  /** 衔接推进乡村振兴补助资金 */
  | 'LINKAGE_FUND'
  /** 行业部门资金 */
  | 'SECTOR_FUND'
  /** 村集体经济收入 */
  | 'VILLAGE_COLLECTIVE';

/** 公益性岗位类别 — kind of public-welfare post */
export type WelfarePostKind =
  /** 保洁员 */
  | 'CLEANING'
  /** 文化服务员 */
  | 'CULTURE'
  /** 护林员 */
  | 'FOREST_RANGER'
  /** 基础设施管护员 */
  | 'INFRASTRUCTURE_CARETAKER'
  /** 留守人员看护 */
  | 'LEFT_BEHIND_CARE'
  /** 办公服务员 */
  | 'OFFICE_SERVICE'
  /** 护路员 */
  | 'ROAD_MAINTENANCE'
  /** 治安巡逻员 */
  | 'SECURITY_PATROL';

export type WelfarePostPage = {
  __typename?: 'WelfarePostPage';
  nodes: Array<WelfarePost>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 作废 — withdraw a service record entered in error. The record stays (with who, when and why) in the department and its change history, and leaves the timeline. */
export type WithdrawServiceInput = {
  /** The service record (of the department whose mutation this is). */
  id: Scalars['ID']['input'];
  /** Why: 4 to 500 characters, no ID number (e.g. 录入错误：服务对象错误). */
  reason: Scalars['String']['input'];
};

/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type Worker = {
  __typename?: 'Worker';
  /** Who read this person's data, when and why, newest first (auditors; department staff for people in their region). */
  accessLog?: Maybe<Array<AccessLogEntry>>;
  /** Age in whole years today (China Standard Time). Empty when the person is not in the labour registry. */
  age?: Maybe<Scalars['Int']['output']>;
  /** From the ID number (its digits 7–14), so it needs the reveal permission like the number itself; everyone else reads age. Empty when the person is not in the labour registry. */
  birthDate?: Maybe<Scalars['LocalDate']['output']>;
  /** 照料义务, newest first. */
  careDuties?: Maybe<Array<CareDuty>>;
  /** 职业技能等级证书, newest first. */
  certificates?: Maybe<Array<Certificate>>;
  /** Distinct trades the worker holds a certificate in (hr @requires it to match job postings). */
  certifiedTrades: Array<Trade>;
  /** Every change to this person's records in civil, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  civilHistory?: Maybe<ChangeHistoryPage>;
  /** When this person's records in civil last changed (ISO 8601, UTC); empty when its change history holds nothing. */
  civilRecordedAt?: Maybe<Scalars['String']['output']>;
  /** 联系记录, newest first. */
  contactAttempts?: Maybe<Array<ContactAttempt>>;
  /** The open employment, if the worker is employed now. */
  currentEmployment?: Maybe<Employment>;
  /** The transfer the worker has not left yet, if any. */
  currentTransfer?: Maybe<Transfer>;
  disability?: Maybe<Disability>;
  /** 文化程度 (六个清楚). */
  education?: Maybe<Education>;
  /** 就业意愿 (六个清楚). */
  employmentIntention?: Maybe<EmploymentIntention>;
  /** 就业状态 (六个清楚): EMPLOYED exactly while an employment is open. */
  employmentStatus?: Maybe<EmploymentStatus>;
  /** 就业记录, newest first. */
  employments?: Maybe<Array<Employment>>;
  /** 培训经历 — enrolments in training classes, newest first. */
  enrolments?: Maybe<Array<Enrolment>>;
  /** 跟踪回访 of all the worker's transfers, newest first. */
  followUpVisits?: Maybe<Array<FollowUpVisit>>;
  /** 户 — the household the worker is registered with (department staff of the region). Empty when the person is not in the labour registry. */
  household?: Maybe<Household>;
  /** Every change to this person's records in hr, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  hrHistory?: Maybe<ChangeHistoryPage>;
  /** When this person's records in hr last changed (ISO 8601, UTC); empty when its change history holds nothing. */
  hrRecordedAt?: Maybe<Scalars['String']['output']>;
  /** Pseudonymous key derived from the ID number (never the ID number itself). */
  id: Scalars['ID']['output'];
  /** 身份证号 in full. Needs the reveal permission; every read is kept in the access log with its purpose. Empty when the person is not in the labour registry. */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** ID number with only its area code (first six digits) shown: 530113************. Empty when the person is not in the labour registry. */
  idNumberMasked?: Maybe<Scalars['String']['output']>;
  /** 达成意向 at job fairs, newest first. */
  jobFairIntentions?: Maybe<Array<JobFairIntention>>;
  /** Outcome of the latest contact attempt. */
  lastContactOutcome?: Maybe<ContactOutcome>;
  /** 三留守 status, if any. */
  leftBehind?: Maybe<LeftBehindKind>;
  /** 姓名. Empty when the person is not in the labour registry. */
  name?: Maybe<Scalars['String']['output']>;
  /** Every change to this person's records in partner, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  partnerHistory?: Maybe<ChangeHistoryPage>;
  /** When this person's records in partner last changed (ISO 8601, UTC); empty when its change history holds nothing. */
  partnerRecordedAt?: Maybe<Scalars['String']['output']>;
  /** Phone in full. Needs the reveal permission; every read is logged. Empty when none is recorded. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Phone as 138****5678; empty when none is recorded. */
  phoneMasked?: Maybe<Scalars['String']['output']>;
  /** 人口状态 (六个清楚). */
  populationStatus?: Maybe<PopulationStatus>;
  /** Every change to this person's records in poverty, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  povertyHistory?: Maybe<ChangeHistoryPage>;
  /** The registered household (建档立卡户) the person belongs to now; empty if none. */
  povertyHousehold?: Maybe<Household>;
  /** When this person's records in poverty last changed (ISO 8601, UTC); empty when its change history holds nothing. */
  povertyRecordedAt?: Maybe<Scalars['String']['output']>;
  /** 贫困状态 of the person's registered household; empty = 未建档 (not registered). */
  povertyStatus?: Maybe<PovertyStatus>;
  /** 与户主关系 in the registered household. */
  relationshipToHead?: Maybe<Relationship>;
  /** 稳岗 — still employed at the last follow-up of the latest transfer; empty when not transferred or not yet visited. */
  retained?: Maybe<Scalars['Boolean']['output']>;
  /** From the ID number. Empty when the person is not in the labour registry. */
  sex?: Maybe<Sex>;
  /** 技能水平 (六个清楚). */
  skillLevel?: Maybe<SkillLevel>;
  /** Care duties or a disability keep this person near home (no out-of-province jobs). */
  staysNearHome: Scalars['Boolean']['output'];
  /** 补贴 paid to the worker, newest first. */
  subsidies?: Maybe<Array<SubsidyPayment>>;
  /** 人岗匹配 — open postings with headcount left that the worker can take: no trade required (低门槛) or a trade they hold a certificate in (certifiedTrades, from training); never out of province when care duties or a disability keep them near home (staysNearHome, from civil affairs). Best paid first. */
  suitableJobPostings?: Maybe<Array<JobPosting>>;
  /** 人岗匹配, the partner cities' side (beside hr's suitableJobPostings) — pushed postings open today that ask for no trade (低门槛) or a trade the worker holds a certificate in (certifiedTrades, from training); none when care duties or a disability keep the worker near home (staysNearHome, from civil affairs): a pushed job is in the partner city. Best paid first; partner-city staff see their own city's. */
  suitablePartnerJobPostings?: Maybe<Array<PartnerJobPosting>>;
  /** Every change to this person's records in training, newest first: the fields that changed (before and after), who, when and from where. Department staff of the region. */
  trainingHistory?: Maybe<ChangeHistoryPage>;
  /** When this person's records in training last changed (ISO 8601, UTC); empty when its change history holds nothing. */
  trainingRecordedAt?: Maybe<Scalars['String']['output']>;
  /** 培训意愿 (六个清楚): trade the worker wants to learn, if any. */
  trainingWish?: Maybe<Trade>;
  /** 转移就业 to partner cities, newest first. */
  transfers?: Maybe<Array<Transfer>>;
  /** 月动态核实 — verifications of the worker's record, newest first. */
  verifications: Array<RecordVerification>;
  /** 月动态核实 — day of the last monthly verification. */
  verifiedOn?: Maybe<Scalars['LocalDate']['output']>;
  /** The village (村/社区) of the household. Empty when the person is not in the labour registry. */
  village?: Maybe<Division>;
  /** 公益性岗位 held now or before, newest first. */
  welfarePostAssignments?: Maybe<Array<WelfarePostAssignment>>;
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerAccessLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerCivilHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerHrHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerPartnerHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerPovertyHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerSuitableJobPostingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerSuitablePartnerJobPostingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerTrainingHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** A person in the labour registry, known to every department by the same pseudonymous key. */
export type WorkerVerificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WorkerPage = {
  __typename?: 'WorkerPage';
  nodes: Array<Worker>;
  pageInfo: PageInfo;
  /** How many items match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** 零就业家庭动态清零 — how fast zero-employment households were cleared in a region (aggregate; small counts suppressed for dashboards). */
export type ZeroEmploymentClearance = {
  __typename?: 'ZeroEmploymentClearance';
  /** Spells cleared by a member employed, cleared between from and to. */
  cleared: SuppressedCount;
  /** Of these, cleared within limitDays. */
  clearedWithinLimit: SuppressedCount;
  from: Scalars['LocalDate']['output'];
  /** ZERO_EMPLOYMENT_CLEAR_DAYS */
  limitDays: Scalars['Int']['output'];
  /** Mean days to clear (null when cleared is suppressed or 0). */
  meanDaysToClear?: Maybe<Scalars['Float']['output']>;
  /** Median days to clear (null when cleared is suppressed or 0). */
  medianDaysToClear?: Maybe<Scalars['Float']['output']>;
  region: SituationRegion;
  /** clearedWithinLimit / cleared */
  shareWithinLimit: SuppressedRate;
  /** Households zero-employment now (open spells). */
  stillZeroEmployment: SuppressedCount;
  to: Scalars['LocalDate']['output'];
};

/** 零就业家庭 — a household with an able labourer and nobody employed. */
export type ZeroEmploymentHousehold = {
  __typename?: 'ZeroEmploymentHousehold';
  /** 劳动力 */
  ableLabourers: Scalars['Int']['output'];
  /** 户编号 */
  code: Scalars['String']['output'];
  household: Household;
  lastAction?: Maybe<LastAction>;
  /** The registry members (batched per request). */
  members: Array<SituationPerson>;
  /** 贫困状态 (poverty); null = not registered */
  povertyStatus?: Maybe<PovertyStatus>;
  /** 登记劳动年龄人口 (registry members) */
  registryMembers: Scalars['Int']['output'];
  responsible: Responsibility;
  villageCode: Scalars['String']['output'];
  villageName?: Maybe<Scalars['String']['output']>;
};

/** 零就业家庭清单 — one page over a region. */
export type ZeroEmploymentPage = {
  __typename?: 'ZeroEmploymentPage';
  /** The day answered for (as of its end, China time) when asOf was given; null = now. */
  asOf?: Maybe<Scalars['LocalDate']['output']>;
  freshness: Freshness;
  nodes: Array<ZeroEmploymentHousehold>;
  pageInfo: PageInfo;
  region: SituationRegion;
  /** Zero-employment households in the region (all pages). */
  totalCount: Scalars['Int']['output'];
};

export type FreshnessQueryVariables = Exact<{ [key: string]: never; }>;


export type FreshnessQuery = { __typename?: 'Query', situationFreshness: { __typename?: 'Freshness', asOf?: string | null, lagSeconds?: number | null } };

export type DashboardQueryVariables = Exact<{
  period: Scalars['String']['input'];
  year: Scalars['String']['input'];
  region?: InputMaybe<Scalars['String']['input']>;
  county?: InputMaybe<Scalars['String']['input']>;
  granularity: SeriesGranularity;
}>;


export type DashboardQuery = { __typename?: 'Query', indicators: { __typename?: 'Indicators', threshold: number, region: { __typename?: 'SituationRegion', code: string, name: string, level: string }, period: { __typename?: 'IndicatorPeriod', code: string, label: string, from: string, to: string, asOf: string }, labourForce: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employed: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employmentRate: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean }, newTransfers: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, transferByPlace: Array<{ __typename?: 'PlaceCount', place?: EmploymentPlace | null, label: string, people: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }>, welfarePostsDeveloped: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, welfarePostsFilled: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, training: { __typename?: 'TrainingIndicators', participants: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employedWithin3Months: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }, subsidies: { __typename?: 'SubsidyIndicators', totalAmount: { __typename?: 'SuppressedAmount', value?: number | null, suppressed: boolean }, totalPeople: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }, retention: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean }, verifiedShare: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean }, zeroEmploymentHouseholds: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, byPovertyStatus: Array<{ __typename?: 'PovertyStatusFigures', status: PovertyStatusGroup, label: string, labourForce: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employed: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employmentRate: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean }, newTransfers: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }> }, indicatorSeries: { __typename?: 'IndicatorSeries', threshold: number, historyBeginsOn: string, points: Array<{ __typename?: 'IndicatorSeriesPoint', stockSource: SeriesStockSource, period: { __typename?: 'IndicatorPeriod', code: string, label: string }, labourForce: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employed: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, newTransfers: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, welfarePostsFilled: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, trainingParticipants: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, subsidiesAmount: { __typename?: 'SuppressedAmount', value?: number | null, suppressed: boolean }, verifiedShare: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean }, zeroEmploymentHouseholds: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }> }, indicatorBreakdown: { __typename?: 'IndicatorBreakdown', threshold: number, children: Array<{ __typename?: 'Indicators', region: { __typename?: 'SituationRegion', code: string, name: string, level: string }, labourForce: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employed: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, employmentRate: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean }, newTransfers: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, zeroEmploymentHouseholds: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }> }, villageRanking: { __typename?: 'VillageRanking', period?: string | null, periodLabel?: string | null, weekStart: string, weekEnd: string, threshold?: number | null, red: Array<{ __typename?: 'VillageRankingRow', villageCode: string, villageName: string, townshipName?: string | null, newTransfers?: number | null, change?: number | null, rank?: number | null, suppressed: boolean }>, black: Array<{ __typename?: 'VillageRankingRow', villageCode: string, villageName: string, townshipName?: string | null, newTransfers?: number | null, change?: number | null, rank?: number | null, suppressed: boolean }> }, verificationCoverage: { __typename?: 'VerificationCoverage', month: string, stockSource: SeriesStockSource, period: { __typename?: 'IndicatorPeriod', code: string, label: string }, total: { __typename?: 'CoverageFigures', verified: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, registryWorkers: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, share: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean } }, villages: Array<{ __typename?: 'VillageCoverage', villageCode: string, villageName: string, townshipName?: string | null, verified: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, registryWorkers: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, share: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean } }> }, completion: { __typename?: 'Completion', threshold?: number | null, period: { __typename?: 'IndicatorPeriod', code: string, label: string }, total: { __typename?: 'CompletionRow', target?: number | null, completionRate?: number | null, region: { __typename?: 'SituationRegion', code: string, name: string }, actual: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }, subregions: Array<{ __typename?: 'CompletionRow', target?: number | null, completionRate?: number | null, rank?: number | null, region: { __typename?: 'SituationRegion', code: string, name: string, level: string }, actual: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }> }, completionRanking: { __typename?: 'VillageRanking', targetPeriod?: string | null, threshold?: number | null, red: Array<{ __typename?: 'VillageRankingRow', villageCode: string, villageName: string, townshipName?: string | null, target?: number | null, yearToDate?: number | null, completionRate?: number | null, rank?: number | null, suppressed: boolean }> }, zeroEmploymentClearance: { __typename?: 'ZeroEmploymentClearance', from: string, to: string, limitDays: number, medianDaysToClear?: number | null, cleared: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, clearedWithinLimit: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, shareWithinLimit: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean }, stillZeroEmployment: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean } }, situationFreshness: { __typename?: 'Freshness', asOf?: string | null, lagSeconds?: number | null, departments: Array<{ __typename?: 'DepartmentFreshness', department: string, label: string, asOf?: string | null, lagSeconds?: number | null }> } };

export type PartnerFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerFiguresQuery = { __typename?: 'Query', partnerCities: Array<{ __typename?: 'PartnerCity', code: string, name: string, province: string, retention: { __typename?: 'Retention', transferred?: number | null, visited?: number | null, stillEmployed?: number | null, rate?: number | null, suppressed: boolean } }>, contactOutcomeCounts: Array<{ __typename?: 'OutcomeCount', outcome: ContactOutcome, label: string, attempts?: number | null, workers?: number | null, share?: number | null, suppressed: boolean }> };

export type PartnerTransfersQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  onlyActive?: InputMaybe<Scalars['Boolean']['input']>;
  followUpDue?: InputMaybe<FollowUpDueFilter>;
}>;


export type PartnerTransfersQuery = { __typename?: 'Query', transfers: { __typename?: 'TransferPage', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ __typename?: 'Transfer', id: string, employerName: string, jobTitle: string, startedOn: string, endedOn?: string | null, active: boolean, phoneMasked?: string | null, followUpDueOn?: string | null, followUpDue: boolean, worker?: { __typename?: 'Worker', id: string, name?: string | null } | null, lastFollowUpVisit?: { __typename?: 'FollowUpVisit', id: string, visitedOn: string, stillEmployed: boolean, monthlyWage?: number | null } | null, lastContactAttempt?: { __typename?: 'ContactAttempt', id: string, attemptedAt: string, channel: ContactChannel, outcome: ContactOutcome } | null }> } };

export type RecordContactAttemptMutationVariables = Exact<{
  input: RecordContactAttemptInput;
}>;


export type RecordContactAttemptMutation = { __typename?: 'Mutation', recordContactAttempt: { __typename?: 'ContactAttempt', id: string, attemptedAt: string, outcome: ContactOutcome } };

export type RecordFollowUpVisitMutationVariables = Exact<{
  input: RecordFollowUpVisitInput;
}>;


export type RecordFollowUpVisitMutation = { __typename?: 'Mutation', recordFollowUpVisit: { __typename?: 'FollowUpVisit', id: string, visitedOn: string, stillEmployed: boolean, transfer: { __typename?: 'Transfer', id: string, followUpDueOn?: string | null, followUpDue: boolean } } };

export type AssessmentQueryVariables = Exact<{
  quarter: Scalars['String']['input'];
}>;


export type AssessmentQuery = { __typename?: 'Query', assessment: { __typename?: 'Assessment', quarter: string, label: string, county: { __typename?: 'SituationRegion', code: string, name: string }, townships: Array<{ __typename?: 'AssessmentRow', key: string, name: string, yearTarget?: number | null, quarterTarget?: number | null, quarterRate?: number | null, yearRate?: number | null, rank?: number | null, quarterActual: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, yearToDate: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, retention: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean } }>, units: Array<{ __typename?: 'AssessmentRow', key: string, name: string, yearTarget?: number | null, quarterTarget?: number | null, quarterRate?: number | null, yearRate?: number | null, rank?: number | null, quarterActual: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, yearToDate: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, retention: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean } }> } };

export type AssessmentRowFieldsFragment = { __typename?: 'AssessmentRow', key: string, name: string, yearTarget?: number | null, quarterTarget?: number | null, quarterRate?: number | null, yearRate?: number | null, rank?: number | null, quarterActual: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, yearToDate: { __typename?: 'SuppressedCount', value?: number | null, suppressed: boolean }, retention: { __typename?: 'SuppressedRate', value?: number | null, suppressed: boolean } };

export type CountyTargetsQueryVariables = Exact<{
  measure: TargetMeasure;
  period: Scalars['String']['input'];
}>;


export type CountyTargetsQuery = { __typename?: 'Query', targets: { __typename?: 'TargetList', targets: Array<{ __typename?: 'Target', target: number, region: { __typename?: 'SituationRegion', code: string } }> } };

export type SetTargetsMutationVariables = Exact<{
  input: SetTargetsInput;
}>;


export type SetTargetsMutation = { __typename?: 'Mutation', setTargets: { __typename?: 'TargetList', period: string, targets: Array<{ __typename?: 'Target', target: number, region: { __typename?: 'SituationRegion', code: string } }> } };

export type RecordEmploymentStartMutationVariables = Exact<{
  input: RecordEmploymentStartInput;
}>;


export type RecordEmploymentStartMutation = { __typename?: 'Mutation', recordEmploymentStart: { __typename?: 'Employment', id: string, startsOn: string } };

export type RecordEmploymentEndMutationVariables = Exact<{
  input: RecordEmploymentEndInput;
}>;


export type RecordEmploymentEndMutation = { __typename?: 'Mutation', recordEmploymentEnd: { __typename?: 'Employment', id: string, endsOn?: string | null } };

export type HrImportRunsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type HrImportRunsQuery = { __typename?: 'Query', hrImportRuns: { __typename?: 'ImportRunPage', totalCount: number, nodes: Array<{ __typename?: 'ImportRun', id: string, kind: string, fileName: string, account: string, dryRun: boolean, status: ImportRunStatus, failure?: string | null, startedAt: string, finishedAt?: string | null, rows: number, inserted: number, updated: number, unchanged: number, rejected: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CivilImportRunsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type CivilImportRunsQuery = { __typename?: 'Query', civilImportRuns: { __typename?: 'ImportRunPage', totalCount: number, nodes: Array<{ __typename?: 'ImportRun', id: string, kind: string, fileName: string, account: string, dryRun: boolean, status: ImportRunStatus, failure?: string | null, startedAt: string, finishedAt?: string | null, rows: number, inserted: number, updated: number, unchanged: number, rejected: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type TrainingImportRunsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type TrainingImportRunsQuery = { __typename?: 'Query', trainingImportRuns: { __typename?: 'ImportRunPage', totalCount: number, nodes: Array<{ __typename?: 'ImportRun', id: string, kind: string, fileName: string, account: string, dryRun: boolean, status: ImportRunStatus, failure?: string | null, startedAt: string, finishedAt?: string | null, rows: number, inserted: number, updated: number, unchanged: number, rejected: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type PovertyImportRunsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PovertyImportRunsQuery = { __typename?: 'Query', povertyImportRuns: { __typename?: 'ImportRunPage', totalCount: number, nodes: Array<{ __typename?: 'ImportRun', id: string, kind: string, fileName: string, account: string, dryRun: boolean, status: ImportRunStatus, failure?: string | null, startedAt: string, finishedAt?: string | null, rows: number, inserted: number, updated: number, unchanged: number, rejected: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type PartnerImportRunsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PartnerImportRunsQuery = { __typename?: 'Query', partnerImportRuns: { __typename?: 'ImportRunPage', totalCount: number, nodes: Array<{ __typename?: 'ImportRun', id: string, kind: string, fileName: string, account: string, dryRun: boolean, status: ImportRunStatus, failure?: string | null, startedAt: string, finishedAt?: string | null, rows: number, inserted: number, updated: number, unchanged: number, rejected: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ImportRunPageFieldsFragment = { __typename?: 'ImportRunPage', totalCount: number, nodes: Array<{ __typename?: 'ImportRun', id: string, kind: string, fileName: string, account: string, dryRun: boolean, status: ImportRunStatus, failure?: string | null, startedAt: string, finishedAt?: string | null, rows: number, inserted: number, updated: number, unchanged: number, rejected: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } };

export type RelapseCandidatesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RelapseCandidatesQuery = { __typename?: 'Query', relapseCandidates: { __typename?: 'RelapseCandidatePage', totalCount: number, region: { __typename?: 'SituationRegion', code: string, name: string }, nodes: Array<{ __typename?: 'RelapseCandidate', householdCode: string, villageCode: string, villageName?: string | null, povertyStatus: PovertyStatus, signals: Array<{ __typename?: 'RelapseSignal', rule: WarningRuleId, label: string, since?: string | null, reason: string }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type MonitoringCasesQueryVariables = Exact<{
  step?: InputMaybe<MonitoringStep>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MonitoringCasesQuery = { __typename?: 'Query', monitoringCases: { __typename?: 'MonitoringCasePage', totalCount: number, nodes: Array<{ __typename?: 'MonitoringCase', id: string, householdCode: string, riskTypes: Array<RelapseRiskType>, entryRoute: MonitoringEntryRoute, sourceRule?: string | null, step: MonitoringStep, openedOn: string, closedOn?: string | null, closeReason?: string | null, transitions: Array<{ __typename?: 'MonitoringTransition', id: string, fromStep?: MonitoringStep | null, toStep: MonitoringStep, actedOn: string, actedBy: string, note?: string | null }>, measures: Array<{ __typename?: 'MonitoringMeasure', id: string, kind: AssistanceMeasureKind, takenOn: string, responsible: string, note?: string | null, recordedBy: string }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }, monitoringCaseCounts: { __typename?: 'MonitoringCaseCounts', region: string, byStep: Array<{ __typename?: 'MonitoringStepCount', step: MonitoringStep, households?: number | null, suppressed: boolean }>, byRiskType: Array<{ __typename?: 'MonitoringRiskCount', riskType: RelapseRiskType, households?: number | null, suppressed: boolean }> } };

export type OpenMonitoringCaseMutationVariables = Exact<{
  input: OpenMonitoringCaseInput;
}>;


export type OpenMonitoringCaseMutation = { __typename?: 'Mutation', openMonitoringCase: { __typename?: 'MonitoringCase', id: string, step: MonitoringStep } };

export type MoveMonitoringCaseMutationVariables = Exact<{
  input: MoveMonitoringCaseInput;
}>;


export type MoveMonitoringCaseMutation = { __typename?: 'Mutation', moveMonitoringCase: { __typename?: 'MonitoringCase', id: string, step: MonitoringStep } };

export type RecordMonitoringMeasureMutationVariables = Exact<{
  input: RecordMonitoringMeasureInput;
}>;


export type RecordMonitoringMeasureMutation = { __typename?: 'Mutation', recordMonitoringMeasure: { __typename?: 'MonitoringMeasure', id: string } };

export type MyTasksQueryVariables = Exact<{
  filter: TaskListFilter;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyTasksQuery = { __typename?: 'Query', myTasks: { __typename?: 'TaskPage', totalCount: number, nodes: Array<{ __typename?: 'Task', id: string, kind: TaskKind, label: string, householdCode?: string | null, villageName?: string | null, status: TaskStatus, openedOn: string, dueOn: string, overdue: boolean, ageDays: number, person?: { __typename?: 'SituationPerson', name: string, idNumberMasked?: string | null } | null }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AcknowledgeTaskMutationVariables = Exact<{
  input: AcknowledgeTaskInput;
}>;


export type AcknowledgeTaskMutation = { __typename?: 'Mutation', acknowledgeTask: { __typename?: 'Task', id: string, status: TaskStatus } };

export type CloseTaskMutationVariables = Exact<{
  input: CloseTaskInput;
}>;


export type CloseTaskMutation = { __typename?: 'Mutation', closeTask: { __typename?: 'Task', id: string, status: TaskStatus, outcome?: TaskOutcome | null } };

export type RecordHrServiceMutationVariables = Exact<{
  input: RecordServiceInput;
}>;


export type RecordHrServiceMutation = { __typename?: 'Mutation', recordHrService: { __typename?: 'ServiceRecord', id: string, servedOn: string } };

export type RecordPovertyServiceMutationVariables = Exact<{
  input: RecordServiceInput;
}>;


export type RecordPovertyServiceMutation = { __typename?: 'Mutation', recordPovertyService: { __typename?: 'ServiceRecord', id: string, servedOn: string } };

export type RecordCivilServiceMutationVariables = Exact<{
  input: RecordServiceInput;
}>;


export type RecordCivilServiceMutation = { __typename?: 'Mutation', recordCivilService: { __typename?: 'ServiceRecord', id: string, servedOn: string } };

export type RecordTrainingServiceMutationVariables = Exact<{
  input: RecordServiceInput;
}>;


export type RecordTrainingServiceMutation = { __typename?: 'Mutation', recordTrainingService: { __typename?: 'ServiceRecord', id: string, servedOn: string } };

export type RecordPartnerServiceMutationVariables = Exact<{
  input: RecordServiceInput;
}>;


export type RecordPartnerServiceMutation = { __typename?: 'Mutation', recordPartnerService: { __typename?: 'ServiceRecord', id: string, servedOn: string } };

export type DivisionChildrenQueryVariables = Exact<{
  code: Scalars['DivisionCode']['input'];
}>;


export type DivisionChildrenQuery = { __typename?: 'Query', division?: { __typename?: 'Division', code: string, name?: string | null, children?: Array<{ __typename?: 'Division', code: string, name?: string | null }> | null } | null };

export type RegionTasksQueryVariables = Exact<{
  region?: InputMaybe<Scalars['String']['input']>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegionTasksQuery = { __typename?: 'Query', tasks: { __typename?: 'RegionTaskPage', totalCount: number, region: { __typename?: 'SituationRegion', code: string, name: string }, countsByAssignee: Array<{ __typename?: 'TaskAssigneeCount', assignee?: string | null, assigneeKind?: WarningResponsibleKind | null, open: number, overdue: number }>, countsByAge: Array<{ __typename?: 'TaskAgeCount', bucket: string, count: number }>, nodes: Array<{ __typename?: 'Task', id: string, kind: TaskKind, subject: string, label: string, villageName?: string | null, status: TaskStatus, assignee?: string | null, assigneeKind?: WarningResponsibleKind | null, dueOn: string, overdue: boolean, ageDays: number }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AssignTaskMutationVariables = Exact<{
  input: AssignTaskInput;
}>;


export type AssignTaskMutation = { __typename?: 'Mutation', assignTask: { __typename?: 'Task', id: string, status: TaskStatus, assignee?: string | null, dueOn: string } };

export type ResolveConflictMutationVariables = Exact<{
  input: ResolveConflictInput;
}>;


export type ResolveConflictMutation = { __typename?: 'Mutation', resolveConflict: { __typename?: 'Conflict', id: string, status: ConflictStatus, resolution?: { __typename?: 'ConflictResolution', note: string, keptSource?: string | null, resolvedAt: string } | null } };

export type RosterQueryVariables = Exact<{
  kind: RosterKind;
  region?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  noServiceWithinDays?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RosterQuery = { __typename?: 'Query', roster: { __typename?: 'RosterPage', label: string, totalCount: number, region: { __typename?: 'SituationRegion', code: string, name: string }, nodes: Array<{ __typename?: 'SituationPerson', id: string, name: string, idNumberMasked?: string | null, sex: Sex, age: number, villageName?: string | null, employmentStatus: EmploymentStatus, povertyStatus?: PovertyStatus | null, verifiedOn?: string | null }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, freshness: { __typename?: 'Freshness', asOf?: string | null } } };

export type ServiceTimelineQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ServiceTimelineQuery = { __typename?: 'Query', situationPerson?: { __typename?: 'SituationPerson', id: string, lastServiceOn?: string | null, serviceTimeline: { __typename?: 'ServiceTimelinePage', totalCount: number, nodes: Array<{ __typename?: 'ServiceTimelineEntry', department: string, departmentLabel: string, recordId: string, kind: ServiceKind, kindLabel: string, servedOn: string, staffAccount: string, outcome?: ServiceOutcome | null, channel?: ServiceChannel | null, postingIds: Array<string>, courseId?: string | null, classId?: string | null, caseStatus?: RightsCaseStatus | null, closedOn?: string | null }> } } | null };

export type RecordVerificationMutationVariables = Exact<{
  input: RecordVerificationInput;
}>;


export type RecordVerificationMutation = { __typename?: 'Mutation', recordVerification: { __typename?: 'RecordVerification', id: string, verifiedOn: string, outcome: VerificationOutcome } };

export type WithdrawHrServiceMutationVariables = Exact<{
  input: WithdrawServiceInput;
}>;


export type WithdrawHrServiceMutation = { __typename?: 'Mutation', withdrawHrService: { __typename?: 'ServiceRecord', id: string, withdrawnAt?: string | null } };

export type WithdrawPovertyServiceMutationVariables = Exact<{
  input: WithdrawServiceInput;
}>;


export type WithdrawPovertyServiceMutation = { __typename?: 'Mutation', withdrawPovertyService: { __typename?: 'ServiceRecord', id: string, withdrawnAt?: string | null } };

export type WithdrawCivilServiceMutationVariables = Exact<{
  input: WithdrawServiceInput;
}>;


export type WithdrawCivilServiceMutation = { __typename?: 'Mutation', withdrawCivilService: { __typename?: 'ServiceRecord', id: string, withdrawnAt?: string | null } };

export type WithdrawTrainingServiceMutationVariables = Exact<{
  input: WithdrawServiceInput;
}>;


export type WithdrawTrainingServiceMutation = { __typename?: 'Mutation', withdrawTrainingService: { __typename?: 'ServiceRecord', id: string, withdrawnAt?: string | null } };

export type WithdrawPartnerServiceMutationVariables = Exact<{
  input: WithdrawServiceInput;
}>;


export type WithdrawPartnerServiceMutation = { __typename?: 'Mutation', withdrawPartnerService: { __typename?: 'ServiceRecord', id: string, withdrawnAt?: string | null } };

export type WorkerCardQueryVariables = Exact<{
  idNumber: Scalars['String']['input'];
}>;


export type WorkerCardQuery = { __typename?: 'Query', worker?: { __typename?: 'Worker', id: string, name?: string | null, sex?: Sex | null, age?: number | null, idNumberMasked?: string | null, phoneMasked?: string | null, hrRecordedAt?: string | null, populationStatus?: PopulationStatus | null, employmentStatus?: EmploymentStatus | null, verifiedOn?: string | null, povertyRecordedAt?: string | null, povertyStatus?: PovertyStatus | null, civilRecordedAt?: string | null, leftBehind?: LeftBehindKind | null, trainingRecordedAt?: string | null, partnerRecordedAt?: string | null, village?: { __typename?: 'Division', code: string, name?: string | null } | null, currentEmployment?: { __typename?: 'Employment', id: string, employerName: string, location: string, startsOn: string, monthlyWage: number } | null, employments?: Array<{ __typename?: 'Employment', id: string, employerName: string, startsOn: string, endsOn?: string | null }> | null, povertyHousehold?: { __typename?: 'Household', code: string, statusSince?: string | null } | null, disability?: { __typename?: 'Disability', kind: DisabilityKind, grade: number, certifiedOn?: string | null } | null, enrolments?: Array<{ __typename?: 'Enrolment', id: string, enrolledOn: string, status: EnrolmentStatus, completedOn?: string | null, trainingClass: { __typename?: 'TrainingClass', course: { __typename?: 'Course', name: string } } }> | null, transfers?: Array<{ __typename?: 'Transfer', id: string, employerName: string, jobTitle: string, startedOn: string, endedOn?: string | null }> | null } | null };

export type WorkerRevealQueryVariables = Exact<{
  idNumber: Scalars['String']['input'];
}>;


export type WorkerRevealQuery = { __typename?: 'Query', worker?: { __typename?: 'Worker', id: string, idNumber?: string | null } | null };

export type ZeroEmploymentWorklistQueryVariables = Exact<{
  region?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ZeroEmploymentWorklistQuery = { __typename?: 'Query', zeroEmploymentHouseholds: { __typename?: 'ZeroEmploymentPage', totalCount: number, nodes: Array<{ __typename?: 'ZeroEmploymentHousehold', code: string, villageName?: string | null, povertyStatus?: PovertyStatus | null, registryMembers: number, ableLabourers: number, responsible: { __typename?: 'Responsibility', cadreName?: string | null, cadrePhoneMasked?: string | null, unitName?: string | null, fallback: string }, lastAction?: { __typename?: 'LastAction', on: string, what: string } | null }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type WarningsWorklistQueryVariables = Exact<{
  region?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WarningsWorklistQuery = { __typename?: 'Query', warnings: { __typename?: 'WarningPage', totalCount: number, nodes: Array<{ __typename?: 'EarlyWarning', id: string, ruleLabel: string, level: WarningLevel, reason: string, since?: string | null, villageName?: string | null, householdCode?: string | null, person?: { __typename?: 'SituationPerson', name: string, idNumberMasked?: string | null } | null, responsible: { __typename?: 'WarningResponsible', name: string, unit?: string | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ConflictsWorklistQueryVariables = Exact<{
  region?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConflictsWorklistQuery = { __typename?: 'Query', conflicts: { __typename?: 'ConflictPage', totalCount: number, nodes: Array<{ __typename?: 'Conflict', id: string, label: string, villageName?: string | null, householdCode: string, status: ConflictStatus, person?: { __typename?: 'SituationPerson', name: string, idNumberMasked?: string | null } | null, sources: Array<{ __typename?: 'ConflictSource', department: string, departmentLabel: string, fact: string, since?: string | null }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export const AssessmentRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssessmentRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssessmentRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"yearTarget"}},{"kind":"Field","name":{"kind":"Name","value":"quarterTarget"}},{"kind":"Field","name":{"kind":"Name","value":"quarterActual"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quarterRate"}},{"kind":"Field","name":{"kind":"Name","value":"yearToDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"yearRate"}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]} as unknown as DocumentNode<AssessmentRowFieldsFragment, unknown>;
export const ImportRunPageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRunPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<ImportRunPageFieldsFragment, unknown>;
export const FreshnessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Freshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"situationFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"lagSeconds"}}]}}]}}]} as unknown as DocumentNode<FreshnessQuery, FreshnessQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"county"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SeriesGranularity"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}},{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"labourForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employmentRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transferByPlace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"place"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"people"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"welfarePostsDeveloped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"welfarePostsFilled"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"training"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employedWithin3Months"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subsidies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifiedShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zeroEmploymentHouseholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPovertyStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"labourForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employmentRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicatorSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"IntValue","value":"12"}},{"kind":"Argument","name":{"kind":"Name","value":"endingWith"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"historyBeginsOn"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stockSource"}},{"kind":"Field","name":{"kind":"Name","value":"labourForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"welfarePostsFilled"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainingParticipants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subsidiesAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifiedShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zeroEmploymentHouseholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"indicatorBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"labourForce"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employmentRate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"newTransfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zeroEmploymentHouseholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"villageRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"county"},"value":{"kind":"Variable","name":{"kind":"Name","value":"county"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"periodLabel"}},{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"weekEnd"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"red"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villageCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"townshipName"}},{"kind":"Field","name":{"kind":"Name","value":"newTransfers"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"black"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villageCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"townshipName"}},{"kind":"Field","name":{"kind":"Name","value":"newTransfers"}},{"kind":"Field","name":{"kind":"Name","value":"change"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"verificationCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stockSource"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verified"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registryWorkers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"share"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"villages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villageCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"townshipName"}},{"kind":"Field","name":{"kind":"Name","value":"verified"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registryWorkers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"share"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"completion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"EnumValue","value":"NEW_TRANSFERS"}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"actual"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subregions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"actual"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"completionRanking"},"name":{"kind":"Name","value":"villageRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"basis"},"value":{"kind":"EnumValue","value":"COMPLETION_RATE"}},{"kind":"Argument","name":{"kind":"Name","value":"county"},"value":{"kind":"Variable","name":{"kind":"Name","value":"county"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetPeriod"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"red"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"villageCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"townshipName"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"yearToDate"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"zeroEmploymentClearance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"limitDays"}},{"kind":"Field","name":{"kind":"Name","value":"cleared"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clearedWithinLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shareWithinLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToClear"}},{"kind":"Field","name":{"kind":"Name","value":"stillZeroEmployment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"situationFreshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"lagSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"lagSeconds"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const PartnerFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerFigures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerCities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferred"}},{"kind":"Field","name":{"kind":"Name","value":"visited"}},{"kind":"Field","name":{"kind":"Name","value":"stillEmployed"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactOutcomeCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"workers"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]} as unknown as DocumentNode<PartnerFiguresQuery, PartnerFiguresQueryVariables>;
export const PartnerTransfersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerTransfers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"onlyActive"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"followUpDue"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FollowUpDueFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"onlyActive"},"value":{"kind":"Variable","name":{"kind":"Name","value":"onlyActive"}}},{"kind":"Argument","name":{"kind":"Name","value":"followUpDue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"followUpDue"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employerName"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"phoneMasked"}},{"kind":"Field","name":{"kind":"Name","value":"followUpDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"followUpDue"}},{"kind":"Field","name":{"kind":"Name","value":"worker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastFollowUpVisit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visitedOn"}},{"kind":"Field","name":{"kind":"Name","value":"stillEmployed"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyWage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastContactAttempt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerTransfersQuery, PartnerTransfersQueryVariables>;
export const RecordContactAttemptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordContactAttempt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordContactAttemptInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordContactAttempt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]} as unknown as DocumentNode<RecordContactAttemptMutation, RecordContactAttemptMutationVariables>;
export const RecordFollowUpVisitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordFollowUpVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordFollowUpVisitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordFollowUpVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visitedOn"}},{"kind":"Field","name":{"kind":"Name","value":"stillEmployed"}},{"kind":"Field","name":{"kind":"Name","value":"transfer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"followUpDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"followUpDue"}}]}}]}}]}}]} as unknown as DocumentNode<RecordFollowUpVisitMutation, RecordFollowUpVisitMutationVariables>;
export const AssessmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Assessment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assessment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"quarter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quarter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"townships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssessmentRowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssessmentRowFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssessmentRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AssessmentRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"yearTarget"}},{"kind":"Field","name":{"kind":"Name","value":"quarterTarget"}},{"kind":"Field","name":{"kind":"Name","value":"quarterActual"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quarterRate"}},{"kind":"Field","name":{"kind":"Name","value":"yearToDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"yearRate"}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]} as unknown as DocumentNode<AssessmentQuery, AssessmentQueryVariables>;
export const CountyTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountyTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TargetMeasure"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}},{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}}]}}]}}]} as unknown as DocumentNode<CountyTargetsQuery, CountyTargetsQueryVariables>;
export const SetTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTargetsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTargets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}}]}}]}}]} as unknown as DocumentNode<SetTargetsMutation, SetTargetsMutationVariables>;
export const RecordEmploymentStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordEmploymentStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordEmploymentStartInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordEmploymentStart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}}]}}]}}]} as unknown as DocumentNode<RecordEmploymentStartMutation, RecordEmploymentStartMutationVariables>;
export const RecordEmploymentEndDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordEmploymentEnd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordEmploymentEndInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordEmploymentEnd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}}]} as unknown as DocumentNode<RecordEmploymentEndMutation, RecordEmploymentEndMutationVariables>;
export const HrImportRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HrImportRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hrImportRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRunPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<HrImportRunsQuery, HrImportRunsQueryVariables>;
export const CivilImportRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CivilImportRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"civilImportRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRunPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<CivilImportRunsQuery, CivilImportRunsQueryVariables>;
export const TrainingImportRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingImportRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingImportRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRunPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<TrainingImportRunsQuery, TrainingImportRunsQueryVariables>;
export const PovertyImportRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PovertyImportRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"povertyImportRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRunPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<PovertyImportRunsQuery, PovertyImportRunsQueryVariables>;
export const PartnerImportRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerImportRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerImportRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportRunPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportRunPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportRunPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"account"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]} as unknown as DocumentNode<PartnerImportRunsQuery, PartnerImportRunsQueryVariables>;
export const RelapseCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RelapseCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relapseCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"householdCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"povertyStatus"}},{"kind":"Field","name":{"kind":"Name","value":"signals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RelapseCandidatesQuery, RelapseCandidatesQueryVariables>;
export const MonitoringCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitoringCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MonitoringStep"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitoringCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdCode"}},{"kind":"Field","name":{"kind":"Name","value":"riskTypes"}},{"kind":"Field","name":{"kind":"Name","value":"entryRoute"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRule"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"openedOn"}},{"kind":"Field","name":{"kind":"Name","value":"closedOn"}},{"kind":"Field","name":{"kind":"Name","value":"closeReason"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fromStep"}},{"kind":"Field","name":{"kind":"Name","value":"toStep"}},{"kind":"Field","name":{"kind":"Name","value":"actedOn"}},{"kind":"Field","name":{"kind":"Name","value":"actedBy"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"takenOn"}},{"kind":"Field","name":{"kind":"Name","value":"responsible"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"monitoringCaseCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"byStep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byRiskType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riskType"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]} as unknown as DocumentNode<MonitoringCasesQuery, MonitoringCasesQueryVariables>;
export const OpenMonitoringCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenMonitoringCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenMonitoringCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openMonitoringCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"step"}}]}}]}}]} as unknown as DocumentNode<OpenMonitoringCaseMutation, OpenMonitoringCaseMutationVariables>;
export const MoveMonitoringCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveMonitoringCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveMonitoringCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveMonitoringCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"step"}}]}}]}}]} as unknown as DocumentNode<MoveMonitoringCaseMutation, MoveMonitoringCaseMutationVariables>;
export const RecordMonitoringMeasureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordMonitoringMeasure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordMonitoringMeasureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordMonitoringMeasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RecordMonitoringMeasureMutation, RecordMonitoringMeasureMutationVariables>;
export const MyTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskListFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"householdCode"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"ageDays"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyTasksQuery, MyTasksQueryVariables>;
export const AcknowledgeTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcknowledgeTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcknowledgeTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acknowledgeTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AcknowledgeTaskMutation, AcknowledgeTaskMutationVariables>;
export const CloseTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]} as unknown as DocumentNode<CloseTaskMutation, CloseTaskMutationVariables>;
export const RecordHrServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordHrService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordHrService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}}]}}]}}]} as unknown as DocumentNode<RecordHrServiceMutation, RecordHrServiceMutationVariables>;
export const RecordPovertyServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPovertyService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPovertyService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}}]}}]}}]} as unknown as DocumentNode<RecordPovertyServiceMutation, RecordPovertyServiceMutationVariables>;
export const RecordCivilServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCivilService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCivilService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}}]}}]}}]} as unknown as DocumentNode<RecordCivilServiceMutation, RecordCivilServiceMutationVariables>;
export const RecordTrainingServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordTrainingService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordTrainingService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}}]}}]}}]} as unknown as DocumentNode<RecordTrainingServiceMutation, RecordTrainingServiceMutationVariables>;
export const RecordPartnerServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordPartnerService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordPartnerService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}}]}}]}}]} as unknown as DocumentNode<RecordPartnerServiceMutation, RecordPartnerServiceMutationVariables>;
export const DivisionChildrenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DivisionChildren"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DivisionCode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"division"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DivisionChildrenQuery, DivisionChildrenQueryVariables>;
export const RegionTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countsByAssignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"assigneeKind"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"countsByAge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"assigneeKind"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"ageDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RegionTasksQuery, RegionTasksQueryVariables>;
export const AssignTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}}]}}]}}]} as unknown as DocumentNode<AssignTaskMutation, AssignTaskMutationVariables>;
export const ResolveConflictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveConflict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveConflictInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveConflict"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resolution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"keptSource"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ResolveConflictMutation, ResolveConflictMutationVariables>;
export const RosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RosterKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"noServiceWithinDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"noServiceWithinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"noServiceWithinDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"employmentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"povertyStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"freshness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}}]}}]}}]}}]} as unknown as DocumentNode<RosterQuery, RosterQueryVariables>;
export const ServiceTimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"situationPerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"lastServiceOn"}},{"kind":"Field","name":{"kind":"Name","value":"serviceTimeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"departmentLabel"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindLabel"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}},{"kind":"Field","name":{"kind":"Name","value":"staffAccount"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"postingIds"}},{"kind":"Field","name":{"kind":"Name","value":"courseId"}},{"kind":"Field","name":{"kind":"Name","value":"classId"}},{"kind":"Field","name":{"kind":"Name","value":"caseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"closedOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ServiceTimelineQuery, ServiceTimelineQueryVariables>;
export const RecordVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]}}]} as unknown as DocumentNode<RecordVerificationMutation, RecordVerificationMutationVariables>;
export const WithdrawHrServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawHrService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawHrService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawHrServiceMutation, WithdrawHrServiceMutationVariables>;
export const WithdrawPovertyServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawPovertyService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawPovertyService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawPovertyServiceMutation, WithdrawPovertyServiceMutationVariables>;
export const WithdrawCivilServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawCivilService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawCivilService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawCivilServiceMutation, WithdrawCivilServiceMutationVariables>;
export const WithdrawTrainingServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawTrainingService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawTrainingService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawTrainingServiceMutation, WithdrawTrainingServiceMutationVariables>;
export const WithdrawPartnerServiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawPartnerService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawPartnerService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawPartnerServiceMutation, WithdrawPartnerServiceMutationVariables>;
export const WorkerCardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkerCard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"worker"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"phoneMasked"}},{"kind":"Field","name":{"kind":"Name","value":"village"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hrRecordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"populationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"employmentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedOn"}},{"kind":"Field","name":{"kind":"Name","value":"currentEmployment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employerName"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyWage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employerName"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"povertyRecordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"povertyStatus"}},{"kind":"Field","name":{"kind":"Name","value":"povertyHousehold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"statusSince"}}]}},{"kind":"Field","name":{"kind":"Name","value":"civilRecordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftBehind"}},{"kind":"Field","name":{"kind":"Name","value":"disability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"certifiedOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainingRecordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedOn"}},{"kind":"Field","name":{"kind":"Name","value":"trainingClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"course"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partnerRecordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"transfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employerName"}},{"kind":"Field","name":{"kind":"Name","value":"jobTitle"}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}}]}}]}}]}}]} as unknown as DocumentNode<WorkerCardQuery, WorkerCardQueryVariables>;
export const WorkerRevealDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkerReveal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"worker"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}}]}}]}}]} as unknown as DocumentNode<WorkerRevealQuery, WorkerRevealQueryVariables>;
export const ZeroEmploymentWorklistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ZeroEmploymentWorklist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"zeroEmploymentHouseholds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"povertyStatus"}},{"kind":"Field","name":{"kind":"Name","value":"registryMembers"}},{"kind":"Field","name":{"kind":"Name","value":"ableLabourers"}},{"kind":"Field","name":{"kind":"Name","value":"responsible"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cadreName"}},{"kind":"Field","name":{"kind":"Name","value":"cadrePhoneMasked"}},{"kind":"Field","name":{"kind":"Name","value":"unitName"}},{"kind":"Field","name":{"kind":"Name","value":"fallback"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastAction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"on"}},{"kind":"Field","name":{"kind":"Name","value":"what"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ZeroEmploymentWorklistQuery, ZeroEmploymentWorklistQueryVariables>;
export const WarningsWorklistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WarningsWorklist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"warnings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ruleLabel"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"householdCode"}},{"kind":"Field","name":{"kind":"Name","value":"responsible"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WarningsWorklistQuery, WarningsWorklistQueryVariables>;
export const ConflictsWorklistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConflictsWorklist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"region"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"villageName"}},{"kind":"Field","name":{"kind":"Name","value":"householdCode"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"departmentLabel"}},{"kind":"Field","name":{"kind":"Name","value":"fact"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConflictsWorklistQuery, ConflictsWorklistQueryVariables>;