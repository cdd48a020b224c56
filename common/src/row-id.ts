import { badInput } from './errors';

/**
 * The id of a row with a serial key, as it arrives in a GraphQL ID (a string): a positive
 * whole number that fits PostgreSQL's integer. Anything else ("1e3", "-1", "9999999999") is
 * not one of our ids, and must be refused before it reaches SQL.
 */
export function parseRowId(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 2_147_483_647 ? id : null;
}

export function isRowId(value: string | number | null | undefined): boolean {
  return parseRowId(value) !== null;
}

/** The row id, or BAD_USER_INPUT on the field: "not a <what> id". */
export function requireRowId(value: string | number, field: string, what: string): number {
  const id = parseRowId(value);
  if (id === null) throw badInput(field, `not a ${what} id`);
  return id;
}
