import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  checkIdNumber,
  conflict,
  creditCodeProblem,
  divisionLevel,
  InputProblems,
  isValidDivisionCode,
  parseRowId,
  todayInChina,
  type DivisionLevel,
  type ParsedIdNumber,
} from '@jiuye/common';
import { DivisionRecord } from './division/division.entity';

/**
 * Collects every problem of a mutation's input before anything is read or written
 * (InputProblems from common, each problem with its field and, for ID numbers, its reason:
 * LENGTH, LOWERCASE_X, BIRTH_DATE, CHECK_CHARACTER…), plus the checks hr's inputs repeat.
 */
export class InputCheck {
  private readonly problems = new InputProblems();

  /** Validates an ID number; null (and a problem recorded) when it is malformed. */
  idNumber(value: string, field: string): ParsedIdNumber | null {
    return checkIdNumber(this.problems, value, field);
  }

  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.add(field, message);
    return this;
  }

  add(field: string, message: string): this {
    this.problems.add(field, message);
    return this;
  }

  /** Text that must be given, trimmed, within a length range; returns the trimmed text. */
  text(value: string | null | undefined, field: string, min: number, max: number): string {
    const trimmed = (value ?? '').trim();
    this.check(trimmed.length >= min && trimmed.length <= max, field, `give ${min} to ${max} characters`);
    return trimmed;
  }

  /** Optional text: null when left out or blank, else trimmed within a length range. */
  optionalText(value: string | null | undefined, field: string, min: number, max: number): string | null {
    if (value == null || value.trim() === '') return null;
    return this.text(value, field, min, max);
  }

  /** A whole number within a range (GraphQL Int already refuses fractions; this names the range). */
  integer(value: number, field: string, min: number, max: number): this {
    return this.check(Number.isInteger(value) && value >= min && value <= max, field, `a whole number from ${min} to ${max}`);
  }

  /** A division code of one of these levels (any level when none given). */
  divisionCode(value: string, field: string, levels?: readonly DivisionLevel[]): this {
    if (!isValidDivisionCode(value)) return this.add(field, 'not a division code (2, 4, 6, 9 or 12 digits)');
    if (levels && !levels.includes(divisionLevel(value))) this.add(field, `must be a ${levels.map((l) => l.toLowerCase()).join(' or ')} code`);
    return this;
  }

  /** 统一社会信用代码 (GB 32100), check character included; returns it trimmed. */
  creditCode(value: string, field: string): string {
    const trimmed = value.trim();
    const problem = creditCodeProblem(trimmed);
    if (problem) this.problems.add(field, problem, 'CREDIT_CODE');
    return trimmed;
  }

  /** A date that must not lie after today (China time): records describe what happened. */
  notInFuture(day: string, field: string): this {
    return this.check(day <= todayInChina(), field, 'must not be after today');
  }

  /** An id argument of a serial key (GraphQL ID arrives as a string). */
  recordId(value: string, field: string, what: string): number {
    const id = parseRowId(value);
    this.check(id !== null, field, `not ${what} id`);
    return id ?? 0;
  }

  throwIfAny(): void {
    this.problems.throwIfAny();
  }

  /** The problems so far (field and message), for the spreadsheet import's row report. */
  list(): readonly { field: string; message: string }[] {
    return this.problems.list();
  }
}

/**
 * Turns a unique-index violation raised at commit (two clerks racing for the same post or
 * worker) into the same CONFLICT the service's own check gives; anything else propagates.
 */
export async function conflictOnUnique<T>(work: Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(field, message);
    throw error;
  }
}

/** A division of the catalogue (hr's division table): BAD_USER_INPUT naming the field when the code is well formed but unknown. */
export async function requireKnownDivision(em: EntityManager, code: string, field: string): Promise<DivisionRecord> {
  const division = await em.findOne(DivisionRecord, { code });
  if (!division) throw badInput(field, 'no such division in the catalogue');
  return division;
}
