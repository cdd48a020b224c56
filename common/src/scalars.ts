import { GraphQLScalarType, Kind, type GraphQLError } from 'graphql';
import { isRealDate } from './dates';
import { divisionLevel, InvalidDivisionCodeError } from './division-code';
import { badInput, codedError, type InputProblems } from './errors';
import { InvalidIdNumberError, parseIdNumber, type ParsedIdNumber } from './id-number';

function scalarError(message: string): GraphQLError {
  return codedError(message, 'BAD_USER_INPUT');
}

export const DivisionCodeScalar: GraphQLScalarType<string, string> = new GraphQLScalarType<string, string>({
  name: 'DivisionCode',
  description: '统计用区划代码 — statistical division code: province 2, city 4, county 6, township 9 or village 12 digits.',
  serialize: (value) => String(value),
  parseValue(value) {
    if (typeof value !== 'string') throw scalarError('DivisionCode: expected a string of digits');
    try {
      divisionLevel(value);
    } catch (error) {
      if (error instanceof InvalidDivisionCodeError) throw scalarError(`DivisionCode: ${error.message}`);
      throw error;
    }
    return value;
  },
  parseLiteral(ast): string {
    if (ast.kind !== Kind.STRING) throw scalarError('DivisionCode: expected a string of digits');
    return DivisionCodeScalar.parseValue(ast.value) as string;
  },
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  return isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export const LocalDateScalar: GraphQLScalarType<string, string> = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time zone, YYYY-MM-DD.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isLocalDate(value)) {
      throw scalarError('LocalDate: expected a real date written YYYY-MM-DD');
    }
    return value;
  },
  parseLiteral(ast): string {
    if (ast.kind !== Kind.STRING) throw scalarError('LocalDate: expected a string YYYY-MM-DD');
    return LocalDateScalar.parseValue(ast.value) as string;
  },
});

/** Validates an ID number given as an argument or input field; the error names the field and the problem. */
export function requireIdNumber(value: string, field = 'idNumber'): ParsedIdNumber {
  try {
    return parseIdNumber(value);
  } catch (error) {
    if (error instanceof InvalidIdNumberError) throw badInput(field, error.message, error.problem);
    throw error;
  }
}

export function requireDivisionCode(value: string, field: string): string {
  try {
    divisionLevel(value);
    return value;
  } catch (error) {
    if (error instanceof InvalidDivisionCodeError) throw badInput(field, error.message, 'DIVISION_CODE');
    throw error;
  }
}

/** Today's date in China Standard Time, YYYY-MM-DD: officials' days end at midnight Beijing time. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Checks an ID number into a list of problems instead of throwing; returns it parsed when valid. */
export function checkIdNumber(problems: InputProblems, value: string, field: string): ParsedIdNumber | null {
  try {
    return parseIdNumber(value);
  } catch (error) {
    if (error instanceof InvalidIdNumberError) {
      problems.add(field, error.message, error.problem);
      return null;
    }
    throw error;
  }
}
