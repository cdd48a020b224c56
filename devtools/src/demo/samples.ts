/** The sample ID numbers of a demo county: one person for each interesting situation. */
import { dayOf } from './calendar';
import type { DemoHousehold, DemoPerson } from './model';
import type { Plan } from './reference';

/** Walks the first households and picks one person for each interesting situation. */
export function findSamples(plan: Plan, households: (batchSize?: number) => Generator<DemoHousehold[]>): { idNumber: string; why: string }[] {
  const today = plan.options.today;
  type Test = (h: DemoHousehold, p: DemoPerson) => boolean;
  const current = (p: DemoPerson) => p.employments.find((e) => e.endsOn === null);
  const cases: [string, Test][] = [
    [
      'transferred to a partner city after training, holds a certificate, and has a care duty at home',
      (_h, p) => p.transfer !== null && p.certificates.length > 0 && p.careDuties.length > 0,
    ],
    [
      'transferred to a partner city and holds a certificate from the pre-departure training',
      (_h, p) => p.transfer !== null && p.certificates.some((c) => c.enrolmentId !== null) && p.enrolments.some((e) => e.employedOn === p.transfer!.startedOn),
    ],
    [
      'transferred worker with an invalid phone number: contact attempts end in 空号/停机',
      (_h, p) => p.transfer !== null && !p.phoneValid && p.contactAttempts.length > 0 && p.contactAttempts[p.contactAttempts.length - 1].outcome === 'INVALID_NUMBER',
    ],
    [
      'transferred worker who left the job: the last follow-up visit says no longer employed',
      (_h, p) => p.followUps.length > 0 && !p.followUps[p.followUps.length - 1].stillEmployed,
    ],
    ['transferred worker with a labour-rights case (劳动维权) at a follow-up visit', (_h, p) => p.followUps.some((f) => f.rightsCase)],
    [
      '"three-none" worker placed in a public-welfare post (兜底安置): registered poor household, care duty or disability',
      (h, p) => p.welfarePost !== null && p.welfarePost.endsOn === null && h.povertyStatus !== null && (p.careDuties.length > 0 || p.disability !== null),
    ],
    [
      'medium-term (3-month) trainee employed within 3 months, with the 50 yuan/day living allowance',
      (_h, p) =>
        p.subsidies.some((s) => s.kind === 'TRAINING_LIVING') &&
        p.enrolments.some((e) => e.employedOn !== null && e.completedOn !== null && dayOf(e.employedOn) - dayOf(e.completedOn) <= 92),
    ],
    [
      'hired through a job fair (达成意向 then employed)',
      (_h, p) =>
        p.jobFairIntentions.some((i) => current(p)?.startsOn !== undefined && i.reachedOn < current(p)!.startsOn && dayOf(current(p)!.startsOn) - dayOf(i.reachedOn) <= 40),
    ],
    [
      'unemployed labourer in a zero-employment household (零就业家庭) with a training wish',
      (h, p) => p.employmentStatus === 'UNEMPLOYED' && p.trainingWish !== null && h.members.every((m) => m.employmentStatus !== 'EMPLOYED'),
    ],
    ['labourer of a not-lifted (未脱贫) household, unemployed, wants work', (h, p) => h.povertyStatus === 'NOT_LIFTED' && p.employmentStatus === 'UNEMPLOYED'],
    [
      'member of a lifted-but-unstable (脱贫不稳定) household on 低保',
      (h, p) => h.povertyStatus === 'LIFTED_UNSTABLE' && p.inLabourRegistry && h.assistance.some((a) => a.kind === 'SUBSISTENCE_ALLOWANCE' && a.endsOn === null),
    ],
    [
      'left-behind woman (留守妇女) caring for a child and another family member while her husband works away',
      (_h, p) => p.leftBehind === 'WOMAN' && p.careDuties.some((d) => d.reason === 'CHILD') && p.careDuties.some((d) => d.reason !== 'CHILD'),
    ],
    [
      'left-behind child (留守儿童) whose parents both work away from the county',
      (h, p) => p.leftBehind === 'CHILD' && h.members.filter((m) => m.populationStatus === 'AWAY').length >= 2,
    ],
    [
      'special-hardship (特困供养) person living alone, not in the labour registry',
      (h, p) => h.members.length === 1 && !p.inLabourRegistry && h.assistance.some((a) => a.kind === 'SPECIAL_HARDSHIP'),
    ],
    ['relocated household (易地搬迁) member working in a poverty workshop — 上楼居住，下楼就业', (h, p) => h.relocationSiteId !== null && current(p)?.kind === 'POVERTY_WORKSHOP'],
    ['member of a household hit by sudden severe hardship (突发严重困难)', (h, p) => h.povertyStatus === 'SUDDEN_HARDSHIP' && p.inLabourRegistry],
    ['severely disabled labourer, unable to work', (_h, p) => p.employmentStatus === 'UNABLE_TO_WORK' && p.disability !== null && p.disability.grade <= 2],
  ];
  const found: ({ idNumber: string; why: string } | null)[] = cases.map(() => null);
  let remaining = cases.length;
  let seen = 0;
  const limit = Math.min(plan.householdCount, 60_000);
  for (const batch of households(2000)) {
    for (const h of batch) {
      for (const p of h.members) {
        for (let c = 0; c < cases.length; c++) {
          if (found[c] === null && cases[c][1](h, p) && !found.some((f) => f?.idNumber === p.idNumber)) {
            found[c] = { idNumber: p.idNumber, why: `${cases[c][0]} (${p.name}, ${p.age}, household ${h.code}, as of ${today})` };
            remaining--;
          }
        }
      }
      seen++;
      if (remaining === 0 || seen >= limit) break;
    }
    if (remaining === 0 || seen >= limit) break;
  }
  return found.filter((f): f is { idNumber: string; why: string } => f !== null);
}
