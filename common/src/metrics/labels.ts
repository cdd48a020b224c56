/**
 * Label values a client can influence (operation names, error codes) are bounded: the first
 * `max` distinct well-formed values keep their own series, everything after (and anything not
 * shaped like a GraphQL name) is counted as "other". Someone sending random operation names
 * fills the bound once and adds nothing after it; the registry cannot grow without limit.
 */
export class BoundedLabel {
  private readonly admitted = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly pattern: RegExp,
    private readonly overflow = 'other',
    /** Values that are always their own label, outside the bound. */
    private readonly reserved: ReadonlySet<string> = new Set(),
  ) {}

  /** The label for a value: itself while the bound allows, else the overflow value. */
  of(value: string): string {
    if (this.reserved.has(value)) return value;
    if (!this.pattern.test(value)) return this.overflow;
    if (this.admitted.has(value)) return value;
    if (this.admitted.size >= this.max) return this.overflow;
    this.admitted.add(value);
    return value;
  }

  get size(): number {
    return this.admitted.size;
  }
}

/** Operation names kept as their own series per process (graphql names: letters, digits, _). */
export const MAX_OPERATION_LABELS = 100;
/** Distinct error codes kept per process (UPPER_SNAKE like every code the services answer). */
export const MAX_ERROR_CODE_LABELS = 40;

export const ANONYMOUS_OPERATION = 'anonymous';
/** The document did not parse or validate: no operation to name. */
export const UNRESOLVED_OPERATION = 'unresolved';

export function operationLabels(max = MAX_OPERATION_LABELS): BoundedLabel {
  return new BoundedLabel(max, /^[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'other', new Set([ANONYMOUS_OPERATION, UNRESOLVED_OPERATION]));
}

export function errorCodeLabels(max = MAX_ERROR_CODE_LABELS): BoundedLabel {
  return new BoundedLabel(max, /^[A-Z][A-Z0-9_]{0,47}$/, 'OTHER');
}
