import { isHouseholdCode, isValidIdNumber, notFound, workerPseudonym, type AccessRules, type Subject } from '@jiuye/common';
import type { CivilContext } from './context';
import { AssistanceGrant } from './assistance/assistance.entity';
import { CareDuty } from './care-duty/care-duty.entity';
import type { PersonCircumstance } from './person/person.entity';

/**
 * Where a person record of civil affairs belongs. A person civil affairs has placed in a
 * household (person_circumstance.household_code) is placed by that code; otherwise the place is
 * unknown and the authority (hr's residence, partner's transfers, training's trainees) decides
 * by the worker id. Resolvers carry the household code along on the objects they return
 * (`householdCode`, never a GraphQL field) so that the subject functions stay synchronous.
 */
export interface Placed {
  householdCode?: string | null;
}

function personSubject(workerId: string, placed: Placed): Subject {
  return { workerId, place: placed.householdCode ?? null };
}

/**
 * Who may see what in civil affairs' records (common/src/auth/guard.ts applies these at every
 * field and at entity resolution).
 * - Worker: the person. Disability, left-behind status and care duties are 'health' (sensitive
 *   family facts: department staff only). staysNearHome has no category: anyone who may see the
 *   worker reads it (hr @requires it to offer jobs; it reveals no detail).
 * - Household: placed by its code; its grants are 'welfare'.
 * - AssistanceGrant (低保/特困 and amounts): placed by its household; every field 'welfare'.
 * - Disability and CareDuty: a person's health and family facts, placed as the person; every field 'health'.
 */
export const civilAccess: AccessRules = {
  subjects: {
    ServiceRecord: (record: { workerId: string }): Subject => ({ workerId: record.workerId }),
    Worker: (worker: { id: string } & Placed): Subject => personSubject(worker.id, worker),
    Household: (household: { code: string }): Subject => ({ place: household.code }),
    AssistanceGrant: (grant: { householdCode: string }): Subject => ({ place: grant.householdCode }),
    Disability: (disability: { workerId: string } & Placed): Subject => personSubject(disability.workerId, disability),
    CareDuty: (duty: { workerId: string } & Placed): Subject => personSubject(duty.workerId, duty),
  },
  fields: {
    'Worker.leftBehind': 'health',
    'Worker.disability': 'health',
    'Worker.careDuties': 'health',
    'Household.assistanceGrants': 'welfare',
    'Household.currentAssistance': 'welfare',
    ...categoryOfAll('AssistanceGrant', ['id', 'householdCode', 'kind', 'monthlyAmount', 'startsOn', 'endsOn', 'stopReason', 'active'], 'welfare'),
    ...categoryOfAll('Disability', ['kind', 'grade', 'certifiedOn'], 'health'),
    ...categoryOfAll('CareDuty', ['id', 'reason', 'caredForName', 'since', 'until', 'active'], 'health'),
  },
};

function categoryOfAll<C extends string>(typeName: string, fields: string[], category: C): Record<string, C> {
  return Object.fromEntries(fields.map((field) => [`${typeName}.${field}`, category]));
}

/** Marks a record of a person with the household civil affairs knows for them (see Placed). */
export function placeWith<T extends object>(record: T, situation: Pick<PersonCircumstance, 'householdCode'> | null): T & Placed {
  return Object.assign(record, { householdCode: situation?.householdCode ?? null });
}

/** No worker has this id (pseudonyms are `w` and base64url), no village this place. */
const NO_WORKER = 'w-none';
const NO_PLACE = '0000000000000000';

/**
 * Whether the caller may see a person, as civil affairs places them, after the same work
 * whoever they are: civil's own situation row is loaded and the authority (hr's residence) is
 * asked on every path, so that neither statement counts nor time tell a person placed outside
 * the scope from one nobody knows. The place decides when civil affairs knows it.
 */
async function personInScope(context: CivilContext, workerId: string | null): Promise<{ visible: boolean; situation: PersonCircumstance | null }> {
  const id = workerId ?? NO_WORKER;
  const [situation, byAuthority] = await Promise.all([context.loaders.situationByWorker.load(id), context.access.canSee({ workerId: id })]);
  const visible = situation?.householdCode ? await context.access.canSee({ place: situation.householdCode }) : byAuthority;
  return { visible: workerId !== null && visible, situation };
}

/**
 * Before a write about a person (disability, left-behind status, care duty): the caller is a
 * civil officer with a purpose; the person as civil affairs places them now must lie in their
 * scope (when civil affairs holds a situation for them, else as the authority places them),
 * and so must the household the write places them in. A person outside the scope gets exactly
 * the NOT_FOUND of a person nobody knows (same field, message and work); a household code
 * outside the region is FORBIDDEN on input.householdCode, as the code alone says so.
 * A malformed ID number or household code is left to the service, which names the field.
 */
export async function authorizePersonWrite(context: CivilContext, idNumber: string | undefined, householdCode: string | null | undefined, what: string): Promise<void> {
  context.access.requireDepartment('civil', what);
  const newPlace = isHouseholdCode(householdCode) ? householdCode : null;
  if (newPlace) await context.access.requireInScope({ place: newPlace }, 'input.householdCode');
  if (!idNumber || !isValidIdNumber(idNumber)) return;
  const { visible, situation } = await personInScope(context, workerPseudonym(idNumber, context.config.pseudonymKey));
  // Someone placed nowhere yet may be placed in a household of the caller's region.
  if (!visible && !(newPlace && !situation?.householdCode)) throw notFound('person', 'input.idNumber');
}

/** Before a grant to a household: a civil officer, and the household (when well formed) in scope. */
export async function authorizeHouseholdWrite(context: CivilContext, householdCode: string | undefined, what: string): Promise<void> {
  context.access.requireDepartment('civil', what);
  if (isHouseholdCode(householdCode)) await context.access.requireInScope({ place: householdCode }, 'input.householdCode');
}

/** Whether a loaded row (null: none) may be written by the caller: asked by the service where it loads the row. */
export type RowScope<T> = (row: T | null) => Promise<boolean>;

/** Before stopping a grant: a civil officer; the service asks the returned scope (the grant's household) where it loads the grant. */
export function authorizeGrantWrite(context: CivilContext, what: string): RowScope<Pick<AssistanceGrant, 'householdCode'>> {
  context.access.requireDepartment('civil', what);
  return async (grant) => (await context.access.canSee({ place: grant?.householdCode ?? NO_PLACE })) && grant !== null;
}

/** Before ending a care duty: a civil officer; the service asks the returned scope (the duty's person) where it loads the duty. */
export function authorizeCareDutyWrite(context: CivilContext, what: string): RowScope<Pick<CareDuty, 'workerId'>> {
  context.access.requireDepartment('civil', what);
  return async (duty) => (await personInScope(context, duty?.workerId ?? null)).visible && duty !== null;
}
