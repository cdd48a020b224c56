/**
 * How update* inputs read (issue 13): a field left out keeps its value, an explicit null clears an
 * optional (nullable) field, a value replaces it. null on a required field is refused, naming the
 * field. GraphQL keeps the difference: a field left out arrives as undefined, an explicit null as
 * null (type-graphql builds the input object with the given fields only).
 */

export const NOT_CLEARABLE = 'is required and cannot be cleared: leave it out to keep its value';

/** Where the refusals go: common's InputProblems or a department's own check (hr's InputCheck). */
interface ProblemSink {
  add(field: string, message: string): unknown;
}

/** A problem for each required field the input sets to null: `input.<field>` is required and cannot be cleared. */
export function refuseClearing<T extends object>(problems: ProblemSink, input: T, required: readonly (keyof T & string)[], prefix = 'input'): void {
  for (const field of required) if (input[field] === null) problems.add(`${prefix}.${field}`, NOT_CLEARABLE);
}

/** An optional field's new value: left out → the current one, null → cleared, else the given one. */
export function patched<T>(given: T | null | undefined, current: T | null): T | null {
  return given === undefined ? current : given;
}

/** The description an update input carries: which fields null clears (none: null is refused on every field). */
export function updateInputDescription(what: string, clearable: readonly string[]): string {
  const clears = clearable.length
    ? `an explicit null clears ${clearable.join(', ')}; null on any other field is refused (BAD_USER_INPUT naming it)`
    : 'null on a field is refused (BAD_USER_INPUT naming it): every field here is required';
  return `${what} Fields left out stay as they are; ${clears}. The change history records old → new (or old → null).`;
}
