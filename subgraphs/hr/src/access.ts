import { forbidden, isValidIdNumber, notFound, parseRowId, workerPseudonym, type AccessRules, type LocalAuthority, type Subject } from '@jiuye/common';
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
 * Before an hr write: the caller is an hr officer with a purpose, and the worker (when the ID
 * number is well formed and registered) lives in their region. A malformed or unknown number
 * is left to the service, which names the field.
 */
export async function authorizeWorkerWrite(context: HrContext, idNumber: string | undefined, what: string): Promise<void> {
  context.access.requireDepartment('hr', what);
  const record = await workerNamed(context, idNumber);
  if (record) await context.access.requireInScope({ workerId: record.id, place: record.villageCode }, what);
}

/** The registered worker an input's ID number names; null when the number is malformed (the service names it) or unregistered. */
async function workerNamed(context: HrContext, idNumber: string | undefined): Promise<WorkerRecord | null> {
  if (!idNumber || !isValidIdNumber(idNumber)) return null;
  return context.loaders.workerById.load(workerPseudonym(idNumber, context.config.pseudonymKey));
}

/**
 * Before a verification (月动态核实): hr officers and hr village assistants, for workers of their
 * own region (an assistant's region is their village). Verifying their village's records every
 * month is the village assistants' job, so they are allowed here explicitly; requireDepartment
 * already lets them write (it refuses viewers and other departments), and the role list below
 * keeps this mutation to these two roles whatever roles come later.
 * A worker outside the region gets the same NOT_FOUND as an unregistered number: a write must
 * not reveal that a person is registered elsewhere. A malformed number is left to the service.
 */
export async function authorizeVerification(context: HrContext, idNumber: string | undefined): Promise<void> {
  const { access } = context;
  access.requireDepartment('hr', 'record verifications');
  const role = access.identity.role;
  if (role !== 'officer' && role !== 'village_assistant') throw forbidden('record verifications are written by hr officers and village assistants', 'role');
  const record = await workerNamed(context, idNumber);
  if (record) await visibleOrNotFound(context, record, 'input.idNumber');
}

/** Root lookups (and verifications): a worker outside the caller's scope is as unknown as an unregistered one. */
export async function visibleOrNotFound(context: HrContext, record: WorkerRecord, field = 'idNumber'): Promise<WorkerRecord> {
  if (!(await context.access.canSee({ workerId: record.id, place: record.villageCode }))) throw notFound('worker', field);
  return record;
}

/** Before a write to an existing record of a worker (by row id): the record's worker must be in scope. */
export async function authorizeRecordWrite(
  context: HrContext,
  entity: new (...args: never[]) => { workerId: string },
  rowId: string,
  what: string,
): Promise<void> {
  context.access.requireDepartment('hr', what);
  const id = parseRowId(rowId);
  if (id === null) return;
  const record = await context.em.findOne(entity as never, { id } as never, { fields: ['workerId'] as never });
  if (record) await authorizeWorker(context, (record as { workerId: string }).workerId, what);
}

async function authorizeWorker(context: HrContext, workerId: string, what: string): Promise<void> {
  const worker = await context.loaders.workerById.load(workerId);
  await context.access.requireInScope({ workerId, place: worker?.villageCode ?? null }, what);
}
