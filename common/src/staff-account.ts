/**
 * A staff account as a token names it (JWT `sub`): 1 to 128 of A–Z a–z 0–9 . _ @ : - (no spaces,
 * no control characters). The one home of the rule: a task's assignee (situation) and a cadre's
 * account (poverty) are checked with it.
 */
export const STAFF_ACCOUNT_PATTERN = /^[A-Za-z0-9._@:-]{1,128}$/;
export const STAFF_ACCOUNT_MESSAGE = 'expected a staff account: 1–128 of A–Z a–z 0–9 . _ @ : -';

export function isStaffAccount(value: unknown): value is string {
  return typeof value === 'string' && STAFF_ACCOUNT_PATTERN.test(value);
}
