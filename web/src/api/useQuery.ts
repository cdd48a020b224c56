import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphqlRequest, GraphQLRequestError, type RequestOptions } from './client';

export interface QueryState<TData> {
  data: TData | undefined;
  error: GraphQLRequestError | undefined;
  loading: boolean;
  /** When the last answer arrived. */
  updatedAt: Date | undefined;
  refetch(): void;
}

export interface UseQueryOptions extends Pick<RequestOptions, 'purpose'> {
  /** Ask again every pollMs milliseconds (one request per cycle; none while one is in flight). */
  pollMs?: number;
  /** Do not ask (e.g. before the purpose is declared). */
  skip?: boolean;
}

/** Runs a typed document, again when its variables change and every pollMs; keeps the last data while refreshing. */
export function useQuery<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, options: UseQueryOptions = {}): QueryState<TData> {
  const [state, setState] = useState<Omit<QueryState<TData>, 'refetch'>>({ data: undefined, error: undefined, loading: !options.skip, updatedAt: undefined });
  const key = JSON.stringify(variables);
  const inFlight = useRef<AbortController | null>(null);
  const busy = useRef(false);
  const [tick, setTick] = useState(0);
  const refetch = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    inFlight.current?.abort();
    inFlight.current = controller;
    busy.current = true;
    setState((previous) => ({ ...previous, loading: true }));
    graphqlRequest(document, JSON.parse(key) as TVariables, { purpose: options.purpose, signal: controller.signal }).then(
      (data) => {
        busy.current = false;
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false, updatedAt: new Date() });
      },
      (error: unknown) => {
        busy.current = false;
        if (controller.signal.aborted) return;
        const failure = error instanceof GraphQLRequestError ? error : new GraphQLRequestError(`网络错误：${(error as Error).message}`, 0, []);
        setState((previous) => ({ ...previous, error: failure, loading: false }));
      },
    );
    return () => controller.abort();
  }, [document, key, options.purpose, options.skip, tick]);

  useEffect(() => {
    if (!options.pollMs || options.skip) return;
    const timer = setInterval(() => {
      if (busy.current) return; // the previous cycle's request is still out: skip, never stack
      setTick((n) => n + 1);
    }, options.pollMs);
    return () => clearInterval(timer);
  }, [document, options.pollMs, options.skip]);

  return { ...state, refetch };
}
