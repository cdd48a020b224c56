import { ApolloServer, HeaderMap, type ApolloServerOptions, type BaseContext, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { batchLimitError } from './limits';
import { withRequestIdInBody } from './errors';

/**
 * Apollo Server with the batch limit checked on the HTTP body, before any operation in it is
 * parsed; and the request id in the errors Apollo Server answers without a request pipeline.
 */
export class GatewayServer<TContext extends BaseContext & { requestId?: string }> extends ApolloServer<TContext> {
  constructor(
    config: ApolloServerOptions<TContext>,
    private readonly maxBatch: number,
  ) {
    super(config);
  }

  override async executeHTTPGraphQLRequest(request: { httpGraphQLRequest: HTTPGraphQLRequest; context: () => Promise<TContext> }): Promise<HTTPGraphQLResponse> {
    const refused = request.httpGraphQLRequest.method === 'POST' ? batchLimitError(request.httpGraphQLRequest.body, this.maxBatch) : null;
    if (refused) {
      const { requestId } = await request.context();
      this.logger.warn({ requestId, limit: refused.limit, max: refused.extensions.max, found: refused.extensions.found, msg: 'query refused by a limit' });
      return {
        status: 400,
        headers: new HeaderMap([['content-type', 'application/json; charset=utf-8']]),
        body: {
          kind: 'complete',
          string: JSON.stringify({ errors: [{ message: refused.message, extensions: { ...refused.extensions, ...(requestId ? { requestId } : {}) } }] }),
        },
      };
    }
    const response = await super.executeHTTPGraphQLRequest(request);
    if ((response.status ?? 200) >= 400 && response.body.kind === 'complete') {
      const { requestId } = await request.context();
      if (requestId) response.body = { kind: 'complete', string: withRequestIdInBody(response.body.string, requestId) };
    }
    return response;
  }
}
