import type { AccessControl } from './access';
import { forbidden, purposeRequired } from './access';
import { DEPARTMENT_LABELS, type Department } from '../departments';
import { notFound } from '../errors';

/** A worker id no worker has (pseudonyms start with 'w'): asked about in place of an unknown link, so both cost one authority call. */
const NO_WORKER = '-no-such-worker-';

/**
 * Hole 7: a partner city or an institution cannot make a worker visible to itself by writing a
 * link (a transfer into its batch, an enrolment into its class). Evidence the county issued
 * decides instead: a link to a worker the account cannot yet see is PENDING until county staff
 * whose region holds the worker confirm it — officers of hr (人社, which organises labour
 * export and refers trainees) or of the department that owns the link. Partner-city and
 * institution accounts, viewers and staff of other regions cannot.
 */
export async function authorizeLinkDecision(access: AccessControl, owner: Department, workerId: string | null, what: string): Promise<void> {
  requireLinkDecider(access, owner, what);
  // An unknown link (null) is left to the service, which answers NOT_FOUND.
  if (workerId !== null) await access.requireInScope({ workerId }, what);
}

/**
 * authorizeLinkDecision for a link named by its row id (confirmTransfer, confirmEnrolment …): a
 * link whose worker lies outside the decider's region answers exactly as a row id that does not
 * exist — NOT_FOUND naming the field, after the same authority call — so row ids cannot be probed
 * for another region's transfers or enrolments. `workerId` is null for an unknown row.
 */
export async function authorizeLinkRowDecision(access: AccessControl, owner: Department, workerId: string | null, what: string, field: string): Promise<void> {
  requireLinkDecider(access, owner, `${field}: the ${what}`);
  if (!(await access.canSee({ workerId: workerId ?? NO_WORKER }))) throw notFound(what, field);
}

/** The account checks of a link decision, which say nothing about the link: county staff of hr or the owner, an officer, a purpose. */
export function requireLinkDecider(access: AccessControl, owner: Department, what: string): void {
  const { identity } = access;
  const deciders: Department[] = ['hr', owner];
  if (access.kind !== 'region') {
    throw forbidden(`${what}: only county staff whose region holds the worker confirm or reject it, not the account that recorded it`, 'county-evidence-required');
  }
  if (!deciders.includes(identity.department)) {
    throw forbidden(`${what}: confirmed or rejected by ${deciders.map((d) => `${d} (${DEPARTMENT_LABELS[d]})`).join(' or ')} staff`, 'other-department');
  }
  if (identity.role === 'viewer') throw forbidden('viewer accounts cannot write', 'read-only');
  if (!identity.purpose) throw purposeRequired();
}
