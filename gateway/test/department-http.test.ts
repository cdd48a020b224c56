import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { departmentFetcher } from '@jiuye/gateway';

/**
 * The gateway's HTTP client to the departments (department/http-fetch.ts): connections kept open
 * and reused, the whole request sent with its length, answers read as fetch's Response is read by
 * @apollo/gateway, and failures named as fetch names them (failures.ts tells TIMEOUT and
 * UNREACHABLE apart by them).
 */
describe('the HTTP client to the departments', () => {
  let server: http.Server;
  let url: string;
  let connections = 0;
  const received: { method?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ method: request.method, headers: request.headers, body });
        if (request.url === '/hang') return; // never answers
        if (request.url === '/refuse') {
          response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'bad divisionCode' }] }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private' }).end(JSON.stringify({ data: { echo: JSON.parse(body) } }));
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  type Answer = { ok: boolean; status: number; url: string; headers: { get(name: string): string | null }; json(): Promise<any>; text(): Promise<string> };
  const send = (fetcher: ReturnType<typeof departmentFetcher>, path: string, body: unknown) =>
    (fetcher as unknown as (url: string, init: object) => Promise<Answer>)(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jiuye-identity': 'signed.identity.token' },
      body: JSON.stringify(body),
    });

  it('sends each request whole (length, headers, body) and reuses one kept-open connection for requests one after another', async () => {
    const fetcher = departmentFetcher(2000);
    const before = connections;
    received.length = 0;
    for (let i = 0; i < 5; i++) {
      const answer = await send(fetcher, '/graphql', { query: '{ worker { name } }', variables: { i, text: '汤丹镇' } });
      expect(answer.ok).toBe(true);
      expect(answer.status).toBe(200);
      expect(answer.url).toBe(`${url}/graphql`);
      expect(answer.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(answer.headers.get('cache-control')).toBe('private');
      expect(answer.headers.get('x-absent')).toBeNull();
      expect(await answer.json()).toEqual({ data: { echo: { query: '{ worker { name } }', variables: { i, text: '汤丹镇' } } } });
    }
    expect(connections - before).toBe(1);
    expect(received).toHaveLength(5);
    for (const request of received) {
      expect(request.method).toBe('POST');
      expect(request.headers['x-jiuye-identity']).toBe('signed.identity.token');
      expect(Number(request.headers['content-length'])).toBe(Buffer.byteLength(request.body));
      expect(request.headers['transfer-encoding']).toBeUndefined();
    }
  });

  it("reads a department's refusal (a 4xx with a GraphQL body) as fetch would", async () => {
    const answer = await send(departmentFetcher(2000), '/refuse', {});
    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ errors: [{ message: 'bad divisionCode' }] });
  });

  it('gives up at the deadline with a TimeoutError', async () => {
    const started = Date.now();
    await expect(send(departmentFetcher(300), '/hang', {})).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("names a department that cannot be reached as fetch does ('fetch failed')", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const fetcher = departmentFetcher(2000) as unknown as (url: string, init: object) => Promise<unknown>;
    await expect(fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});
