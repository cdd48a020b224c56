import { countAssessment, suppressAssessment } from '../src/assessment/assessment.service';

/** 协作城市考核: the counting rules on hand-made rows (the gateway suite tests/partner-city-job.test.ts checks them against the database). */
describe('partner assessment counts', () => {
  const TODAY = '2026-12-06';
  const row = (started_on: string, ended_on: string | null, last_visited_on: string | null = null, self_organised = false) => ({
    worker_id: `w-${started_on}-${ended_on}`,
    self_organised,
    started_on,
    ended_on,
    last_visited_on,
  });

  it('retention at N months: due once N months have passed; retained when the job had not ended before the mark', () => {
    const counts = countAssessment(
      [
        row('2026-09-06', null), // exactly 3 months today: due and retained
        row('2026-09-07', null), // 3 months tomorrow: not due yet
        row('2026-03-01', '2026-06-01'), // left on the 3-month mark: retained at 3, not at 6
        row('2026-03-01', '2026-05-31'), // left the day before: retained at neither
        row('2025-12-01', null, null, true), // 12 months passed, still working
      ],
      [],
      TODAY,
    );
    expect(counts.retention).toEqual([
      { months: 3, due: 4, retained: 3 },
      { months: 6, due: 3, retained: 1 },
      { months: 12, due: 1, retained: 1 },
    ]);
    expect(counts.transfers).toBe(5);
    expect(counts.selfOrganised).toBe(1);
  });

  it('follow-up coverage: open transfers, visited ones, and those whose next visit is not yet due', () => {
    const counts = countAssessment(
      [
        row('2026-11-20', null), // never visited, due 2026-12-20: on time
        row('2026-10-01', null), // never visited, due 2026-10-31: overdue
        row('2026-06-01', null, '2026-11-10'), // visited, next due 2026-12-10: on time
        row('2026-06-01', null, '2026-11-06'), // visited, next due today: overdue
        row('2026-06-01', '2026-08-01', '2026-07-01'), // ended: not open
      ],
      [{ outcome: 'INVALID_NUMBER' }, { outcome: 'INVALID_NUMBER' }, { outcome: 'REACHED_WORKING' }],
      TODAY,
    );
    expect(counts.followUp).toEqual({ open: 4, visited: 2, onTime: 2 });
    expect(counts.contactOutcomes.get('INVALID_NUMBER')).toBe(2);
    expect(counts.contactOutcomes.get('NOT_IN_CITY')).toBe(0);
  });

  it('suppresses 1 … threshold−1, publishes 0 and larger counts, and gives a rate only from published counts', () => {
    const figures = suppressAssessment(
      '4403',
      2026,
      {
        transfers: 12,
        selfOrganised: 2,
        retention: [
          { months: 3, due: 10, retained: 8 },
          { months: 6, due: 6, retained: 3 },
          { months: 12, due: 0, retained: 0 },
        ],
        followUp: { open: 9, visited: 9, onTime: 4 },
        contactOutcomes: new Map([
          ['REACHED_WORKING', 7],
          ['NO_ANSWER', 1],
        ]),
      },
      5,
    );
    expect(figures).toMatchObject({ transfers: 12, selfOrganised: null, suppressed: true });
    expect(figures.retention).toEqual([
      { months: 3, due: 10, retained: 8, rate: 0.8 },
      { months: 6, due: 6, retained: null, rate: null },
      { months: 12, due: 0, retained: 0, rate: null },
    ]);
    expect(figures.followUp).toEqual({ open: 9, visited: 9, onTime: null, rate: null });
    expect(figures.contactOutcomes).toEqual([
      { outcome: 'REACHED_WORKING', attempts: 7 },
      { outcome: 'NO_ANSWER', attempts: null },
    ]);
  });
});
