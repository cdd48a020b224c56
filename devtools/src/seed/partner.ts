import type { ClientBase } from 'pg';
import { addDays } from '@jiuye/common';
import { ENDED_AT_VISIT } from '@jiuye/partner';
import { bulkInsert, resetSequences } from '../bulk';
import type { DemoHousehold, DemoReference } from '../demo';
import { seedWorkerId, type DepartmentSeeder } from '../seeding';

/**
 * The demo has no pairing date, posting validity or posting base; the seeder fills them in:
 * pairings date from the 2016 adjustment of 东西部扶贫协作 (or earlier, if the demo's
 * batches or postings do), a pushed posting stays valid for 90 days, and postings are not
 * tied to a base. A transfer whose last follow-up found the worker gone ends on that visit's
 * day, as recordFollowUpVisit would have done.
 */
export const DEMO_PAIRED_SINCE = '2016-12-01';
export const DEMO_POSTING_VALID_DAYS = 90;

const TABLES = ['transfer_referral', 'contact_attempt', 'follow_up_visit', 'transfer', 'transfer_batch', 'partner_job_posting', 'labour_base', 'partner_city'];
const SERIAL_TABLES = ['labour_base', 'partner_job_posting', 'transfer_batch', 'transfer', 'follow_up_visit', 'contact_attempt'];

export const partnerSeeder: DepartmentSeeder<DemoReference, DemoHousehold> = {
  name: 'partner',
  tables: TABLES,

  async seedReference(client: ClientBase, reference: DemoReference): Promise<void> {
    const earliest = new Map<string, string>();
    const seen = (cityCode: string, day: string) => {
      const known = earliest.get(cityCode);
      if (known === undefined || day < known) earliest.set(cityCode, day);
    };
    reference.transferBatches.forEach((b) => seen(b.cityCode, b.departedOn));
    reference.partnerPostings.forEach((p) => seen(p.cityCode, p.pushedOn));

    await bulkInsert(
      client,
      'partner_city',
      [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'province', type: 'text' },
        { name: 'paired_since', type: 'date' },
      ],
      reference.partnerCities.map((c) => {
        const first = earliest.get(c.code);
        return [c.code, c.name, c.province, first !== undefined && first < DEMO_PAIRED_SINCE ? first : DEMO_PAIRED_SINCE];
      }),
    );
    await bulkInsert(
      client,
      'labour_base',
      [
        { name: 'id', type: 'int' },
        { name: 'city_code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'kind', type: 'text' },
        { name: 'address', type: 'text' },
      ],
      reference.labourBases.map((b) => [b.id, b.cityCode, b.name, b.kind, b.address]),
    );
    await bulkInsert(
      client,
      'partner_job_posting',
      [
        { name: 'id', type: 'int' },
        { name: 'city_code', type: 'text' },
        { name: 'employer_name', type: 'text' },
        { name: 'title', type: 'text' },
        { name: 'monthly_wage', type: 'int' },
        { name: 'headcount', type: 'int' },
        { name: 'pushed_on', type: 'date' },
        { name: 'valid_until', type: 'date' },
      ],
      reference.partnerPostings.map((p) => [p.id, p.cityCode, p.employerName, p.title, p.monthlyWage, p.headcount, p.pushedOn, addDays(p.pushedOn, DEMO_POSTING_VALID_DAYS)]),
    );
    await bulkInsert(
      client,
      'transfer_batch',
      [
        { name: 'id', type: 'int' },
        { name: 'batch_no', type: 'text' },
        { name: 'city_code', type: 'text' },
        { name: 'departed_on', type: 'date' },
        { name: 'destination', type: 'text' },
        { name: 'base_id', type: 'int' },
      ],
      reference.transferBatches.map((b) => [b.id, b.batchNo, b.cityCode, b.departedOn, b.destination, b.baseId]),
    );
  },

  async seedHouseholds(client: ClientBase, households: DemoHousehold[], context): Promise<number> {
    const transfers: unknown[][] = [];
    const visits: unknown[][] = [];
    const attempts: unknown[][] = [];
    for (const household of households) {
      for (const person of household.members) {
        const { transfer } = person;
        if (!transfer && person.contactAttempts.length === 0) continue;
        const workerId = seedWorkerId(person.idNumber, context);
        if (transfer) {
          const last = person.followUps[person.followUps.length - 1];
          const left = last !== undefined && !last.stillEmployed;
          transfers.push([
            transfer.id,
            transfer.batchId,
            workerId,
            person.idNumber,
            person.phone,
            transfer.cityCode,
            transfer.employerName,
            transfer.jobTitle,
            transfer.startedOn,
            left ? last.visitedOn : null,
            left ? ENDED_AT_VISIT : null,
            transfer.fareReimbursed,
            'CONFIRMED',
          ]);
          for (const v of person.followUps) visits.push([v.id, transfer.id, v.visitedOn, v.stillEmployed, v.monthlyWage, v.rightsCase, v.note]);
        }
        for (const a of person.contactAttempts) {
          attempts.push([a.id, transfer?.id ?? null, workerId, a.attemptedAt, a.channel, a.outcome, a.note]);
        }
      }
    }
    let written = await bulkInsert(
      client,
      'transfer',
      [
        { name: 'id', type: 'int' },
        { name: 'batch_id', type: 'int' },
        { name: 'worker_id', type: 'text' },
        { name: 'id_number', type: 'text' },
        { name: 'phone', type: 'text' },
        { name: 'city_code', type: 'text' },
        { name: 'employer_name', type: 'text' },
        { name: 'job_title', type: 'text' },
        { name: 'started_on', type: 'date' },
        { name: 'ended_on', type: 'date' },
        { name: 'end_reason', type: 'text' },
        { name: 'fare_reimbursed', type: 'boolean' },
        // The county's own lists: confirmed links (hole 7), written out rather than left to a default.
        { name: 'confirmation', type: 'text' },
      ],
      transfers,
    );
    written += await bulkInsert(
      client,
      'follow_up_visit',
      [
        { name: 'id', type: 'int' },
        { name: 'transfer_id', type: 'int' },
        { name: 'visited_on', type: 'date' },
        { name: 'still_employed', type: 'boolean' },
        { name: 'monthly_wage', type: 'int' },
        { name: 'rights_case', type: 'boolean' },
        { name: 'note', type: 'text' },
      ],
      visits,
    );
    written += await bulkInsert(
      client,
      'contact_attempt',
      [
        { name: 'id', type: 'int' },
        { name: 'transfer_id', type: 'int' },
        { name: 'worker_id', type: 'text' },
        { name: 'attempted_at', type: 'timestamptz' },
        { name: 'channel', type: 'text' },
        { name: 'outcome', type: 'text' },
        { name: 'note', type: 'text' },
      ],
      attempts,
    );
    return written;
  },

  async finish(client: ClientBase): Promise<void> {
    await resetSequences(client, SERIAL_TABLES);
    await client.query(`analyze ${TABLES.map((t) => `"${t}"`).join(', ')}`);
  },
};
