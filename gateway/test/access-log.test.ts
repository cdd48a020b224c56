import { AccessLogStore } from '@jiuye/gateway';
import type { RequestIdentity } from '@jiuye/common';
import { freshDatabaseUrl } from '../../tests/support/harness';

const officer = (n: number): RequestIdentity => ({ subject: `officer-${n}`, department: 'hr', role: 'officer', region: '530113', permissions: [], purpose: 'verification', requestId: `request-${n}` });

describe('the access log store', () => {
  let store: AccessLogStore;
  beforeAll(async () => {
    store = await AccessLogStore.open(freshDatabaseUrl('audit'));
  });
  afterAll(async () => {
    await store.close();
  });

  it('writes concurrent requests together (group commit) into one gap-free, verifiable chain', async () => {
    const written = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        store.append(officer(n), 'Situation', [
          { subgraph: 'hr', workerId: `w${n}`, villageCode: '530113001001', fields: ['Worker.name'] },
          { subgraph: 'poverty', workerId: `w${n}`, fields: ['Worker.povertyStatus'] },
        ]),
      ),
    );
    expect(written.every((n) => n === 2)).toBe(true);
    const result = await store.verify();
    expect(result).toEqual({ ok: true, rows: 120, headSeq: 120 });
    const [poverty] = await store.find({ workerIds: ['w7'], limit: 10 }).then((rows) => rows.filter((row) => row.subgraph === 'poverty'));
    // The village hr reported is kept on the other departments' rows of the same person.
    expect(poverty).toMatchObject({ staff: 'officer-7', purpose: 'verification', villageCode: '530113001001', requestId: 'request-7' });
    const seqs = (await store.find({ limit: 500 })).map((row) => row.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('rejects every waiting request when the database refuses the write, and writes nothing of them', async () => {
    const broken = await AccessLogStore.open(freshDatabaseUrl('audit'));
    await broken.pool.query(`alter table access_log add constraint no_more check (seq < 0) not valid`);
    await expect(Promise.all([broken.append(officer(1), null, [{ subgraph: 'hr', workerId: 'a', fields: ['Worker.name'] }]), broken.append(officer(2), null, [{ subgraph: 'hr', workerId: 'b', fields: ['Worker.name'] }])])).rejects.toThrow();
    expect((await broken.pool.query('select count(*)::int as n from access_log')).rows[0].n).toBe(0);
    await broken.close();
  });
});
