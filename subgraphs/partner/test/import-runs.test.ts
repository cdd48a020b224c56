import { createHash } from 'node:crypto';
import { failStaleImportRuns, runImport, serviceUrl } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { gatewayHeaders, officerOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { transferImportKind } from '../src/import/transfer-import';
import { idNumber, insertReference, SHENZHEN } from './fixtures';

const RUNS = `query Runs($first: Int, $after: String, $kind: String) {
  partnerImportRuns(first: $first, after: $after, kind: $kind) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id kind fileName sha256 account region dryRun status failure startedAt finishedAt rows inserted updated unchanged rejected }
  }
}`;

const HEADER = '序号,姓名,身份证号码,输入地,用工单位,岗位,转移时间';
const list = (from: number, count: number) =>
  [HEADER, ...Array.from({ length: count }, (_, i) => `${i + 1},测试,${idNumber(from + 2 * i)},深圳市,立讯精密,装配工,2026-06-01`)].join('\n');

describe('partnerImportRuns: the list of past imports (导入记录), newest first, within the region', () => {
  let partner: TestSubgraph;
  const county = officerOf('partner', { region: '530113' });
  const township = officerOf('partner', { subject: 'tangdan-partner', region: '530113101' });

  async function upload(bytes: Buffer, fileName: string, query = '', identity = county) {
    const response = await fetch(serviceUrl(partner.url, `/imports/transfers?fileName=${encodeURIComponent(fileName)}${query}`), {
      method: 'POST',
      body: bytes,
      headers: await gatewayHeaders(identity),
    });
    expect(response.status).toBe(200);
    await response.text();
  }

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    await insertReference(partner);
    // In this order: the county's dry run, its real run, the township's run, a run the county's process lost (interrupted), another county's run.
    await upload(Buffer.from(list(1, 3)), '转移名单.csv', '&dryRun=1');
    await upload(Buffer.from(list(1, 3) + `\n4,测试,${idNumber(1)},深圳市,立讯精密,装配工,2026-06-01`), '转移名单-改.csv');
    await upload(Buffer.from(list(101, 2)), '汤丹.csv', '', township);
    const kind = transferImportKind({ pseudonymKey: partner.config.pseudonymKey, canSee: () => true });
    let batches = 0;
    const killed = { ...kind, apply: async (...args: Parameters<typeof kind.apply>) => (++batches === 2 ? Promise.reject(new Error('killed')) : kind.apply(...args)) };
    await expect(
      runImport(partner.database.orm.em.fork() as never, killed, {
        fileName: 'killed.csv',
        bytes: Buffer.from(list(201, 5)),
        dryRun: false,
        account: county.subject,
        region: '530113',
        batchSize: 2,
      }),
    ).rejects.toThrow('killed');
    await partner.sql(
      `insert into import_run (id, kind, file_name, sha256, account, region, dry_run, status, started_at, progressed_at, finished_at)
       values ('00000000-0000-4000-8000-00000000b001', 'transfers', '禄劝.csv', repeat('a', 64), 'luquan-officer', '530128', false, 'finished', now(), now(), now()),
              ('00000000-0000-4000-8000-00000000b002', 'transfers', 'lost.csv', repeat('b', 64), ?, '530113', false, 'running', now() - interval '2 hours', now() - interval '2 hours', null)`,
      [county.subject],
    );
    await failStaleImportRuns(partner.database.orm.em.fork() as never, 30);
  });
  afterAll(() => partner?.stop());

  it('lists who, when, kind, file name and hash, dry run or not, the counts and how each run stands; another county and a township of its own below stay apart', async () => {
    const { data, errors } = await partner.queryAs(county, RUNS, { first: 10 });
    expect(errors).toBeUndefined();
    const page = data.partnerImportRuns;
    expect(page.totalCount).toBe(5);
    expect(page.nodes.map((r: any) => r.fileName)).toEqual(['killed.csv', '汤丹.csv', '转移名单-改.csv', '转移名单.csv', 'lost.csv']);
    const [killed, tangdan, real, dry, lost] = page.nodes;
    expect(dry).toMatchObject({
      kind: 'transfers',
      sha256: createHash('sha256')
        .update(Buffer.from(list(1, 3)))
        .digest('hex'),
      account: county.subject,
      region: '530113',
      dryRun: true,
      status: 'FINISHED',
      failure: null,
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(real).toMatchObject({ dryRun: false, status: 'FINISHED', rows: 4, inserted: 3, rejected: 1 });
    expect(Date.parse(real.finishedAt)).toBeGreaterThanOrEqual(Date.parse(real.startedAt));
    expect(tangdan).toMatchObject({ account: township.subject, region: '530113101', inserted: 2 });
    // One batch of two written, then broken off: counted as written, INTERRUPTED.
    expect(killed).toMatchObject({ status: 'INTERRUPTED', failure: 'broken-off', rows: 2, inserted: 2 });
    // The stale sweep marked the run nothing advanced any more.
    expect(lost).toMatchObject({ status: 'INTERRUPTED', failure: 'interrupted' });

    const own = await partner.queryAs(township, RUNS, {});
    expect(own.data.partnerImportRuns.nodes.map((r: any) => r.fileName)).toEqual(['汤丹.csv']);
    expect(own.data.partnerImportRuns.totalCount).toBe(1);
  });

  it('pages newest first with a cursor, filters by kind, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors }: { data?: any; errors?: unknown } = await partner.queryAs(county, RUNS, { first: 2, after });
      expect(errors).toBeUndefined();
      seen.push(...data.partnerImportRuns.nodes.map((r: any) => r.fileName));
      if (!data.partnerImportRuns.pageInfo.hasNextPage) break;
      after = data.partnerImportRuns.pageInfo.endCursor;
    }
    expect(seen).toEqual(['killed.csv', '汤丹.csv', '转移名单-改.csv', '转移名单.csv', 'lost.csv']);
    expect((await partner.queryAs(county, RUNS, { kind: 'workers' })).data.partnerImportRuns).toMatchObject({ totalCount: 0, nodes: [] });
    const forged = await partner.queryAs(county, RUNS, { after: Buffer.from(JSON.stringify('x|y')).toString('base64url') });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR' });
  });

  it.each([
    ['another department', officerOf('hr', { region: '530113' }), 'other-department'],
    ['a dashboard', officerOf('dashboard', { role: 'viewer', permissions: [] }), 'other-department'],
    ['an auditor', officerOf('auditor', { role: 'viewer', region: undefined, permissions: [] }), 'auditor-log-only'],
    ['a partner city', officerOf('partner', { region: undefined, partnerCity: SHENZHEN, permissions: [] }), 'no-region-scope'],
  ])('refuses %s (FORBIDDEN)', async (_who, identity, reason) => {
    const { data, errors } = await partner.queryAs(identity, RUNS, {});
    expect(data?.partnerImportRuns ?? null).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason });
  });

  it("a viewer of the department lists its region's runs: a list of runs names no person", async () => {
    const { data, errors } = await partner.queryAs(officerOf('partner', { role: 'viewer', region: '530113', permissions: [] }), RUNS, { first: 1 });
    expect(errors).toBeUndefined();
    expect(data.partnerImportRuns.totalCount).toBe(5);
  });
});
