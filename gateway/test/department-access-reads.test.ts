import { collectAccessReads, DepartmentDataSource, dedupeInFlight } from '@jiuye/gateway';
import type { RequestIdentity } from '@jiuye/common';
import { departmentRequest, jsonDepartment, type TinyServer } from '@jiuye/testing/gateway';

/** What a department read for whom goes to the request's access-log reads, never to the client. */
const READS = [{ workerId: 'w1', villageCode: '530113001001', fields: ['Worker.name'] }];
const identity: RequestIdentity = { subject: 's', department: 'hr', role: 'officer', region: '530113', permissions: [], purpose: 'verification', requestId: 'r' };

describe("access-log reads from the departments' answers (department/access-reads.ts)", () => {
  let department: TinyServer;

  beforeAll(async () => {
    department = await jsonDepartment(() => ({ data: { worker: { name: '张三' } }, extensions: { accessLog: READS, other: 'kept' } }), 50);
  });
  afterAll(() => department?.close());

  it('moves extensions.accessLog into the context, tagged with the department, and keeps the other extensions', async () => {
    const source = new DepartmentDataSource('hr', department.url, 5000, [collectAccessReads('hr')]);
    const request = departmentRequest('{ worker { name } }');
    const response = await source.process(request);
    expect(response.extensions).toEqual({ other: 'kept' });
    expect(response.data).toEqual({ worker: { name: '张三' } });
    expect(request.context.reads).toEqual([{ ...READS[0], subgraph: 'hr' }]);
  });

  it('gives every caller of a shared fetch its own entries (collection outside dedupe)', async () => {
    const source = new DepartmentDataSource('hr', department.url, 5000, [collectAccessReads('hr'), dedupeInFlight()]);
    const requests = [departmentRequest('{ worker { name } }', { identity }), departmentRequest('{ worker { name } }', { identity })];
    const before = department.requests;
    const responses = await Promise.all(requests.map((request) => source.process(request)));
    expect(department.requests - before).toBe(1);
    for (const [i, request] of requests.entries()) {
      expect(request.context.reads).toEqual([{ ...READS[0], subgraph: 'hr' }]);
      expect(responses[i].extensions).toEqual({ other: 'kept' });
    }
  });
});
