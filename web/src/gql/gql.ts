/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Freshness {\n    situationFreshness {\n      asOf\n      lagSeconds\n    }\n  }\n": typeof types.FreshnessDocument,
    "\n  mutation RecordEmploymentStart($input: RecordEmploymentStartInput!) {\n    recordEmploymentStart(input: $input) {\n      id\n      startsOn\n    }\n  }\n": typeof types.RecordEmploymentStartDocument,
    "\n  mutation RecordEmploymentEnd($input: RecordEmploymentEndInput!) {\n    recordEmploymentEnd(input: $input) {\n      id\n      endsOn\n    }\n  }\n": typeof types.RecordEmploymentEndDocument,
    "\n  query DivisionChildren($code: DivisionCode!) {\n    division(code: $code) {\n      code\n      name\n      children {\n        code\n        name\n      }\n    }\n  }\n": typeof types.DivisionChildrenDocument,
    "\n  mutation ResolveConflict($input: ResolveConflictInput!) {\n    resolveConflict(input: $input) {\n      id\n      status\n      resolution {\n        note\n        keptSource\n        resolvedAt\n      }\n    }\n  }\n": typeof types.ResolveConflictDocument,
    "\n  query Roster($kind: RosterKind!, $region: String, $first: Int!, $after: String) {\n    roster(kind: $kind, region: $region, first: $first, after: $after) {\n      label\n      totalCount\n      region {\n        code\n        name\n      }\n      nodes {\n        id\n        name\n        idNumberMasked\n        sex\n        age\n        villageName\n        employmentStatus\n        povertyStatus\n        verifiedOn\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      freshness {\n        asOf\n      }\n    }\n  }\n": typeof types.RosterDocument,
    "\n  mutation RecordVerification($input: RecordVerificationInput!) {\n    recordVerification(input: $input) {\n      id\n      verifiedOn\n      outcome\n    }\n  }\n": typeof types.RecordVerificationDocument,
    "\n  query WorkerCard($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      name\n      sex\n      age\n      idNumberMasked\n      phoneMasked\n      village {\n        code\n        name\n      }\n      hrRecordedAt\n      populationStatus\n      employmentStatus\n      verifiedOn\n      currentEmployment {\n        id\n        employerName\n        location\n        startsOn\n        monthlyWage\n      }\n      employments {\n        id\n        employerName\n        startsOn\n        endsOn\n      }\n      povertyRecordedAt\n      povertyStatus\n      povertyHousehold {\n        code\n        statusSince\n      }\n      civilRecordedAt\n      leftBehind\n      disability {\n        kind\n        grade\n        certifiedOn\n      }\n      trainingRecordedAt\n      enrolments {\n        id\n        enrolledOn\n        status\n        completedOn\n        trainingClass {\n          course {\n            name\n          }\n        }\n      }\n      partnerRecordedAt\n      transfers {\n        id\n        employerName\n        jobTitle\n        startedOn\n        endedOn\n      }\n    }\n  }\n": typeof types.WorkerCardDocument,
    "\n  query WorkerReveal($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      idNumber\n    }\n  }\n": typeof types.WorkerRevealDocument,
    "\n  query ZeroEmploymentWorklist($region: String, $first: Int!, $after: String) {\n    zeroEmploymentHouseholds(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        code\n        villageName\n        povertyStatus\n        registryMembers\n        ableLabourers\n        responsible {\n          cadreName\n          cadrePhoneMasked\n          unitName\n          fallback\n        }\n        lastAction {\n          on\n          what\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ZeroEmploymentWorklistDocument,
    "\n  query WarningsWorklist($region: String, $first: Int!, $after: String) {\n    warnings(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        ruleLabel\n        level\n        reason\n        since\n        villageName\n        person {\n          name\n          idNumberMasked\n        }\n        householdCode\n        responsible {\n          name\n          unit\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WarningsWorklistDocument,
    "\n  query ConflictsWorklist($region: String, $first: Int!, $after: String) {\n    conflicts(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        label\n        villageName\n        householdCode\n        person {\n          name\n          idNumberMasked\n        }\n        sources {\n          department\n          departmentLabel\n          fact\n          since\n        }\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConflictsWorklistDocument,
};
const documents: Documents = {
    "\n  query Freshness {\n    situationFreshness {\n      asOf\n      lagSeconds\n    }\n  }\n": types.FreshnessDocument,
    "\n  mutation RecordEmploymentStart($input: RecordEmploymentStartInput!) {\n    recordEmploymentStart(input: $input) {\n      id\n      startsOn\n    }\n  }\n": types.RecordEmploymentStartDocument,
    "\n  mutation RecordEmploymentEnd($input: RecordEmploymentEndInput!) {\n    recordEmploymentEnd(input: $input) {\n      id\n      endsOn\n    }\n  }\n": types.RecordEmploymentEndDocument,
    "\n  query DivisionChildren($code: DivisionCode!) {\n    division(code: $code) {\n      code\n      name\n      children {\n        code\n        name\n      }\n    }\n  }\n": types.DivisionChildrenDocument,
    "\n  mutation ResolveConflict($input: ResolveConflictInput!) {\n    resolveConflict(input: $input) {\n      id\n      status\n      resolution {\n        note\n        keptSource\n        resolvedAt\n      }\n    }\n  }\n": types.ResolveConflictDocument,
    "\n  query Roster($kind: RosterKind!, $region: String, $first: Int!, $after: String) {\n    roster(kind: $kind, region: $region, first: $first, after: $after) {\n      label\n      totalCount\n      region {\n        code\n        name\n      }\n      nodes {\n        id\n        name\n        idNumberMasked\n        sex\n        age\n        villageName\n        employmentStatus\n        povertyStatus\n        verifiedOn\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      freshness {\n        asOf\n      }\n    }\n  }\n": types.RosterDocument,
    "\n  mutation RecordVerification($input: RecordVerificationInput!) {\n    recordVerification(input: $input) {\n      id\n      verifiedOn\n      outcome\n    }\n  }\n": types.RecordVerificationDocument,
    "\n  query WorkerCard($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      name\n      sex\n      age\n      idNumberMasked\n      phoneMasked\n      village {\n        code\n        name\n      }\n      hrRecordedAt\n      populationStatus\n      employmentStatus\n      verifiedOn\n      currentEmployment {\n        id\n        employerName\n        location\n        startsOn\n        monthlyWage\n      }\n      employments {\n        id\n        employerName\n        startsOn\n        endsOn\n      }\n      povertyRecordedAt\n      povertyStatus\n      povertyHousehold {\n        code\n        statusSince\n      }\n      civilRecordedAt\n      leftBehind\n      disability {\n        kind\n        grade\n        certifiedOn\n      }\n      trainingRecordedAt\n      enrolments {\n        id\n        enrolledOn\n        status\n        completedOn\n        trainingClass {\n          course {\n            name\n          }\n        }\n      }\n      partnerRecordedAt\n      transfers {\n        id\n        employerName\n        jobTitle\n        startedOn\n        endedOn\n      }\n    }\n  }\n": types.WorkerCardDocument,
    "\n  query WorkerReveal($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      idNumber\n    }\n  }\n": types.WorkerRevealDocument,
    "\n  query ZeroEmploymentWorklist($region: String, $first: Int!, $after: String) {\n    zeroEmploymentHouseholds(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        code\n        villageName\n        povertyStatus\n        registryMembers\n        ableLabourers\n        responsible {\n          cadreName\n          cadrePhoneMasked\n          unitName\n          fallback\n        }\n        lastAction {\n          on\n          what\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ZeroEmploymentWorklistDocument,
    "\n  query WarningsWorklist($region: String, $first: Int!, $after: String) {\n    warnings(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        ruleLabel\n        level\n        reason\n        since\n        villageName\n        person {\n          name\n          idNumberMasked\n        }\n        householdCode\n        responsible {\n          name\n          unit\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WarningsWorklistDocument,
    "\n  query ConflictsWorklist($region: String, $first: Int!, $after: String) {\n    conflicts(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        label\n        villageName\n        householdCode\n        person {\n          name\n          idNumberMasked\n        }\n        sources {\n          department\n          departmentLabel\n          fact\n          since\n        }\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConflictsWorklistDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Freshness {\n    situationFreshness {\n      asOf\n      lagSeconds\n    }\n  }\n"): (typeof documents)["\n  query Freshness {\n    situationFreshness {\n      asOf\n      lagSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordEmploymentStart($input: RecordEmploymentStartInput!) {\n    recordEmploymentStart(input: $input) {\n      id\n      startsOn\n    }\n  }\n"): (typeof documents)["\n  mutation RecordEmploymentStart($input: RecordEmploymentStartInput!) {\n    recordEmploymentStart(input: $input) {\n      id\n      startsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordEmploymentEnd($input: RecordEmploymentEndInput!) {\n    recordEmploymentEnd(input: $input) {\n      id\n      endsOn\n    }\n  }\n"): (typeof documents)["\n  mutation RecordEmploymentEnd($input: RecordEmploymentEndInput!) {\n    recordEmploymentEnd(input: $input) {\n      id\n      endsOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DivisionChildren($code: DivisionCode!) {\n    division(code: $code) {\n      code\n      name\n      children {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query DivisionChildren($code: DivisionCode!) {\n    division(code: $code) {\n      code\n      name\n      children {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveConflict($input: ResolveConflictInput!) {\n    resolveConflict(input: $input) {\n      id\n      status\n      resolution {\n        note\n        keptSource\n        resolvedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveConflict($input: ResolveConflictInput!) {\n    resolveConflict(input: $input) {\n      id\n      status\n      resolution {\n        note\n        keptSource\n        resolvedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roster($kind: RosterKind!, $region: String, $first: Int!, $after: String) {\n    roster(kind: $kind, region: $region, first: $first, after: $after) {\n      label\n      totalCount\n      region {\n        code\n        name\n      }\n      nodes {\n        id\n        name\n        idNumberMasked\n        sex\n        age\n        villageName\n        employmentStatus\n        povertyStatus\n        verifiedOn\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      freshness {\n        asOf\n      }\n    }\n  }\n"): (typeof documents)["\n  query Roster($kind: RosterKind!, $region: String, $first: Int!, $after: String) {\n    roster(kind: $kind, region: $region, first: $first, after: $after) {\n      label\n      totalCount\n      region {\n        code\n        name\n      }\n      nodes {\n        id\n        name\n        idNumberMasked\n        sex\n        age\n        villageName\n        employmentStatus\n        povertyStatus\n        verifiedOn\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      freshness {\n        asOf\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVerification($input: RecordVerificationInput!) {\n    recordVerification(input: $input) {\n      id\n      verifiedOn\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation RecordVerification($input: RecordVerificationInput!) {\n    recordVerification(input: $input) {\n      id\n      verifiedOn\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkerCard($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      name\n      sex\n      age\n      idNumberMasked\n      phoneMasked\n      village {\n        code\n        name\n      }\n      hrRecordedAt\n      populationStatus\n      employmentStatus\n      verifiedOn\n      currentEmployment {\n        id\n        employerName\n        location\n        startsOn\n        monthlyWage\n      }\n      employments {\n        id\n        employerName\n        startsOn\n        endsOn\n      }\n      povertyRecordedAt\n      povertyStatus\n      povertyHousehold {\n        code\n        statusSince\n      }\n      civilRecordedAt\n      leftBehind\n      disability {\n        kind\n        grade\n        certifiedOn\n      }\n      trainingRecordedAt\n      enrolments {\n        id\n        enrolledOn\n        status\n        completedOn\n        trainingClass {\n          course {\n            name\n          }\n        }\n      }\n      partnerRecordedAt\n      transfers {\n        id\n        employerName\n        jobTitle\n        startedOn\n        endedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkerCard($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      name\n      sex\n      age\n      idNumberMasked\n      phoneMasked\n      village {\n        code\n        name\n      }\n      hrRecordedAt\n      populationStatus\n      employmentStatus\n      verifiedOn\n      currentEmployment {\n        id\n        employerName\n        location\n        startsOn\n        monthlyWage\n      }\n      employments {\n        id\n        employerName\n        startsOn\n        endsOn\n      }\n      povertyRecordedAt\n      povertyStatus\n      povertyHousehold {\n        code\n        statusSince\n      }\n      civilRecordedAt\n      leftBehind\n      disability {\n        kind\n        grade\n        certifiedOn\n      }\n      trainingRecordedAt\n      enrolments {\n        id\n        enrolledOn\n        status\n        completedOn\n        trainingClass {\n          course {\n            name\n          }\n        }\n      }\n      partnerRecordedAt\n      transfers {\n        id\n        employerName\n        jobTitle\n        startedOn\n        endedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkerReveal($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      idNumber\n    }\n  }\n"): (typeof documents)["\n  query WorkerReveal($idNumber: String!) {\n    worker(idNumber: $idNumber) {\n      id\n      idNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ZeroEmploymentWorklist($region: String, $first: Int!, $after: String) {\n    zeroEmploymentHouseholds(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        code\n        villageName\n        povertyStatus\n        registryMembers\n        ableLabourers\n        responsible {\n          cadreName\n          cadrePhoneMasked\n          unitName\n          fallback\n        }\n        lastAction {\n          on\n          what\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ZeroEmploymentWorklist($region: String, $first: Int!, $after: String) {\n    zeroEmploymentHouseholds(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        code\n        villageName\n        povertyStatus\n        registryMembers\n        ableLabourers\n        responsible {\n          cadreName\n          cadrePhoneMasked\n          unitName\n          fallback\n        }\n        lastAction {\n          on\n          what\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarningsWorklist($region: String, $first: Int!, $after: String) {\n    warnings(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        ruleLabel\n        level\n        reason\n        since\n        villageName\n        person {\n          name\n          idNumberMasked\n        }\n        householdCode\n        responsible {\n          name\n          unit\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WarningsWorklist($region: String, $first: Int!, $after: String) {\n    warnings(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        ruleLabel\n        level\n        reason\n        since\n        villageName\n        person {\n          name\n          idNumberMasked\n        }\n        householdCode\n        responsible {\n          name\n          unit\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConflictsWorklist($region: String, $first: Int!, $after: String) {\n    conflicts(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        label\n        villageName\n        householdCode\n        person {\n          name\n          idNumberMasked\n        }\n        sources {\n          department\n          departmentLabel\n          fact\n          since\n        }\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConflictsWorklist($region: String, $first: Int!, $after: String) {\n    conflicts(region: $region, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        label\n        villageName\n        householdCode\n        person {\n          name\n          idNumberMasked\n        }\n        sources {\n          department\n          departmentLabel\n          fact\n          since\n        }\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;