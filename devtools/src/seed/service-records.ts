import type { ClientBase } from 'pg';
import { addDays, type DepartmentName, type ServiceChannel, type ServiceKind, type ServiceOutcome } from '@jiuye/common';
import { bulkInsert, type BulkColumn } from '../bulk';
import type { DemoHousehold, DemoPerson } from '../demo';
import { seedWorkerId, type SeedContext } from '../seeding';

/**
 * 一人一案 in the demo county: each department's service records for the registry's workers, a
 * plausible mix dated in the last six months (career guidance, contact attempts with their
 * channel and outcome, subsidy applications, training referrals a few days before the worker's
 * enrolment in the class, transport and accommodation for transferred workers, rights-protection cases, some still
 * open and some closed with an outcome). Drawn from a hash of the worker's ID number and the
 * department, not from the generator's random streams: the generated county (and its golden
 * digest, tests/demo-generator.test.ts) stays as it is, and a re-seed writes the same records.
 * Rows follow recordService's checks (common/src/service-record): an outcome where the kind
 * takes one, a channel only on contacts, a closed case with its day and outcome.
 */
const COLUMNS: BulkColumn[] = [
  { name: 'worker_id', type: 'text' },
  { name: 'department', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'served_on', type: 'date' },
  { name: 'staff_account', type: 'text' },
  { name: 'outcome', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'class_id', type: 'int' },
  { name: 'case_status', type: 'text' },
  { name: 'closed_on', type: 'date' },
];

/** The records' span: the last six months before the demo's today. */
const SPAN_DAYS = 180;

/** A small deterministic stream per worker and department (FNV-1a, then xorshift32). */
function stream(key: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    state ^= key.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  if (state === 0) state = 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

interface Draft {
  kind: ServiceKind;
  outcome?: ServiceOutcome;
  channel?: ServiceChannel;
  classId?: number;
  rightsCase?: 'OPEN' | 'CLOSED';
  /** A fixed day (a training referral: a few days before the enrolment it led to). */
  servedOn?: string;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** What a department does for this worker, if anything (most workers: nothing from most departments). */
function drafts(department: DepartmentName, person: DemoPerson, random: () => number, today: string): Draft[] {
  const contact = (channels: readonly ServiceChannel[]): Draft => ({
    kind: 'CONTACT_ATTEMPT',
    channel: pick(random, channels),
    outcome: pick(random, ['REACHED', 'REACHED', 'REACHED', 'NO_ANSWER', 'WRONG_NUMBER'] as const),
  });
  const rights = (): Draft => ({ kind: 'RIGHTS_PROTECTION', rightsCase: random() < 0.6 ? 'CLOSED' : 'OPEN' });
  switch (department) {
    case 'hr': {
      if (random() >= 0.3) return [];
      const out: Draft[] = [pick(random, [{ kind: 'CAREER_GUIDANCE' }, contact(['PHONE', 'SMS', 'WECHAT']), { kind: 'SUBSIDY_APPLICATION' }] as Draft[])];
      if (person.employmentStatus === 'UNEMPLOYED' && random() < 0.5) out.push({ kind: 'CAREER_GUIDANCE' });
      if (random() < 0.04) out.push(rights());
      return out;
    }
    case 'poverty':
      if (random() >= 0.2) return [];
      return [contact(['VISIT', 'PHONE']), ...(random() < 0.3 ? [{ kind: 'CAREER_GUIDANCE' } as Draft] : [])];
    case 'civil':
      return random() < 0.06 ? [pick(random, [{ kind: 'SUBSIDY_APPLICATION' }, contact(['VISIT'])] as Draft[])] : [];
    case 'training': {
      // A referral precedes the enrolment it led to: only enrolments of the span, referred 1–7 days before.
      const enrolment = person.enrolments[person.enrolments.length - 1];
      const referredOn = enrolment ? addDays(enrolment.enrolledOn, -1 - Math.floor(random() * 7)) : null;
      if (enrolment && referredOn! >= addDays(today, -SPAN_DAYS) && referredOn! < today && random() < 0.6)
        return [{ kind: 'TRAINING_REFERRAL', classId: enrolment.classId, servedOn: referredOn! }];
      return person.trainingWish !== null && random() < 0.1 ? [{ kind: 'CAREER_GUIDANCE' }] : [];
    }
    case 'partner': {
      if (!person.transfer || random() >= 0.6) return [];
      const out: Draft[] = [
        contact(['PHONE', 'WECHAT']),
        ...(random() < 0.4 ? [pick(random, [{ kind: 'TRANSPORT_ARRANGED' }, { kind: 'ACCOMMODATION_ARRANGED' }] as Draft[])] : []),
      ];
      if (random() < 0.08) out.push(rights());
      return out;
    }
  }
}

/** The department's service records for a batch of households, one bulk insert (the ids are the table's own). */
export async function seedServiceRecords(client: ClientBase, department: DepartmentName, households: DemoHousehold[], context: SeedContext): Promise<number> {
  const rows: unknown[][] = [];
  for (const household of households) {
    for (const person of household.members) {
      if (!person.inLabourRegistry) continue;
      const random = stream(`${person.idNumber}:${department}`);
      const planned = drafts(department, person, random, context.today);
      if (planned.length === 0) continue;
      const workerId = seedWorkerId(person.idNumber, context);
      for (const draft of planned) {
        const servedOn = draft.servedOn ?? addDays(context.today, -1 - Math.floor(random() * SPAN_DAYS));
        const staff = `demo-${department}-staff-${1 + Math.floor(random() * 6)}`;
        let outcome = draft.outcome ?? null;
        let closedOn: string | null = null;
        if (draft.rightsCase === 'CLOSED') {
          closedOn = addDays(servedOn, Math.min(Math.floor(random() * 60), Math.max(0, Math.round((Date.parse(context.today) - Date.parse(servedOn)) / 86_400_000) - 1)));
          outcome = pick(random, ['RESOLVED', 'RESOLVED', 'MEDIATED', 'REFERRED_TO_ARBITRATION', 'WITHDRAWN'] as const);
        }
        rows.push([workerId, department, draft.kind, servedOn, staff, outcome, draft.channel ?? null, draft.classId ?? null, draft.rightsCase ?? null, closedOn]);
      }
    }
  }
  return bulkInsert(client, 'service_record', COLUMNS, rows);
}
