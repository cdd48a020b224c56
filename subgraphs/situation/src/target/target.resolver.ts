import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, forbidden } from '@jiuye/common';
import type { SituationContext } from '../context';
import { inTransaction } from '../conflict/transaction';
import { readFreshness } from '../freshness/freshness.service';
import { rankedCounty } from '../ranking/ranking.service';
import { resolveRegion } from '../region/region.service';
import { assessment } from './assessment.service';
import { completion } from './completion.service';
import { parseTargetPeriod, readTargetChanges, readTargets, removeTargets, setTargets, type TargetRow } from './target.service';
import { Assessment, Completion, RemoveTargetsInput, SetTargetsInput, Target, TargetChange, TargetList, TargetMeasure } from './target.types';

const toTarget = (row: TargetRow): Target => ({
  region: { code: row.region_code, name: row.region_name, level: row.region_level },
  period: row.period,
  measure: row.measure,
  target: row.target,
  setAt: row.set_at,
});

/** Dashboards get the indicators' suppressed cells; department staff exact counts (as the weekly ranking). */
const thresholdFor = (context: SituationContext) => (context.identity.department === 'dashboard' ? context.config.suppressionThreshold : null);

@Resolver()
export class TargetResolver {
  @Mutation(() => TargetList, {
    description:
      '下达目标任务: sets the targets of one period (a year or a quarter) and measure for regions of your county (the county, its townships, its villages), all or none, in one transaction; each change is kept in the change history. County officers of hr or poverty, with a purpose. Answers every target of the county for that period and measure.',
  })
  async setTargets(@Arg('input', () => SetTargetsInput) input: SetTargetsInput, @Ctx() context: SituationContext): Promise<TargetList> {
    const rows = await inTransaction(context.em, (sql) => setTargets(sql, context.access, context.change.current, input));
    return { period: input.period.trim(), measure: input.measure, targets: rows.map(toTarget) };
  }

  @Mutation(() => TargetList, {
    description:
      '撤销目标任务: withdraws the targets of one period and measure from regions of your county, all or none (a region holding none is named, nothing removed); the change history keeps each (DELETE, with the value before). County officers of hr or poverty, with a purpose. Answers the county’s remaining targets for that period and measure.',
  })
  async removeTargets(@Arg('input', () => RemoveTargetsInput) input: RemoveTargetsInput, @Ctx() context: SituationContext): Promise<TargetList> {
    const rows = await inTransaction(context.em, (sql) => removeTargets(sql, context.access, context.change.current, input));
    return { period: input.period.trim(), measure: input.measure, targets: rows.map(toTarget) };
  }

  @Query(() => TargetList, { description: '目标任务: the targets of a region (default your region) and every region inside it, for a period and measure.' })
  async targets(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('period', () => String, { description: "A year '2026' or a quarter '2026-Q1'." }) period: string,
    @Arg('measure', () => TargetMeasure) measure: TargetMeasure,
    @Ctx() context: SituationContext,
  ): Promise<TargetList> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const code = parseTargetPeriod(period, 'period').code;
    return { period: code, measure, targets: (await readTargets(context.loaders.sql, place, code, measure)).map(toTarget) };
  }

  @Query(() => [TargetChange], {
    description:
      '目标调整记录: who set or changed the targets of a region (default your region) and the regions inside it, for a period and measure, newest first. Department staff (not dashboards).',
  })
  async targetChanges(
    @Arg('region', () => String, { nullable: true, description: 'Division code; default your region.' }) region: string | null,
    @Arg('period', () => String, { description: "A year '2026' or a quarter '2026-Q1'." }) period: string,
    @Arg('measure', () => TargetMeasure) measure: TargetMeasure,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 500 changes.' }) first: number,
    @Ctx() context: SituationContext,
  ): Promise<TargetChange[]> {
    if (context.identity.department === 'dashboard') throw forbidden('dashboard accounts read aggregates only, not who changed what', 'aggregates-only');
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first', 'from 1 to 500', 'PAGE_SIZE');
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const rows = await readTargetChanges(context.loaders.sql, place, parseTargetPeriod(period, 'period').code, measure, first);
    return rows.map((row) => ({
      at: row.at,
      actor: row.actor,
      operation: row.operation,
      region: { code: row.region_code, name: row.region_name ?? row.region_code, level: row.region_level ?? '' },
      period: row.period,
      measure: row.measure,
      before: row.before,
      after: row.after,
    }));
  }

  @Query(() => Completion, {
    description:
      '目标完成情况: a region (default your region) and its subregions against their targets — target, the indicator of the measure for the period, completion rate, rank by rate. Dashboards: the indicators’ suppressed cells, the rate withheld with the count.',
  })
  async completion(
    @Arg('region', () => String, { nullable: true, description: 'A county, township or village code; default your region.' }) region: string | null,
    @Arg('period', () => String, { description: "A year '2026' or a quarter '2026-Q1' that has begun." }) period: string,
    @Arg('measure', () => TargetMeasure) measure: TargetMeasure,
    @Ctx() context: SituationContext,
  ): Promise<Completion> {
    const place = await resolveRegion(context.loaders, context.access, region, 'aggregate');
    const sql = context.loaders.sql;
    const [figures, freshness] = await Promise.all([completion(sql, place, period, measure, thresholdFor(context)), readFreshness(sql)]);
    return { ...figures, measure, freshness };
  }

  @Query(() => Assessment, {
    description:
      '季度考核表（转移就业）: a county’s townships and responsible units for a quarter — year and quarter targets, new transfers, completion rates, retention, rank. Also as xlsx: GET /reports/assessment.xlsx?county=…&quarter=… (通报).',
  })
  async assessment(
    @Arg('county', () => String, { nullable: true, description: 'County code (6 digits); default your region when it is a county.' }) county: string | null,
    @Arg('quarter', () => String, { description: "A quarter that has begun, '2026-Q2'." }) quarter: string,
    @Ctx() context: SituationContext,
  ): Promise<Assessment> {
    const place = await rankedCounty(context.loaders, context.access, context.identity.region, county);
    const sql = context.loaders.sql;
    const [table, freshness] = await Promise.all([assessment(sql, place, quarter, thresholdFor(context)), readFreshness(sql)]);
    return { ...table, freshness };
  }
}
