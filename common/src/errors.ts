import { GraphQLError } from 'graphql';

/**
 * Errors a user can act on carry a code and the argument or input field that was wrong.
 * Anything else is masked by the server (see subgraph.ts) and logged with a request id.
 */
export function badInput(field: string, message: string, reason?: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) },
  });
}

export function notFound(what: string, field?: string): GraphQLError {
  return new GraphQLError(`${what} was not found`, {
    extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) },
  });
}

export function conflict(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'CONFLICT', field } });
}

/** Collects every problem of an input before failing, so one round trip shows them all. */
export class InputProblems {
  private readonly problems: { field: string; message: string; reason?: string }[] = [];

  add(field: string, message: string, reason?: string): this {
    this.problems.push(reason ? { field, message, reason } : { field, message });
    return this;
  }

  check(condition: boolean, field: string, message: string, reason?: string): this {
    if (!condition) this.add(field, message, reason);
    return this;
  }

  get empty(): boolean {
    return this.problems.length === 0;
  }

  throwIfAny(): void {
    if (this.empty) return;
    const [first] = this.problems;
    throw new GraphQLError(this.problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      extensions: {
        code: 'BAD_USER_INPUT',
        field: first.field,
        ...(first.reason ? { reason: first.reason } : {}),
        problems: this.problems,
      },
    });
  }
}

export function isUserFacing(error: unknown): boolean {
  const code = (error as GraphQLError)?.extensions?.code;
  return (
    typeof code === 'string' &&
    ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'PURPOSE_REQUIRED', 'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE'].includes(code)
  );
}
