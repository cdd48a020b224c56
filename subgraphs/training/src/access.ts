import { conflict, forbidden, isValidIdNumber, parseRowId, workerPseudonym, type AccessControl, type AccessRules, type LocalAuthority, type Subject } from '@jiuye/common';
import type { Certificate } from './certificate/certificate.entity';
import type { TrainingContext } from './context';
import type { Enrolment } from './enrolment/enrolment.entity';
import type { TrainingLoaders } from './loaders';
import type { TrainingClass } from './training-class/training-class.entity';
import type { Worker } from './worker/worker.type';

/**
 * Who may see what in the training records. Workers, their enrolments and their certificates
 * describe a person; the rules apply at each of their fields and at entity resolution
 * (common/src/auth/guard.ts).
 *
 * An enrolment or certificate carries the institution whose course it belongs to (a formula
 * read with the row, see the entities), so institution staff see their own institution's rows
 * without asking anyone, and never another institution's. Region staff are answered by hr
 * (residence) and partner-city staff by partner (transfers), by worker id, batched per request.
 * Training is itself the authority for institution staff: their trainees are the workers
 * enrolled in a class of one of their courses (any status), by an enrolment the county
 * confirmed — an institution's own pending enrolment shows it only that row (hole 7).
 *
 * Institutions, courses and classes are the training catalogue, not people: every account may
 * read them, except that institution staff are kept to their own institution (see the helpers
 * below). TrainingOutcomes holds counts only (an aggregate, read within a region).
 */
export const trainingAccess: AccessRules = {
  subjects: {
    ServiceRecord: (record: { workerId: string }): Subject => ({ workerId: record.workerId }),
    Worker: (worker: Worker): Subject => ({ workerId: worker.id, institution: institutionCode(worker.knownInstitution) }),
    Enrolment: (enrolment: Pick<Enrolment, 'workerId' | 'institutionId'>): Subject => enrolmentSubject(enrolment),
    Certificate: (certificate: Pick<Certificate, 'workerId' | 'institutionId'>): Subject => ({
      workerId: certificate.workerId,
      institution: institutionCode(certificate.institutionId),
    }),
  },
};

function institutionCode(id: number | null | undefined): string | null {
  return id == null ? null : String(id);
}

export function enrolmentSubject(enrolment: Pick<Enrolment, 'workerId' | 'institutionId'>): Subject {
  return { workerId: enrolment.workerId, institution: institutionCode(enrolment.institutionId) };
}

export function certificateSubject(certificate: Pick<Certificate, 'workerId' | 'institutionId'>): Subject {
  return { workerId: certificate.workerId, institution: institutionCode(certificate.institutionId) };
}

/** Training decides for institution staff: one statement per batch of worker ids. */
export const trainingAuthority: LocalAuthority<TrainingLoaders> = {
  kind: 'institution',
  async visibleWorkers({ em }, identity, workerIds) {
    const institutionId = parseRowId(identity.institution);
    if (institutionId === null || workerIds.length === 0) return new Set();
    const rows: { worker_id: string }[] = await em.getConnection().execute(
      `select distinct e.worker_id
         from enrolment e
         join training_class tc on tc.id = e.class_id
         join course c on c.id = tc.course_id
        where c.institution_id = ? and e.confirmation = 'CONFIRMED' and e.worker_id in (?)`,
      [institutionId, [...workerIds]],
    );
    return new Set(rows.map((row) => row.worker_id));
  },
};

/**
 * The caller's own institution when they are institution staff (an account naming no valid
 * institution reaches nothing: FORBIDDEN); null for everyone else, whom it does not restrict.
 */
export function ownInstitution(access: AccessControl): number | null {
  if (access.kind !== 'institution') return null;
  const id = parseRowId(access.identity.institution);
  if (id === null) throw forbidden('this account names no valid institution', 'no-scope');
  return id;
}

/**
 * An institution argument of a catalogue list or aggregate: institution staff get their own
 * institution when they name none, and FORBIDDEN naming the argument when they name another.
 * Anyone else's argument is used as given; a malformed one is left to the service.
 */
export function scopeInstitutionArg(access: AccessControl, requested: string | null | undefined, argument = 'institutionId'): string | null {
  if (access.kind !== 'institution') return requested ?? null;
  const own = ownInstitution(access)!;
  if (requested == null || requested === '') return String(own);
  const id = parseRowId(requested);
  if (id === null || id === own) return requested;
  throw forbidden(`${argument}: institution ${requested} is not yours; your account reaches institution ${own} only`, 'other-institution');
}

/** Root class lookup: another institution's class is, for institution staff, as unknown as a missing one. */
export async function visibleClassOrNull(context: TrainingContext, trainingClass: TrainingClass | null): Promise<TrainingClass | null> {
  const own = ownInstitution(context.access);
  if (!trainingClass || own === null) return trainingClass;
  const course = await context.loaders.courseById.load(trainingClass.courseId);
  return course && course.institutionId === own ? trainingClass : null;
}

/** Nested lists of enrolments reached from a class or a worker: only the ones the caller may see. */
export async function visibleEnrolments(access: AccessControl, enrolments: readonly Enrolment[]): Promise<Enrolment[]> {
  return access.filterVisible(enrolments, enrolmentSubject);
}

export async function visibleCertificates(access: AccessControl, certificates: readonly Certificate[]): Promise<Certificate[]> {
  return access.filterVisible(certificates, certificateSubject);
}

/**
 * Before an enrolment: the caller is training staff with a purpose (not a viewer); institution
 * staff enrol only into their own institution's classes, region staff only workers of their
 * region. A malformed input or a missing class is left to the service, which names the field.
 * Returns the class's institution (for the new row's subject), when known, and whether the
 * enrolment is confirmed (hole 7): region staff's always; an institution's only when the worker
 * is already its trainee through a confirmed enrolment — otherwise it is a pending claim, and the
 * answer is the same whether the ID number is known, unknown or someone else's.
 */
export async function authorizeEnrol(context: TrainingContext, input: { classId: string; idNumber: string }): Promise<{ institutionId: number | null; confirmed: boolean }> {
  context.access.requireDepartment('training', 'enrolments');
  const unknown = { institutionId: null, confirmed: context.access.kind === 'region' };
  const classId = parseRowId(input.classId);
  if (classId === null || !isValidIdNumber(input.idNumber)) return unknown;
  const trainingClass = await context.loaders.classById.load(classId);
  if (!trainingClass) return unknown;
  const course = await context.loaders.courseById.load(trainingClass.courseId);
  const institutionId = course?.institutionId ?? null;
  const workerId = workerPseudonym(input.idNumber, context.config.pseudonymKey);
  const what = context.access.kind === 'institution' ? 'input.classId: the class' : 'input.idNumber: the worker';
  await context.access.requireInScope({ workerId, institution: institutionCode(institutionId) }, what);
  // Region staff passed on the worker's residence; an institution passed on its class alone, so ask the authority (confirmed trainees).
  const confirmed = context.access.kind === 'region' || (await context.access.canSee({ workerId }));
  return { institutionId, confirmed };
}

/** Whether the caller may write an enrolment the service has loaded (null: no such row). */
export type EnrolmentScope = (enrolment: Pick<Enrolment, 'workerId' | 'institutionId'> | null) => Promise<boolean>;

/**
 * Before a write to an existing enrolment (by row id): the caller is training staff; the service
 * asks the returned scope where it loads the enrolment (the caller's institution's, or its
 * worker in the caller's region). One outside the scope gets the NOT_FOUND of an enrolment
 * that does not exist, at the same point and after the same work (a missing one is checked as
 * a row of nobody, so region staff ask hr on both paths).
 */
export function authorizeEnrolmentWrite(context: TrainingContext, what: string): EnrolmentScope {
  context.access.requireDepartment('training', what);
  return async (enrolment) => (await context.access.canSee(enrolmentSubject(enrolment ?? { workerId: NO_WORKER, institutionId: NO_INSTITUTION }))) && enrolment !== null;
}

/** No worker has this id (pseudonyms are `w` and base64url), no institution this id (a missing enrolment is nobody's). */
const NO_WORKER = 'w-none';
const NO_INSTITUTION = -1;

/**
 * Before recording a certificate: region staff only for workers of their region; institution
 * staff for their own trainees, and for the training it came from only when that training is
 * theirs. Returns the institution of that training, when known.
 */
export async function authorizeCertify(context: TrainingContext, input: { idNumber: string; enrolmentId?: string | null }): Promise<number | null> {
  context.access.requireDepartment('training', 'certificates');
  if (!isValidIdNumber(input.idNumber)) return null;
  let institutionId: number | null = null;
  if (input.enrolmentId != null) {
    const id = parseRowId(input.enrolmentId);
    if (id === null) return null;
    const enrolment = await context.loaders.enrolmentById.load(id);
    if (!enrolment) return null;
    // A certificate from an enrolment the county has not confirmed would make the institution's claim a fact of the worker (hole 7).
    if (enrolment.confirmation !== 'CONFIRMED') {
      await context.access.requireInScope(enrolmentSubject(enrolment), 'input.enrolmentId: the enrolment');
      throw conflict('input.enrolmentId', "the enrolment awaits the county's confirmation (or was rejected); certify once it is confirmed");
    }
    institutionId = enrolment.institutionId ?? null;
  }
  const workerId = workerPseudonym(input.idNumber, context.config.pseudonymKey);
  await context.access.requireInScope({ workerId, institution: institutionCode(institutionId) }, 'input.idNumber: the worker');
  return institutionId;
}

/** Whether an institution lies within the writer's reach (see authorizeCatalogueWrite). */
export type InstitutionScope = (institution: { id: number; divisionCode: string }) => boolean;

/**
 * Before a write to the catalogue (courses, classes, their schedule): training staff with a
 * purpose, not viewers. Institution staff write their own institution's only; county training
 * staff those of institutions located in their region. Courses, classes and sessions outside
 * the scope are answered like missing ones (NOT_FOUND on the id), after the same work.
 */
export function authorizeCatalogueWrite(context: TrainingContext, what: string): InstitutionScope {
  const { access } = context;
  access.requireDepartment('training', what);
  const own = ownInstitution(access);
  if (own !== null) return (institution) => institution.id === own;
  const region = access.identity.region;
  if (access.kind !== 'region' || !region) throw forbidden(`${what}: this account has no institution or region to write in`, 'no-scope');
  return (institution) => institution.divisionCode.startsWith(region);
}
