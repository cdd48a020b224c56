import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type OperationDefinitionNode } from 'graphql';
import { currentSession } from '../auth/session';
import { departmentsUnavailable, retryScheduled } from './notices';

/**
 * The GraphQL client: one POST to /graphql (same origin) with the signed-in account's bearer
 * token and, when the page declared one, the purpose of use (x-purpose). No client cache: pages
 * poll what they show. Errors keep the server's extensions (code, field problems) so a page can
 * put a field's problem next to the field.
 *
 * Under load the gateway answers 503 OVERLOADED with Retry-After before it reads the request: the
 * request is sent again after Retry-After (at most 30 s, plus up to half again at random, so the
 * waiting clients do not return together), up to MAX_ATTEMPTS in all, while the shell says
 * 系统繁忙，N 秒后自动重试. A mutation is sent again only on OVERLOADED (nothing of it ran); any
 * other 503 may have done something and is the page's to show. A query's answer that lacks a
 * department (its fields null, SUBGRAPH_UNAVAILABLE) is a partial answer, not a failure: the data
 * comes back and the shell names the department whose data is missing.
 */

/** One problem with one input field, as the services report it (extensions.problems). */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; problems?: FieldProblem[]; requestId?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorEntry[],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** The first error's code (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, PURPOSE_REQUIRED …). */
  get code(): string | undefined {
    return this.errors.find((error) => error.extensions?.code)?.extensions?.code;
  }

  /** Field problems by field name, for messages next to form fields. */
  get fieldProblems(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.errors) for (const problem of error.extensions?.problems ?? []) byField[problem.field] ??= problem.message;
    return byField;
  }
}

export interface RequestOptions {
  /** x-purpose: why person-level data is read (verification, assistance, …). */
  purpose?: string;
  signal?: AbortSignal;
  /** Another token than the session's (tests, the sign-in check). */
  token?: string;
}

/** Attempts of one request while the gateway sheds load: the first and up to three retries. */
export const MAX_ATTEMPTS = 4;
/** The longest Retry-After honoured; a longer one is waited for this long. */
const MAX_RETRY_AFTER_SECONDS = 30;

const printed = new WeakMap<object, string>();

function queryText(document: TypedDocumentNode<unknown, unknown>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

function operationOf(document: TypedDocumentNode<unknown, unknown>): { type: string; name: string } {
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return { type: operation?.operation ?? 'query', name: operation?.name?.value ?? 'anonymous' };
}

/** Retry-After in seconds (a number or an HTTP date), at least 1 and at most MAX_RETRY_AFTER_SECONDS; null without one. */
function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('retry-after')?.trim();
  if (!header) return null;
  const seconds = /^\d+$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, seconds));
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

type Body<TData> = { data?: TData | null; errors?: GraphQLErrorEntry[] };

async function readBody<TData>(response: Response): Promise<Body<TData> | null> {
  try {
    return (await response.json()) as Body<TData>;
  } catch {
    return null;
  }
}

export async function graphqlRequest<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options: RequestOptions = {}): Promise<TData> {
  const token = options.token ?? currentSession()?.token;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.purpose) headers['x-purpose'] = options.purpose;
  const operation = operationOf(document as TypedDocumentNode<unknown, unknown>);
  const request = { query: queryText(document as TypedDocumentNode<unknown, unknown>), variables };
  for (let attempt = 1; ; attempt++) {
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(request), signal: options.signal });
    const body = await readBody<TData>(response);
    if (response.status === 503) {
      const errors = body?.errors ?? [];
      const overloaded = errors.some((error) => error.extensions?.code === 'OVERLOADED');
      const seconds = retryAfterSeconds(response);
      // Load shedding refuses before the request is read: nothing ran, so even a mutation may go again.
      if (seconds !== null && (overloaded || operation.type === 'query')) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new GraphQLRequestError(`系统繁忙，已自动重试 ${MAX_ATTEMPTS - 1} 次仍未成功，请稍后再试`, 503, errors);
        }
        const waitMs = Math.round(seconds * 1000 * (1 + Math.random() * 0.5));
        retryScheduled(request, Date.now() + waitMs);
        try {
          await pause(waitMs, options.signal);
        } finally {
          retryScheduled(request, null);
        }
        continue;
      }
      if (overloaded) throw new GraphQLRequestError('系统繁忙，请稍后再试', 503, errors);
    }
    if (body === null) throw new GraphQLRequestError(`服务器返回了无法解析的应答（HTTP ${response.status}）`, response.status, []);
    const errors = body.errors ?? [];
    // A query answered without one or more departments: their fields are null, the rest stands.
    const missing = errors.every((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE')
      ? [...new Set(errors.map((error) => String(error.extensions?.department ?? '')).filter(Boolean))]
      : [];
    if (operation.type === 'query' && response.ok && body.data != null && errors.length > 0 && missing.length > 0) {
      departmentsUnavailable(operation.name, missing);
      return body.data;
    }
    if (errors.length) throw new GraphQLRequestError(errors.map((error) => error.message).join('；'), response.status, errors);
    if (!response.ok || body.data == null) throw new GraphQLRequestError(`请求失败（HTTP ${response.status}）`, response.status, []);
    if (operation.type === 'query') departmentsUnavailable(operation.name, []);
    return body.data;
  }
}
