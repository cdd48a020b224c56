import { createHash } from 'node:crypto';
import pg from 'pg';
import { AccessLogStore, COLUMNS, GENESIS_HASH, MIGRATIONS, rowHash } from '@jiuye/gateway';
import type { RequestIdentity } from '@jiuye/common';
import { freshDatabaseUrl } from '@jiuye/testing/harness';

/** The server-side view of one database's connections (the test server's maintenance database). */
function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

const officer = (n: number): RequestIdentity => ({
  subject: `officer-${n}`,
  department: 'hr',
  role: 'officer',
  region: '530113',
  permissions: [],
  purpose: 'verification',
  requestId: `request-${n}`,
});

describe('the access log store', () => {
  let store: AccessLogStore;
  beforeAll(async () => {
    store = await AccessLogStore.open(freshDatabaseUrl('audit'));
  });
  afterAll(async () => {
    await store.close();
  });

  it('survives the server dropping its idle connections (a PostgreSQL restart): the next append reconnects, the process does not crash', async () => {
    const url = freshDatabaseUrl('audit_dropped');
    const own = await AccessLogStore.open(url);
    try {
      await own.append(officer(900), 'Before', [{ subgraph: 'hr', workerId: 'w-before', villageCode: '530113001001', fields: ['Worker.name'] }]);
      const admin = new pg.Client({ connectionString: maintenanceUrl(url) });
      await admin.connect();
      try {
        const { rows } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [new URL(url).pathname.slice(1)]);
        expect(rows.length).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      // The dropped idle clients emit 'error' on the pool; without a listener this process would end here.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await own.append(officer(901), 'After', [{ subgraph: 'hr', workerId: 'w-after', villageCode: '530113001001', fields: ['Worker.name'] }])).toBe(1);
      expect(await own.verify()).toMatchObject({ ok: true, rows: 2 });
    } finally {
      await own.close();
    }
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
    // That database is from before the store recorded migrations: it has no access_log_migrations either.
    await old.pool.query(`drop table access_log_migrations; drop table access_log; drop table access_log_head`);
    await old.pool.query(
      `create table access_log (seq bigint primary key, subgraph text not null); create table access_log_head (id int primary key, seq bigint, hash char(64)); insert into access_log values (1, 'hr')`,
    );
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
    await expect(
      Promise.all([
        broken.append(officer(1), null, [{ subgraph: 'hr', workerId: 'a', fields: ['Worker.name'] }]),
        broken.append(officer(2), null, [{ subgraph: 'hr', workerId: 'b', fields: ['Worker.name'] }]),
      ]),
    ).rejects.toThrow();
    expect((await broken.pool.query('select count(*)::int as n from access_log')).rows[0].n).toBe(0);
    await broken.close();
  });

  it('verifies entries written before correlation ids and lookups (their hash is the old one) next to new ones, and catches an edited correlation id', async () => {
    const url = freshDatabaseUrl('audit');
    const log = await AccessLogStore.open(url);
    await log.append(officer(1), null, [{ subgraph: 'hr', workerId: 'old', villageCode: '530113001001', fields: ['Worker.name'] }]);
    const [old] = await log.find({ limit: 1 });
    // The hash of an entry without correlation id and lookup is exactly what the first version computed.
    const { prevHash: _p, hash: _h, correlationId: _c, lookup: _l, ...content } = old;
    const firstVersion = createHash('sha256')
      .update(old.prevHash)
      .update('\n')
      .update(
        JSON.stringify([
          content.seq,
          content.at.toISOString(),
          content.requestId,
          content.staff,
          content.department,
          content.role,
          content.region,
          content.partnerCity,
          content.institution,
          content.purpose,
          content.operation,
          content.subgraphs,
          content.workerId,
          content.householdCode,
          content.villageCode,
          content.fields,
        ]),
      )
      .digest('hex');
    expect(old.hash).toBe(firstVersion);
    expect(rowHash(old.prevHash, old)).toBe(firstVersion);
    await log.append(officer(2), 'Q', [{ subgraph: '', workerId: 'probed', fields: ['lookup:Query.worker(idNumber)'], lookup: 'not-found' }], { correlationId: 'client-7' });
    expect(await log.verify()).toEqual({ ok: true, rows: 2, headSeq: 2 });
    const [entry] = await log.find({ workerIds: ['probed'], limit: 1 });
    expect(entry).toMatchObject({ correlationId: 'client-7', lookup: 'not-found', subgraphs: [] });
    const tamper = new pg.Client({ connectionString: url });
    await tamper.connect();
    try {
      await tamper.query(`set session_replication_role = replica`);
      await tamper.query(`update access_log set correlation_id = null where seq = 2`);
      expect(await log.verify()).toMatchObject({ ok: false, firstBroken: { seq: 2, problem: expect.stringMatching(/edited/) } });
    } finally {
      await tamper.end();
      await log.close();
    }
  });

  it('writes through COPY what it was given, text COPY or arrays must escape included, and the chain verifies; an export-sized write too', async () => {
    const log = await AccessLogStore.open(freshDatabaseUrl('audit'));
    try {
      const awkward: RequestIdentity = { ...officer(3), subject: 'officer\t"3"\\x\nsecond line', region: undefined, requestId: 'r\r\n' };
      const fields = ['export:姓名', 'a,b', '{braces}', 'q"uote', 'back\\slash', 'NULL', 'tab\there', ''];
      await log.append(awkward, 'op \\N with\ttab', [{ subgraph: 'situation', workerId: 'w\\N', villageCode: '530113001001', fields }], { correlationId: 'c\\t' });
      const [entry] = await log.find({ limit: 1 });
      expect(entry).toMatchObject({
        staff: 'officer\t"3"\\x\nsecond line',
        region: null,
        purpose: 'verification',
        requestId: 'r\r\n',
        operation: 'op \\N with\ttab',
        workerId: 'w\\N',
        householdCode: null,
        correlationId: 'c\\t',
        lookup: null,
        subgraphs: ['situation'],
        fields: [...fields].sort(),
      });
      // Pages of an export as the gateway relays them: 8 of 500 people in flight, written by group commit.
      const page = (p: number) =>
        Array.from({ length: 500 }, (_, i) => ({ subgraph: 'situation', workerId: `x${p}-${i}`, villageCode: '530113001001', fields: ['export:姓名', 'Worker.idNumber'] }));
      const written = await Promise.all(Array.from({ length: 8 }, (_, p) => log.append(officer(4), 'export', page(p), { correlationId: 'export-8' })));
      expect(written).toEqual(Array(8).fill(500));
      expect(await log.verify()).toEqual({ ok: true, rows: 4001, headSeq: 4001 });
      const { rows } = await log.pool.query(
        `select min(seq)::int as first, max(seq)::int as last, count(distinct worker_id)::int as people from access_log where correlation_id = 'export-8'`,
      );
      expect(rows[0]).toEqual({ first: 2, last: 4001, people: 4000 });
    } finally {
      await log.close();
    }
  });

  it('places entries no department could place with the residence authority, in one call per write', async () => {
    const log = await AccessLogStore.open(freshDatabaseUrl('audit'));
    const calls: string[][] = [];
    log.placeWith(async (ids) => {
      calls.push(ids);
      return new Map([['placed-by-hr', '530113001002']]);
    });
    await Promise.all([
      log.append(officer(1), null, [{ subgraph: 'partner', workerId: 'placed-by-hr', fields: ['Transfer.employerName'] }]),
      log.append(officer(2), null, [
        { subgraph: 'hr', workerId: 'known', villageCode: '530113001001', fields: ['Worker.name'] },
        { subgraph: 'training', workerId: 'unknown-to-hr', fields: ['Enrolment.status'] },
      ]),
    ]);
    expect(calls.flat().sort()).toEqual(['placed-by-hr', 'unknown-to-hr']);
    const rows = await log.find({ limit: 10 });
    expect(Object.fromEntries(rows.map((row) => [row.workerId, row.villageCode]))).toEqual({ 'placed-by-hr': '530113001002', known: '530113001001', 'unknown-to-hr': null });
    // An authority that does not answer costs the village, not the entry.
    log.placeWith(async () => {
      throw new Error('down');
    });
    await log.append(officer(3), null, [{ subgraph: 'partner', workerId: 'while-down', fields: ['Transfer.employerName'] }]);
    expect((await log.find({ workerIds: ['while-down'], limit: 1 }))[0].villageCode).toBeNull();
    await log.close();
  });

  describe('its schema, as numbered migrations', () => {
    const recorded = async (log: AccessLogStore) => (await log.pool.query('select id from access_log_migrations order by id')).rows.map((row) => row.id);
    const everyMigration = MIGRATIONS.map((m) => m.id);

    it('applies each migration once, in order, and records it; the table has exactly the columns of the one column list', async () => {
      const url = freshDatabaseUrl('audit_migrations');
      // Two gateways opening a database that does not exist yet: both create it (one wins), then the
      // lock makes one migrate and the other find it done.
      const [a, b] = await Promise.all([AccessLogStore.open(url), AccessLogStore.open(url)]);
      await b.close();
      try {
        expect(await recorded(a)).toEqual(everyMigration);
        const { rows } = await a.pool.query(`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'access_log'`);
        expect(rows.map((row) => row.column_name).sort()).toEqual(COLUMNS.map((c) => c.column).sort());
      } finally {
        await a.close();
      }
      const again = await AccessLogStore.open(url);
      expect((await again.pool.query('select count(*)::int as n from access_log_migrations')).rows[0].n).toBe(everyMigration.length);
      await again.close();
    });

    it('opens a database the store made before migrations were recorded (its DDL ran at every open), and keeps it append-only and verifiable', async () => {
      const url = freshDatabaseUrl('audit');
      const before = await AccessLogStore.open(url);
      await before.append(officer(1), 'Q', [{ subgraph: 'hr', workerId: 'w', villageCode: '530113001001', fields: ['Worker.name'] }], { correlationId: 'client-1' });
      await before.pool.query('drop table access_log_migrations');
      await before.close();
      const after = await AccessLogStore.open(url);
      try {
        expect(await recorded(after)).toEqual(everyMigration);
        await after.append(officer(2), null, [{ subgraph: 'hr', workerId: 'w', fields: ['Worker.name'] }]);
        expect(await after.verify()).toEqual({ ok: true, rows: 2, headSeq: 2 });
        await expect(after.pool.query('delete from access_log where seq = 1')).rejects.toThrow(/append-only/);
      } finally {
        await after.close();
      }
    });

    it('opens a database from before correlation ids and lookups: adds the columns, and its entries keep verifying', async () => {
      const url = freshDatabaseUrl('audit');
      const maker = await AccessLogStore.open(url);
      await maker.pool.query('drop table access_log_migrations; drop table access_log; drop table access_log_head');
      // What the store created before hole 9 and 3 (migrations 2 and 4 without 3), with one entry it wrote.
      await maker.pool.query(
        MIGRATIONS.filter((m) => m.id !== 3)
          .map((m) => m.sql)
          .join('\n'),
      );
      const at = new Date('2026-11-01T08:00:00Z');
      const content = {
        seq: 1,
        at,
        requestId: 'r-old',
        staff: 'officer-1',
        department: 'hr',
        role: 'officer',
        region: '530113',
        partnerCity: null,
        institution: null,
        purpose: 'verification',
        operation: 'Old',
        subgraphs: ['hr'],
        workerId: 'w-old',
        householdCode: null,
        villageCode: '530113001001',
        fields: ['Worker.name'],
      };
      const hash = createHash('sha256')
        .update(GENESIS_HASH)
        .update('\n')
        .update(JSON.stringify(Object.values({ ...content, at: at.toISOString() })))
        .digest('hex');
      await maker.pool.query(
        `insert into access_log (seq, at, request_id, staff, department, role, region, partner_city, institution, purpose, operation, subgraphs, worker_id, household_code, village_code, fields, prev_hash, hash)
         values (1, $1, 'r-old', 'officer-1', 'hr', 'officer', '530113', null, null, 'verification', 'Old', '{hr}', 'w-old', null, '530113001001', '{Worker.name}', $2, $3)`,
        [at, GENESIS_HASH, hash],
      );
      await maker.pool.query('insert into access_log_head (id, seq, hash) values (1, 1, $1)', [hash]);
      await maker.close();
      const upgraded = await AccessLogStore.open(url);
      try {
        expect(await recorded(upgraded)).toEqual(everyMigration);
        await upgraded.append(officer(2), 'New', [{ subgraph: '', workerId: 'w-new', fields: ['lookup:Query.worker(idNumber)'], lookup: 'found' }], { correlationId: 'client-2' });
        expect(await upgraded.verify()).toEqual({ ok: true, rows: 2, headSeq: 2 });
        expect((await upgraded.find({ workerIds: ['w-old'], limit: 1 }))[0]).toMatchObject({ seq: 1, hash, correlationId: null, lookup: null });
      } finally {
        await upgraded.close();
      }
    });

    it('refuses a database a newer gateway migrated, naming the migrations it does not know', async () => {
      const url = freshDatabaseUrl('audit');
      const newer = await AccessLogStore.open(url);
      await newer.pool.query(`insert into access_log_migrations (id, name) values (99, 'from the future')`);
      await newer.close();
      await expect(AccessLogStore.open(url)).rejects.toThrow('the access log database has migrations this gateway does not know (99)');
    });
  });
});
