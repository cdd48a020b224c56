import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  isCompositeType,
  isObjectType,
  isInterfaceType,
} from 'graphql';

/**
 * Limits the gateway checks before it plans a query or calls any subgraph, so that one
 * request cannot make five departments do unbounded work. Each is a graphql validation rule;
 * the token limit is graphql's own parse option (see gateway.ts).
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 2000, maxCost: 50_000 };

/** A list field without a literal `first` is assumed to return this many items. */
export const ASSUMED_LIST_SIZE = 10;
/** A `first` given by a variable is assumed to be the largest page a list serves. */
export const ASSUMED_VARIABLE_PAGE = 500;

/** Apollo Server reports validation errors as GRAPHQL_VALIDATION_FAILED; `limit` says which limit. */
function limitError(limit: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { limit } });
}

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(context: ValidationContext): Fragments {
  const fragments: Fragments = {};
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** Depth of a selection set, fragments expanded; a fragment already on the path counts as 0 (cycles are another rule's error). */
function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Fragments, path: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue; // introspection meta fields
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, path));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, path));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || path.has(name)) continue;
      path.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, path));
      path.delete(name);
    }
  }
  return deepest;
}

export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, fragmentsOf(context), new Set());
      if (depth > maxDepth) {
        context.reportError(limitError('depth', `the query is ${depth} levels deep; at most ${maxDepth} are allowed`));
      }
    },
  });
}

export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(limitError('aliases', `the query uses ${aliases} aliases; at most ${maxAliases} are allowed`));
          }
        },
      },
    };
  };
}

function pageSize(field: FieldNode): number | null {
  const first = field.arguments?.find((argument) => argument.name.value === 'first');
  if (!first) return null;
  if (first.value.kind === Kind.INT) return Number(first.value.value);
  if (first.value.kind === Kind.VARIABLE) return ASSUMED_VARIABLE_PAGE;
  return null;
}

function isList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

/**
 * Estimated cost: every field costs 1, and what a list field selects costs as many times as
 * the list is long (its literal `first`, a variable's largest page, or an assumed size).
 * Connection types (nodes under a paginated field) take their size from that field's `first`.
 */
function costOf(
  selectionSet: SelectionSetNode | undefined,
  parentType: GraphQLCompositeType | null,
  schema: GraphQLSchema,
  fragments: Fragments,
  path: Set<string>,
  inheritedPage: number | null,
): number {
  if (!selectionSet || !parentType) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const fieldDefinition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
      if (!fieldDefinition) {
        total += 1;
        continue;
      }
      const childType = getNamedType(fieldDefinition.type);
      const page = pageSize(selection);
      const list = isList(fieldDefinition.type);
      const multiplier = list ? (page ?? inheritedPage ?? ASSUMED_LIST_SIZE) : 1;
      const child = isCompositeType(childType)
        ? costOf(selection.selectionSet, childType, schema, fragments, path, list ? null : page)
        : 0;
      total += 1 + multiplier * child;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? schema.getType(typeName) : parentType;
      total += costOf(selection.selectionSet, isCompositeType(type) ? type : parentType, schema, fragments, path, inheritedPage);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || path.has(name)) continue;
      const type = schema.getType(fragment.typeCondition.name.value);
      path.add(name);
      total += costOf(fragment.selectionSet, isCompositeType(type) ? type : parentType, schema, fragments, path, inheritedPage);
      path.delete(name);
    }
  }
  return total;
}

export function maxCostRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      const cost = costOf(operation.selectionSet, root ?? null, schema, fragmentsOf(context), new Set(), null);
      if (cost > maxCost) {
        context.reportError(limitError('cost', `the query's estimated cost is ${cost}; at most ${maxCost} is allowed (ask for smaller pages or fewer nested lists)`));
      }
    },
  });
}

export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxCostRule(limits.maxCost)];
}
