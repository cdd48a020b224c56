import { ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
import type { GraphQLError } from 'graphql';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 500;

@ObjectType({ description: 'Where a page stands in its list.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** Keyset pagination: the cursor is the sort key of the last row, opaque to clients. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The one answer to an `after` that no list of ours returned (forged, edited or from another list). */
export function notACursor(field = 'after'): GraphQLError {
  return badInput(field, 'not a cursor returned by this list (use pageInfo.endCursor)', 'CURSOR');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): string | number | null {
  if (cursor == null) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'string' || typeof key === 'number') return key;
  } catch {
    /* fall through */
  }
  throw notACursor(field);
}

/** Keyset over serial ids (toPage's key `row.id`): the id after which the page starts; null for the first page. */
export function decodeIdCursor(cursor: string | null | undefined, field = 'after'): number | null {
  const key = decodeCursor(cursor, field);
  if (key !== null && (typeof key !== 'number' || !Number.isInteger(key) || key < 0)) throw notACursor(field);
  return key;
}

/** Keyset over one text column whose values match `pattern` (e.g. household codes). */
export function decodeTextCursor(cursor: string | null | undefined, pattern: RegExp, field = 'after'): string | null {
  const key = decodeCursor(cursor, field);
  if (key !== null && (typeof key !== 'string' || !pattern.test(key))) throw notACursor(field);
  return key;
}

/** The separator of a composite keyset cursor's parts (compositeKey / decodeCompositeCursor). */
export const CURSOR_PART_SEPARATOR = '|';

/** A key of several sort columns for toPage: compositeKey([villageCode, id]). */
export function compositeKey(parts: readonly (string | number)[], separator = CURSOR_PART_SEPARATOR): string {
  return parts.join(separator);
}

/**
 * The parts of a composite cursor, each checked by the test at its position (as many parts as
 * tests); null for the first page.
 */
export function decodeCompositeCursor(
  cursor: string | null | undefined,
  tests: readonly ((part: string) => boolean)[],
  options: { separator?: string; field?: string } = {},
): string[] | null {
  const field = options.field ?? 'after';
  const key = decodeCursor(cursor, field);
  if (key === null) return null;
  // compositeKey gives a string, always: a number was never handed out.
  if (typeof key !== 'string') throw notACursor(field);
  const parts = key.split(options.separator ?? CURSOR_PART_SEPARATOR);
  if (parts.length !== tests.length || !tests.every((test, i) => test(parts[i]))) throw notACursor(field);
  return parts;
}

/** A part that is there (composite cursors' free-text parts, e.g. a worker id). */
export const nonEmptyPart = (part: string): boolean => part !== '';

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(field, `page size must be from 1 to ${MAX_PAGE_SIZE}`, 'PAGE_SIZE');
  }
  return first;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** Builds a page from rows fetched with limit first + 1. */
export function toPage<T>(rows: T[], first: number, totalCount: number, keyOf: (row: T) => string | number): Page<T> {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage, endCursor: last === undefined ? null : encodeCursor(keyOf(last)) },
  };
}

/** Generic page type: `@ObjectType() class WorkerPage extends PageType(Worker) {}`. */
export function PageType<T extends object>(item: new (...args: any[]) => T) {
  @ObjectType()
  abstract class PageClass {
    @Field(() => [item])
    nodes: T[];

    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return PageClass;
}
