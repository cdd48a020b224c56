import type { DepartmentName } from '@jiuye/common';

/**
 * What the read model may do in each department's database, and nothing more: read the tables
 * sources.ts reads (SELECT) and take rows from the outbox (the feed's
 * `delete … where id in (select … for update skip locked)`: SELECT, DELETE, and UPDATE of one
 * column for the row lock). npm start grants exactly this to the situation service's own role
 * (scripts/src/database-roles.ts); a query in sources.ts or feed.ts on a table missing here fails
 * there with "permission denied", and tests/security/01-deployment.test.ts runs the rebuild and
 * the feed under that role.
 */
export const SITUATION_READS: Record<DepartmentName, readonly string[]> = {
  hr: ['worker', 'employment', 'subsidy_payment', 'job_fair_intention', 'welfare_post_assignment', 'welfare_post', 'record_verification', 'division'],
  poverty: ['household', 'household_responsibility', 'cadre', 'responsible_unit'],
  civil: ['person_circumstance', 'care_duty', 'assistance_grant'],
  training: ['enrolment', 'training_class', 'course', 'certificate', 'institution'],
  partner: ['transfer', 'follow_up_visit', 'partner_city'],
};

/** The table the feed takes change notices from, in every department. */
export const OUTBOX_TABLE = 'outbox';
