import { forbidden, notFound, requireIdNumber, workerPseudonym, type AccessRules, type LocalAuthority, type Subject } from '@jiuye/common';
import type { HrContext } from './context';
import type { HrLoaders } from './loaders';
import type { WorkerRecord } from './worker/worker.entity';

/**
 * Who may see what in the labour registry. Every type below describes a person or a household;
 * the rules apply at each of its fields and at entity resolution (common/src/auth/guard.ts).
 * A Worker reached as {id} is placed by the registry (the authority below, sharing the
 * request's workerById loader); a WorkerRecord carries its village.
 */
export const hrAccess: AccessRules = {
  subjects: {
    ServiceRecord: (record: { workerId: string }): Subject => ({ workerId: record.workerId }),
    Worker: (worker: { id: string } & Partial<WorkerRecord>): Subject => ({ workerId: worker.id, place: worker.villageCode ?? null }),
    Household: (household: { code: string }): Subject => ({ place: household.code }),
    Employment: (employment: { workerId: string }): Subject => ({ workerId: employment.workerId }),
    SubsidyPayment: (payment: { workerId: string }): Subject => ({ workerId: payment.workerId }),
    WelfarePostAssignment: (assignment: { workerId: string }): Subject => ({ workerId: assignment.workerId }),
    JobFairIntention: (intention: { workerId: string }): Subject => ({ workerId: intention.workerId }),
    RecordVerification: (verification: { workerId: string }): Subject => ({ workerId: verification.workerId }),
  },
  fields: {
    'Worker.subsidies': 'welfare',
  },
  // One rule per kind, wherever it appears (common/src/auth/identifying-fields.ts).
  identifying: {
    'Worker.idNumber': 'id-number',
    'Worker.idNumberMasked': 'id-number-masked',
    'Worker.birthDate': 'birth-date',
    'Worker.age': 'age',
    'Worker.sex': 'sex',
    'Worker.village': 'village',
    'Worker.household': 'household',
    'Worker.phone': 'phone',
    'Worker.phoneMasked': 'phone-masked',
  },
};

/** hr places every registered worker (户籍村): the authority for region-scoped staff. */
export const hrAuthority: LocalAuthority<HrLoaders> = {
  kind: 'region',
  async visibleWorkers({ loaders }, identity, workerIds) {
    const records = await loaders.workerById.loadMany([...workerIds]);
    const visible = new Set<string>();
    for (const record of records) {
      if (record && !(record instanceof Error) && record.villageCode.startsWith(identity.region!)) visible.add(record.id);
    }
    return visible;
  },
};

/**
 * Whether a write (or a root lookup) may touch a worker, as one answer for "not registered" and
 * "registered outside your scope": the caller gets the same NOT_FOUND at the same point of the
 * same checks either way. It does the same work on both paths: it always loads the worker
 * through the request's loader (one statement whether or not the row exists) and always asks
 * the caller's scope (for region staff the place decides, or hr's own authority answers from
 * that loader; partner cities and institutions always ask their authority), so neither
 * statement counts nor time tell a hidden worker from an unknown one.
 * A null id (a record-by-id write whose row does not exist) is never in scope, after the same work.
 */
export type WorkerScope = (workerId: string | null) => Promise<boolean>;

/** No worker has this id (pseudonyms are `w` and base64url); loaded in place of a missing one so both paths cost the same. */
const NO_WORKER = 'w-none';

export function workerScope(context: HrContext): WorkerScope {
  return async (workerId) => {
    const id = workerId ?? NO_WORKER;
    const record = await context.loaders.workerById.load(id);
    const visible = await context.access.canSee({ workerId: id, place: record?.villageCode ?? null });
    return workerId !== null && record !== null && visible;
  };
}

/**
 * Before an hr write about a worker (by ID number, or by the id of one of their records): the
 * caller is an hr officer with a purpose. Whether the worker lies in their scope is decided by
 * the service where it loads the worker (the scope returned here), so that a worker registered
 * outside the scope gets exactly the NOT_FOUND an unregistered number gets, after the same
 * input checks and the same statements.
 */
export function authorizeWorkerWrite(context: HrContext, what: string): WorkerScope {
  context.access.requireDepartment('hr', what);
  return workerScope(context);
}

/**
 * Before a verification (月动态核实): hr officers and hr village assistants, for workers of their
 * own region (an assistant's region is their village). Verifying their village's records every
 * month is the village assistants' job, so they are allowed here explicitly; requireDepartment
 * already lets them write (it refuses viewers and other departments), and the role list below
 * keeps this mutation to these two roles whatever roles come later. The worker's scope is
 * decided as for every other write (see WorkerScope).
 */
export function authorizeVerification(context: HrContext): WorkerScope {
  const { access } = context;
  access.requireDepartment('hr', 'record verifications');
  const role = access.identity.role;
  if (role !== 'officer' && role !== 'village_assistant') throw forbidden('record verifications are written by hr officers and village assistants', 'role');
  return workerScope(context);
}

/** Root lookup by ID number: a worker outside the caller's scope is as unknown as an unregistered one (same answer, same work). */
export async function visibleWorkerOrNotFound(context: HrContext, idNumber: string, field = 'idNumber'): Promise<WorkerRecord> {
  requireIdNumber(idNumber, field);
  const id = workerPseudonym(idNumber, context.config.pseudonymKey);
  if (!(await workerScope(context)(id))) throw notFound('worker', field);
  return (await context.loaders.workerById.load(id))!;
}

/**
 * The region a reference-data write (employers, job postings, job fairs, public-welfare posts)
 * may touch. These are kept by hr officers (科员), not village assistants, each within their
 * region: a township officer keeps the township's workshops, posts and fairs; county-wide fairs
 * and employers outside the county are kept by county (or higher) officers, whose region holds
 * the county code. A record outside the region is answered as if it did not exist (the services
 * load it either way, then ask `covers`), so a township cannot probe its neighbours' records.
 */
export interface ReferenceScope {
  region: string;
  covers(code: string | null | undefined): boolean;
}

export function authorizeReferenceWrite(context: HrContext, what: string): ReferenceScope {
  const { access } = context;
  access.requireDepartment('hr', what);
  if (access.identity.role !== 'officer') throw forbidden(`${what} are kept by hr officers`, 'role');
  const region = access.identity.region;
  if (!region) throw forbidden('this account has no region to keep records in', 'no-region-scope');
  return { region, covers: (code) => typeof code === 'string' && code.startsWith(region) };
}
