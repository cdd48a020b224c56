import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ANONYMOUS_OPERATION, UNRESOLVED_OPERATION } from './labels';
import { requestRecordOf } from './request-record';
import type { Outcome, ServiceMetrics } from './registry';

/** The codes of an answer's errors (extensions.code; none: INTERNAL_SERVER_ERROR, as Apollo would say). */
export function errorCodesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
}

/**
 * Counts every GraphQL operation (name from the document, bounded), times it, counts its error
 * codes, and writes the name and codes into the request's record for the log line. Nothing of
 * the variables or the answer's data is looked at.
 */
export function metricsPlugin(metrics: ServiceMetrics | null): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = UNRESOLVED_OPERATION;
      return {
        async didResolveOperation({ operation: resolved }) {
          operation = resolved?.name?.value ?? ANONYMOUS_OPERATION;
        },
        async willSendResponse({ response, contextValue }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const codes = errorCodesOf(body.errors);
          const hasData = body.data !== undefined && body.data !== null;
          const outcome: Outcome = codes.length === 0 ? 'ok' : hasData ? 'partial' : 'error';
          const label = metrics ? metrics.operations.of(operation) : operation;
          metrics?.observeOperation(label, outcome, seconds, codes);
          const record = requestRecordOf(contextValue);
          if (record) {
            // The log line names the operation as the metrics do: bounded, never free text from the client.
            record.operations.push(label);
            record.errorCodes.push(...codes);
          }
        },
      };
    },
  };
}
