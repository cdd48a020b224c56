import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  getOperationAST,
  GraphQLError,
  specifiedRules,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { CONTROL_CHARACTER_MESSAGE, HttpError, type ErrorCode, type Logger } from '@jiuye/common';
import {
  appendAccessLog,
  AUDIT_SUBGRAPH_NAME,
  batchLimitError,
  chargeIdNumberLookups,
  correlationIdFrom,
  describeError,
  forbiddenTextIn,
  formatGatewayError,
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
  type LoggedContext,
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
  /** No "Did you mean …?" schema hints in errors (production, where introspection is off too), as our gateway. */
  hideSchemaHints?: boolean;
}

/** One client request at Hive: our gateway's context (gateway/src/context.ts), made in onRequest; its identity is signed once. */
type HiveCall = GatewayContext;

/**
 * Our gateway's per-request duties as a Hive Gateway plugin, with the gateway's own code
 * (@jiuye/gateway/duties): the caller verified before anything else (401/400/503 as ours); the
 * limits (tokens at parse, depth/aliases/cost as validation rules); before execution control
 * characters, person-level operations without a purpose or to dashboards and auditors, the
 * ID-number lookup budget; the signed identity and request id on every subgraph fetch; the
 * departments' `extensions.accessLog` taken out of their answers; and the access log appended
 * before the answer leaves, the answer withheld (ACCESS_LOG_UNAVAILABLE, 503) when it cannot be;
 * the departments' errors masked as our formatError does; every error with the request id; the
 * batch limit on the parsed body.
 *
 * Reads are kept per operation (keyed by the operation's context, which Yoga makes for each
 * operation of a batch), never per HTTP request: a batch's operations each log their own reads
 * (tests/security/04-batched-access-log.test.ts).
 *
 * Hive's in-flight deduplication of subgraph requests must stay off (startHiveGateway does):
 * the identity is signed per caller after the dedupe key is made.
 */
export function jiuyePlugin(options: JiuyePluginOptions): GatewayPlugin {
  const calls = new WeakMap<Request, HiveCall>();
  const operations = new WeakMap<object, LoggedContext>();
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
    // The batch limit on the parsed body, before any operation in it is parsed: TOO_MANY_OPERATIONS as ours (server.ts).
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          const refused = batchLimitError(requestParserResult, options.limits.maxBatch);
          if (!refused) return;
          refused.extensions.http = { status: 400 };
          throw refused;
        },
      };
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, parseOptions) => {
        try {
          return parseFn(source, { ...parseOptions, maxTokens: options.limits.maxTokens });
        } catch (error) {
          const limit = tokenLimitError((error as Error).message);
          if (!limit) throw error;
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
      if (!call?.caller || typeof args.contextValue !== 'object' || args.contextValue === null) return;
      const operation: LoggedContext = { requestId: call.requestId, correlationId: call.correlationId, identity: call.identity, reads: [] };
      operations.set(args.contextValue, operation);
      const definition = getOperationAST(args.document, args.operationName);
      const refused = beforeExecution(operation, call.caller, args.schema, args.document, definition, args.variableValues ?? {}, options);
      if (refused) {
        setResultAndStopExecution({ errors: [refused] });
        return;
      }
      return {
        async onExecuteDone({ result, setResult }) {
          if (!isSingle(result)) return;
          if (result.errors?.length) {
            // As our gateway's formatError: user-facing errors pass (without operators' extensions), anything else is
            // "Internal error" with the request id, the real error in the log; Hive passes a department's errors on as they are.
            result = { ...result, errors: result.errors.map((error) => masked(error, call.requestId, options.logger)) };
            setResult(result);
          }
          const withheld = await appendAccessLog(
            options.store,
            options.logger,
            operation,
            definition?.name?.value ?? null,
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
      const operation = executionRequest.context ? operations.get(executionRequest.context) : undefined;
      return ({ result, setResult }) => {
        if (!isSingle(result)) return;
        const extensions = takeAccessReads(result.extensions as Record<string, unknown> | undefined, subgraphName, operation?.reads);
        if (extensions !== result.extensions) setResult({ ...result, extensions });
      };
    },
    // Every error carries the request id, as our gateway's do (gateway/src/errors.ts withRequestIdInBody); parse and
    // validation errors (the limits too) are HTTP 400 as Apollo Server answers them, where Yoga marks them `spec`
    // and answers application/json with 200. New errors, never the originals: Yoga caches parse and validation results.
    onResultProcess({ request, result, setResult, resultProcessor, setResultProcessor }) {
      const call = calls.get(request);
      if (!call || Symbol.asyncIterator in result) return;
      const stamp = (single: ExecutionResult): ExecutionResult =>
        single.errors?.length
          ? {
              ...single,
              errors: single.errors.map((error) => withExtensions(error, extensionsFor(error, call.requestId), options.hideSchemaHints ? withoutHints(error.message) : undefined)),
            }
          : single;
      if (!Array.isArray(result)) return setResult(stamp(result as ExecutionResult));
      setResult(result.map(stamp));
      // A batch answers with the highest status its operations' errors ask for, and their headers (Retry-After), where
      // Yoga answers a batch 200 whatever they say; ours: RATE_LIMITED 429, ACCESS_LOG_UNAVAILABLE 503 …
      const asked = result.flatMap((single) => (single.errors ?? []).map((error) => (error.extensions?.http ?? {}) as { status?: number; headers?: Record<string, string> }));
      const status = Math.max(0, ...asked.map((http) => Number(http.status ?? 0)));
      if (status >= 400 && resultProcessor) {
        setResultProcessor(async (processed, fetchAPI, mediaType) => {
          const response = await resultProcessor(processed, fetchAPI, mediaType);
          const headers = new fetchAPI.Headers(response.headers);
          for (const http of asked) for (const [name, value] of Object.entries(http.headers ?? {})) headers.set(name, value);
          return new fetchAPI.Response(response.body, { status, headers });
        }, 'application/json');
      }
    },
    onResponse({ request, response }) {
      const call = calls.get(request);
      if (call) response.headers.set('x-request-id', call.requestId);
    },
  };
}

function masked(error: GraphQLError, requestId: string, logger: Logger): GraphQLError {
  const formatted = formatGatewayError(error.toJSON(), error);
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    logger.error({ requestId, path: error.path, error: describeError(error) }, 'unexpected error (the client got "internal error")');
  }
  const http = error.extensions?.http;
  return new GraphQLError(formatted.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: formatted.path ?? error.path,
    extensions: { ...formatted.extensions, ...(http ? { http } : {}) },
  });
}

/** graphql's validation messages without their suggestions (' Did you mean "name"?'). */
function withoutHints(message: string): string {
  return message.replace(/ Did you mean .*\?$/, '');
}

function extensionsFor(error: GraphQLError, requestId: string): Record<string, unknown> {
  const http = error.extensions?.http as { spec?: boolean; status?: number } | undefined;
  return { requestId, ...(http?.spec ? { http: { ...http, spec: false } } : {}) };
}

/** A copy of the error with more extensions (Yoga reads `http` for the status and leaves it out of the body). */
function withExtensions(error: GraphQLError, extensions: Record<string, unknown>, message = error.message): GraphQLError {
  if (!(error instanceof GraphQLError)) {
    const plain = error as { message: string; extensions?: Record<string, unknown> };
    return { ...plain, message, extensions: { ...plain.extensions, ...extensions } } as unknown as GraphQLError;
  }
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extensions },
  });
}

function isSingle(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}

/** What our gateway refuses once the operation is known, before any department is called, in the same order. */
function beforeExecution(
  operation: LoggedContext,
  caller: Caller,
  schema: Parameters<typeof personalDataRefusal>[0],
  document: DocumentNode,
  definition: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
  options: JiuyePluginOptions,
): GraphQLError | null {
  const field = forbiddenTextIn(schema, document, variables);
  if (field) {
    return new GraphQLError(`${field}: ${CONTROL_CHARACTER_MESSAGE}`, {
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, field, reason: 'CONTROL_CHARACTER', http: { status: 400 } },
    });
  }
  const personal = personalDataRefusal(schema, document, caller);
  if (personal) return personal;
  if (!definition) return null;
  const limited = chargeIdNumberLookups(operation, schema, document, definition, variables, options.budget, options.logger);
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
