import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { conflict, InputProblems, requireIdNumber, todayInChina, type ParsedIdNumber } from '@jiuye/common';

/** 户编号: the 12-digit village code + a 4-digit sequence. */
export const HOUSEHOLD_CODE_PATTERN = /^\d{16}$/;
/** A mainland mobile number as recorded by the township (11 digits, 1[3-9]…). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * Collects every problem of a mutation's input before anything is read or written
 * (InputProblems from common), with one addition: when the ID number is the only problem, the
 * error is requireIdNumber's own, so that extensions.reason tells the clerk what is wrong with it
 * (LENGTH, LOWERCASE_X, BIRTH_DATE, CHECK_CHARACTER…). InputProblems has no per-problem reason,
 * so with several problems the ID number's message is listed like the others.
 */
export class InputCheck {
  private readonly problems = new InputProblems();
  private count = 0;
  private idError: GraphQLError | null = null;

  /** Validates an ID number; null (and a problem recorded) when it is malformed. */
  idNumber(value: string, field: string): ParsedIdNumber | null {
    try {
      return requireIdNumber(value, field);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      this.idError ??= error;
      this.add(field, error.message.replace(`${field}: `, ''));
      return null;
    }
  }

  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.add(field, message);
    return this;
  }

  add(field: string, message: string): this {
    this.problems.add(field, message);
    this.count++;
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
    const id = Number(value);
    const valid = /^\d{1,10}$/.test(String(value)) && Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;
    this.check(valid, field, `not ${what} id`);
    return valid ? id : 0;
  }

  throwIfAny(): void {
    if (this.count === 1 && this.idError) throw this.idError;
    this.problems.throwIfAny();
  }
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
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

