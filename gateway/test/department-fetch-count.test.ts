import { DepartmentDataSource, dedupeInFlight, FetchCounts, translateFailures } from '@jiuye/gateway';
import type { RequestIdentity } from '@jiuye/common';
import { closedPort, departmentRequest, jsonDepartment, type TinyServer } from '@jiuye/testing/gateway';

/** GET /stats counts the requests actually sent to each department: after dedupe, failures included. */
const identity: RequestIdentity = { subject: 's', department: 'hr', role: 'officer', region: '530113', permissions: [], purpose: 'verification', requestId: 'r' };

describe('fetch counts (department/fetch-count.ts)', () => {
  let department: TinyServer;
  beforeAll(async () => {
    department = await jsonDepartment(() => ({ data: { ok: true } }), 100);
  });
  afterAll(() => department?.close());

  it('lists every department from the start, and counts each fetch sent, not each caller', async () => {
    const counts = new FetchCounts();
    const hr = new DepartmentDataSource('hr', department.url, 5000, [dedupeInFlight(), counts.step('hr')]);
    const civil = new DepartmentDataSource('civil', `http://127.0.0.1:${await closedPort()}/graphql`, 5000, [counts.step('civil'), translateFailures('civil', 5000)]);
    expect(counts.toJSON()).toEqual({ hr: 0, civil: 0 });
    await Promise.all([1, 2, 3].map(() => hr.process(departmentRequest('{ ok }', { identity }))));
    await hr.process(departmentRequest('{ ok }', {}, { operation: 'mutation' }));
    await expect(civil.process(departmentRequest('{ ok }'))).rejects.toThrow();
    expect(counts.toJSON()).toEqual({ hr: 2, civil: 1 });
    expect(JSON.parse(JSON.stringify({ fetches: counts }))).toEqual({ fetches: { hr: 2, civil: 1 } });
  });
});
