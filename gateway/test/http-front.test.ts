import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { HttpError, serveGraphQL, type RunningHttpServer } from '@jiuye/common';
import { captureLog } from '@jiuye/testing/gateway';

/**
 * The HTTP front hands what authenticate() returned, typed, to the context builder, the routes
 * and the downloads of the same request: no side channel keyed by the request.
 */
interface Caller {
  name: string;
}

describe('the HTTP front passes the caller it authenticated', () => {
  let http: RunningHttpServer;
  let server: ApolloServer<{ caller: Caller }>;
  const base = () => http.url.replace(/\/graphql$/, '');

  beforeAll(async () => {
    server = new ApolloServer<{ caller: Caller }>({
      typeDefs: 'type Query { whoami: String }',
      resolvers: { Query: { whoami: (_: unknown, __: unknown, { caller }: { caller: Caller }) => caller.name } },
    });
    await server.start();
    http = await serveGraphQL<{ caller: Caller }, Caller>(server, {
      port: 0,
      host: '127.0.0.1',
      logger: captureLog().logger,
      async authenticate(request: IncomingMessage) {
        const name = request.headers['x-name'];
        if (typeof name !== 'string') throw new HttpError(401, 'who are you?', 'UNAUTHENTICATED');
        return { name };
      },
      context: async (_request, _requestId, caller) => ({ caller }),
      routes: { '/echo': async (_request, body, _requestId, caller) => ({ caller: caller.name, body }) },
      downloads: {
        prefix: '/files/',
        async handle(_request, response, url, _requestId, caller) {
          response.end(`${url.pathname} for ${caller.name}`);
        },
      },
    });
  });
  afterAll(async () => {
    await http?.close();
    await server?.stop();
  });

  it('to the GraphQL context', async () => {
    const response = await fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-name': 'li-si' }, body: JSON.stringify({ query: '{ whoami }' }) });
    expect(await response.json()).toEqual({ data: { whoami: 'li-si' } });
  });

  it('to the routes and the downloads', async () => {
    const echo = await fetch(`${base()}/echo`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-name': 'wang-wu' }, body: '{"n":1}' });
    expect(await echo.json()).toEqual({ caller: 'wang-wu', body: { n: 1 } });
    const file = await fetch(`${base()}/files/a.csv`, { headers: { 'x-name': 'zhao-liu' } });
    expect(await file.text()).toBe('/files/a.csv for zhao-liu');
  });

  it('and nothing runs for a request it refuses', async () => {
    for (const response of [
      await fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ whoami }' }) }),
      await fetch(`${base()}/echo`, { method: 'POST', body: '{}' }),
      await fetch(`${base()}/files/a.csv`),
    ]) {
      expect(response.status).toBe(401);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
