import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { forbidden, type AccessControl, type FieldCategory, type Subject } from './access';
import { IDENTIFYING_KINDS, type IdentifyingKind } from './identifying-fields';

/**
 * Every subgraph declares, in its own access.ts, which of its object types describe a person
 * or a household (and where each instance belongs), and which fields need more than seeing
 * the subject. The rules are applied to the built schema, at every field of those types and at
 * entity resolution, so they hold however a record is reached: root fields, nested fields,
 * aliases, fragments or a hand-written `_entities` request.
 */
export interface AccessRules {
  subjects: Record<string, (parent: any) => Subject>;
  /** `Type.field` → the category it needs (see AccessControl.allows). */
  fields?: Record<string, FieldCategory>;
  /**
   * `Type.field` → the kind of identifying field it is (ID number, birth date, age, sex, village,
   * household code, phone…): its category comes from the kind's one rule (identifying-fields.ts),
   * the same wherever the kind appears. A field is named here or in `fields`, not in both.
   */
  identifying?: Record<string, IdentifyingKind>;
}

/** The category a field needs under these rules (its own, or its identifying kind's), or null. */
export function fieldCategory(rules: AccessRules, coordinate: string): FieldCategory | null {
  const kind = rules.identifying?.[coordinate];
  return rules.fields?.[coordinate] ?? (kind ? IDENTIFYING_KINDS[kind].category : null);
}

/** Whether the caller may read a field (by its schema coordinate) under these rules. */
export function mayRead(access: Pick<AccessControl, 'allows'>, rules: AccessRules, coordinate: string): boolean {
  const category = fieldCategory(rules, coordinate);
  return category === null || access.allows(category);
}

type ReferenceResolver = (reference: any, context: any, info: any) => unknown;

interface GuardedContext {
  access: AccessControl;
}

const FIELD_MESSAGES: Record<FieldCategory, string> = {
  'id-number': 'ID numbers are not shown to this account',
  household: 'household codes are for department staff of the region only',
  reveal: 'the full value needs the reveal permission; the masked field is available',
  health: 'disability and health details are for department staff only',
  welfare: 'allowance, subsidy and assistance details are for department staff only',
};

export function applyAccessRules(schema: GraphQLSchema, rules: AccessRules): GraphQLSchema {
  checkCoordinates(schema, rules);
  for (const [typeName, subjectOf] of Object.entries(rules.subjects)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`access rules name ${typeName}, which is not an object type of this subgraph`);
    for (const field of Object.values(type.getFields())) {
      const original: GraphQLFieldResolver<any, any> = field.resolve ?? defaultFieldResolver;
      const category = fieldCategory(rules, `${typeName}.${field.name}`);
      const fieldName = field.name;
      field.resolve = (parent, args, context: GuardedContext, info) => {
        const access = context.access;
        access.requirePersonAccess();
        if (category && !access.allows(category)) throw forbidden(`${typeName}.${fieldName}: ${FIELD_MESSAGES[category]}`, `field-${category}`);
        const subject = subjectOf(parent);
        const proceed = (visible: boolean) => {
          if (!visible) throw forbidden(`${typeName} lies outside your scope`, 'outside-scope');
          access.record(subject, typeName, fieldName);
          return original(parent, args, context, info);
        };
        const seen = access.canSeeRecord(parent, subject);
        return typeof seen === 'boolean' ? proceed(seen) : seen.then(proceed);
      };
    }
    // @apollo/subgraph keeps __resolveReference in the type's extensions. An entity the caller
    // may not see resolves to null: nothing of it, not even that it exists. A guarded type
    // that is not an entity (no @key) is never answered from a representation, whose fields
    // the caller would have written.
    const isEntity = (type.astNode?.directives ?? []).some((directive) => directive.name.value === 'key');
    const extensions = (type.extensions ?? {}) as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } };
    const resolveReference = extensions.apollo?.subgraph?.resolveReference;
    const guarded: ReferenceResolver = async (reference, context: GuardedContext, info) => {
      context.access.requirePersonAccess();
      if (!isEntity) return null;
      const resolved = resolveReference ? await resolveReference(reference, context, info) : reference;
      if (resolved == null) return resolved;
      const visible = await context.access.canSeeRecord(resolved as object, subjectOf(resolved));
      return visible ? resolved : null;
    };
    type.extensions = { ...type.extensions, apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: guarded } } };
  }
  return schema;
}

/**
 * The rule table is checked against the built schema before anything is wrapped: a rule that
 * names a field the schema does not have (a typo, a renamed field) would protect nothing, so the
 * subgraph refuses to start and names the coordinate.
 */
function checkCoordinates(schema: GraphQLSchema, rules: AccessRules): void {
  for (const [table, entries] of [
    ['fields', rules.fields],
    ['identifying', rules.identifying],
  ] as const) {
    for (const key of Object.keys(entries ?? {})) {
      const [typeName, fieldName, ...rest] = key.split('.');
      if (!fieldName || rest.length > 0) throw new Error(`access rule ${key} (in ${table}): not a Type.field coordinate`);
      if (!rules.subjects[typeName]) throw new Error(`access rule ${key} (in ${table}): ${typeName} is not declared as a subject type`);
      const type = schema.getType(typeName);
      if (!(type instanceof GraphQLObjectType)) throw new Error(`access rule ${key} (in ${table}): ${typeName} is not an object type of this subgraph`);
      if (!type.getFields()[fieldName]) throw new Error(`access rule ${key} (in ${table}): ${typeName} has no field ${fieldName} in this subgraph's schema`);
      if (rules.fields?.[key] && rules.identifying?.[key]) throw new Error(`access rule ${key}: named both in fields and in identifying; keep the identifying kind`);
    }
  }
}

/** Adds what the request read (`extensions.accessLog`) for the gateway's access log. */
export function accessReportPlugin(): ApolloServerPlugin<GuardedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue.access) return;
          const report = contextValue.access.report();
          if (report.length === 0) return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, accessLog: report };
        },
      };
    },
  };
}
