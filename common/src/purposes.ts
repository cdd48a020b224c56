/**
 * Declared purposes of use (使用目的), sent in the `x-purpose` header of person-level requests,
 * with their Chinese labels. Pure data with no imports: the web app reads it through the subpath
 * export `@jiuye/common/purposes` (Vite bundles this file alone, not the Node index), so the
 * gateway and the page offer one list.
 */
export const PURPOSES = {
  'employment-service': '就业服务',
  verification: '信息核查',
  'subsidy-payment': '补贴发放',
  'follow-up': '跟踪回访',
  assistance: '帮扶救助',
  training: '培训组织',
} as const;
export type Purpose = keyof typeof PURPOSES;
