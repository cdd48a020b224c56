import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { checkIdNumber, conflict, InputProblems, parseRowId, todayInChina, type ParsedIdNumber } from '@jiuye/common';

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
