/**
 * 应登尽登 — who the completeness check lists, as SQL over known_person k (the people poverty and
 * civil know, completeness/known-people.ts) and hr's registry (person_situation).
 *
 * Working age is the labour registry's own (DOMAIN.md: 农村劳动力实名制登记 of everyone aged 16–60,
 * the same bounds as projection/person.ts isAbleLabourer): 16 to 60 in whole years on the day.
 * The households checked are the registered poor (未脱贫, 已脱贫 and 脱贫不稳定) and the monitored
 * ones (边缘易致贫, 突发严重困难): every household with a poverty status.
 */
export const WORKING_AGE = { from: 16, to: 60 } as const;

export const CHECKED_POVERTY_STATUSES = ['NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP'] as const;

/**
 * k is of working age on the day $n: at least 16 whole years old (born on or before the day 16
 * years back) and not yet 61 (born after the day 61 years back). A range on birth_date, so that
 * the index (village_code, birth_date) narrows the rows before anything else is asked of them.
 */
export const workingAge = (n: number) =>
  `k.birth_date <= ($${n}::date - interval '${WORKING_AGE.from} years')::date and k.birth_date > ($${n}::date - interval '${WORKING_AGE.to + 1} years')::date`;

/** A current member of a checked household, of working age on the day $n, whom hr's registry does not hold. */
export const unregisteredLabourer = (n: number) =>
  `k.department = 'poverty' and k.poverty_status in (${CHECKED_POVERTY_STATUSES.map((s) => `'${s}'`).join(', ')})
   and k.village_code is not null and ${workingAge(n)}
   and not exists (select 1 from person_situation p where p.worker_id = k.worker_id)`;
