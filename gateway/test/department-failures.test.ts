import { DepartmentDataSource, translateFailures } from '@jiuye/gateway';
import { GraphQLError } from 'graphql';
import { closedPort, departmentRequest, leaksIn, tinyServer, type TinyServer } from '@jiuye/testing/gateway';

/** Whatever goes wrong on the way to a department becomes SUBGRAPH_UNAVAILABLE for its fields; its own GraphQL refusal stays its answer. */
describe('error translation (department/failures.ts)', () => {
  let answer: { status: number; body: string };
  let department: TinyServer;
  let hung: TinyServer;

  beforeAll(async () => {
    department = await tinyServer((_body, response) => {
      response.statusCode = answer.status;
      response.setHeader('content-type', 'application/json');
      response.end(answer.body);
    });
    hung = await tinyServer();
  });
  afterAll(async () => {
    await department?.close();
    await hung?.close();
  });

  const source = (url: string, timeoutMs = 5000) => new DepartmentDataSource('partner', url, timeoutMs, [translateFailures('partner', timeoutMs)]);
  const failure = async (promise: Promise<unknown>): Promise<GraphQLError> => {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  };
  const QUERY = '{ _entities(representations: $r) { ... on Worker { currentTransfer { employerName } retained } } }';

  it('a 5xx: unavailable, naming the department and its fields, without the URL or the body', async () => {
    answer = { status: 502, body: 'upstream at http://10.0.0.7:4005 exploded' };
    const error = await failure(source(department.url).process(departmentRequest(QUERY, {}, { path: ['worker'] })));
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', department: 'partner', fields: ['currentTransfer', 'retained'] });
    expect(error.path).toEqual(['worker']);
    expect(leaksIn(error.message)).toEqual([]);
  });

  it('no connection, and the deadline: unavailable, with the reason', async () => {
    const refused = await failure(source(`http://127.0.0.1:${await closedPort()}/graphql`).process(departmentRequest(QUERY)));
    expect(refused.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', department: 'partner' });
    const started = Date.now();
    const late = await failure(source(hung.url, 300).process(departmentRequest(QUERY)));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(late.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'TIMEOUT' });
    expect(late.message).toMatch(/did not answer within 300 ms/);
  });

  it('a body that is not JSON: unavailable', async () => {
    answer = { status: 200, body: '<html>proxy error</html>' };
    const error = await failure(source(department.url).process(departmentRequest(QUERY)));
    expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
  });

  it("a 4xx with GraphQL errors is the department's answer, not an outage", async () => {
    const refusal = { message: 'Expected value of type "DivisionCode!", found "53x".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    answer = { status: 400, body: JSON.stringify({ errors: [refusal] }) };
    const response = await source(department.url).process(departmentRequest(QUERY));
    expect(response).toEqual({ errors: [refusal] });
  });
});
