import { GraphQLError } from 'graphql';
import {
  badInput,
  codedError,
  ERROR_CODES,
  forbidden,
  formatError,
  hasErrorCode,
  InputProblems,
  isDatabaseUnavailable,
  isUserFacing,
  notFound,
  USER_FACING_ERROR_CODES,
  userFacingCode,
} from '@jiuye/common';

describe('error codes', () => {
  it('are one list without repeats', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('pass the user-facing ones and mask the rest', () => {
    for (const code of USER_FACING_ERROR_CODES) expect(isUserFacing(codedError('x', code))).toBe(true);
    expect(isUserFacing(codedError('x', 'INTERNAL_SERVER_ERROR'))).toBe(false);
    expect(isUserFacing(codedError('x', 'SUBGRAPH_UNAVAILABLE'))).toBe(false);
    expect(isUserFacing(new GraphQLError('x', { extensions: { code: 'SOMETHING_ELSE' } }))).toBe(false);
    expect(isUserFacing(new Error('x'))).toBe(false);
    expect(isUserFacing(null)).toBe(false);
    expect(userFacingCode({ extensions: { code: 'NOT_FOUND' } })).toBe('NOT_FOUND');
  });

  it('are what the constructors put in extensions, with the field and reason', () => {
    expect(badInput('input.x', 'wrong', 'WHY').extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.x', reason: 'WHY' });
    expect(notFound('a worker').extensions).toEqual({ code: 'NOT_FOUND' });
    expect(forbidden('no', 'because').extensions).toEqual({ code: 'FORBIDDEN', reason: 'because' });
    expect(hasErrorCode(notFound('a worker', 'idNumber'), 'NOT_FOUND')).toBe(true);
    let thrown: unknown;
    try {
      new InputProblems().add('a', 'one').add('b', 'two', 'R').throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as GraphQLError).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'a',
      problems: [
        { field: 'a', message: 'one' },
        { field: 'b', message: 'two', reason: 'R' },
      ],
    });
  });
});

describe("a subgraph's formatError", () => {
  it('passes on SUBGRAPH_UNAVAILABLE from a department it had to ask (an access authority), masks everything else', () => {
    const authority = new GraphQLError('cannot check access: the hr department does not answer', {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'hr' },
      originalError: new Error('The operation was aborted due to timeout'),
    });
    const formatted = formatError({ message: authority.message, path: ['worker'], extensions: { ...authority.extensions, stacktrace: ['at x'] } }, authority);
    expect(formatted).toEqual({
      message: 'cannot check access: the hr department does not answer',
      path: ['worker'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', department: 'hr' },
    });

    const unexpected = new Error('relation "x" does not exist');
    expect(formatError({ message: unexpected.message, path: ['worker'] }, unexpected)).toEqual({
      message: 'Internal error; quote the request id to the operators',
      path: ['worker'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it("counts knex's answer for a transaction whose connection died as the database being unavailable", () => {
    expect(isDatabaseUnavailable(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('query already complete'))).toBe(false);
  });
});
