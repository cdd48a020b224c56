import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, TypeInfo, getNamedType, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import {
  createUserTokenVerifier,
  HttpError,
  isPurpose,
  PERSONAL_TYPES,
  personAccessRefusal,
  PURPOSE_HEADER,
  scopeKind,
  PURPOSES,
  TokenError,
  type ErrorCode,
  type Identity,
  type JwtSettings,
  type Logger,
  type Purpose,
  type RequestIdentity,
} from '@jiuye/common';

/**
 * Who is calling: the bearer JWT, verified here and nowhere else (the departments trust the
 * identity the gateway signs for them), and the declared purpose of use.
 */
export interface Caller {
  identity: Identity;
  purpose?: Purpose;
}

/** The identity the departments receive for this caller's request: theirs, with the declared purpose and the request id. */
export function forwardedIdentity(caller: Caller, requestId: string): RequestIdentity {
  return { ...caller.identity, ...(caller.purpose ? { purpose: caller.purpose } : {}), requestId };
}

/** One request header by its lower-case name, whichever engine holds the request (Node's IncomingMessage, a Fetch Request). */
export type HeaderReader = (name: string) => string | undefined;

/**
 * Verifies the caller of one request from its headers: the bearer JWT, then x-purpose. Engine-neutral
 * (our gateway and the Hive plugin, hive-plugin/, use this); refusals are HttpErrors (401, 400, 503).
 */
export async function createCallerVerifier(settings: JwtSettings, logger?: Logger): Promise<(header: HeaderReader) => Promise<Caller>> {
  const verify = await createUserTokenVerifier(settings, {
    onKeysFailure: (reason) => logger?.warn({ jwksUrl: settings.jwksUrl, reason }, "auth: the identity provider's key set (JWT_JWKS_URL) could not be read"),
  });
  return async (header) => {
    const authorization = header('authorization');
    if (!authorization) {
      throw new HttpError(401, 'authentication required: send Authorization: Bearer <token> (npm run token mints development tokens)', 'UNAUTHENTICATED', { reason: 'no-token' });
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new HttpError(401, 'the Authorization header must be "Bearer <token>"', 'UNAUTHENTICATED', { reason: 'malformed-header' });
    let identity: Identity;
    try {
      identity = await verify(match[1]);
    } catch (error) {
      const reason = error instanceof TokenError ? error.reason : 'invalid';
      const message = error instanceof TokenError ? error.message : 'the token could not be verified';
      // The identity provider's key set cannot be read: the token is not at fault, so 503 (the client may retry).
      throw new HttpError(reason === 'keys-unavailable' ? 503 : 401, `authentication failed: ${message}`, 'UNAUTHENTICATED', { reason });
    }
    const purpose = header(PURPOSE_HEADER);
    if (purpose !== undefined && purpose !== '' && !isPurpose(purpose)) {
      throw new HttpError(400, `${PURPOSE_HEADER}: "${String(purpose).slice(0, 40)}" is not a purpose of use; use one of ${Object.keys(PURPOSES).join(', ')}`, 'BAD_REQUEST', {
        header: PURPOSE_HEADER,
        allowed: Object.keys(PURPOSES),
      });
    }
    return { identity, ...(purpose ? { purpose: purpose as Purpose } : {}) };
  };
}

export async function createAuthenticator(settings: JwtSettings, logger?: Logger): Promise<(request: IncomingMessage) => Promise<Caller>> {
  const verifyCaller = await createCallerVerifier(settings, logger);
  return (request) =>
    verifyCaller((name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    });
}

/** The person-level types an operation selects (through fragments too); once per parsed document. */
const personalTypesByDocument = new WeakMap<DocumentNode, string[]>();

export function personalTypesIn(schema: GraphQLSchema, document: DocumentNode): string[] {
  const known = personalTypesByDocument.get(document);
  if (known) return known;
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (!type) return;
        const named = getNamedType(type).name;
        if (PERSONAL_TYPES.has(named)) found.add(named);
      },
    }),
  );
  const types = [...found];
  personalTypesByDocument.set(document, types);
  return types;
}

const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = { FORBIDDEN: 403, PURPOSE_REQUIRED: 400 };

/**
 * Before any department is called: an operation that selects a person or household needs a
 * declared purpose, and is never for dashboards or auditors (personAccessRefusal, the rule the
 * departments apply again per record). This makes the common mistakes cheap and clear.
 */
export function personalDataPlugin(): ApolloServerPlugin<{ caller?: Caller }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          const caller = contextValue.caller;
          if (!caller) return;
          const refusal = personalDataRefusal(schema, document, caller);
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/** The refusal personalDataPlugin throws for this caller and operation (engine-neutral: the Hive plugin too), or null. */
export function personalDataRefusal(schema: GraphQLSchema, document: DocumentNode, caller: Caller): GraphQLError | null {
  const types = personalTypesIn(schema, document);
  if (types.length === 0) return null;
  const refusal = personAccessRefusal({ department: caller.identity.department, purpose: caller.purpose }, scopeKind(caller.identity));
  if (!refusal) return null;
  const code = String(refusal.extensions.code) as ErrorCode;
  return new GraphQLError(`${refusal.message} (the operation selects ${types.join(', ')})`, {
    extensions: { ...refusal.extensions, http: { status: REFUSAL_STATUS[code] ?? 400 } },
  });
}
