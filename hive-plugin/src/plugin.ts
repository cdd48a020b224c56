import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError, specifiedRules, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { CONTROL_CHARACTER_MESSAGE, HttpError, type ErrorCode, type Logger } from '@jiuye/common';
import {
  appendAccessLog,
  AUDIT_SUBGRAPH_NAME,
  chargeIdNumberLookups,
  correlationIdFrom,
  forbiddenTextIn,
  forwardedIdentity,
  forwardIdentity,
  limitRules,
  personalDataRefusal,
  takeAccessReads,
  tokenLimitError,
  type AccessLogStore,
  type Caller,
  type GatewayContext,
  type HeaderReader,
  type LookupBudget,
  type QueryLimits,
} from '@jiuye/gateway/duties';

export interface JiuyePluginOptions {
  /** createCallerVerifier(config.jwt): the bearer JWT and x-purpose, as our gateway verifies them. */
  verifyCaller: (header: HeaderReader) => Promise<Caller>;
  store: AccessLogStore;
  budget: LookupBudget;
  limits: QueryLimits;
  signingKey: string;
  pseudonymKey: string;
  logger: Logger;
  /** The path GraphQL is served on (Hive's graphqlEndpoint); other paths carry no token (the probes). */
  graphqlPath?: string;
}

/** One client request at Hive: our gateway's context (gateway/src/context.ts), made in onRequest. */
type HiveCall = GatewayContext;

/**
 * Our gateway's per-request duties as a Hive Gateway plugin, with the gateway's own code
 * (@jiuye/gateway/duties): the caller verified before anything else (401/400/503 as ours); the
 * limits (tokens at parse, depth/aliases/cost as validation rules); before execution control
 * characters, person-level operations without a purpose or to dashboards and auditors, the
 * ID-number lookup budget; the signed identity and request id on every subgraph fetch; the
 * departments' `extensions.accessLog` taken out of their answers; and the access log appended
 * before the answer leaves, the answer withheld (ACCESS_LOG_UNAVAILABLE, 503) when it cannot be.
 *
 * Hive's in-flight deduplication of subgraph requests must stay off (startHiveGateway does):
 * the identity is signed per caller after the dedupe key is made.
 */
export function jiuyePlugin(options: JiuyePluginOptions): GatewayPlugin {
  const calls = new WeakMap<Request, HiveCall>();
  const callOf = (context: unknown): HiveCall | undefined => {
    const request = (context as { request?: Request } | undefined)?.request;
    return request ? calls.get(request) : undefined;
  };
  const rules: ValidationRule[] = limitRules(options.limits);
  const graphqlPath = options.graphqlPath ?? '/graphql';

  return {
    async onRequest({ request, url, endResponse }) {
      const requestId = randomUUID();
      const correlationId = correlationIdFrom(request.headers.get('x-request-id'));
      const call: HiveCall = { requestId, ...(correlationId ? { correlationId } : {}), reads: [], signingKey: options.signingKey };
      calls.set(request, call);
      if (url.pathname !== graphqlPath) return;
      try {
        call.caller = await options.verifyCaller((name) => request.headers.get(name) ?? undefined);
        call.identity = forwardedIdentity(call.caller, requestId);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        endResponse(refusal(error, requestId));
      }
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, parseOptions) => {
        try {
          return parseFn(source, { ...parseOptions, maxTokens: options.limits.maxTokens });
        } catch (error) {
          const limit = tokenLimitError((error as Error).message);
          if (!limit) throw error;
          limit.extensions.http = { status: 400 };
          throw limit;
        }
      });
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((schema, document, given, typeInfo, validationOptions) =>
        validateFn(schema, document, [...(given ?? specifiedRules), ...rules], typeInfo, validationOptions),
      );
    },
    onExecute({ args, setResultAndStopExecution }) {
      const call = callOf(args.contextValue);
      if (!call?.caller) return;
      const refused = beforeExecution(call, args.schema, args.document, args.operationName ?? undefined, args.variableValues ?? {}, options);
      if (refused) {
        setResultAndStopExecution({ errors: [refused] });
        return;
      }
      return {
        async onExecuteDone({ result, setResult }) {
          if (!isSingle(result)) return;
          const withheld = await appendAccessLog(
            options.store,
            options.logger,
            call,
            args.operationName ?? null,
            result as ExecutionResult & { errors?: GraphQLFormattedError[] },
            options.pseudonymKey,
          );
          if (withheld) setResult({ data: null, errors: withheld.errors.map((e) => new GraphQLError(e.message, { extensions: { ...e.extensions, http: { status: 503 } } })) });
        },
      };
    },
    // Every subgraph request of this client request: the request id and the identity, signed once.
    async onFetch({ context, options: init, setOptions }) {
      const call = callOf(context);
      if (!call) return;
      const headers = new Headers(init.headers as HeadersInit | undefined);
      await forwardIdentity(headers, call);
      setOptions({ ...init, headers: Object.fromEntries(headers) });
    },
    // What a department read for whom goes to this request's access-log reads, never to the client.
    onSubgraphExecute({ subgraphName, executionRequest }) {
      if (subgraphName === AUDIT_SUBGRAPH_NAME) return;
      const call = callOf(executionRequest.context);
      return ({ result, setResult }) => {
        if (!isSingle(result)) return;
        const extensions = takeAccessReads(result.extensions as Record<string, unknown> | undefined, subgraphName, call?.reads);
        if (extensions !== result.extensions) setResult({ ...result, extensions });
      };
    },
    onResponse({ request, response }) {
      const call = calls.get(request);
      if (call) response.headers.set('x-request-id', call.requestId);
    },
  };
}

function isSingle(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}

/** What our gateway refuses once the operation is known, before any department is called, in the same order. */
function beforeExecution(
  call: HiveCall,
  schema: Parameters<typeof personalDataRefusal>[0],
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  options: JiuyePluginOptions,
): GraphQLError | null {
  const field = forbiddenTextIn(schema, document, variables);
  if (field) {
    return new GraphQLError(`${field}: ${CONTROL_CHARACTER_MESSAGE}`, {
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, field, reason: 'CONTROL_CHARACTER', http: { status: 400 } },
    });
  }
  const personal = personalDataRefusal(schema, document, call.caller!);
  if (personal) return personal;
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition' && (!operationName || definition.name?.value === operationName),
  );
  if (!operation) return null;
  const limited = chargeIdNumberLookups(call, schema, document, operation, variables, options.budget, options.logger);
  if (limited) {
    // Apollo's HeaderMap is a Map; Yoga copies plain objects' headers onto the response.
    const http = limited.extensions.http as { status: number; headers?: Map<string, string> } | undefined;
    if (http?.headers instanceof Map) http.headers = Object.fromEntries(http.headers) as unknown as Map<string, string>;
  }
  return limited;
}

/** A refusal before GraphQL (no or bad token, bad purpose): the same status and body as our gateway's HTTP front. */
function refusal(error: HttpError, requestId: string): Response {
  return new Response(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions, requestId } }] }), {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
  });
}
