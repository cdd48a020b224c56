import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../context';
import { forwardIdentity } from './identity-headers';
import { departmentFetcher } from './http-fetch';

export type DepartmentRequest = GraphQLDataSourceProcessOptions<GatewayContext>;
export type DepartmentResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
/** One call to a department, as the next step sees it. */
export type DepartmentFetch = (request: DepartmentRequest) => Promise<DepartmentResponse>;
/**
 * One concern on the way to a department and back (dedupe, access-log collection, error
 * translation, counting), each in its own file under department/ with its own test. A step
 * wraps the rest of the chain: it may answer without calling `next`, or change what comes back.
 */
export type DepartmentStep = (next: DepartmentFetch) => DepartmentFetch;

/**
 * One department's subgraph: @apollo/gateway's HTTP data source, with the signed identity and
 * request id on every request (identity-headers.ts), keep-alive HTTP with the per-department
 * deadline (http-fetch.ts), and the steps given, the first outermost.
 */
export class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly chain: DepartmentFetch;

  constructor(
    readonly department: string,
    url: string,
    readonly timeoutMs: number,
    steps: DepartmentStep[] = [],
  ) {
    super({ url, fetcher: departmentFetcher(timeoutMs) });
    this.chain = steps.reduceRight<DepartmentFetch>(
      (next, step) => step(next),
      (request) => super.process(request),
    );
  }

  override async willSendRequest({ request, context }: DepartmentRequest): Promise<void> {
    if (request.http) await forwardIdentity(request.http.headers, context as GatewayContext | undefined);
  }

  override process(request: DepartmentRequest): Promise<DepartmentResponse> {
    return this.chain(request);
  }
}
