import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badInput } from './errors';

/**
 * Text that no field of this platform may hold: C0 control characters other than tab, line
 * feed and carriage return, DEL, the C1 controls, and UTF-16 surrogates without their pair.
 * PostgreSQL refuses NUL in text (an internal error at the INSERT, after other checks already
 * answered, which made the order of checks an oracle), and the rest are never typed by a
 * person: they hide text in exports and logs. Tab, LF and CR pass (free-text notes); fields
 * with a format (ID numbers, codes) refuse them with their own validators.
 */
// eslint-disable-next-line no-control-regex -- the guard exists to find control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacter(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

export const CONTROL_CHARACTER_MESSAGE = 'contains a control character (only tab, line feed and carriage return are allowed) or an unpaired surrogate; remove it';

/** The path (`input.members[2].note`) of the first string in an argument value that holds a forbidden character, or null. */
export function forbiddenTextPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return hasForbiddenCharacter(value) ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = forbiddenTextPath(value[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A key is a field name the schema accepted, except in free-form scalars (_Any): check it too.
      if (hasForbiddenCharacter(key)) return `${path}.?`;
      const found = forbiddenTextPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Throws BAD_USER_INPUT naming the first argument field that holds a forbidden character. */
export function requireCleanArguments(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args ?? {})) {
    const path = forbiddenTextPath(value, name);
    if (path) throw badInput(path, CONTROL_CHARACTER_MESSAGE, 'CONTROL_CHARACTER');
  }
}

/**
 * Checks the coerced arguments of every field that takes any (root queries, mutations,
 * `_entities` and nested fields alike) before its resolver runs, so no mutation, present or
 * future, writes or even reads with such text.
 */
export function applyTextGuard(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const original: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, context, info) => {
        requireCleanArguments(args);
        return original(parent, args, context, info);
      };
    }
  }
  return schema;
}

/**
 * Whether free text holds what reads as an ID number: 18 characters (17 digits and a digit or X)
 * or the old 15 digits, also when typed with spaces or hyphens between the groups. Notes are kept
 * for years and shown to every officer who reads a record: an ID number belongs in its own field
 * (where the reveal rule guards it), never in a note. A mistyped number counts too.
 */
export function containsIdNumber(text: string): boolean {
  const compact = text.replace(/(?<=\d)[\s-]+(?=[\dXx])/g, '');
  return /(?<![\dXx])(?:\d{17}[\dXx]|\d{15})(?![\dXx])/.test(compact);
}

export const ID_NUMBER_IN_TEXT_MESSAGE = 'must not hold an ID number (身份证号); the person is already named by the record';
