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

  it('writes concurrent requests together (group commit) into one gap-free, verifiable chain, one entry per person and request', async () => {
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
    expect(result).toEqual({ ok: true, rows: 60, headSeq: 60 });
    const [entry] = await store.find({ workerIds: ['w7'], limit: 10 });
    // Both departments' reads of the person in one entry, placed by the village hr reported.
    expect(entry).toMatchObject({
      staff: 'officer-7',
      purpose: 'verification',
      villageCode: '530113001001',
      requestId: 'request-7',
      subgraphs: ['hr', 'poverty'],
      fields: ['Worker.name', 'Worker.povertyStatus'],
    });
    const seqs = (await store.find({ limit: 500 })).map((row) => row.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('keeps a database with the first, per-department table under another name and starts a new chain', async () => {
    const url = freshDatabaseUrl('audit');
    const old = await AccessLogStore.open(url);
    await old.pool.query(`drop table access_log; drop table access_log_head`);
    await old.pool.query(`create table access_log (seq bigint primary key, subgraph text not null); create table access_log_head (id int primary key, seq bigint, hash char(64)); insert into access_log values (1, 'hr')`);
    await old.close();
    const upgraded = await AccessLogStore.open(url);
    expect((await upgraded.pool.query('select count(*)::int as n from access_log_per_department')).rows[0].n).toBe(1);
    await upgraded.append(officer(1), null, [{ subgraph: 'hr', workerId: 'x', fields: ['Worker.name'] }]);
    expect(await upgraded.verify()).toEqual({ ok: true, rows: 1, headSeq: 1 });
    await upgraded.close();
  });

  it('rejects every waiting request when the database refuses the write, and writes nothing of them', async () => {
    const broken = await AccessLogStore.open(freshDatabaseUrl('audit'));
    await broken.pool.query(`alter table access_log add constraint no_more check (seq < 0) not valid`);
    await expect(Promise.all([broken.append(officer(1), null, [{ subgraph: 'hr', workerId: 'a', fields: ['Worker.name'] }]), broken.append(officer(2), null, [{ subgraph: 'hr', workerId: 'b', fields: ['Worker.name'] }])])).rejects.toThrow();
    expect((await broken.pool.query('select count(*)::int as n from access_log')).rows[0].n).toBe(0);
    await broken.close();
  });
});
