import { patternsDecidedInThisThread, TOTAL } from '@jiuye/common';
import { indicatorDates, periodFamily, type VillageFigures } from '../src/indicator/indicator.service';
import {
  buildReadouts,
  buildReadoutsOffThread,
  onReadoutFallback,
  readoutWorkerRunning,
  setReadoutWorkerIdleStop,
  stopReadoutWorker,
  type ReadoutInputs,
} from '../src/indicator/readout-thread';
import { SUBSIDY_KIND_LABELS, type IndicatorReadout } from '../src/indicator/readout';
import { SeriesStockSource } from '../src/indicator/stock-source';
import type { Region } from '../src/region/region.types';

/**
 * The indicators' suppressed tables built on a worker thread (issue 16): the same figures as
 * built on the service's thread, for every division and for codes outside the registry, and no
 * suppression pattern decided on the service's thread. Small counts everywhere, so that primary
 * and complementary suppression are both at work.
 */
const COUNTY = '530113';
const townships = ['530113101', '530113102', '530113103'];
const villages = townships.flatMap((t) => [1, 2, 3, 4, 5, 6].map((v) => `${t}${String(v).padStart(3, '0')}`));

/** A deterministic pseudo-random small count (0 … 11). */
function counts(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % 12;
  };
}

function inputsFor(periods: string[], today: string): ReadoutInputs[] {
  const next = counts(7);
  const stocks: VillageFigures = new Map(
    villages.map((v) => [
      v,
      {
        real_name: next() + 20,
        employment_intention: next(),
        zero_employment_households: next(),
        able_labourers: next() + 10,
        able_employed: next(),
        'able_labourers:NOT_LIFTED': next(),
        'able_employed:LIFTED': next(),
        verified: next(),
        retention_base: next(),
        retained: next(),
        developed: next(),
        filled: next(),
      },
    ]),
  );
  const dates = periods.map((code) => indicatorDates(code, today));
  const families = dates.map(periodFamily);
  const byPeriod = new Map<string, VillageFigures>();
  for (const family of families) {
    for (const p of family.periods) {
      byPeriod.set(
        p.code,
        new Map(
          villages.map((v) => [
            v,
            {
              new_transfers: next(),
              'new_transfers:NOT_LIFTED': next(),
              participants: next(),
              completions: next(),
              reached: next(),
              [`people:${TOTAL}`]: next(),
              ...Object.fromEntries(Object.keys(SUBSIDY_KIND_LABELS).flatMap((kind) => [[`people:${kind}`, next()] as const, [`amount:${kind}`, next() * 500] as const])),
            },
          ]),
        ),
      );
    }
  }
  return dates.map((d, i) => ({ d, family: families[i], stocks: { source: SeriesStockSource.CURRENT, figures: stocks }, villages, byPeriod, threshold: 5 }));
}

const region = (code: string) => ({ code, name: code, level: '' }) as Region;
const everyCode = [COUNTY, ...townships, ...villages, '530113104', '530113101099', '530199'];
const answers = (readout: IndicatorReadout) => everyCode.map((code) => [code, readout(region(code))]);

afterAll(() => stopReadoutWorker());

describe('indicator tables on a worker thread', () => {
  it('answers every division (and codes outside the registry) as the tables built here do, deciding no pattern here', async () => {
    const inputs = inputsFor(['2026-11'], '2026-11-20');
    const decided = patternsDecidedInThisThread();
    const [offThread] = await buildReadoutsOffThread(inputs);
    expect(readoutWorkerRunning()).toBe(true);
    expect(patternsDecidedInThisThread()).toBe(decided);
    const [here] = buildReadouts(inputs);
    expect(patternsDecidedInThisThread()).toBeGreaterThan(decided);
    expect(answers(offThread)).toEqual(answers(here));
    // Suppression is at work in these figures: some cell of the county's villages is withheld.
    const village = offThread(region(villages[0]));
    expect(JSON.stringify(villages.map((code) => offThread(region(code))))).toContain('"suppressed":true');
    expect(village.period.code).toBe('2026-11');
  });

  it('builds a series of periods of one family together, each as the tables built here give it', async () => {
    const inputs = inputsFor(['2026-09', '2026-10', '2026-11', '2026-W46'], '2026-11-20');
    const offThread = await buildReadoutsOffThread(inputs);
    const here = buildReadouts(inputs);
    expect(offThread).toHaveLength(4);
    offThread.forEach((readout, i) => expect(answers(readout)).toEqual(answers(here[i])));
  });

  it('builds the tables here when the worker stops under a job, with the same answers', async () => {
    // A threshold no earlier test used: no pattern of these tables is in this thread's cache.
    const inputs = inputsFor(['2026-10'], '2026-11-20').map((x) => ({ ...x, threshold: 4 }));
    const decided = patternsDecidedInThisThread();
    const reasons: string[] = [];
    onReadoutFallback((reason) => reasons.push(reason));
    try {
      const asked = buildReadoutsOffThread(inputs);
      await stopReadoutWorker();
      const [readout] = await asked;
      expect(patternsDecidedInThisThread()).toBeGreaterThan(decided);
      expect(answers(readout)).toEqual(answers(buildReadouts(inputs)[0]));
      // Told why (the service logs it), once.
      expect(reasons).toEqual([expect.stringMatching(/the indicator worker exited/)]);
      // The next job starts a worker again, and is not built here.
      await buildReadoutsOffThread(inputs);
      expect(readoutWorkerRunning()).toBe(true);
      expect(reasons).toHaveLength(1);
    } finally {
      onReadoutFallback(null);
    }
  });

  it('stops the worker once it has been idle for the idle time, and starts one for the next job', async () => {
    setReadoutWorkerIdleStop(300);
    try {
      const inputs = inputsFor(['2026-11'], '2026-11-20');
      await buildReadoutsOffThread(inputs);
      expect(readoutWorkerRunning()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(readoutWorkerRunning()).toBe(false);
      const decided = patternsDecidedInThisThread();
      const [readout] = await buildReadoutsOffThread(inputs);
      expect(readoutWorkerRunning()).toBe(true);
      expect(patternsDecidedInThisThread()).toBe(decided);
      expect(answers(readout)).toEqual(answers(buildReadouts(inputs)[0]));
    } finally {
      setReadoutWorkerIdleStop(60_000);
    }
  });
});
