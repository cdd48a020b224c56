/** Chinese labels of the partner vocabularies (the schema's enum descriptions) and China-time defaults for the forms. */
export const CONTACT_CHANNELS: Record<string, string> = { PHONE: '电话', VISIT: '走访', WECHAT: '微信' };

export const CONTACT_OUTCOMES: Record<string, string> = {
  REACHED_WORKING: '联系上且在岗',
  REACHED_NOT_WORKING: '联系上未就业',
  INVALID_NUMBER: '空号停机错号',
  NO_ANSWER: '无人接听',
  REFUSED: '拒接挂断',
  NO_COMMON_LANGUAGE: '语言不通',
  WRONG_PERSON: '非本人',
  NOT_IN_CITY: '不在本市',
};

/** Now in China time as a datetime-local value (YYYY-MM-DDTHH:mm). */
export function chinaNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** Today in China time (YYYY-MM-DD), the day officials' dates are in. */
export function chinaToday(): string {
  return chinaNow().slice(0, 10);
}

/** An ISO instant as China-time "YYYY-MM-DD HH:mm". */
export function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
