import { DepartmentDataSource } from '@jiuye/gateway';
import { INTERNAL_IDENTITY_HEADER, verifyInternalIdentity, type RequestIdentity } from '@jiuye/common';
import { TEST_INTERNAL_SIGNING_KEY } from '@jiuye/testing/harness';
import { departmentRequest, tinyServer, type TinyServer } from '@jiuye/testing/gateway';

/** Every request to a department carries the gateway's request id and the identity it vouches for, signed once per request. */
describe('the identity headers (department/identity-headers.ts)', () => {
  let department: TinyServer;
  const seen: Record<string, string | undefined>[] = [];
  beforeAll(async () => {
    department = await tinyServer((_body, response, request) => {
      seen.push({ requestId: request.headers['x-request-id'] as string | undefined, identity: request.headers[INTERNAL_IDENTITY_HEADER] as string | undefined });
      response.setHeader('content-type', 'application/json');
      response.end('{"data":{"ok":true}}');
    });
  });
  afterAll(() => department?.close());

  it('sends the request id and the signed identity, signing once for all fetches of a request', async () => {
    const identity: RequestIdentity = {
      subject: 'officer-1',
      department: 'hr',
      role: 'officer',
      region: '530113',
      permissions: [],
      purpose: 'verification',
      requestId: 'request-7',
    };
    const source = new DepartmentDataSource('hr', department.url, 5000);
    const first = departmentRequest('{ ok }', { requestId: 'request-7', identity });
    await source.process(first);
    const signed = first.context.signedIdentity;
    expect(signed).toBeDefined();
    await source.process(departmentRequest('{ ok }', first.context));
    expect(first.context.signedIdentity).toBe(signed);
    expect(seen.map((s) => s.requestId)).toEqual(['request-7', 'request-7']);
    expect(await verifyInternalIdentity(seen[0].identity!, TEST_INTERNAL_SIGNING_KEY)).toMatchObject({
      subject: 'officer-1',
      region: '530113',
      purpose: 'verification',
      requestId: 'request-7',
    });
  });

  it('sends no identity header without an identity (the department then answers nothing)', async () => {
    seen.length = 0;
    await new DepartmentDataSource('hr', department.url, 5000).process(departmentRequest('{ ok }', { requestId: 'anonymous' }));
    expect(seen).toEqual([{ requestId: 'anonymous', identity: undefined }]);
  });
});
