import { GraphQLError } from 'graphql';
import { badInput, codedError, ERROR_CODES, forbidden, hasErrorCode, InputProblems, isUserFacing, notFound, USER_FACING_ERROR_CODES, userFacingCode } from '@jiuye/common';

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
