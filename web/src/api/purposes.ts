/** The x-purpose choices (common/src/auth/identity.ts PURPOSES; tests/web/gateway-web.test.ts keeps the two lists equal). */
export const PURPOSES: Record<string, string> = {
  'employment-service': '就业服务',
  verification: '信息核查',
  'subsidy-payment': '补贴发放',
  'follow-up': '跟踪回访',
  assistance: '帮扶救助',
  training: '培训组织',
};
