import { DepartmentDataSource, dedupeInFlight } from '@jiuye/gateway';
import type { RequestIdentity } from '@jiuye/common';
import { departmentRequest, jsonDepartment, type TinyServer } from '@jiuye/testing/gateway';

/** Identical queries in flight for callers with the same rights share one fetch; nothing else does. */
const officer = (subject: string, region = '530113001'): RequestIdentity => ({
  subject,
  department: 'hr',
  role: 'officer',
  region,
  permissions: ['reveal'],
  purpose: 'verification',
  requestId: `r-${subject}`,
});
const QUERY = '{ workers { id } }';

describe('dedupe of identical queries in flight (department/dedupe.ts)', () => {
  let department: TinyServer;
  let source: DepartmentDataSource;

  beforeAll(async () => {
    // Slow enough that concurrent calls overlap.
    department = await jsonDepartment(() => ({ data: { workers: [{ id: 'w1' }] } }), 150);
  });
  beforeEach(() => {
    source = new DepartmentDataSource('hr', department.url, 5000, [dedupeInFlight()]);
  });
  afterAll(() => department?.close());

  it('sends one fetch for four callers with the same rights, and gives each its own copy', async () => {
    const before = department.requests;
    const answers = await Promise.all(['a', 'b', 'c', 'd'].map((who) => source.process(departmentRequest(QUERY, { identity: officer(who) }))));
    expect(department.requests - before).toBe(1);
    for (const answer of answers) expect(answer.data).toEqual({ workers: [{ id: 'w1' }] });
    (answers[0].data as any).workers.push({ id: 'changed by one caller' });
    expect(answers[1].data).toEqual({ workers: [{ id: 'w1' }] });
  });

  it('never shares between callers whose rights differ, or different variables', async () => {
    const before = department.requests;
    await Promise.all([
      source.process(departmentRequest(QUERY, { identity: officer('a') })),
      source.process(departmentRequest(QUERY, { identity: officer('b', '530113002') })),
      source.process(departmentRequest(QUERY, { identity: { ...officer('c'), permissions: [] } })),
      source.process(departmentRequest(QUERY, { identity: { ...officer('d'), purpose: 'assistance' } })),
      source.process(departmentRequest(QUERY, { identity: officer('e') }, { variables: { first: 2 } })),
    ]);
    expect(department.requests - before).toBe(5);
  });

  it('never shares mutations, requests without an identity, or requests no longer in flight', async () => {
    const before = department.requests;
    await Promise.all([
      source.process(departmentRequest(QUERY, { identity: officer('a') }, { operation: 'mutation' })),
      source.process(departmentRequest(QUERY, { identity: officer('b') }, { operation: 'mutation' })),
      source.process(departmentRequest(QUERY)),
      source.process(departmentRequest(QUERY)),
    ]);
    await source.process(departmentRequest(QUERY, { identity: officer('a') }));
    await source.process(departmentRequest(QUERY, { identity: officer('a') }));
    expect(department.requests - before).toBe(6);
  });
});
