import { makeIdNumber } from '@jiuye/common';
import { partnerSubgraph } from '@jiuye/partner';
import { ENTITIES_QUERY, pseudonymOf, startTestSubgraph, type TestSubgraph } from '@jiuye/testing/harness';
import { counts, daysAgo, idNumber, insertReference, KUNMING, SHENZHEN, ZHONGSHAN } from './fixtures';

const CREATE_BATCH = `mutation($input: CreateTransferBatchInput!) {
  createTransferBatch(input: $input) { id batchNo departedOn destination city { code name } base { id name kind } }
}`;
const RECORD_TRANSFER = `mutation($input: RecordTransferInput!) {
  recordTransfer(input: $input) {
    id employerName jobTitle startedOn endedOn fareReimbursed phoneMasked active
    worker { id } batch { batchNo departedOn city { name } } city { code name }
  }
}`;
const RECORD_VISIT = `mutation($input: RecordFollowUpVisitInput!) {
  recordFollowUpVisit(input: $input) {
    id visitedOn stillEmployed monthlyWage rightsCase note
    contactAttempts { channel outcome attemptedAt note }
    transfer { id endedOn endReason active }
  }
}`;
const RECORD_ATTEMPT = `mutation($input: RecordContactAttemptInput!) {
  recordContactAttempt(input: $input) { id attemptedAt channel outcome note transfer { id } }
}`;
const END_TRANSFER = `mutation($input: EndTransferInput!) { endTransfer(input: $input) { id endedOn endReason active } }`;
const WORKER = ENTITIES_QUERY(`... on Worker {
  id
  transfers { id batch { batchNo departedOn city { name } } city { name } employerName jobTitle startedOn endedOn fareReimbursed phoneMasked followUpVisits { visitedOn stillEmployed } }
  currentTransfer { id }
  followUpVisits { visitedOn stillEmployed monthlyWage }
  contactAttempts { outcome }
  lastContactOutcome
  retained
}`);

function future(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

function fieldsOf(response: { errors?: { extensions?: Record<string, any> }[] }): string[] {
  const extensions = response.errors?.[0].extensions ?? {};
  return extensions.problems ? extensions.problems.map((p: { field: string }) => p.field) : [extensions.field];
}

describe('partner subgraph', () => {
  let partner: TestSubgraph;
  let bases: { longgang: number; baoan: number; torch: number };
  let batchId: string;
  const departedOn = daysAgo(60);
  const batchNo = `DC-${departedOn.slice(0, 4)}-${departedOn.slice(5, 7)}-001`;

  beforeAll(async () => {
    partner = await startTestSubgraph(partnerSubgraph);
    bases = await insertReference(partner);
  });
  afterAll(() => partner?.stop());

  async function transfer(n: number, extra: Record<string, unknown> = {}) {
    const response = await partner.query(RECORD_TRANSFER, {
      input: { batchId, idNumber: idNumber(n), employerName: '立讯精密工业（深圳）有限公司', jobTitle: '普工', startedOn: daysAgo(58), fareReimbursed: true, ...extra },
    });
    expect(response.errors).toBeUndefined();
    return response.data.recordTransfer;
  }

  describe('createTransferBatch', () => {
    it('registers a batch to a partner city with its base', async () => {
      const response = await partner.query(CREATE_BATCH, {
        input: { batchNo, cityCode: SHENZHEN, departedOn, destination: '深圳市龙岗区', baseId: String(bases.longgang) },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data.createTransferBatch).toMatchObject({
        batchNo,
        departedOn,
        destination: '深圳市龙岗区',
        city: { code: SHENZHEN, name: '深圳市' },
        base: { id: String(bases.longgang), name: '深圳龙岗劳务输出基地', kind: 'EXPORT_BASE' },
      });
      batchId = response.data.createTransferBatch.id;
    });

    it('refuses a second batch with the same number and writes nothing', async () => {
      const before = await counts(partner);
      const response = await partner.query(CREATE_BATCH, { input: { batchNo, cityCode: ZHONGSHAN, departedOn, destination: '中山市' } });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.batchNo' });
      expect(await counts(partner)).toEqual(before);
    });

    it('needs a known city, a base of that city and a departure after the pairing began', async () => {
      const before = await counts(partner);
      const unknownCity = await partner.query(CREATE_BATCH, { input: { batchNo: 'DC-2026-03-101', cityCode: '3301', departedOn: '2026-03-02', destination: '杭州' } });
      expect(unknownCity.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.cityCode' });

      const otherCitysBase = await partner.query(CREATE_BATCH, {
        input: { batchNo: 'DC-2026-03-102', cityCode: SHENZHEN, departedOn: '2026-03-02', destination: '深圳', baseId: String(bases.torch) },
      });
      expect(otherCitysBase.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.baseId' });

      const missingBase = await partner.query(CREATE_BATCH, {
        input: { batchNo: 'DC-2026-03-103', cityCode: SHENZHEN, departedOn: '2026-03-02', destination: '深圳', baseId: '99999' },
      });
      expect(missingBase.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.baseId' });

      const beforePairing = await partner.query(CREATE_BATCH, { input: { batchNo: 'DC-2020-03-001', cityCode: KUNMING, departedOn: '2020-03-02', destination: '昆明' } });
      expect(beforePairing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departedOn' });
      expect(await counts(partner)).toEqual(before);
    });

    it('names every wrong field at once and writes nothing', async () => {
      const before = await counts(partner);
      const response = await partner.query(CREATE_BATCH, {
        input: { batchNo: 'DC-2026-3-1', cityCode: '440300', departedOn: '2026-03-02', destination: ' ', baseId: 'base-1' },
      });
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(response)).toEqual(['input.batchNo', 'input.cityCode', 'input.destination', 'input.baseId']);

      const wrongMonth = await partner.query(CREATE_BATCH, { input: { batchNo: 'DC-2026-04-001', cityCode: SHENZHEN, departedOn: '2026-03-30', destination: '深圳' } });
      expect(wrongMonth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.batchNo' });
      expect(await counts(partner)).toEqual(before);
    });
  });

  describe('recordTransfer', () => {
    it('records a transfer and exposes only a masked phone', async () => {
      const recorded = await transfer(1, { phone: '13812345678' });
      expect(recorded).toMatchObject({
        employerName: '立讯精密工业（深圳）有限公司',
        jobTitle: '普工',
        startedOn: daysAgo(58),
        endedOn: null,
        fareReimbursed: true,
        phoneMasked: '138****5678',
        active: true,
        worker: { id: pseudonymOf(idNumber(1)) },
        batch: { batchNo, departedOn, city: { name: '深圳市' } },
        city: { code: SHENZHEN, name: '深圳市' },
      });
      const [row] = await partner.sql<{ city_code: string; id_number: string }>('select city_code, id_number from transfer where id = ?', [Number(recorded.id)]);
      expect(row).toEqual({ city_code: SHENZHEN, id_number: idNumber(1) });
    });

    it('has no field that could show an ID number or a full phone number', async () => {
      const response = await partner.query(`{ __type(name: "Transfer") { fields { name } } }`);
      const names = response.data.__type.fields.map((f: { name: string }) => f.name);
      expect(names).toContain('phoneMasked');
      expect(names).not.toContain('idNumber');
      expect(names).not.toContain('phone');
    });

    it('refuses a second open transfer of the same worker and writes nothing', async () => {
      const before = await counts(partner);
      const response = await partner.query(RECORD_TRANSFER, {
        input: { batchId, idNumber: idNumber(1), employerName: '比亚迪', jobTitle: '装配工', startedOn: daysAgo(50), fareReimbursed: false },
      });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(response.errors?.[0].message).not.toContain(idNumber(1));
      expect(await counts(partner)).toEqual(before);
    });

    it('checks the phone, names, dates and batch, and writes nothing', async () => {
      const before = await counts(partner);
      const bad = await partner.query(RECORD_TRANSFER, {
        input: { batchId: 'x', idNumber: idNumber(2), phone: '2381234567', employerName: '', jobTitle: '普工', startedOn: daysAgo(-2), fareReimbursed: true },
      });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(bad)).toEqual(['input.batchId', 'input.phone', 'input.employerName', 'input.startedOn']);
      expect(bad.errors?.[0].message).not.toContain('2381234567');

      const shortPhone = await partner.query(RECORD_TRANSFER, {
        input: { batchId, idNumber: idNumber(2), phone: '1381234567', employerName: '比亚迪', jobTitle: '普工', startedOn: daysAgo(58), fareReimbursed: true },
      });
      expect(shortPhone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });

      // The same rule as hr's: no mobile network has numbers beginning 10, 11 or 12 (common/src/mobile-number.ts).
      const noSuchNetwork = await partner.query(RECORD_TRANSFER, {
        input: { batchId, idNumber: idNumber(2), phone: '12012345678', employerName: '比亚迪', jobTitle: '普工', startedOn: daysAgo(58), fareReimbursed: true },
      });
      expect(noSuchNetwork.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });

      const beforeDeparture = await partner.query(RECORD_TRANSFER, {
        input: { batchId, idNumber: idNumber(2), employerName: '比亚迪', jobTitle: '普工', startedOn: daysAgo(61), fareReimbursed: true },
      });
      expect(beforeDeparture.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startedOn' });

      const unknownBatch = await partner.query(RECORD_TRANSFER, {
        input: { batchId: '424242', idNumber: idNumber(2), employerName: '比亚迪', jobTitle: '普工', startedOn: daysAgo(58), fareReimbursed: true },
      });
      expect(unknownBatch.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.batchId' });
      expect(await counts(partner)).toEqual(before);
    });

    it('rejects malformed ID numbers with the reason and never echoes them', async () => {
      const valid = idNumber(3);
      const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
      const impossibleBirth = '530113199902300012';
      const seventeen = valid.slice(0, 17);
      let endsInX = '';
      for (let sequence = 1; !endsInX.endsWith('X'); sequence++) endsInX = makeIdNumber('530113', '1985-05-05', sequence);
      const lowercaseX = endsInX.slice(0, 17) + 'x';
      const cases: [string, string][] = [
        [wrongCheck, 'CHECK_CHARACTER'],
        [impossibleBirth, 'BIRTH_DATE'],
        [seventeen, 'LENGTH'],
        [lowercaseX, 'LOWERCASE_X'],
      ];
      const before = await counts(partner);
      for (const [value, reason] of cases) {
        const response = await partner.query(RECORD_TRANSFER, {
          input: { batchId, idNumber: value, employerName: '比亚迪', jobTitle: '普工', startedOn: daysAgo(58), fareReimbursed: true },
        });
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber', reason });
        expect(response.errors?.[0].message).not.toContain(value);
      }
      expect(await counts(partner)).toEqual(before);
    });
  });

  describe('recordFollowUpVisit', () => {
    it('records a visit with its attempts, and the worker shows it', async () => {
      const { id: transferId } = await transfer(10, { phone: '13912345678' });
      const response = await partner.query(RECORD_VISIT, {
        input: {
          transferId,
          visitedOn: daysAgo(30),
          stillEmployed: true,
          monthlyWage: 5200,
          rightsCase: false,
          note: '工作稳定',
          contactAttempts: [
            { attemptedAt: `${daysAgo(31)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'NO_ANSWER' },
            { attemptedAt: `${daysAgo(30)}T10:30:00+08:00`, channel: 'VISIT', outcome: 'REACHED_WORKING', note: '厂区走访' },
          ],
        },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data.recordFollowUpVisit).toMatchObject({
        visitedOn: daysAgo(30),
        stillEmployed: true,
        monthlyWage: 5200,
        rightsCase: false,
        note: '工作稳定',
        contactAttempts: [
          { channel: 'VISIT', outcome: 'REACHED_WORKING', note: '厂区走访' },
          { channel: 'PHONE', outcome: 'NO_ANSWER', note: null },
        ],
        transfer: { id: transferId, endedOn: null, active: true },
      });
      expect(new Date(response.data.recordFollowUpVisit.contactAttempts[0].attemptedAt).toISOString()).toBe(new Date(`${daysAgo(30)}T10:30:00+08:00`).toISOString());

      const worker = await partner.query(WORKER, { representations: [{ __typename: 'Worker', id: pseudonymOf(idNumber(10)) }] });
      expect(worker.errors).toBeUndefined();
      expect(worker.data._entities[0]).toMatchObject({
        id: pseudonymOf(idNumber(10)),
        transfers: [
          {
            id: transferId,
            batch: { batchNo, city: { name: '深圳市' } },
            city: { name: '深圳市' },
            phoneMasked: '139****5678',
            followUpVisits: [{ visitedOn: daysAgo(30), stillEmployed: true }],
          },
        ],
        currentTransfer: { id: transferId },
        followUpVisits: [{ visitedOn: daysAgo(30), stillEmployed: true, monthlyWage: 5200 }],
        contactAttempts: [{ outcome: 'REACHED_WORKING' }, { outcome: 'NO_ANSWER' }],
        lastContactOutcome: 'REACHED_WORKING',
        retained: true,
      });
    });

    it('ends an open transfer when the worker has left, on the day of the visit', async () => {
      const { id: transferId } = await transfer(11);
      const response = await partner.query(RECORD_VISIT, {
        input: {
          transferId,
          visitedOn: daysAgo(20),
          stillEmployed: false,
          rightsCase: true,
          note: '拖欠工资，已转劳动监察',
          contactAttempts: [{ attemptedAt: `${daysAgo(20)}T15:00:00+08:00`, channel: 'WECHAT', outcome: 'REACHED_NOT_WORKING' }],
        },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data.recordFollowUpVisit).toMatchObject({
        stillEmployed: false,
        rightsCase: true,
        transfer: { id: transferId, endedOn: daysAgo(20), endReason: '跟踪回访：已不在岗', active: false },
      });

      const worker = await partner.query(WORKER, { representations: [{ __typename: 'Worker', id: pseudonymOf(idNumber(11)) }] });
      expect(worker.data._entities[0]).toMatchObject({ currentTransfer: null, retained: false, lastContactOutcome: 'REACHED_NOT_WORKING' });

      // Still employed after the transfer ended is a contradiction: a new job is a new transfer.
      const before = await counts(partner);
      const contradiction = await partner.query(RECORD_VISIT, { input: { transferId, visitedOn: daysAgo(10), stillEmployed: true, rightsCase: false } });
      expect(contradiction.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.stillEmployed' });
      expect(await counts(partner)).toEqual(before);
    });

    it('writes nothing — neither the visit, nor any attempt, nor the end of the transfer — when one attempt is bad', async () => {
      const { id: transferId } = await transfer(12);
      const before = await counts(partner);
      const response = await partner.query(RECORD_VISIT, {
        input: {
          transferId,
          visitedOn: daysAgo(5),
          stillEmployed: false,
          rightsCase: false,
          contactAttempts: [
            { attemptedAt: `${daysAgo(5)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'REACHED_NOT_WORKING' },
            { attemptedAt: future(3), channel: 'PHONE', outcome: 'NO_ANSWER' },
          ],
        },
      });
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactAttempts[1].attemptedAt' });
      expect(await counts(partner)).toEqual(before);
      const [row] = await partner.sql<{ ended_on: string | null }>('select ended_on from transfer where id = ?', [Number(transferId)]);
      expect(row.ended_on).toBeNull();
    });

    it('writes nothing when an attempt predates the job, a check the database settles', async () => {
      const { id: transferId } = await transfer(13);
      const before = await counts(partner);
      const response = await partner.query(RECORD_VISIT, {
        input: {
          transferId,
          visitedOn: daysAgo(5),
          stillEmployed: true,
          rightsCase: false,
          contactAttempts: [
            { attemptedAt: `${daysAgo(5)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'REACHED_WORKING' },
            { attemptedAt: `${daysAgo(59)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'NO_ANSWER' },
          ],
        },
      });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactAttempts[1].attemptedAt' });
      expect(await counts(partner)).toEqual(before);
    });

    it('checks wage, dates, and that the attempts agree with what the visit found', async () => {
      const { id: transferId } = await transfer(14);
      const before = await counts(partner);
      const bad = await partner.query(RECORD_VISIT, {
        input: { transferId, visitedOn: daysAgo(-1), stillEmployed: true, monthlyWage: 0, rightsCase: false, note: '长'.repeat(501) },
      });
      expect(fieldsOf(bad)).toEqual(['input.visitedOn', 'input.monthlyWage', 'input.note']);

      const wageWithoutJob = await partner.query(RECORD_VISIT, { input: { transferId, visitedOn: daysAgo(5), stillEmployed: false, monthlyWage: 5000, rightsCase: false } });
      expect(wageWithoutJob.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.monthlyWage' });

      const nobodyReached = await partner.query(RECORD_VISIT, {
        input: {
          transferId,
          visitedOn: daysAgo(5),
          stillEmployed: true,
          rightsCase: false,
          contactAttempts: [{ attemptedAt: `${daysAgo(5)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'INVALID_NUMBER' }],
        },
      });
      expect(nobodyReached.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactAttempts' });

      const contradicts = await partner.query(RECORD_VISIT, {
        input: {
          transferId,
          visitedOn: daysAgo(5),
          stillEmployed: true,
          rightsCase: false,
          contactAttempts: [
            { attemptedAt: `${daysAgo(5)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'REACHED_WORKING' },
            { attemptedAt: `${daysAgo(5)}T11:00:00+08:00`, channel: 'VISIT', outcome: 'REACHED_NOT_WORKING' },
          ],
        },
      });
      expect(contradicts.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stillEmployed' });

      const attemptAfterVisit = await partner.query(RECORD_VISIT, {
        input: {
          transferId,
          visitedOn: daysAgo(5),
          stillEmployed: true,
          rightsCase: false,
          contactAttempts: [{ attemptedAt: `${daysAgo(4)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'REACHED_WORKING' }],
        },
      });
      expect(attemptAfterVisit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactAttempts[0].attemptedAt' });

      const beforeStart = await partner.query(RECORD_VISIT, { input: { transferId, visitedOn: daysAgo(59), stillEmployed: true, rightsCase: false } });
      expect(beforeStart.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visitedOn' });

      const unknown = await partner.query(RECORD_VISIT, { input: { transferId: '99999', visitedOn: daysAgo(5), stillEmployed: true, rightsCase: false } });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.transferId' });
      expect(await counts(partner)).toEqual(before);
    });
  });

  describe('recordContactAttempt', () => {
    it('records a failed attempt, which becomes the last contact outcome', async () => {
      const { id: transferId } = await transfer(20, { phone: '13700001111' });
      const response = await partner.query(RECORD_ATTEMPT, {
        input: { transferId, attemptedAt: `${daysAgo(3)}T09:15:00+08:00`, channel: 'PHONE', outcome: 'INVALID_NUMBER', note: '空号' },
      });
      expect(response.errors).toBeUndefined();
      expect(response.data.recordContactAttempt).toMatchObject({ channel: 'PHONE', outcome: 'INVALID_NUMBER', note: '空号', transfer: { id: transferId } });
      const worker = await partner.query(WORKER, { representations: [{ __typename: 'Worker', id: pseudonymOf(idNumber(20)) }] });
      expect(worker.data._entities[0]).toMatchObject({ lastContactOutcome: 'INVALID_NUMBER', retained: null, contactAttempts: [{ outcome: 'INVALID_NUMBER' }] });
    });

    it('refuses attempts in the future, before the job, or on an unknown transfer, and writes nothing', async () => {
      const { id: transferId } = await transfer(21);
      const before = await counts(partner);
      const inFuture = await partner.query(RECORD_ATTEMPT, { input: { transferId, attemptedAt: future(1), channel: 'PHONE', outcome: 'NO_ANSWER' } });
      expect(inFuture.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attemptedAt' });
      const beforeJob = await partner.query(RECORD_ATTEMPT, { input: { transferId, attemptedAt: `${daysAgo(100)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'NO_ANSWER' } });
      expect(beforeJob.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attemptedAt' });
      const longNote = await partner.query(RECORD_ATTEMPT, {
        input: { transferId: 'abc', attemptedAt: `${daysAgo(1)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'NO_ANSWER', note: '长'.repeat(501) },
      });
      expect(fieldsOf(longNote)).toEqual(['input.transferId', 'input.note']);
      const unknown = await partner.query(RECORD_ATTEMPT, { input: { transferId: '99999', attemptedAt: `${daysAgo(1)}T09:00:00+08:00`, channel: 'PHONE', outcome: 'NO_ANSWER' } });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.transferId' });
      expect(await counts(partner)).toEqual(before);
    });
  });

  describe('endTransfer', () => {
    it('ends a transfer once, not before it started nor before a visit found the worker employed', async () => {
      const { id: transferId } = await transfer(30);
      const visit = await partner.query(RECORD_VISIT, { input: { transferId, visitedOn: daysAgo(20), stillEmployed: true, rightsCase: false } });
      expect(visit.errors).toBeUndefined();

      const before = await counts(partner);
      const bad = await partner.query(END_TRANSFER, { input: { transferId: '0', endedOn: daysAgo(-3), reason: 'x' } });
      expect(fieldsOf(bad)).toEqual(['input.transferId', 'input.endedOn', 'input.reason']);
      const beforeStart = await partner.query(END_TRANSFER, { input: { transferId, endedOn: daysAgo(59), reason: '返乡' } });
      expect(beforeStart.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });
      const beforeVisit = await partner.query(END_TRANSFER, { input: { transferId, endedOn: daysAgo(25), reason: '返乡' } });
      expect(beforeVisit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });
      expect(await counts(partner)).toEqual(before);

      const ended = await partner.query(END_TRANSFER, { input: { transferId, endedOn: daysAgo(10), reason: '合同到期返乡' } });
      expect(ended.errors).toBeUndefined();
      expect(ended.data.endTransfer).toEqual({ id: transferId, endedOn: daysAgo(10), endReason: '合同到期返乡', active: false });

      const again = await partner.query(END_TRANSFER, { input: { transferId, endedOn: daysAgo(5), reason: '重复操作' } });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.transferId' });

      // Once ended, the worker may be transferred again.
      const next = await transfer(30, { startedOn: daysAgo(2) });
      expect(next.active).toBe(true);
    });
  });

  describe('queries', () => {
    it('lists partner cities with their bases, batches, transfers and postings', async () => {
      const response = await partner.query(`{
        partnerCities { code name province pairedSince note bases { name kind } batches { batchNo } transfers(first: 2) { totalCount nodes { id } } postings(first: 5) { totalCount } retention { transferred } }
      }`);
      expect(response.errors).toBeUndefined();
      const [shenzhen, zhongshan, kunming] = response.data.partnerCities;
      expect(kunming).toMatchObject({ code: KUNMING, bases: [], batches: [], transfers: { totalCount: 0, nodes: [] } });
      expect(shenzhen).toMatchObject({
        code: SHENZHEN,
        name: '深圳市',
        province: '广东省',
        pairedSince: '2016-12-01',
        note: '东西部协作',
        bases: [
          { name: '深圳龙岗劳务输出基地', kind: 'EXPORT_BASE' },
          { name: '深圳宝安劳务工作站', kind: 'SERVICE_STATION' },
        ],
        batches: [{ batchNo }],
      });
      const [{ n }] = await partner.sql<{ n: number }>(`select count(*)::int as n from transfer where city_code = '${SHENZHEN}'`);
      expect(shenzhen.transfers.totalCount).toBe(n);
      expect(shenzhen.retention.transferred).toBe(n);
      expect(shenzhen.transfers.nodes).toHaveLength(2);
      expect(zhongshan).toMatchObject({ code: ZHONGSHAN, note: null, bases: [{ name: '中山火炬开发区劳务工作站' }] });

      const one = await partner.query(`query($code: DivisionCode!) { partnerCity(code: $code) { name } }`, { code: ZHONGSHAN });
      expect(one.data.partnerCity).toEqual({ name: '中山市' });
      const none = await partner.query(`{ partnerCity(code: "3301") { name } }`);
      expect(none.data.partnerCity).toBeNull();
      // Issue 14: a district (6 digits) names its city; other lengths are refused, naming the argument.
      const district = await partner.query(`{ partnerCity(code: "440306") { name } }`);
      expect(district.data.partnerCity).toEqual({ name: '深圳市' });
      const township = await partner.query(`{ partnerCity(code: "440306001") { name } }`);
      expect(township.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    });

    it('lists labour bases and batches of a city', async () => {
      const bases = await partner.query(`{ labourBases(cityCode: "${SHENZHEN}") { name city { code } } all: labourBases { id } }`);
      expect(bases.errors).toBeUndefined();
      expect(bases.data.labourBases).toEqual([
        { name: '深圳龙岗劳务输出基地', city: { code: SHENZHEN } },
        { name: '深圳宝安劳务工作站', city: { code: SHENZHEN } },
      ]);
      expect(bases.data.all).toHaveLength(3);

      const batches = await partner.query(
        `{ transferBatches(cityCode: "${SHENZHEN}") { batchNo base { name } transfers { id } } zhongshan: transferBatches(cityCode: "${ZHONGSHAN}") { id } }`,
      );
      expect(batches.errors).toBeUndefined();
      expect(batches.data.transferBatches).toHaveLength(1);
      expect(batches.data.transferBatches[0]).toMatchObject({ batchNo, base: { name: '深圳龙岗劳务输出基地' } });
      expect(batches.data.transferBatches[0].transfers.length).toBeGreaterThan(5);
      expect(batches.data.zhongshan).toEqual([]);
    });

    it('filters transfers by city, batch and whether still open', async () => {
      const all = await partner.query(`query($batchId: ID) { transfers(cityCode: "${SHENZHEN}", batchId: $batchId, first: 500) { totalCount nodes { id active } } }`, { batchId });
      const open = await partner.query(`{ transfers(cityCode: "${SHENZHEN}", onlyActive: true) { totalCount nodes { active } } }`);
      const elsewhere = await partner.query(`{ transfers(cityCode: "${ZHONGSHAN}") { totalCount } }`);
      expect(all.errors).toBeUndefined();
      const [{ total, opened }] = await partner.sql<{ total: number; opened: number }>(
        'select count(*)::int as total, (count(*) filter (where ended_on is null))::int as opened from transfer',
      );
      expect(all.data.transfers.totalCount).toBe(total);
      expect(open.data.transfers.totalCount).toBe(opened);
      expect(opened).toBeLessThan(total);
      expect(open.data.transfers.nodes.every((t: { active: boolean }) => t.active)).toBe(true);
      expect(elsewhere.data.transfers.totalCount).toBe(0);

      const tooMany = await partner.query(`{ transfers(first: 501) { totalCount } }`);
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const badCursor = await partner.query(`{ transfers(after: "not-a-cursor") { totalCount } }`);
      expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('lists pushed job postings, optionally those open on a day', async () => {
      await partner.sql(
        `insert into partner_job_posting (city_code, base_id, employer_name, title, monthly_wage, headcount, pushed_on, valid_until) values
           ('${SHENZHEN}', ${bases.baoan}, '富士康', '普工', 5000, 100, '2026-01-05', '2026-03-31'),
           ('${SHENZHEN}', null, '比亚迪', '装配工', 5500, 50, '2026-03-01', '2026-06-30'),
           ('${ZHONGSHAN}', ${bases.torch}, '美的', '操作工', 4800, 30, '2026-02-01', '2026-04-30')`,
      );
      const response = await partner.query(`{
        shenzhen: partnerJobPostings(cityCode: "${SHENZHEN}") { totalCount nodes { employerName title monthlyWage headcount pushedOn validUntil city { name } base { name } } }
        onDay: partnerJobPostings(validOn: "2026-04-15") { totalCount nodes { employerName } }
        city: partnerCity(code: "${SHENZHEN}") { postings(validOn: "2026-02-01") { totalCount nodes { employerName } } }
      }`);
      expect(response.errors).toBeUndefined();
      expect(response.data.shenzhen.totalCount).toBe(2);
      expect(response.data.shenzhen.nodes[0]).toEqual({
        employerName: '富士康',
        title: '普工',
        monthlyWage: 5000,
        headcount: 100,
        pushedOn: '2026-01-05',
        validUntil: '2026-03-31',
        city: { name: '深圳市' },
        base: { name: '深圳宝安劳务工作站' },
      });
      expect(response.data.shenzhen.nodes[1].base).toBeNull();
      expect(response.data.onDay.nodes.map((p: { employerName: string }) => p.employerName)).toEqual(['比亚迪', '美的']);
      expect(response.data.city.postings).toEqual({ totalCount: 1, nodes: [{ employerName: '富士康' }] });
    });
  });
});
