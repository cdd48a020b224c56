import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { currentSession } from '../auth/session';

/**
 * The GraphQL client: one POST to /graphql (same origin) with the signed-in account's bearer
 * token and, when the page declared one, the purpose of use (x-purpose). No client cache: pages
 * poll what they show. Errors keep the server's extensions (code, field problems) so a page can
 * put a field's problem next to the field.
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

const printed = new WeakMap<object, string>();

function queryText(document: TypedDocumentNode<unknown, unknown>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

export async function graphqlRequest<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options: RequestOptions = {}): Promise<TData> {
  const token = options.token ?? currentSession()?.token;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.purpose) headers['x-purpose'] = options.purpose;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: queryText(document as TypedDocumentNode<unknown, unknown>), variables }),
    signal: options.signal,
  });
  let body: { data?: TData | null; errors?: GraphQLErrorEntry[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`服务器返回了无法解析的应答（HTTP ${response.status}）`, response.status, []);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((error) => error.message).join('；'), response.status, body.errors);
  if (!response.ok || body.data == null) throw new GraphQLRequestError(`请求失败（HTTP ${response.status}）`, response.status, []);
  return body.data;
}
