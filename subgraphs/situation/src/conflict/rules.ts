import { EmploymentKindVocabulary, EmploymentPlaceVocabulary, PovertyStatusVocabulary, type DepartmentName } from '@jiuye/common';
import { OPEN_TRANSFER, UNEMPLOYED } from '../sql/conditions';

/**
 * 数据比对冲突 — facts of two departments that cannot both be true (what the weekly
 * spreadsheet comparison by ID number used to find). Each rule is data plus small SQL over the
 * read model: person rules read `person_situation p` with `partner_city pc` (the latest
 * transfer's city) joined; household rules read `household_situation h` and its members'
 * rows. The conflicts that hold are kept (conflict.state.ts: re-evaluated for the subjects the
 * feed re-projects), so a person rule's condition reads only the person's row (checked by a
 * test). Adding a kind is adding one object to CONFLICT_RULES.
 *
 * A source's `values` and `since` are what the fingerprint of a resolution covers: while they
 * are unchanged a resolved conflict stays resolved; when either source's values or date change,
 * it is open again. `display` values are shown only (a renamed city does not reopen anything).
 */
export interface ConflictSourceSpec {
  department: DepartmentName;
  /** SQL expressions of the fact's values (fingerprinted). */
  values: Record<string, string>;
  /** SQL expressions shown in the fact only (not fingerprinted). */
  display?: Record<string, string>;
  /** SQL date: since when the department has held the fact ('null' where unknown). */
  since: string;
  /** The fact in Chinese, from values and display; never an ID number or a name. */
  fact(values: Record<string, any>): string;
}

export interface ConflictRule {
  kind: string;
  /** 中文 */
  label: string;
  description: string;
  subject: 'person' | 'household';
  /** SQL over p (or h). */
  condition: string;
  sources: [ConflictSourceSpec, ConflictSourceSpec];
}

const label = (labels: Record<string, string>, value: string | null | undefined) => (value ? (labels[value] ?? value) : '');
const kindLabel = (kind: string | null | undefined) => label(EmploymentKindVocabulary.labels as Record<string, string>, kind);
const placeLabel = (place: string | null | undefined) => label(EmploymentPlaceVocabulary.labels as Record<string, string>, place);

/** hr's current employment record. */
const HR_EMPLOYMENT: ConflictSourceSpec = {
  department: 'hr',
  values: { employmentId: 'p.employment_id', kind: 'p.employment_kind', place: 'p.employment_place' },
  display: { employer: 'p.employer_name' },
  since: 'p.employment_started_on',
  fact: (v) => `人社登记当前就业：${kindLabel(v.kind)}，${placeLabel(v.place)}${v.employer ? `，${v.employer}` : ''}`,
};

/** partner's open organised transfer. */
const PARTNER_TRANSFER: ConflictSourceSpec = {
  department: 'partner',
  values: { transferId: 'p.transfer_id', cityCode: 'p.transfer_city_code' },
  display: { city: 'pc.name' },
  since: 'p.transfer_started_on',
  fact: (v) => `东西部协作登记有组织转移至${v.city ?? v.cityCode}就业，尚未结束`,
};

export const CONFLICT_RULES: ConflictRule[] = [
  {
    kind: 'EMPLOYED_LOCALLY_VS_PARTNER_CITY',
    label: '本地就业与协作城市转移就业冲突',
    description: '人社登记当前在乡镇内或县内就业，东西部协作同时登记有尚未结束的有组织转移就业',
    subject: 'person',
    condition: `p.employment_id is not null and p.employment_place in ('IN_TOWNSHIP', 'IN_COUNTY') and ${OPEN_TRANSFER}`,
    sources: [HR_EMPLOYMENT, PARTNER_TRANSFER],
  },
  {
    kind: 'SEVERE_DISABILITY_VS_FULL_TIME_JOB',
    label: '重度残疾与全日制就业冲突',
    description: '民政（残联）登记为一、二级残疾，人社同时登记有当前全日制就业（居家来料加工、公益性岗位、灵活就业除外）',
    subject: 'person',
    condition: `p.disability_grade between 1 and 2 and p.employment_id is not null and p.employment_kind not in ('HOME_BASED', 'PUBLIC_WELFARE_POST', 'FLEXIBLE')`,
    sources: [
      {
        department: 'civil',
        values: { grade: 'p.disability_grade', disabilityKind: 'p.disability_kind' },
        since: 'null',
        fact: (v) => `民政（残联）登记为${['', '一', '二', '三', '四'][v.grade] ?? v.grade}级残疾`,
      },
      HR_EMPLOYMENT,
    ],
  },
  {
    kind: 'LIFTED_WITH_SPECIAL_HARDSHIP',
    label: '已脱贫户享受特困供养',
    description: '扶贫部门登记为已脱贫户，民政同时登记该户享受特困供养',
    subject: 'household',
    condition: `h.poverty_status = 'LIFTED' and exists (select 1 from person_situation m where m.household_code = h.code and 'SPECIAL_HARDSHIP' = any(m.assistance_kinds))`,
    sources: [
      {
        department: 'poverty',
        values: { status: 'h.poverty_status' },
        since: 'h.poverty_status_since',
        fact: (v) => `扶贫部门登记为${label(PovertyStatusVocabulary.labels as Record<string, string>, v.status)}户`,
      },
      {
        department: 'civil',
        values: { kind: `'SPECIAL_HARDSHIP'` },
        since: `(select min(m.assistance_since) from person_situation m where m.household_code = h.code and 'SPECIAL_HARDSHIP' = any(m.assistance_kinds))`,
        fact: () => '民政登记该户享受特困供养',
      },
    ],
  },
  {
    kind: 'HR_UNEMPLOYED_VS_PARTNER_WORKING',
    label: '人社登记未就业但回访在岗',
    description: '人社就业状态为未就业，东西部协作对尚未结束的有组织转移的最近一次跟踪回访却发现本人在岗',
    subject: 'person',
    condition: `${UNEMPLOYED} and ${OPEN_TRANSFER} and p.last_follow_up_still_employed = true`,
    sources: [
      {
        department: 'hr',
        values: { status: 'p.employment_status' },
        since: 'p.last_employment_ended_on',
        fact: () => '人社登记就业状态为未就业',
      },
      {
        department: 'partner',
        values: { transferId: 'p.transfer_id', cityCode: 'p.transfer_city_code', followUpOn: 'p.last_follow_up_on', stillEmployed: 'p.last_follow_up_still_employed' },
        display: { city: 'pc.name', transferStartedOn: 'p.transfer_started_on' },
        since: 'p.last_follow_up_on',
        fact: (v) => `${v.transferStartedOn} 有组织转移至${v.city ?? v.cityCode}，${v.followUpOn} 跟踪回访：在岗`,
      },
    ],
  },
  {
    kind: 'STUDENT_WITH_FULL_TIME_JOB',
    label: '在校学生登记全日制就业',
    description: '人社人口状态为在校学生，同时登记有当前本地企业或转移就业',
    subject: 'person',
    condition: `p.population_status = 'STUDENT' and p.employment_id is not null and p.employment_kind in ('LOCAL_ENTERPRISE', 'TRANSFER_IN_PROVINCE', 'TRANSFER_OUT_OF_PROVINCE')`,
    sources: [
      {
        department: 'hr',
        values: { populationStatus: 'p.population_status' },
        since: 'null',
        fact: () => '人社登记人口状态为在校学生',
      },
      HR_EMPLOYMENT,
    ],
  },
];

export const CONFLICT_RULE_BY_KIND = new Map(CONFLICT_RULES.map((rule) => [rule.kind, rule]));
