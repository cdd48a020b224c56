import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, InputProblems, RegionTree, SuppressedTable, TOTAL } from '@jiuye/common';
import { Transfer } from '../transfer/transfer.entity';
import { chinaDay, cleanText, isInFuture, MAX_NOTE_LENGTH, requireCityCode, startOfChinaDay } from '../validation';
import { addDays, isRowId } from '@jiuye/common';
import { requireTransferInScope, type TransferScope } from '../access';
import { ContactAttempt, CONTACT_OUTCOME_LABELS, CONTACT_OUTCOMES, type ContactOutcome } from './contact-attempt.entity';
import type { ContactAttemptEntry, RecordContactAttemptInput } from './contact-attempt.inputs';

export interface OutcomeFigures {
  outcome: ContactOutcome;
  label: string;
  attempts: number | null;
  workers: number | null;
  share: number | null;
  suppressed: boolean;
}

/** Checks of one attempt that need no database; `field` is e.g. 'input.contactAttempts[1]' or 'input'. */
export function checkAttempt(problems: InputProblems, attempt: ContactAttemptEntry, field: string, now = new Date()): void {
  problems
    .check(!isInFuture(attempt.attemptedAt, now), `${field}.attemptedAt`, 'must not be in the future')
    .check((cleanText(attempt.note)?.length ?? 0) <= MAX_NOTE_LENGTH, `${field}.note`, `a note has at most ${MAX_NOTE_LENGTH} characters`);
}

/** Attempts follow up a transfer: none before the worker started. */
export function checkAttemptAfterStart(problems: InputProblems, attempt: ContactAttemptEntry, field: string, transfer: Transfer): void {
  problems.check(chinaDay(attempt.attemptedAt) >= transfer.startedOn, `${field}.attemptedAt`, `must not be before the worker started in the job (${transfer.startedOn})`);
}

export class ContactAttemptService {
  constructor(private readonly em: EntityManager) {}

  async record(input: RecordContactAttemptInput, inScope: TransferScope): Promise<ContactAttempt> {
    const problems = new InputProblems().check(isRowId(input.transferId), 'input.transferId', 'not a transfer id');
    checkAttempt(problems, input, 'input');
    problems.throwIfAny();
    return this.em.transactional(async (em) => {
      const transfer = await requireTransferInScope(await em.findOne(Transfer, { id: Number(input.transferId) }), inScope);
      const related = new InputProblems();
      checkAttemptAfterStart(related, input, 'input', transfer);
      related.throwIfAny();
      const attempt = em.create(ContactAttempt, {
        transferId: transfer.id,
        workerId: transfer.workerId,
        attemptedAt: input.attemptedAt,
        channel: input.channel,
        outcome: input.outcome,
        note: cleanText(input.note),
      });
      attempt.cityCode = transfer.cityCode; // not a column (a formula the loaders select), for access control
      await em.flush();
      return attempt;
    });
  }

  /**
   * The data-quality figures (e.g. Chaozhou: 60 % invalid numbers) in one statement: per
   * outcome, the attempts, and the workers whose latest attempt in the period had it.
   * `from`/`to` are China days, both inclusive; cityCode keeps attempts on that city's transfers.
   */
  async outcomeCounts(args: { cityCode?: string | null; from?: string | null; to?: string | null }): Promise<OutcomeFigures[]> {
    if (args.cityCode != null) requireCityCode(args.cityCode, 'cityCode');
    if (args.from && args.to && args.from > args.to) throw badInput('to', 'must not be before from');
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (args.cityCode != null) {
      conditions.push('a.transfer_id in (select t.id from transfer t where t.city_code = ?)');
      params.push(args.cityCode);
    }
    if (args.from) {
      conditions.push('a.attempted_at >= ?');
      params.push(startOfChinaDay(args.from).toISOString());
    }
    if (args.to) {
      conditions.push('a.attempted_at < ?');
      params.push(startOfChinaDay(addDays(args.to, 1)).toISOString());
    }
    const rows = await this.em.getConnection().execute<{ outcome: ContactOutcome; attempts: number; workers: number }[]>(
      `select outcome, count(*)::int as attempts, count(*) filter (where latest)::int as workers
         from (
           select a.outcome, row_number() over (partition by a.worker_id order by a.attempted_at desc, a.id desc) = 1 as latest
             from contact_attempt a
            ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
         ) attempts
        group by outcome`,
      params,
    );
    const byOutcome = new Map(rows.map((r) => [r.outcome, r]));
    const workers = rows.reduce((sum, r) => sum + r.workers, 0);
    return CONTACT_OUTCOMES.map((outcome) => {
      const row = byOutcome.get(outcome);
      return {
        outcome,
        label: CONTACT_OUTCOME_LABELS[outcome],
        attempts: row?.attempts ?? 0,
        workers: row?.workers ?? 0,
        share: workers === 0 ? null : (row?.workers ?? 0) / workers,
        suppressed: false,
      };
    });
  }

  /**
   * The figures for a dashboard: only workers inside its region (`visible`, asked of the
   * residence authority in one batch), every date and city together, small-cell suppressed
   * (common/src/suppression.ts). The workers of all outcomes add up to the total a share
   * divides by, so the total is a cell of the breakdown and a share is published only when its
   * outcome's workers and the total are.
   */
  async suppressedOutcomeCounts(region: string, visible: (workerIds: string[]) => Promise<Set<string>>, threshold: number): Promise<OutcomeFigures[]> {
    const rows = await this.em.getConnection().execute<{ worker_id: string; outcome: ContactOutcome; attempts: number; latest: boolean }[]>(
      `select worker_id, outcome, count(*)::int as attempts, bool_or(latest) as latest
         from (select a.worker_id, a.outcome, row_number() over (partition by a.worker_id order by a.attempted_at desc, a.id desc) = 1 as latest
                 from contact_attempt a) attempts
        group by 1, 2`,
    );
    const inRegion = await visible([...new Set(rows.map((row) => row.worker_id))]);
    const attempts: Record<string, number> = {};
    const workers: Record<string, number> = {};
    for (const row of rows) {
      if (!inRegion.has(row.worker_id)) continue;
      attempts[row.outcome] = (attempts[row.outcome] ?? 0) + row.attempts;
      if (row.latest) workers[row.outcome] = (workers[row.outcome] ?? 0) + 1;
    }
    const tree = new RegionTree([region]);
    const outcomes = CONTACT_OUTCOMES as readonly string[];
    const a = new SuppressedTable(tree, new Map([[region, attempts]]), threshold, outcomes, { additiveTotal: false });
    const w = new SuppressedTable(tree, new Map([[region, workers]]), threshold, outcomes);
    const total = w.published(region, TOTAL);
    return CONTACT_OUTCOMES.map((outcome) => {
      const [n, k] = [a.published(region, outcome), w.published(region, outcome)];
      return {
        outcome,
        label: CONTACT_OUTCOME_LABELS[outcome],
        attempts: n,
        workers: k,
        share: k === null || total === null || total === 0 ? null : k / total,
        suppressed: n === null || k === null,
      };
    });
  }
}
