import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@jiuye/common';
import type { AccessLogStore, DepartmentAccess } from './access-log';
import type { RequestIdentity } from '@jiuye/common';

interface LoggedContext {
  requestId: string;
  identity?: RequestIdentity;
  reads: DepartmentAccess[];
}

/**
 * Writes what the departments reported reading into the access log before the answer leaves
 * the gateway. If the log cannot be written, the person-level data does not leave either: the
 * answer becomes ACCESS_LOG_UNAVAILABLE without data.
 */
export function accessLogPlugin(store: AccessLogStore, logger: Logger): ApolloServerPlugin<LoggedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          const { reads, identity, requestId } = contextValue;
          if (!reads?.length || !identity) return;
          try {
            await store.append(identity, operationName ?? null, reads);
          } catch (error) {
            logger.error({ requestId, error: (error as Error).message }, 'access log append failed: person-level answer withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [
                  {
                    message: 'The access log could not be written, so person-level data is withheld; quote the request id to the operators',
                    extensions: { code: 'ACCESS_LOG_UNAVAILABLE', requestId },
                  },
                ],
              };
              response.http.status = 503;
            }
          } finally {
            reads.length = 0;
          }
        },
      };
    },
  };
}
