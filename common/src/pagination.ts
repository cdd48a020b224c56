import { ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
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

export function decodeCursor(cursor: string | null | undefined, field = 'after'): string | number | null {
  if (cursor == null) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'string' || typeof key === 'number') return key;
  } catch {
    /* fall through */
  }
  throw badInput(field, 'not a cursor returned by this list (use pageInfo.endCursor)', 'CURSOR');
}

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
