import type { Identity, Purpose } from '@jiuye/common';
import { hrSubgraph } from '@jiuye/hr';
import { ENTITIES_QUERY, expectFlatCost, officerOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { addDays, count, errorOf, idNumberAged, insertReferenceData, LUOXUE, pseudonymOf, QINGKOU, register, today } from './fixtures';

const VERIFY = `mutation($input: RecordVerificationInput!) {
  recordVerification(input: $input) { id verifiedOn verifiedBy outcome note worker { id verifiedOn verifications { id verifiedOn outcome } } }
}`;
const VERIFICATIONS = `query($idNumber: String!, $first: Int) {
  worker(idNumber: $idNumber) { id verifiedOn verifications(first: $first) { id verifiedOn verifiedBy outcome note } }
}`;

type Caller = Identity & { purpose?: Purpose };
const OFFICER = officerOf('hr');
const assistantOf = (village: string): Caller => ({
  subject: `test-hr-assistant-${village}`,
  department: 'hr',
  role: 'village_assistant',
  region: village,
  permissions: [],
  purpose: 'verification',
});
const OTHER_COUNTY: Caller = officerOf('hr', { subject: 'test-hr-officer-530102', region: '530102' });
const DASHBOARD: Caller = { subject: 'test-dashboard', department: 'dashboard', role: 'viewer', region: '53', permissions: [] };

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

describe('hr subgraph: monthly verification of registry records (月动态核实)', () => {
  let hr: TestSubgraph;
  let sequence = 500;
  const nextIdNumber = () => idNumberAged(35, sequence++);

  /** A worker of 箐口村 registered ~100 days ago and never verified, so earlier days can be recorded. */
  async function registeredLongAgo(householdCode = `${QINGKOU}0001`): Promise<{ idNumber: string; id: string }> {
    const idNumber = nextIdNumber();
    const id = await register(hr, idNumber, householdCode);
    await hr.sql(`update worker set registered_at = now() - interval '100 days', verified_on = null where id = ?`, [id]);
    return { idNumber, id };
  }

  async function verificationRows(id: string) {
    return hr.sql<{ verified_on: string; outcome: string }>(`select verified_on::text, outcome from record_verification where worker_id = ? order by id`, [id]);
  }

  beforeAll(async () => {
    hr = await startTestSubgraph(hrSubgraph);
    await insertReferenceData(hr);
  });
  afterAll(() => hr?.stop());

  describe('recordVerification', () => {
    it("records a verification: a new row, the worker's verifiedOn moved to its day, and the verifier's account", async () => {
      const { idNumber, id } = await registeredLongAgo();
      const day = addDays(today(), -40);
      const response = await hr.query(VERIFY, { input: { idNumber, verifiedOn: day, outcome: 'CORRECTED', note: '  电话号码已更正  ' } });
      expect(response.errors).toBeUndefined();
      const verification = response.data.recordVerification;
      expect(verification).toMatchObject({
        verifiedOn: day,
        verifiedBy: OFFICER.subject,
        outcome: 'CORRECTED',
        note: '电话号码已更正',
        worker: { id, verifiedOn: day, verifications: [{ id: verification.id, verifiedOn: day, outcome: 'CORRECTED' }] },
      });
      const [row] = await hr.sql(`select worker_id, verified_on::text, verified_by, outcome, note, recorded_at is not null as stamped from record_verification where id = ?`, [
        Number(verification.id),
      ]);
      expect(row).toEqual({ worker_id: id, verified_on: day, verified_by: OFFICER.subject, outcome: 'CORRECTED', note: '电话号码已更正', stamped: true });
      const [worker] = await hr.sql(`select verified_on::text from worker where id = ?`, [id]);
      expect(worker.verified_on).toBe(day);
    });

    it('defaults the day to today; an earlier day never moves verifiedOn back; a second one in the same month is a new row', async () => {
      const { idNumber, id } = await registeredLongAgo();
      const now = await hr.query(VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      expect(now.errors).toBeUndefined();
      expect(now.data.recordVerification).toMatchObject({ verifiedOn: today(), note: null, worker: { verifiedOn: today() } });

      const earlier = addDays(today(), -35);
      const late = await hr.query(VERIFY, { input: { idNumber, verifiedOn: earlier, outcome: 'NOT_REACHED', note: '   ' } });
      expect(late.errors).toBeUndefined();
      expect(late.data.recordVerification).toMatchObject({ verifiedOn: earlier, outcome: 'NOT_REACHED', note: null, worker: { verifiedOn: today() } });

      const again = await hr.query(VERIFY, { input: { idNumber, verifiedOn: today(), outcome: 'MOVED_AWAY' } });
      expect(again.errors).toBeUndefined();
      expect(again.data.recordVerification.id).not.toBe(now.data.recordVerification.id);
      expect(again.data.recordVerification).toMatchObject({ verifiedOn: today(), outcome: 'MOVED_AWAY' });

      // Newest first: by day, then the later row of the same day first.
      const list = await hr.query(VERIFICATIONS, { idNumber });
      expect(list.errors).toBeUndefined();
      expect(list.data.worker.verifiedOn).toBe(today());
      expect(list.data.worker.verifications.map((v: { id: string }) => v.id)).toEqual([
        again.data.recordVerification.id,
        now.data.recordVerification.id,
        late.data.recordVerification.id,
      ]);
      expect((await verificationRows(id)).map((r) => r.outcome)).toEqual(['CONFIRMED', 'NOT_REACHED', 'MOVED_AWAY']);
    });

    it('allows the first day of the registration month and refuses the month before (China time)', async () => {
      const idNumber = nextIdNumber();
      const id = await register(hr, idNumber);
      const before = await count(hr, 'record_verification');
      const tooEarly = await hr.query(VERIFY, { input: { idNumber, verifiedOn: addDays(firstOfMonth(today()), -1), outcome: 'CONFIRMED' } });
      expect(errorOf(tooEarly).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.verifiedOn', reason: 'BEFORE_REGISTRATION' });
      expect(errorOf(tooEarly).message).not.toContain(idNumber);
      expect(await count(hr, 'record_verification')).toBe(before);
      const firstDay = await hr.query(VERIFY, { input: { idNumber, verifiedOn: firstOfMonth(today()), outcome: 'CONFIRMED' } });
      expect(firstDay.errors).toBeUndefined();
      expect(await verificationRows(id)).toEqual([{ verified_on: firstOfMonth(today()), outcome: 'CONFIRMED' }]);
    });

    it.each([
      ['an impossible day', '2026-02-30'],
      ['another format', '23/11/2026'],
      ['a date with a time', `${today()}T08:00:00`],
    ])('refuses %s for verifiedOn as BAD_USER_INPUT naming the field', async (_label, verifiedOn) => {
      const { idNumber } = await registeredLongAgo();
      const before = await count(hr, 'record_verification');
      const { extensions, message } = errorOf(await hr.query(VERIFY, { input: { idNumber, verifiedOn, outcome: 'CONFIRMED' } }));
      expect(extensions.code).toBe('BAD_USER_INPUT');
      // The LocalDate scalar refuses it while the variables are read: graphql-js names the input field in the message.
      expect(message).toContain('input.verifiedOn');
      expect(message).toContain('LocalDate');
      expect(message).not.toContain(idNumber);
      expect(await count(hr, 'record_verification')).toBe(before);
    });

    it('names every wrong field at once (future day, too long note, malformed ID number) and writes nothing', async () => {
      const { idNumber, id } = await registeredLongAgo();
      const before = await count(hr, 'record_verification');
      const future = await hr.query(VERIFY, { input: { idNumber, verifiedOn: addDays(today(), 1), outcome: 'CONFIRMED' } });
      expect(errorOf(future).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.verifiedOn' });
      const longNote = await hr.query(VERIFY, { input: { idNumber, outcome: 'CORRECTED', note: '核'.repeat(501) } });
      expect(errorOf(longNote).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
      const all = await hr.query(VERIFY, { input: { idNumber: idNumber.slice(0, 17), verifiedOn: addDays(today(), 30), outcome: 'CONFIRMED', note: 'x'.repeat(600) } });
      const { extensions, message } = errorOf(all);
      expect(extensions.code).toBe('BAD_USER_INPUT');
      expect(extensions.problems.map((p: { field: string }) => p.field)).toEqual(['input.idNumber', 'input.verifiedOn', 'input.note']);
      expect(message).not.toContain(idNumber.slice(0, 17));
      expect(await count(hr, 'record_verification')).toBe(before);
      const [worker] = await hr.sql(`select verified_on from worker where id = ?`, [id]);
      expect(worker.verified_on).toBeNull();
      // 500 characters are fine (counted as PostgreSQL counts them).
      const longest = await hr.query(VERIFY, { input: { idNumber, outcome: 'CORRECTED', note: '核'.repeat(500) } });
      expect(longest.errors).toBeUndefined();
    });

    it('gives NOT_FOUND on input.idNumber for a valid number nobody registered, without echoing it', async () => {
      const idNumber = nextIdNumber();
      const response = await hr.query(VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      expect(response.data).toBeNull();
      expect(errorOf(response).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.idNumber' });
      expect(JSON.stringify(response)).not.toContain(idNumber);
    });

    it('answers an officer of another region exactly as for an unknown worker, and writes nothing', async () => {
      const { idNumber, id } = await registeredLongAgo();
      const before = await count(hr, 'record_verification');
      const elsewhere = await hr.queryAs(OTHER_COUNTY, VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      const unknown = await hr.queryAs(OTHER_COUNTY, VERIFY, { input: { idNumber: nextIdNumber(), outcome: 'CONFIRMED' } });
      expect(elsewhere.data).toBeNull();
      expect(elsewhere.errors).toEqual(unknown.errors);
      expect(errorOf(elsewhere).extensions).toEqual({ code: 'NOT_FOUND', field: 'input.idNumber' });
      expect(JSON.stringify(elsewhere)).not.toContain(idNumber);
      expect(await count(hr, 'record_verification')).toBe(before);
      const [worker] = await hr.sql(`select verified_on from worker where id = ?`, [id]);
      expect(worker.verified_on).toBeNull();
    });

    it("lets the village assistant of the worker's village verify, and not the assistant of the next village", async () => {
      const { idNumber, id } = await registeredLongAgo(`${QINGKOU}0002`);
      const own = await hr.queryAs(assistantOf(QINGKOU), VERIFY, { input: { idNumber, outcome: 'CONFIRMED', note: '入户核实' } });
      expect(own.errors).toBeUndefined();
      expect(own.data.recordVerification).toMatchObject({ verifiedOn: today(), verifiedBy: assistantOf(QINGKOU).subject, worker: { id, verifiedOn: today() } });

      const before = await count(hr, 'record_verification');
      const next = await hr.queryAs(assistantOf(LUOXUE), VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      expect(next.data).toBeNull();
      expect(errorOf(next).extensions).toEqual({ code: 'NOT_FOUND', field: 'input.idNumber' });
      expect(await count(hr, 'record_verification')).toBe(before);
    });

    it.each<[string, Caller, string]>([
      ['a dashboard', DASHBOARD, 'other-department'],
      ["another department's officer", officerOf('poverty'), 'other-department'],
      ["another department's village assistant", { ...assistantOf(QINGKOU), department: 'poverty' }, 'other-department'],
      ['an hr viewer', officerOf('hr', { role: 'viewer' }), 'read-only'],
    ])('refuses %s (FORBIDDEN) and writes nothing', async (_label, caller, reason) => {
      const { idNumber, id } = await registeredLongAgo();
      const before = await count(hr, 'record_verification');
      const response = await hr.queryAs(caller, VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      expect(response.data).toBeNull();
      expect(errorOf(response).extensions).toMatchObject({ code: 'FORBIDDEN', reason });
      expect(JSON.stringify(response)).not.toContain(idNumber);
      expect(await count(hr, 'record_verification')).toBe(before);
      const [worker] = await hr.sql(`select verified_on from worker where id = ?`, [id]);
      expect(worker.verified_on).toBeNull();
    });

    it('records the longest staff account id a token may carry (128 characters) in full', async () => {
      const { idNumber } = await registeredLongAgo();
      const subject = 's'.repeat(128);
      const response = await hr.queryAs(officerOf('hr', { subject }), VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      expect(response.errors).toBeUndefined();
      const [row] = await hr.sql(`select verified_by from record_verification order by id desc limit 1`);
      expect(row.verified_by).toBe(subject);
    });

    it('refuses an hr officer without a declared purpose', async () => {
      const { idNumber } = await registeredLongAgo();
      const { purpose: _none, ...withoutPurpose } = OFFICER;
      const response = await hr.queryAs(withoutPurpose, VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      expect(errorOf(response).extensions.code).toBe('PURPOSE_REQUIRED');
    });

    it('leaves nothing half-written when the insert fails at commit: no row, verifiedOn unchanged, a masked error', async () => {
      const { idNumber, id } = await registeredLongAgo();
      const day = addDays(today(), -20);
      // A deferred check that fails at commit, after both the insert and the worker's update ran.
      await hr.sql(`create function test_refuse_verification() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`);
      await hr.sql(
        `create constraint trigger test_refuse_verification after insert on record_verification deferrable initially deferred
         for each row when (new.note = '提交时失败') execute function test_refuse_verification()`,
      );
      try {
        const before = await count(hr, 'record_verification');
        const response = await hr.query(VERIFY, { input: { idNumber, verifiedOn: day, outcome: 'CONFIRMED', note: '提交时失败' } });
        expect(response.data).toBeNull();
        expect(errorOf(response).extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(JSON.stringify(response)).not.toContain('refused by the test');
        expect(JSON.stringify(response)).not.toContain(idNumber);
        expect(await count(hr, 'record_verification')).toBe(before);
        const [worker] = await hr.sql(`select verified_on from worker where id = ?`, [id]);
        expect(worker.verified_on).toBeNull();
      } finally {
        await hr.sql(`drop trigger test_refuse_verification on record_verification`);
        await hr.sql(`drop function test_refuse_verification()`);
      }
      const retried = await hr.query(VERIFY, { input: { idNumber, verifiedOn: day, outcome: 'CONFIRMED' } });
      expect(retried.errors).toBeUndefined();
      expect(retried.data.recordVerification.worker.verifiedOn).toBe(day);
    });
  });

  describe('Worker.verifications', () => {
    it('gives the latest `first` (12 by default), newest first, and refuses a count outside 1 to 100', async () => {
      const { idNumber, id } = await registeredLongAgo();
      const days = Array.from({ length: 14 }, (_, i) => addDays(today(), -90 + i * 5));
      for (const day of days) {
        await hr.sql(`insert into record_verification (worker_id, verified_on, verified_by, outcome) values (?, ?, 'test-seed', 'CONFIRMED')`, [id, day]);
      }
      const newestFirst = [...days].reverse();
      const all = await hr.query(VERIFICATIONS, { idNumber });
      expect(all.errors).toBeUndefined();
      expect(all.data.worker.verifications.map((v: { verifiedOn: string }) => v.verifiedOn)).toEqual(newestFirst.slice(0, 12));
      const three = await hr.query(VERIFICATIONS, { idNumber, first: 3 });
      expect(three.data.worker.verifications.map((v: { verifiedOn: string }) => v.verifiedOn)).toEqual(newestFirst.slice(0, 3));
      expect(three.data.worker.verifications[0]).toMatchObject({ verifiedBy: 'test-seed', outcome: 'CONFIRMED', note: null });
      for (const first of [0, 101]) {
        expect(errorOf(await hr.query(VERIFICATIONS, { idNumber, first })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      }
      const none = await registeredLongAgo();
      expect((await hr.query(VERIFICATIONS, { idNumber: none.idNumber })).data.worker.verifications).toEqual([]);
    });

    it('costs the same few statements for 3 workers as for 30 (one batch per distinct `first`)', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) {
        const { id } = await registeredLongAgo(`${LUOXUE}${String(100 + i).padStart(4, '0')}`);
        ids.push(id);
        await hr.sql(
          `insert into record_verification (worker_id, verified_on, verified_by, outcome) select ?, current_date - d, 'test-seed', 'CONFIRMED' from generate_series(1, 4) d`,
          [id],
        );
      }
      const selection = '... on Worker { id verifications(first: 2) { id verifiedOn outcome } latest: verifications(first: 1) { verifiedOn } }';
      const representations = (n: number) => ids.slice(0, n).map((id) => ({ __typename: 'Worker', id }));
      const small = await hr.countStatements(ENTITIES_QUERY(selection), { representations: representations(3) });
      const large = await hr.countStatements(ENTITIES_QUERY(selection), { representations: representations(30) });
      expect(large.response.errors).toBeUndefined();
      expect(large.response.data._entities).toHaveLength(30);
      for (const worker of large.response.data._entities) {
        expect(worker.verifications).toHaveLength(2);
        expect(worker.latest).toEqual([{ verifiedOn: worker.verifications[0].verifiedOn }]);
      }
      // The workers' places (one batch) and the verifications (one per distinct `first`).
      expectFlatCost(small.statements, large.statements, 3);
    });

    it('shows verifiedBy to department staff of a region only; partner-city staff see the rest', async () => {
      const { idNumber, id } = await registeredLongAgo();
      await hr.query(VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      const partner: Caller = { subject: 'test-partner-4403', department: 'partner', role: 'officer', partnerCity: '4403', permissions: [], purpose: 'follow-up' };
      // One subgraph alone: the harness lets every worker through the partner authority.
      const response = await hr.queryAs(partner, ENTITIES_QUERY('... on Worker { id verifications { verifiedOn outcome verifiedBy } }'), {
        representations: [{ __typename: 'Worker', id }],
      });
      expect(response.data._entities[0].verifications).toEqual([{ verifiedOn: today(), outcome: 'CONFIRMED', verifiedBy: null }]);
      expect(errorOf(response).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'field-staff' });
      const civil = await hr.queryAs(officerOf('civil'), VERIFICATIONS, { idNumber });
      expect(civil.errors).toBeUndefined();
      expect(civil.data.worker.verifications[0].verifiedBy).toBe(OFFICER.subject);
    });

    it('is refused to dashboards, and an out-of-region worker stays unknown', async () => {
      const { idNumber, id } = await registeredLongAgo();
      await hr.query(VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
      const dashboard = await hr.queryAs(DASHBOARD, ENTITIES_QUERY('... on Worker { id verifications { verifiedOn } }'), { representations: [{ __typename: 'Worker', id }] });
      expect(errorOf(dashboard).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'aggregates-only' });
      expect(JSON.stringify(dashboard.data ?? {})).not.toContain(today());
      const elsewhere = await hr.queryAs(OTHER_COUNTY, ENTITIES_QUERY('... on Worker { id verifications { verifiedOn } }'), { representations: [{ __typename: 'Worker', id }] });
      expect(elsewhere.data._entities).toEqual([null]);
    });
  });

  it('keeps the verifications in the access log of the request', async () => {
    const { idNumber, id } = await registeredLongAgo();
    await hr.query(VERIFY, { input: { idNumber, outcome: 'CONFIRMED' } });
    const response = await hr.query(VERIFICATIONS, { idNumber });
    const entry = response.extensions?.accessLog?.find((e: { workerId?: string }) => e.workerId === pseudonymOf(idNumber));
    expect(entry?.fields).toEqual(expect.arrayContaining(['RecordVerification.verifiedOn', 'RecordVerification.verifiedBy', 'Worker.verifications']));
    expect(id).toBe(pseudonymOf(idNumber));
  });
});
