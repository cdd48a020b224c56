import type { Session } from '../../auth/session';

/** One spreadsheet kind a department imports (POST /imports/<department>/<kind>; README "Importing spreadsheets"). */
export interface ImportKindOption {
  kind: string;
  label: string;
}

/** The kinds each department imports, as its import endpoint serves them. */
const KINDS: Record<string, ImportKindOption[]> = {
  hr: [
    { kind: 'workers', label: '劳动力实名登记' },
    { kind: 'out-of-province', label: '省外务工贫困劳动力名单' },
  ],
  civil: [{ kind: 'assistance-grants', label: '低保/特困救助名单' }],
  training: [{ kind: 'enrolments', label: '培训报名名单' }],
  poverty: [{ kind: 'households', label: '建档立卡贫困户名单' }],
  partner: [{ kind: 'transfers', label: '转移就业人员名单' }],
};

/**
 * The kinds the signed-in account may import: its own department's, for staff of a region who
 * may write — as the gateway's /imports/ route checks (gateway/src/imports.ts): not viewers,
 * dashboards, auditors, partner cities or institutions. The departments check again per kind.
 */
export function importKindsFor(session: Session | null): ImportKindOption[] {
  if (!session || session.role === 'viewer' || !session.region || session.city || session.institution) return [];
  return KINDS[session.department] ?? [];
}

export const kindLabel = (department: string, kind: string): string => KINDS[department]?.find((entry) => entry.kind === kind)?.label ?? kind;

/** ImportRunStatus in Chinese. */
export const IMPORT_RUN_STATUS: Record<string, string> = { RUNNING: '进行中', FINISHED: '已完成', INTERRUPTED: '已中断', STOPPED: '已停止' };

/** The largest upload the gateway takes (DEFAULT_IMPORT_LIMITS.maxBytes), checked before sending. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
