import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_GATEWAY_LIMITS, MAX_PAGE_SIZE, type GatewayLimits, type LimitErrorCode } from '@jiuye/common';

/**
 * Limits the gateway checks before it plans a query or calls any subgraph, so that one
 * request cannot make five departments do unbounded work:
 *
 * - depth, aliases and estimated cost are graphql validation rules (limitRules below), run by
 *   Apollo Server with the standard rules on every new document;
 * - tokens is graphql's own parse option `maxTokens` (parsing stops at the limit);
 * - batch is checked on the HTTP body before Apollo Server sees it (gateway.ts).
 *
 * Every refusal is a GraphQL error whose `extensions.code` names the limit (QUERY_TOO_DEEP, …),
 * with `limit` (its short name), `max` (the configured number) and, where it is known, `found`.
 * Introspection meta fields (`__schema`, `__type`, `__typename`) count towards none of the
 * limits: they are answered by the gateway from its schema, never by a department, and
 * graphql's MaxIntrospectionDepthRule (one of the standard rules) stops introspection bombs.
 */
export type QueryLimits = GatewayLimits;

export const DEFAULT_QUERY_LIMITS: QueryLimits = DEFAULT_GATEWAY_LIMITS;

/**
 * How many items a list without `first` can hold: its real maximum, declared once here, per
 * list (`Type.field`), with where the bound comes from. A list not declared here counts as
 * UNDECLARED_LIST_SIZE. (The cost estimate used to assume 10 for all of them, and a query of
 * estimated cost 2,600 walked 7,911 objects.)
 */
export const UNCAPPED = MAX_PAGE_SIZE;
/** A household's members (户籍 households rarely pass a dozen; the demo's largest has fewer). */
export const HOUSEHOLD_MEMBERS = 15;
/** One person's (or household's) records of one kind: employments, subsidies, visits, status changes … */
export const PERSON_RECORDS = 20;
export const LIST_SIZES: Readonly<Record<string, number>> = Object.freeze({
  // Bounded by a vocabulary: one item per value of an enum (or per department).
  'Freshness.departments': 5, // the five departments
  'ConflictPage.countsByKind': 5, // ConflictKind
  'Conflict.sources': 2, // a conflict is two departments' facts
  'Indicators.transferByPlace': 4, // EmploymentPlace
  'SubsidyIndicators.byKind': 5, // SubsidyKind
  'Indicators.byPovertyStatus': 4, // PovertyStatusGroup
  'WarningPage.countsByRule': 8, // WarningRuleId
  'Query.warningRules': 8, // WarningRuleId
  'Query.povertyStatusCounts': 5, // PovertyStatus
  'Query.contactOutcomeCounts': 8, // ContactOutcome
  'MonitoringCaseCounts.byStep': 6, // MonitoringStep
  'MonitoringCaseCounts.byRiskType': 6, // RelapseRiskType
  'RelapseCandidate.signals': 3, // the relapse warning rules (situation monitoring/relapse-candidates.service.ts)
  'MonitoringCase.riskTypes': 6, // RelapseRiskType, each once
  'MonitoringCase.transitions': 5, // opened, then at most the four steps to EXITED or REJECTED
  'RegionTaskPage.countsByAge': 5, // situation's task.service.ts AGE_BUCKETS
  'PartnerAssessment.retention': 3, // 3, 6 and 12 months (partner's assessment.service.ts RETENTION_MONTHS)
  'PartnerAssessment.contactOutcomes': 8, // ContactOutcome
  'PostingMatches.byTrade': 13, // Trade, and no certificate
  'PostingMatches.referrals': 4, // the JOB_REFERRAL outcomes
  // Capped by the resolver: situation's ranking.service.ts LIST_SIZE.
  'VillageRanking.red': 10,
  'VillageRanking.black': 10,
  // One change's fields: at most the columns of the widest department table (common/src/history-read.ts).
  'ChangeHistoryEntry.fields': 24,
  // Capped by hr's job-fair.service.ts (MAX_FAIR_EMPLOYERS, MAX_FAIR_POSTINGS): addJobFairEmployer refuses more.
  'JobFair.employers': 200,
  'JobFair.postings': 500,
  // Bounded by the division code: a division's children are numbered by 3 digits.
  'Division.children': 999,
  'IndicatorBreakdown.children': 999, // the region's child divisions
  'Completion.subregions': 999, // the region's child divisions (situation's target/completion.service.ts)
  'Assessment.townships': 999, // a county's townships
  // Capped by the resolver: situation's series.service.ts MAX_SERIES_POINTS.
  'IndicatorSeries.points': 24,
  'IndicatorSeriesPoint.transferByPlace': 5, // EmploymentPlace and 'no place'
  // One person's or household's own records: not capped by the resolvers; declared at what a
  // household or one working life holds (PERSON_RECORDS). Raise it, or page the field, if the
  // registry ever shows more.
  'Household.members': HOUSEHOLD_MEMBERS,
  'Household.registeredMembers': HOUSEHOLD_MEMBERS,
  'ZeroEmploymentHousehold.members': HOUSEHOLD_MEMBERS,
  'Household.statusHistory': PERSON_RECORDS,
  'Household.assistanceGrants': PERSON_RECORDS,
  'Household.currentAssistance': PERSON_RECORDS,
  'Worker.careDuties': PERSON_RECORDS,
  'Worker.employments': PERSON_RECORDS,
  'Worker.welfarePostAssignments': PERSON_RECORDS,
  'Worker.subsidies': PERSON_RECORDS,
  'Worker.jobFairIntentions': PERSON_RECORDS,
  'Worker.transfers': PERSON_RECORDS,
  'Worker.followUpVisits': PERSON_RECORDS,
  'Worker.contactAttempts': PERSON_RECORDS,
  'Worker.enrolments': PERSON_RECORDS,
  'Worker.certificates': PERSON_RECORDS,
  'Transfer.followUpVisits': PERSON_RECORDS,
  'Transfer.contactAttempts': PERSON_RECORDS,
  'FollowUpVisit.contactAttempts': PERSON_RECORDS,
  'Cadre.postings': PERSON_RECORDS, // the villages one cadre served
  'Household.monitoringCases': PERSON_RECORDS, // 防返贫 cases of one household
  'MonitoringCase.measures': PERSON_RECORDS, // 帮扶措施 of one case
  'Task.history': PERSON_RECORDS, // one task's transitions (assigned, acknowledged, closed, reopened …)
  // Capped by the service: training's class-session.service.ts MAX_SESSIONS_PER_CLASS.
  'TrainingClass.sessions': 400,
  // Lists of many people or records that no resolver caps and that grow with the county: they
  // count as the largest page any list serves. Their resolvers should page or cap them.
  'Cadre.households': UNCAPPED,
  'ResponsibleUnit.pairings': UNCAPPED,
  'Division.welfarePosts': UNCAPPED,
  'TransferBatch.transfers': UNCAPPED,
  'TrainingClass.enrolments': UNCAPPED,
  'JobFair.intentions': UNCAPPED,
  'Institution.courses': UNCAPPED,
  'PartnerCity.batches': UNCAPPED,
  'PartnerCity.bases': UNCAPPED,
  'Query.partnerCities': UNCAPPED,
  'Query.labourBases': UNCAPPED,
  'Query.transferBatches': UNCAPPED,
  'VillageRanking.all': UNCAPPED,
  'VerificationCoverage.villages': UNCAPPED,
  'RegionTaskPage.countsByAssignee': UNCAPPED, // one row per assignee of the region
  'Assessment.units': UNCAPPED, // the county's responsible units (52 in 东川, grows with the county)
  'TargetList.targets': UNCAPPED, // the region's own target and all its townships' and villages'
  'PostingMatches.byTownship': UNCAPPED, // the region's townships (a partner city: every township of the registry)
});
/** A list without `first` that LIST_SIZES does not name (a list added later): the largest page. */
export const UNDECLARED_LIST_SIZE = MAX_PAGE_SIZE;
/** A `first` given by a variable is assumed to be the largest page any list serves (the value is not known when the document is validated). */
export const ASSUMED_VARIABLE_PAGE = MAX_PAGE_SIZE;

export const LIMIT_CODES = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  tokens: 'TOO_MANY_TOKENS',
  cost: 'QUERY_TOO_COSTLY',
  batch: 'TOO_MANY_OPERATIONS',
} as const satisfies Record<string, LimitErrorCode>;

export type LimitName = keyof typeof LIMIT_CODES;

/**
 * A refused request. Apollo Server reports validation-rule errors with the code
 * GRAPHQL_VALIDATION_FAILED; the gateway's formatError puts the limit's own code back from
 * this original error.
 */
export class LimitExceededError extends GraphQLError {
  constructor(
    readonly limit: LimitName,
    message: string,
    max: number,
    found?: number,
  ) {
    super(message, { extensions: { code: LIMIT_CODES[limit], limit, max, ...(found === undefined ? {} : { found }) } });
    this.name = 'LimitExceededError';
  }
}

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(context: ValidationContext): Fragments {
  const fragments: Fragments = Object.create(null);
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

function isIntrospection(field: FieldNode): boolean {
  return field.name.value.startsWith('__');
}

/**
 * Walks fragments once each: a result is remembered per fragment (and per page size for the
 * cost), so a document that spreads fragments into each other many times costs linear time to
 * check, not exponential. A fragment already on the path counts as 0 (a cycle is
 * NoFragmentCyclesRule's error; here it must only not loop).
 */
class FragmentWalker<K extends string | number> {
  private readonly done = new Map<string, number>();
  private readonly onPath = new Set<string>();

  constructor(private readonly fragments: Fragments) {}

  get(name: string, key: K, compute: (fragment: FragmentDefinitionNode) => number): number {
    const fragment = this.fragments[name];
    if (!fragment || this.onPath.has(name)) return 0;
    const memoKey = `${name}\u0000${key}`;
    const known = this.done.get(memoKey);
    if (known !== undefined) return known;
    this.onPath.add(name);
    try {
      const value = compute(fragment);
      this.done.set(memoKey, value);
      return value;
    } finally {
      this.onPath.delete(name);
    }
  }
}

/** Depth of a selection set: fields nested in fields, fragments expanded. */
function depthOf(selectionSet: SelectionSetNode | undefined, walker: FragmentWalker<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection)) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, walker));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, walker));
    } else {
      deepest = Math.max(
        deepest,
        walker.get(selection.name.value, '', (fragment) => depthOf(fragment.selectionSet, walker)),
      );
    }
  }
  return deepest;
}

/** QUERY_TOO_DEEP: `{ a { b { c } } }` is 3 levels deep. */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const walker = new FragmentWalker<string>(fragmentsOf(context));
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, walker);
        if (depth > maxDepth) {
          context.reportError(new LimitExceededError('depth', `the query is ${depth} levels deep; at most ${maxDepth} are allowed`, maxDepth, depth));
        }
      },
    };
  };
}

/**
 * TOO_MANY_ALIASES: aliased fields in the whole document. Aliases are what let one request
 * ask for the same expensive field many times (`a1: worker(…) a2: worker(…) …`).
 */
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
            context.reportError(new LimitExceededError('aliases', `the query uses ${aliases} aliases; at most ${maxAliases} are allowed`, maxAliases, aliases));
          }
        },
      },
    };
  };
}

/**
 * How many items a field with a `first` argument returns: the literal, the largest page for a
 * variable, the argument's schema default when it is left out; null when the field has no
 * `first` or its value is not a number.
 */
function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>): number | null {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return null;
  const given = field.arguments?.find((a) => a.name.value === 'first');
  if (!given) return typeof argument.defaultValue === 'number' ? argument.defaultValue : null;
  if (given.value.kind === Kind.INT) return Number(given.value.value);
  if (given.value.kind === Kind.VARIABLE) return ASSUMED_VARIABLE_PAGE;
  return null;
}

/**
 * Estimated cost of a selection set: every field costs 1; what a list field selects costs as
 * many times as the list is long — its `first` (see pageSize), else its declared size
 * (LIST_SIZES), else the page size of the paginated field it sits in (the `nodes` of
 * `workers(first: 50)`), else UNDECLARED_LIST_SIZE.
 */
function costOf(selectionSet: SelectionSetNode | undefined, parentType: GraphQLCompositeType, schema: GraphQLSchema, walker: FragmentWalker<number>, page: number): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection)) continue;
      const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
      if (!definition) {
        total += 1; // an unknown field: FieldsOnCorrectTypeRule reports it
        continue;
      }
      const size = pageSize(selection, definition);
      const list = isListType(getNullableType(definition.type));
      const multiplier = list ? (size ?? LIST_SIZES[`${parentType.name}.${selection.name.value}`] ?? (page || UNDECLARED_LIST_SIZE)) : 1;
      const childType = getNamedType(definition.type);
      // A paginated field that is not itself a list (a page type) hands its size to the list inside it.
      const child = isCompositeType(childType) ? costOf(selection.selectionSet, childType, schema, walker, list ? 0 : (size ?? 0)) : 0;
      total += 1 + multiplier * child;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      total += costOf(selection.selectionSet, isCompositeType(type) ? type : parentType, schema, walker, page);
    } else {
      total += walker.get(selection.name.value, page, (fragment) => {
        const type = schema.getType(fragment.typeCondition.name.value);
        return costOf(fragment.selectionSet, isCompositeType(type) ? type : parentType, schema, walker, page);
      });
    }
  }
  return total;
}

/** QUERY_TOO_COSTLY: the static estimate of costOf, per operation. */
export function maxCostRule(maxCost: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const walker = new FragmentWalker<number>(fragmentsOf(context));
    return {
      OperationDefinition(operation) {
        const schema = context.getSchema();
        const root = schema.getRootType(operation.operation);
        if (!root) return; // KnownOperationTypesRule reports it
        const cost = costOf(operation.selectionSet, root, schema, walker, 0);
        if (cost > maxCost) {
          // Fragments nested in fragments can multiply past any exact number.
          const found = Math.min(cost, Number.MAX_SAFE_INTEGER);
          const shown = cost > Number.MAX_SAFE_INTEGER ? `more than ${Number.MAX_SAFE_INTEGER}` : String(cost);
          context.reportError(
            new LimitExceededError('cost', `the query's estimated cost is ${shown}; at most ${maxCost} is allowed (ask for smaller pages or fewer nested lists)`, maxCost, found),
          );
        }
      },
    };
  };
}

/** The validation rules for Apollo Server's `validationRules`. */
export function limitRules(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxCost'>): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxCostRule(limits.maxCost)];
}

/** graphql's parse error for `maxTokens`: "Syntax Error: Document contains more that 2000 tokens. Parsing aborted." (sic, graphql 16). */
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/;

/** The refusal for a document past `maxTokens`, from the parse error graphql raised; null for any other error. */
export function tokenLimitError(message: string): LimitExceededError | null {
  const match = TOKEN_LIMIT_MESSAGE.exec(message);
  if (!match) return null;
  const max = Number(match[1]);
  return new LimitExceededError('tokens', `the query has more than ${max} tokens; at most ${max} are allowed`, max);
}

/**
 * TOO_MANY_OPERATIONS for an HTTP body that is a JSON array of more than maxBatch operations
 * (maxBatch 1: batching is off, any array is refused); null when the body may pass.
 */
export function batchLimitError(body: unknown, maxBatch: number): LimitExceededError | null {
  if (!Array.isArray(body)) return null;
  if (maxBatch <= 1) {
    return new LimitExceededError('batch', `batched requests are off; send one operation per request (this one has ${body.length})`, 1, body.length);
  }
  if (body.length <= maxBatch) return null;
  return new LimitExceededError('batch', `the request batches ${body.length} operations; at most ${maxBatch} are allowed`, maxBatch, body.length);
}
