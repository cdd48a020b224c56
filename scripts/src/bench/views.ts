import { parseFlags } from '../args';
import { identityFor, mintDevToken, DEMO_COUNTY } from '../dev-tokens';

/**
 * npm run bench:views [-- --url http://localhost:4000/graphql --runs 7 --township 530113101 --only warnings]
 * Times the cross-department views through a running gateway (npm start) for the county and a
 * township, as the county hr officer and the county dashboard, and prints the median, the 95th
 * percentile and the slowest of `runs` requests per view. Run it on the default seed and on a 10^6 seed
 * (npm run seed -- --workers 1000000) to compare.
 */
interface View {
  name: string;
  dashboard?: boolean;
  query: (region: string) => string;
}

const VIEWS: View[] = [
  {
    name: 'roster POOR_LABOURERS (page of 50 + totalCount)',
    query: (r) => `{ roster(kind: POOR_LABOURERS, region: "${r}", first: 50) { totalCount nodes { name employmentStatus povertyStatus } } }`,
  },
  { name: 'roster UNEMPLOYED (page of 50 + totalCount)', query: (r) => `{ roster(kind: UNEMPLOYED, region: "${r}", first: 50) { totalCount nodes { name employmentStatus } } }` },
  { name: 'roster TWO_AFTER_YOUTH (page of 50 + totalCount)', query: (r) => `{ roster(kind: TWO_AFTER_YOUTH, region: "${r}", first: 50) { totalCount nodes { name } } }` },
  {
    name: 'zero-employment households (page of 50 + members)',
    query: (r) => `{ zeroEmploymentHouseholds(region: "${r}", first: 50) { totalCount nodes { code responsible { cadreName } members { name } } } }`,
  },
  { name: 'warnings (page of 50 + counts by rule)', query: (r) => `{ warnings(region: "${r}", first: 50) { totalCount countsByRule { rule count } nodes { reason } } }` },
  { name: 'conflicts (page of 50 + counts by kind)', query: (r) => `{ conflicts(region: "${r}", first: 50) { totalCount nodes { label sources { fact } } } }` },
  {
    name: 'indicators, year (dashboard)',
    dashboard: true,
    query: (r) =>
      `{ indicators(region: "${r}", period: "2026") { labourForce { value } employed { value } newTransfers { value } retention { value } verifiedShare { value } subsidies { totalAmount { value } } training { participants { value } } } }`,
  },
  {
    name: 'indicators, week (dashboard)',
    dashboard: true,
    query: (r) => `{ indicators(region: "${r}", period: "2026-W47") { labourForce { value } newTransfers { value } jobFairIntentionRate { value } } }`,
  },
  {
    name: 'verification coverage, month (dashboard)',
    dashboard: true,
    query: (r) => `{ verificationCoverage(region: "${r}", month: "2026-11") { total { share { value } } villages { share { value } } } }`,
  },
];

async function time(url: string, token: string, purpose: string | null, query: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(purpose ? { 'x-purpose': purpose } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  const elapsed = performance.now() - started;
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${body.errors[0].message}`);
  return elapsed;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { url: 'string', runs: 'number', township: 'string', only: 'string' });
  const url = String(flags.url ?? 'http://localhost:4000/graphql');
  const runs = Number(flags.runs ?? 7);
  const township = String(flags.township ?? `${DEMO_COUNTY}101`);
  const officer = await mintDevToken(identityFor({ department: 'hr', region: DEMO_COUNTY }));
  const dashboard = await mintDevToken(identityFor({ department: 'dashboard', region: DEMO_COUNTY }));
  const ranking: View = {
    name: 'weekly village ranking (county)',
    dashboard: true,
    query: () => `{ villageRanking(county: "${DEMO_COUNTY}", week: "2026-11-20") { red { villageName newTransfers } black { villageName } all { rank } } }`,
  };
  console.log(`| view | region | median ms | p95 ms | slowest ms |\n|---|---|---|---|---|`);
  for (const view of [...VIEWS, ranking].filter((v) => !flags.only || v.name.includes(String(flags.only)))) {
    for (const region of view === ranking ? [DEMO_COUNTY] : [DEMO_COUNTY, township]) {
      const token = view.dashboard ? dashboard : officer;
      const purpose = view.dashboard ? null : 'verification';
      const samples: number[] = [];
      try {
        await time(url, token, purpose, view.query(region)); // warm-up
        for (let i = 0; i < runs; i++) samples.push(await time(url, token, purpose, view.query(region)));
      } catch (error) {
        console.log(`| ${view.name} | ${region} | failed: ${(error as Error).message.slice(-120)} | | |`);
        continue;
      }
      samples.sort((a, b) => a - b);
      console.log(
        `| ${view.name} | ${region.length === 6 ? 'county' : 'township'} ${region} | ${samples[Math.floor(samples.length / 2)].toFixed(0)} | ${samples[Math.ceil(samples.length * 0.95) - 1].toFixed(0)} | ${samples[samples.length - 1].toFixed(0)} |`,
      );
    }
  }
}

main().catch((error) => {
  console.error(`bench:views failed: ${(error as Error).message}`);
  process.exit(1);
});
