import { isValidIdNumber, parseRowId, workerPseudonym, type AccessRules, type Subject } from '@jiuye/common';
import type { CivilContext } from './context';
import { AssistanceGrant } from './assistance/assistance.entity';
import { CareDuty } from './care-duty/care-duty.entity';
import type { PersonSituation } from './person/person.entity';

const HOUSEHOLD_CODE = /^\d{16}$/;

/**
 * Where a person record of civil affairs belongs. A person civil affairs has placed in a
 * household (person_situation.household_code) is placed by that code; otherwise the place is
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
export function placeWith<T extends object>(record: T, situation: Pick<PersonSituation, 'householdCode'> | null): T & Placed {
  return Object.assign(record, { householdCode: situation?.householdCode ?? null });
}

/**
 * Before a write about a person (disability, left-behind status, care duty): the caller is a
 * civil officer with a purpose; the person as civil affairs places them now must lie in their
 * scope (when civil affairs holds a situation for them), and so must the household the write
 * places them in (or, for someone civil affairs holds nothing about, the authority's place).
 * A malformed ID number or household code is left to the service, which names the field.
 */
export async function authorizePersonWrite(
  context: CivilContext,
  idNumber: string | undefined,
  householdCode: string | null | undefined,
  what: string,
): Promise<void> {
  context.access.requireDepartment('civil', what);
  if (!idNumber || !isValidIdNumber(idNumber)) return;
  const workerId = workerPseudonym(idNumber, context.config.pseudonymKey);
  const situation = await context.loaders.situationByWorker.load(workerId);
  const newPlace = householdCode && HOUSEHOLD_CODE.test(householdCode) ? householdCode : null;
  if (situation) await context.access.requireInScope(personSubject(workerId, situation), what);
  if (!situation || (newPlace && newPlace !== situation.householdCode)) {
    await context.access.requireInScope({ workerId, place: newPlace ?? situation?.householdCode ?? null }, newPlace ? 'input.householdCode' : what);
  }
}

/** Before a grant to a household: a civil officer, and the household (when well formed) in scope. */
export async function authorizeHouseholdWrite(context: CivilContext, householdCode: string | undefined, what: string): Promise<void> {
  context.access.requireDepartment('civil', what);
  if (householdCode && HOUSEHOLD_CODE.test(householdCode)) await context.access.requireInScope({ place: householdCode }, 'input.householdCode');
}

/** Before stopping a grant: a civil officer, and the grant's household (when the grant exists) in scope. */
export async function authorizeGrantWrite(context: CivilContext, grantId: string, what: string): Promise<void> {
  context.access.requireDepartment('civil', what);
  const id = parseRowId(grantId);
  if (id === null) return;
  const grant = await context.em.findOne(AssistanceGrant, id);
  if (grant) await context.access.requireInScope({ place: grant.householdCode }, what);
}

/** Before ending a care duty: a civil officer, and the duty's person (when the duty exists) in scope. */
export async function authorizeCareDutyWrite(context: CivilContext, careDutyId: string, what: string): Promise<void> {
  context.access.requireDepartment('civil', what);
  const id = parseRowId(careDutyId);
  if (id === null) return;
  const duty = await context.em.findOne(CareDuty, id);
  if (!duty) return;
  const situation = await context.loaders.situationByWorker.load(duty.workerId);
  await context.access.requireInScope(personSubject(duty.workerId, situation ?? {}), what);
}
