import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { currentSession } from '../../auth/session';
import { GraphQLRequestError, type GraphQLErrorEntry } from '../../api/client';

/**
 * A query whose answer may be partial: the federated worker card asks every department, and a
 * department may refuse a field to this account (FORBIDDEN on that path) while the others
 * answer. The card shows what came and names what was refused; only an answer without data fails.
 */
export async function partialRequest<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  purpose: string,
): Promise<{ data: TData; errors: GraphQLErrorEntry[] }> {
  const token = currentSession()?.token;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'x-purpose': purpose };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: print(document), variables }) });
  let body: { data?: TData | null; errors?: GraphQLErrorEntry[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLRequestError(`服务器返回了无法解析的应答（HTTP ${response.status}）`, response.status, []);
  }
  const errors = body.errors ?? [];
  if (body.data == null) throw new GraphQLRequestError(errors.map((error) => error.message).join('；') || `请求失败（HTTP ${response.status}）`, response.status, errors);
  return { data: body.data, errors };
}

/** The account's permissions from its token's claims (the gateway decides; the page only hides what would be refused). */
export function sessionPermissions(): string[] {
  const token = currentSession()?.token;
  const payload = token?.split('.')[1];
  if (!payload) return [];
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { perms?: unknown };
    return Array.isArray(claims.perms) ? claims.perms.filter((perm): perm is string => typeof perm === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Field problems keyed by the input field's name (the server names them input.verifiedOn …):
 * every problem of an InputProblems answer (extensions.problems), and the one field of a
 * single-field error (badInput, conflict, notFound: extensions.field, message "field: …").
 */
export function problemsByField(error: GraphQLRequestError): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldProblems)) byField[field.replace(/^input\./, '')] ??= message;
  for (const entry of error.errors) {
    const field = entry.extensions?.field;
    if (typeof field !== 'string' || entry.extensions?.problems?.length) continue;
    const message = entry.message.startsWith(`${field}: `) ? entry.message.slice(field.length + 2) : entry.message;
    byField[field.replace(/^input\./, '')] ??= message;
  }
  return byField;
}
