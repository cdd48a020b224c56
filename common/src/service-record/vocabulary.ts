import { defineVocabulary } from '../vocabulary';

/**
 * 一人一案 — the kinds of service a department gives a person, and the vocabularies of their
 * details. One set for every department (hr, poverty, civil, training, partner), so the
 * situation read model shows one timeline across them.
 */
export const ServiceKindVocabulary = defineVocabulary('ServiceKind', '服务类型 — a service given to a person (一人一案)', {
  CAREER_GUIDANCE: '职业指导',
  JOB_REFERRAL: '职业介绍（推荐岗位）',
  JOB_PUSH: '岗位推送',
  TRAINING_REFERRAL: '培训推荐',
  WELFARE_POST_PLACEMENT: '公益性岗位安置',
  SUBSIDY_APPLICATION: '补贴申领',
  TRANSPORT_ARRANGED: '交通保障（安排出行）',
  ACCOMMODATION_ARRANGED: '食宿安排',
  RIGHTS_PROTECTION: '维权服务',
  CONTACT_ATTEMPT: '联系（电话/走访）',
});
export const ServiceKind = ServiceKindVocabulary.enumObject;
export type ServiceKind = keyof typeof ServiceKind;

export const ServiceOutcomeVocabulary = defineVocabulary('ServiceOutcome', '服务结果 — the outcome of a referral, a contact attempt or a closed rights case', {
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
});
export const ServiceOutcome = ServiceOutcomeVocabulary.enumObject;
export type ServiceOutcome = keyof typeof ServiceOutcome;

export const ServiceChannelVocabulary = defineVocabulary('ServiceChannel', '推送/联系渠道 — how a push or a contact reached the person', {
  SMS: '短信',
  WECHAT: '微信',
  PHONE: '电话',
  VISIT: '走访',
  OTHER: '其他',
});
export const ServiceChannel = ServiceChannelVocabulary.enumObject;
export type ServiceChannel = keyof typeof ServiceChannel;

export const RightsCaseStatusVocabulary = defineVocabulary('RightsCaseStatus', '维权案件状态', {
  OPEN: '办理中',
  CLOSED: '已结案',
});
export const RightsCaseStatus = RightsCaseStatusVocabulary.enumObject;
export type RightsCaseStatus = keyof typeof RightsCaseStatus;

/** The outcomes each kind takes (kinds not named here take none). */
export const OUTCOMES_OF: Partial<Record<ServiceKind, readonly ServiceOutcome[]>> = {
  JOB_REFERRAL: ['HIRED', 'REFUSED', 'NO_ANSWER', 'PENDING'],
  CONTACT_ATTEMPT: ['REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'REFUSED'],
  RIGHTS_PROTECTION: ['RESOLVED', 'MEDIATED', 'REFERRED_TO_ARBITRATION', 'REFERRED_TO_COURT', 'WITHDRAWN', 'UNRESOLVED'],
};

export const PostingSourceVocabulary = defineVocabulary('PostingSource', '岗位来源 — whose posting a referral or push names', {
  HR_JOB_POSTING: '人社招聘岗位',
  PARTNER_PUSHED_POSTING: '协作城市推送岗位',
});
export const PostingSource = PostingSourceVocabulary.enumObject;
export type PostingSource = keyof typeof PostingSource;

/** The department that holds each kind of posting, and checks that a referral's posting exists. */
export const POSTING_OWNER = { HR_JOB_POSTING: 'hr', PARTNER_PUSHED_POSTING: 'partner' } as const satisfies Record<PostingSource, string>;
