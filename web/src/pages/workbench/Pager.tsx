import { useState } from 'react';

/** Keyset paging state: the cursors of the pages seen (next = the answer's endCursor, back = pop). */
export function useCursors(): { after: string | null; pageNumber: number; next(cursor: string): void; back(): void; reset(): void } {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    after: cursors.at(-1) ?? null,
    pageNumber: cursors.length + 1,
    next: (cursor) => setCursors((previous) => [...previous, cursor]),
    back: () => setCursors((previous) => previous.slice(0, -1)),
    reset: () => setCursors([]),
  };
}

export function Pager({ cursors, pageInfo, loading }: { cursors: ReturnType<typeof useCursors>; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; loading: boolean }) {
  return (
    <p className="pager">
      <button type="button" disabled={cursors.pageNumber === 1 || loading} onClick={cursors.back}>
        上一页
      </button>
      <button type="button" disabled={!pageInfo.hasNextPage || !pageInfo.endCursor || loading} onClick={() => pageInfo.endCursor && cursors.next(pageInfo.endCursor)}>
        下一页
      </button>
    </p>
  );
}
