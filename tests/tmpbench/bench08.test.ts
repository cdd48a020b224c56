import type { Identity } from '@jiuye/common';
import { DEMO_COUNTY, startTestPlatform, type TestPlatform } from '../support/platform';
jest.setTimeout(1_200_000);
let platform: TestPlatform;
const dashboard: Identity = { subject: 'bench', department: 'dashboard', role: 'viewer', region: DEMO_COUNTY, permissions: [] };
beforeAll(async () => { platform = await startTestPlatform(20000); });
afterAll(async () => platform?.stop());
const Q = {
  year: (r: string) => `{ indicators(region: "${r}", period: "2026") { labourForce { value } employed { value } newTransfers { value } retention { value } verifiedShare { value } subsidies { totalAmount { value } } training { participants { value } } } }`,
  month: (r: string) => `{ indicators(region: "${r}", period: "2026-11") { labourForce { value } newTransfers { value } subsidies { totalAmount { value } } } }`,
  week: (r: string) => `{ indicators(region: "${r}", period: "2026-W47") { labourForce { value } newTransfers { value } jobFairIntentionRate { value } } }`,
  coverage: (r: string) => `{ verificationCoverage(region: "${r}", month: "2026-11") { total { share { value } } villages { share { value } } } }`,
  ranking: (_: string) => `{ villageRanking(county: "${DEMO_COUNTY}", week: "2026-11-20") { red { villageName newTransfers } black { villageName } all { newTransfers } } }`,
};
it('times', async () => {
  const lines: string[] = [];
  for (const [name, q] of Object.entries(Q)) for (const r of [DEMO_COUNTY, `${DEMO_COUNTY}101`]) {
    const samples: number[] = [];
    await platform.queryAs(dashboard, q(r), undefined, null);
    for (let i = 0; i < 7; i++) { const t = performance.now(); const res = await platform.queryAs(dashboard, q(r), undefined, null); samples.push(performance.now() - t); expect(res.errors).toBeUndefined(); }
    samples.sort((a, b) => a - b);
    lines.push(`| ${name} | ${r} | ${Math.round(samples[3])} | ${Math.round(samples[6])} |`);
  }
  console.log(lines.join('\n'));
});
