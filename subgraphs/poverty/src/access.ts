import { forbidden, isHouseholdCode, notFound, type AccessRules, type Subject } from '@jiuye/common';
import type { PovertyContext } from './context';

/**
 * Who may see what in the poverty register. Every type below describes a registered household
 * or one of its people; the rules apply at each of its fields and at entity resolution
 * (common/src/auth/guard.ts).
 *
 * A household code starts with its 12-digit village code, so households, members, status
 * changes and responsibilities place themselves. A Worker is placed by the registered household
 * they are a current member of (`householdCode`, set by the reference resolver from the
 * request's membershipByWorker loader, or by HouseholdMember.worker); a person in no registered
 * household is placed by the authority (hr's residence for region staff, partner's transfers,
 * training's trainees).
 *
 * Cadres (帮扶责任人), responsible units, relocation sites and divisions are not subjects: cadres
 * are staff, shown with their masked phone only; the rest are places and organisations. A
 * cadre's name and phone are still personal data of staff: the cadre lists are read by region
 * staff only (any department, village assistants included), and only the cadres serving a
 * village of their region (cadreRegion below); a household's responsible cadre is shown with
 * the household's responsibility ('welfare', region staff of the household's place).
 */
export const povertyAccess: AccessRules = {
  subjects: {
    ServiceRecord: (record: { workerId: string }): Subject => ({ workerId: record.workerId }),
    Worker: (worker: { id: string; householdCode?: string | null }): Subject => ({ workerId: worker.id, place: worker.householdCode ?? null }),
    Household: (household: { code: string }): Subject => ({ place: household.code }),
    HouseholdMember: (member: { workerId: string; householdCode: string }): Subject => ({ workerId: member.workerId, place: member.householdCode }),
    PovertyStatusChange: (change: { householdCode: string }): Subject => ({ place: change.householdCode }),
    HouseholdResponsibility: (responsibility: { householdCode: string }): Subject => ({ place: responsibility.householdCode }),
    // 防返贫监测: a case, its steps and measures belong to the household.
    MonitoringCase: (record: { householdCode: string }): Subject => ({ place: record.householdCode }),
    MonitoringTransition: (transition: { householdCode: string }): Subject => ({ place: transition.householdCode }),
    MonitoringMeasure: (measure: { householdCode: string }): Subject => ({ place: measure.householdCode }),
  },
  fields: {
    // The family relationship is as identifying as the ID number: department staff of the region only.
    'Worker.relationshipToHead': 'id-number',
    'HouseholdMember.relationship': 'id-number',
    // Worker.povertyStatus stays open to every account that sees the worker: partner cities count poor labourers.
    // The causes of poverty, the assistance (帮扶) and the relocation (易地扶贫搬迁) are assistance details.
    'Household.statusHistory': 'welfare',
    'Household.responsibility': 'welfare',
    'Household.relocationSite': 'welfare',
    // Monitoring (防返贫) is assistance: its cases are read by department staff of the region.
    'Household.monitoringCases': 'welfare',
  },
  // One rule per kind, wherever it appears (common/src/auth/identifying-fields.ts).
  identifying: {
    'Worker.povertyHousehold': 'household',
    'HouseholdMember.householdCode': 'household',
    'HouseholdMember.household': 'household',
    'HouseholdMember.sex': 'sex',
    'HouseholdMember.age': 'age',
    'MonitoringCase.householdCode': 'household',
    'MonitoringCase.household': 'household',
  },
};

/** Error messages name another household only when the caller may see it (no oracle for households elsewhere). */
export function householdNamer(context: PovertyContext): (householdCode: string) => boolean | Promise<boolean> {
  return (householdCode) => context.access.canSee({ place: householdCode });
}

/**
 * Root lookups: a household outside the caller's scope is as unknown as an unregistered one
 * (the same NOT_FOUND on the same field). A malformed code is left to the service (BAD_USER_INPUT).
 */
export async function requireVisibleHousehold(context: PovertyContext, code: string, field = 'code'): Promise<void> {
  context.access.requirePersonAccess();
  if (isHouseholdCode(code) && !(await context.access.canSee({ place: code }))) throw notFound('registered household', field);
}

/**
 * Before a poverty write to a household: the caller is a poverty officer with a purpose, and the
 * household (its code carries its village, registered or not) lies in their region. A malformed
 * code is left to the service, which names the field.
 */
export async function authorizeHouseholdWrite(context: PovertyContext, householdCode: string | null | undefined, field: string, what: string): Promise<void> {
  context.access.requireDepartment('poverty', what);
  if (isHouseholdCode(householdCode)) await context.access.requireInScope({ place: householdCode }, field);
}

/**
 * The region whose cadres a caller reads: region staff with a purpose (person-level, as the
 * names are staff's personal data); partner-city and institution staff, dashboards and auditors
 * read no cadre list.
 */
export function cadreRegion(context: PovertyContext, what = 'cadres'): string {
  const { access } = context;
  access.requirePersonAccess();
  if (access.kind !== 'region') throw forbidden(`${what}: cadres are listed for region staff only`, 'no-region-scope');
  return access.identity.region!;
}

/**
 * Before a write of cadres, postings, units or pairings: a poverty officer with a purpose, of a
 * region (village assistants: their village). Returns the region the write must lie in.
 */
export function authorizeReferenceWrite(context: PovertyContext, what: string): string {
  context.access.requireDepartment('poverty', what);
  if (context.access.kind !== 'region') throw forbidden(`${what}: only region staff of poverty write them`, 'no-region-scope');
  return context.access.identity.region!;
}
