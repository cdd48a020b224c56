import type { PostingSource, ServiceChannel, ServiceKind, ServiceOutcome } from '../../gql/graphql';

/** 一人一案 vocabularies (common/src/service-record/vocabulary.ts) and which extra fields each kind takes. */
export const SERVICE_KINDS: { value: ServiceKind; label: string }[] = [
  { value: 'CAREER_GUIDANCE', label: '职业指导' },
  { value: 'JOB_REFERRAL', label: '职业介绍（推荐岗位）' },
  { value: 'JOB_PUSH', label: '岗位推送' },
  { value: 'TRAINING_REFERRAL', label: '培训推荐' },
  { value: 'WELFARE_POST_PLACEMENT', label: '公益性岗位安置' },
  { value: 'SUBSIDY_APPLICATION', label: '补贴申领' },
  { value: 'TRANSPORT_ARRANGED', label: '交通保障（安排出行）' },
  { value: 'ACCOMMODATION_ARRANGED', label: '食宿安排' },
  { value: 'RIGHTS_PROTECTION', label: '维权服务' },
  { value: 'CONTACT_ATTEMPT', label: '联系（电话/走访）' },
];

export const OUTCOME_LABELS: Record<ServiceOutcome, string> = {
  HIRED: '已录用',
  REFUSED: '拒绝',
  NO_ANSWER: '无应答',
  PENDING: '待定',
  REACHED: '已联系上',
  WRONG_NUMBER: '空号错号',
  RESOLVED: '已解决（追回/兑现）',
  MEDIATED: '调解结案',
  REFERRED_TO_ARBITRATION: '转劳动仲裁',
  REFERRED_TO_COURT: '转诉讼',
  WITHDRAWN: '当事人撤回',
  UNRESOLVED: '未能解决',
};

export const CHANNEL_LABELS: Record<ServiceChannel, string> = { SMS: '短信', WECHAT: '微信', PHONE: '电话', VISIT: '走访', OTHER: '其他' };
export const POSTING_SOURCE_LABELS: Record<PostingSource, string> = { HR_JOB_POSTING: '人社招聘岗位', PARTNER_PUSHED_POSTING: '协作城市推送岗位' };

/** The extra fields a kind takes (the server refuses the others, naming them). */
export interface KindFields {
  postings?: 'one' | 'many';
  outcomes?: readonly ServiceOutcome[];
  outcomeRequired?: boolean;
  channel?: 'required' | 'optional';
  training?: boolean;
  closedOn?: boolean;
}

export const KIND_FIELDS: Partial<Record<ServiceKind, KindFields>> = {
  JOB_REFERRAL: { postings: 'one', outcomes: ['HIRED', 'REFUSED', 'NO_ANSWER', 'PENDING'], outcomeRequired: true },
  JOB_PUSH: { postings: 'many', channel: 'required' },
  CONTACT_ATTEMPT: { outcomes: ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'REFUSED'], outcomeRequired: true, channel: 'optional' },
  TRAINING_REFERRAL: { training: true },
  RIGHTS_PROTECTION: { outcomes: ['RESOLVED', 'MEDIATED', 'REFERRED_TO_ARBITRATION', 'REFERRED_TO_COURT', 'WITHDRAWN', 'UNRESOLVED'], closedOn: true },
};
