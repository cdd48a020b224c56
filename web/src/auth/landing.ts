import type { Session } from './session';

/** Where each kind of account lands after sign-in. */
export function landingPath(session: Pick<Session, 'department'>): string {
  switch (session.department) {
    case 'dashboard':
      return '/dashboard';
    case 'partner':
      return '/partner';
    case 'auditor':
      return '/graphiql';
    default:
      // hr, poverty, civil, training staff
      return '/workbench';
  }
}

export const DEPARTMENT_LABELS: Record<string, string> = {
  hr: '人社',
  poverty: '乡村振兴',
  civil: '民政',
  training: '培训',
  partner: '协作城市',
  dashboard: '数据大屏',
  auditor: '审计',
};

export const ROLE_LABELS: Record<string, string> = {
  officer: '科员',
  viewer: '查看',
  village_assistant: '村协理员',
};
