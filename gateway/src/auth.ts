import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  TypeInfo,
  getNamedType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import {
  createUserTokenVerifier,
  HttpError,
  isPurpose,
  PERSONAL_TYPES,
  PURPOSE_HEADER,
  PURPOSES,
  TokenError,
  type Identity,
  type JwtSettings,
  type Purpose,
} from '@jiuye/common';

/**
 * Who is calling: the bearer JWT, verified here and nowhere else (the departments trust the
 * identity the gateway signs for them), and the declared purpose of use.
 */
export interface Caller {
  identity: Identity;
  purpose?: Purpose;
}

export async function createAuthenticator(settings: JwtSettings): Promise<(request: IncomingMessage) => Promise<Caller>> {
  const verify = await createUserTokenVerifier(settings);
  return async (request) => {
    const header = request.headers.authorization;
    if (!header) {
      throw new HttpError(401, 'authentication required: send Authorization: Bearer <token> (npm run token mints development tokens)', 'UNAUTHENTICATED', { reason: 'no-token' });
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new HttpError(401, 'the Authorization header must be "Bearer <token>"', 'UNAUTHENTICATED', { reason: 'malformed-header' });
    let identity: Identity;
    try {
      identity = await verify(match[1]);
    } catch (error) {
      const reason = error instanceof TokenError ? error.reason : 'invalid';
      const message = error instanceof TokenError ? error.message : 'the token could not be verified';
      throw new HttpError(401, `authentication failed: ${message}`, 'UNAUTHENTICATED', { reason });
    }
    const declared = request.headers[PURPOSE_HEADER];
    const purpose = Array.isArray(declared) ? declared[0] : declared;
    if (purpose !== undefined && purpose !== '' && !isPurpose(purpose)) {
      throw new HttpError(400, `${PURPOSE_HEADER}: "${String(purpose).slice(0, 40)}" is not a purpose of use; use one of ${Object.keys(PURPOSES).join(', ')}`, 'BAD_REQUEST', {
        header: PURPOSE_HEADER,
        allowed: Object.keys(PURPOSES),
      });
    }
    return { identity, ...(purpose ? { purpose: purpose as Purpose } : {}) };
  };
}

/** The person-level types an operation selects (through fragments too). */
export function personalTypesIn(schema: GraphQLSchema, document: DocumentNode): string[] {
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
  return [...found];
}

/**
 * Before any department is called: an operation that selects a person or household needs a
 * declared purpose, and is never for dashboards or auditors. The departments check again, per
 * record; this makes the common mistakes cheap and clear.
 */
export function personalDataPlugin(): ApolloServerPlugin<{ caller?: Caller }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          const caller = contextValue.caller;
          if (!caller) return;
          const types = personalTypesIn(schema, document);
          if (types.length === 0) return;
          const { department } = caller.identity;
          if (department === 'dashboard') {
            throw new GraphQLError(`dashboard accounts read aggregates only, never a named person (the operation selects ${types.join(', ')})`, {
              extensions: { code: 'FORBIDDEN', reason: 'aggregates-only', http: { status: 403 } },
            });
          }
          if (department === 'auditor') {
            throw new GraphQLError(`auditor accounts read the access log (Query.accessLog), not the records (the operation selects ${types.join(', ')})`, {
              extensions: { code: 'FORBIDDEN', reason: 'auditor-log-only', http: { status: 403 } },
            });
          }
          if (!caller.purpose) {
            throw new GraphQLError(
              `person-level data needs a declared purpose of use: send the ${PURPOSE_HEADER} header with one of ${Object.keys(PURPOSES).join(', ')} (the operation selects ${types.join(', ')})`,
              { extensions: { code: 'PURPOSE_REQUIRED', header: PURPOSE_HEADER, allowed: Object.keys(PURPOSES), http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
