import type { ApolloServerPlugin } from '@apollo/server';
import { getArgumentValues, GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { CONTROL_CHARACTER_MESSAGE, forbiddenTextPath, type ErrorCode } from '@jiuye/common';

/**
 * Control characters (and unpaired surrogates) in any argument are refused before the query
 * is planned, so no department is called with them. Every department checks again
 * (common/src/text-guard.ts); the answer is the same: BAD_USER_INPUT naming the argument path
 * (`input.note`, `input.contactAttempts[0].note`), whether the text came as a literal or in a
 * variable. Nothing of the value is echoed.
 */
export function textGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const field = forbiddenTextIn(schema, document, request.variables ?? {});
          if (!field) return;
          throw new GraphQLError(`${field}: ${CONTROL_CHARACTER_MESSAGE}`, {
            extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode, field, reason: 'CONTROL_CHARACTER', http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** The argument path of the first string with a forbidden character, in any field of the document, or null. */
export function forbiddenTextIn(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): string | null {
  const typeInfo = new TypeInfo(schema);
  let found: string | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: {
        enter(node) {
          if (found || !node.arguments?.length) return;
          const definition = typeInfo.getFieldDef();
          if (!definition) return;
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(definition, node, variables);
          } catch {
            // Arguments that do not coerce are the executor's to refuse, with its own message.
            return;
          }
          for (const [name, value] of Object.entries(args)) {
            found = forbiddenTextPath(value, name);
            if (found) return;
          }
        },
      },
    }),
  );
  return found;
}
