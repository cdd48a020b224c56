import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { forbidden, notFound, PageArgs, PageType, RegionTree, SuppressedTable, suppressionThresholdFromEnv } from '@jiuye/common';
import { authorizeHouseholdWrite } from '../access';
import type { PovertyContext } from '../context';
import { Household } from '../household/household.type';
import {
  MonitoringCase,
  MonitoringMeasure,
  MonitoringStep,
  MonitoringStepVocabulary,
  MonitoringTransition,
  RelapseRiskType,
  RelapseRiskTypeVocabulary,
  type MonitoringStep as MonitoringStepValue,
  type RelapseRiskType as RelapseRiskTypeValue,
} from './monitoring.entity';
import { MoveMonitoringCaseInput, OpenMonitoringCaseInput, RecordMonitoringMeasureInput } from './monitoring.inputs';
import { MonitoringService, STEP_LEVEL, stepLabel, stepOwner, type CountRow } from './monitoring.service';

const WHAT = 'relapse-monitoring cases';

@ObjectType()
export class MonitoringCasePage extends PageType(MonitoringCase) {}

@ArgsType()
class MonitoringCasesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'County, township or village code; default your region.' })
  region?: string | null;

  @Field(() => MonitoringStep, { nullable: true, description: 'Only cases at this step.' })
  step?: MonitoringStepValue | null;

  @Field(() => RelapseRiskType, { nullable: true, description: 'Only cases with this risk type.' })
  riskType?: RelapseRiskTypeValue | null;
}

@ObjectType({ description: 'Monitoring cases at one step in a region.' })
export class MonitoringStepCount {
  @Field(() => MonitoringStep)
  step: MonitoringStepValue;

  @Field(() => Int, { nullable: true, description: '户数 (cases); null for dashboards when suppressed.' })
  households: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({ description: 'Open monitoring cases (candidate to approved) with one risk type in a region; a case with several risks counts under each.' })
export class MonitoringRiskCount {
  @Field(() => RelapseRiskType)
  riskType: RelapseRiskTypeValue;

  @Field(() => Int, { nullable: true, description: '户数; null for dashboards when suppressed.' })
  households: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({ description: '防返贫监测统计 — cases by step and open cases by risk type (small-cell suppressed for dashboards).' })
export class MonitoringCaseCounts {
  @Field(() => String)
  region: string;

  @Field(() => [MonitoringStepCount])
  byStep: MonitoringStepCount[];

  @Field(() => [MonitoringRiskCount])
  byRiskType: MonitoringRiskCount[];
}

/** Per category in the region: plain sums for staff; for dashboards, SuppressedTable over every village at once. */
function countsIn(rows: CountRow[], categories: readonly string[], region: string, threshold: number | null): Map<string, { households: number | null; suppressed: boolean }> {
  const byVillage = new Map<string, Record<string, number>>();
  for (const row of rows) (byVillage.get(row.village) ?? byVillage.set(row.village, {}).get(row.village)!)[row.category] = row.households;
  const out = new Map<string, { households: number | null; suppressed: boolean }>();
  if (threshold === null) {
    for (const category of categories) {
      let sum = 0;
      for (const [village, values] of byVillage) if (village.startsWith(region)) sum += values[category] ?? 0;
      out.set(category, { households: sum, suppressed: false });
    }
    return out;
  }
  const table = new SuppressedTable(new RegionTree(byVillage.keys()), byVillage, threshold, categories, { additiveTotal: false });
  for (const category of categories) {
    const published = byVillage.size === 0 ? 0 : table.published(region, category);
    out.set(category, { households: published, suppressed: published === null });
  }
  return out;
}

@Resolver(() => MonitoringCase)
export class MonitoringResolver {
  @Query(() => MonitoringCasePage, { description: '防返贫监测对象 — monitoring cases of households in a region, newest first (region staff).' })
  monitoringCases(@Args(() => MonitoringCasesArgs) args: MonitoringCasesArgs, @Ctx() { em, access }: PovertyContext) {
    const region = access.scopeDivision(args.region, 'region');
    return new MonitoringService(em).list({ region, step: args.step, riskType: args.riskType, first: args.first, after: args.after });
  }

  @Query(() => MonitoringCaseCounts, { description: '防返贫监测统计 — counts by step and risk type for a region; dashboards read them small-cell suppressed.' })
  async monitoringCaseCounts(
    @Arg('region', () => String, { nullable: true }) requested: string | null,
    @Ctx() { em, access, identity }: PovertyContext,
  ): Promise<MonitoringCaseCounts> {
    const region = access.scopeAggregate(requested, 'region');
    const threshold = identity.department === 'dashboard' ? suppressionThresholdFromEnv() : null;
    const { steps, risks } = await new MonitoringService(em).countRows();
    const bySteps = countsIn(steps, MonitoringStepVocabulary.values, region, threshold);
    const byRisks = countsIn(risks, RelapseRiskTypeVocabulary.values, region, threshold);
    return {
      region,
      byStep: MonitoringStepVocabulary.values.map((step) => ({ step, ...bySteps.get(step)! })),
      byRiskType: RelapseRiskTypeVocabulary.values.map((riskType) => ({ riskType, ...byRisks.get(riskType)! })),
    };
  }

  @Mutation(() => MonitoringCase, { description: '监测候选 — open a relapse-monitoring case (poverty staff of the household’s region; DEPARTMENT_DATA names the warning rule).' })
  async openMonitoringCase(@Arg('input', () => OpenMonitoringCaseInput) input: OpenMonitoringCaseInput, @Ctx() context: PovertyContext) {
    await authorizeHouseholdWrite(context, input.householdCode, 'input.householdCode', WHAT);
    return new MonitoringService(context.em).open(input, context.identity.subject);
  }

  @Mutation(() => MonitoringCase, {
    description:
      '监测程序 — the next step of a case: 村评议 (VILLAGE_REVIEWED) by a village account, 乡镇审核 (TOWNSHIP_CHECKED) by a township account, 县审定 (COUNTY_APPROVED: the household becomes 监测户) and 风险消除 (EXITED) by a county account; REJECTED by whoever takes the pending review step.',
  })
  async moveMonitoringCase(@Arg('input', () => MoveMonitoringCaseInput) input: MoveMonitoringCaseInput, @Ctx() context: PovertyContext) {
    context.access.requireDepartment('poverty', WHAT);
    const service = new MonitoringService(context.em);
    const checked = service.checkMove(input);
    const record = await this.visibleCase(context, service, input.caseId);
    const owner = stepOwner(record.step, checked.to);
    if (!('problem' in owner)) {
      const level = STEP_LEVEL[owner.level];
      const region = context.identity.region ?? '';
      if (region.length !== level.digits) {
        throw forbidden(
          `input.to: ${stepLabel(checked.to)} of a case at ${stepLabel(record.step)} is taken by a poverty account of a ${level.label}; yours is of a ${region.length}-digit region`,
          'monitoring-step',
        );
      }
    }
    return service.move(record.id, input, checked, context.identity.subject);
  }

  @Mutation(() => MonitoringMeasure, { description: '帮扶措施 — record an assistance measure of an open case (poverty staff of the household’s region).' })
  async recordMonitoringMeasure(@Arg('input', () => RecordMonitoringMeasureInput) input: RecordMonitoringMeasureInput, @Ctx() context: PovertyContext) {
    context.access.requireDepartment('poverty', WHAT);
    const service = new MonitoringService(context.em);
    const checked = service.checkMeasure(input);
    const record = await this.visibleCase(context, service, input.caseId);
    return service.recordMeasure(record.id, input, checked, context.identity.subject);
  }

  /** A case whose household lies outside the caller's scope is as unknown as a missing one. */
  private async visibleCase(context: PovertyContext, service: MonitoringService, id: string): Promise<MonitoringCase> {
    const record = await service.requireCase(id, 'input.caseId');
    if (!(await context.access.canSee({ place: record.householdCode }))) throw notFound('monitoring case', 'input.caseId');
    return record;
  }

  @FieldResolver(() => Household, { description: 'The household (join its other departments’ fields through it).' })
  household(@Root() record: MonitoringCase): Household {
    return { code: record.householdCode };
  }

  @FieldResolver(() => [MonitoringTransition], { description: 'Every step, oldest first: who, when, note.' })
  transitions(@Root() record: MonitoringCase, @Ctx() { loaders }: PovertyContext) {
    return loaders.transitionsByCase.load(record.id);
  }

  @FieldResolver(() => [MonitoringMeasure], { description: '帮扶措施, by date.' })
  measures(@Root() record: MonitoringCase, @Ctx() { loaders }: PovertyContext) {
    return loaders.measuresByCase.load(record.id);
  }
}

@Resolver(() => Household)
export class HouseholdMonitoringResolver {
  @FieldResolver(() => [MonitoringCase], { nullable: true, description: '防返贫监测 — the household’s monitoring cases, newest first.' })
  monitoringCases(@Root() household: Household, @Ctx() { loaders }: PovertyContext) {
    return loaders.monitoringCasesByHousehold.load(household.code);
  }
}
