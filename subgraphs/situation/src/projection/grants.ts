import type { DepartmentName } from '@jiuye/common';

/**
 * What the read model may do in each department's database, and nothing more: read the views the
 * department publishes for it (USAGE on the schema situation_source_v1, SELECT on the views
 * sources.ts reads; none of the department's own tables) and take rows from the outbox (the
 * feed's `delete … where id in (select … for update skip locked)`: SELECT, DELETE, and UPDATE of
 * one column for the row lock). npm start grants exactly this to the situation service's own role
 * (devtools/src/database-roles.ts); a query in sources.ts or feed.ts on anything missing here
 * fails there with "permission denied", and tests/security/01-database-roles.test.ts runs the
 * rebuild and the feed under that role.
 */
/** The views of situation_source_v1 the read model reads, per department (each department's src/published-views.ts declares them). */
export const SITUATION_READS: Record<DepartmentName, readonly string[]> = {
  hr: ['worker', 'employment', 'subsidy_payment', 'job_fair_intention', 'welfare_post_assignment', 'welfare_post_v2', 'record_verification', 'division', 'service_record'],
  poverty: ['household', 'household_member', 'household_responsibility', 'cadre', 'cadre_account', 'responsible_unit', 'monitoring_case', 'service_record'],
  civil: ['person_circumstance', 'person_place', 'care_duty', 'assistance_grant', 'disability_certification', 'service_record'],
  training: ['confirmed_enrolment', 'confirmed_enrolment_funding', 'certificate', 'institution', 'service_record'],
  partner: ['confirmed_transfer', 'confirmed_follow_up_visit', 'partner_city', 'service_record'],
};

/**
 * Views a department still publishes but the read model no longer reads: each superseded by a
 * later version beside it (hr's welfare_post by welfare_post_v2, with the days a post opened and
 * closed). Frozen until the department drops them; not granted to the read model's role.
 */
export const SITUATION_SUPERSEDED: Partial<Record<DepartmentName, readonly string[]>> = {
  hr: ['welfare_post'],
};

/**
 * The table the feed takes change notices from, in every department. It stays a table of the
 * department's public schema rather than a published view: it is a queue the feed consumes
 * (delete … for update skip locked), not facts the read model reads, and its shape is fixed by
 * the frozen outbox migration and common/src/outbox.ts.
 */
export const OUTBOX_TABLE = 'outbox';
