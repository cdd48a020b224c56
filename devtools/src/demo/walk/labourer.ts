/**
 * One labourer's records after the household's decisions: employment spells, the six clarities
 * (statuses, intention, skills, verification), job-fair intentions, transfer records, subsidies.
 */
import { isoOf } from '../calendar';
import type { DemoJobFairIntention } from '../model';
import type { Rng } from '../random';
import { type Walk, type Work, sortSmall } from './state';
import { transferRecords } from './transfer';
import { employmentHistory, intention } from './employment';
import { skillsAndCertificates } from './training';
import { subsidies } from './subsidies';
import { unrealisedIntention } from './jobs';

const byReached = (a: DemoJobFairIntention, b: DemoJobFairIntention) => (a.reachedOn < b.reachedOn ? -1 : a.reachedOn > b.reachedOn ? 1 : a.fairId - b.fairId);

/** Everything about labourer `w` (aged 16–60) after the household's decisions, in draw order. */
export function labourer(walk: Walk, rng: Rng, w: Work, v: number, ti: number, poor: boolean): void {
  const today = walk.today;
  const p = w.p;
  const t = w.transfer;

  // --- employment spells
  if (w.able) employmentHistory(walk, rng, w, v, ti, poor);

  // --- statuses (six clarities)
  const current = w.current;
  w.away = current !== null && (current.place === 'OUT_OF_PROVINCE' || current.place === 'OUT_OF_COUNTY_IN_PROVINCE');
  p.populationStatus = w.student ? 'STUDENT' : w.military ? 'MILITARY_SERVICE' : w.other ? 'OTHER' : w.away ? 'AWAY' : 'AT_HOME';
  if (current) p.employmentStatus = 'EMPLOYED';
  else if (w.unable) p.employmentStatus = 'UNABLE_TO_WORK';
  else if (w.able) p.employmentStatus = rng.chance(w.care ? 0.3 : w.s.age > 55 ? 0.4 : 0.6) ? 'UNEMPLOYED' : 'NOT_SEEKING';
  else p.employmentStatus = 'NOT_SEEKING';
  p.employmentIntention = intention(rng, w);

  // --- skills and certificates
  skillsAndCertificates(walk, rng, w);

  // --- monthly verification
  const r = rng.next();
  p.verifiedOn =
    r < 0.9
      ? isoOf(walk.monthStart + rng.int(today - walk.monthStart + 1))
      : r < 0.97
        ? isoOf(walk.monthStart - rng.range(1, 30))
        : r < 0.99
          ? isoOf(walk.monthStart - rng.range(31, 180))
          : null;

  if (!w.able) return;

  // --- job-fair intentions that came to nothing
  const pIntent = p.employmentStatus === 'UNEMPLOYED' ? 0.22 : current ? 0.03 : 0.05;
  if (rng.chance(pIntent)) {
    const n = rng.chance(0.25) ? 2 : 1;
    for (let k = 0; k < n; k++) unrealisedIntention(walk, rng, w);
  }
  sortSmall(p.jobFairIntentions, byReached);

  // --- transfer, follow-ups, contact attempts
  if (t) transferRecords(walk, rng, w, poor);

  // --- subsidies
  subsidies(walk, rng, w, poor);
}
