import {
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { GraphQLFormattedError } from 'graphql';
import { hasErrorCode, workerPseudonym } from '@jiuye/common';
import type { DepartmentAccess, LookupOutcome } from './access-log';

/**
 * 按身份证号查人 — every place an operation names a person by ID number. Knowing a birth date,
 * sex and village leaves a few hundred candidate numbers, and any answer that differs between a
 * registered and an unknown number (found vs NOT_FOUND) lets a caller try them all. So each ID
 * number an operation carries is (1) charged against the account's budget before anything is
 * planned (LookupBudget), and (2) written to the access log with what it answered, found or
 * not, even when the operation selects nothing but `id` (lookupReads).
 *
 * An ID-number argument is found by name, declared once here: an argument or input field named
 * `idNumber` or ending in `IdNumber` (`newHeadIdNumber`), at any depth of an input object or list,
 * on any field of any operation, through aliases, fragments and variables.
 */
export const ID_NUMBER_ARGUMENT = /^(idNumber|[a-z][A-Za-z0-9]*IdNumber)$/;

export interface IdNumberLookup {
  /** Where, for the log: `Query.worker(idNumber)`, `Mutation.recordTransfer(input.idNumber)`. */
  coordinate: string;
  /** Response keys (aliases) down to the field that took the number. */
  path: string[];
  idNumber: string;
}

/** Longest string treated as an ID number for the pseudonym (anything longer is malformed anyway). */
const MAX_ID_LENGTH = 64;

/**
 * The ID numbers one operation of a validated document carries. Fields skipped by @skip/@include
 * are left out (they never run). Variables are coerced as execution will coerce them; when they
 * do not coerce, execution refuses the operation before any department is called, and so does
 * this: it reports nothing.
 */
export function idNumberLookups(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): IdNumberLookup[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return [];
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root = schema.getRootType(operation.operation);
  if (!root) return [];
  const found: IdNumberLookup[] = [];

  const included = (node: { directives?: readonly unknown[] }): boolean => {
    const n = node as Parameters<typeof getDirectiveValues>[1];
    if (getDirectiveValues(GraphQLSkipDirective, n, variables)?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, n, variables)?.if === false) return false;
    return true;
  };

  const collectValue = (value: unknown, type: GraphQLInputType, name: string, where: string, path: string[]) => {
    if (value == null) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value)) for (const item of value) collectValue(item, nullable.ofType, name, `${where}[]`, path);
      else collectValue(value, nullable.ofType, name, where, path);
      return;
    }
    if (isInputObjectType(nullable)) {
      for (const [fieldName, field] of Object.entries(nullable.getFields())) {
        collectValue((value as Record<string, unknown>)[fieldName], field.type, fieldName, `${where}.${fieldName}`, path);
      }
      return;
    }
    if (ID_NUMBER_ARGUMENT.test(name) && typeof value === 'string') found.push({ coordinate: where, path, idNumber: value.slice(0, MAX_ID_LENGTH) });
  };

  const walk = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType, path: string[], visiting: Set<string>) => {
    if (!selectionSet) return;
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!definition) continue;
        const here = [...path, (selection.alias ?? selection.name).value];
        if (definition.args.length) {
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(definition, selection, variables);
          } catch {
            continue; // not executable as written: validation or execution refuses it
          }
          for (const argument of definition.args) {
            collectValue(args[argument.name], argument.type, argument.name, `${parent.name}.${name}(${argument.name}`, here);
          }
        }
        const child = getNamedType(definition.type);
        if (isCompositeType(child)) walk(selection.selectionSet, child, here, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, (type as GraphQLCompositeType) ?? parent, path, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        visiting.add(name);
        walk(fragment.selectionSet, (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType) ?? parent, path, visiting);
        visiting.delete(name);
      }
    }
  };
  walk(operation.selectionSet, root, [], new Set());
  // The coordinate was built as `Type.field(arg` + `.input.path`: close the parenthesis.
  return found.map((lookup) => ({ ...lookup, coordinate: `${lookup.coordinate})` }));
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  if (data == null) return null;
  if (Array.isArray(data)) return data.map((item) => valueAt(item, path)).find((value) => value != null) ?? null;
  if (path.length === 0) return data;
  return valueAt((data as Record<string, unknown>)[path[0]], path.slice(1));
}

function startsWith(errorPath: readonly (string | number)[] | undefined, path: readonly string[]): boolean {
  if (!errorPath) return false;
  const keys = errorPath.filter((key) => typeof key === 'string');
  return path.every((key, i) => keys[i] === key);
}

/** What a lookup answered, from the operation's result: the data at its path, else the error there. */
export function lookupOutcome(result: { data?: unknown; errors?: readonly GraphQLFormattedError[] }, path: readonly string[]): LookupOutcome {
  if (valueAt(result.data, path) != null) return 'found';
  const error = result.errors?.find((e) => startsWith(e.path, path));
  if (!error || hasErrorCode(error, 'NOT_FOUND')) return 'not-found';
  if (hasErrorCode(error, 'BAD_USER_INPUT')) return 'invalid';
  return 'refused';
}

/**
 * The access-log reads for an operation's lookups: the person (pseudonym of the number, which is
 * how every department keys them), the field `lookup:<coordinate>`, and the outcome. No
 * department reported these (subgraph ''): the gateway saw them in the operation itself.
 */
export function lookupReads(lookups: readonly IdNumberLookup[], result: { data?: unknown; errors?: readonly GraphQLFormattedError[] }, pseudonymKey: string): DepartmentAccess[] {
  return lookups.map((lookup) => ({
    subgraph: '',
    workerId: workerPseudonym(lookup.idNumber, pseudonymKey),
    fields: [`lookup:${lookup.coordinate}`],
    lookup: lookupOutcome(result, lookup.path),
  }));
}
