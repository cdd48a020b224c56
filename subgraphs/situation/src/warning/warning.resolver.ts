import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, PageArgs } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { resolveRegion } from '../region/region.service';
import { WARNING_RULES, type WarningLevel as WarningLevelValue } from './rules';
import { warningPage } from './warning.service';
import { EarlyWarning, WarningLevel, WarningPage, WarningRuleId, WarningRuleInfo } from './warning.types';

@Resolver()
export class WarningResolver {
  @Query(() => WarningPage, {
    description:
      '预警: the early warnings that hold today for people and households of a village, township or county (default: your whole region), each with its reason, level and responsible person. Partner-city staff get the transfer rules over the workers transferred to their city (leave region out). Kept by the read model (re-evaluated for the people and households the departments change, and for every subject each new day; evaluated at query time until that day’s evaluation has run); ordered by level (red first), rule, village, subject.',
  })
  async warnings(
    @Arg('region', () => String, { nullable: true, description: 'Division code (county 6, township 9, village 12 digits); default your region.' }) region: string | null,
    @Arg('rule', () => WarningRuleId, { nullable: true, description: 'Only this rule.' }) rule: string | null,
    @Arg('level', () => WarningLevel, { nullable: true, description: 'Only this level.' }) level: WarningLevelValue | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<WarningPage> {
    // Partner-city staff get their own worklist: the transfer rules over the workers transferred to their city.
    const partnerCity = context.access.kind === 'partner-city' ? context.identity.partnerCity! : null;
    if (partnerCity) context.access.requirePersonAccess();
    if (partnerCity && region) throw badInput('region', 'partner-city accounts see the workers transferred to their city; leave region out');
    const place = partnerCity ? { code: '', name: `partner city ${partnerCity}`, level: 'CITY' } : await resolveRegion(context.loaders, context.access, region, 'person');
    const [page, freshness] = await Promise.all([warningPage(context.loaders.sql, { region: place, partnerCity, rule, level, first, after }), readFreshness(context.loaders.sql)]);
    return {
      region: place,
      nodes: page.nodes.map((row) => new EarlyWarning(row.warning, row.person)),
      totalCount: page.totalCount,
      countsByRule: page.countsByRule.map(({ rule: r, count }) => ({ rule: r.id, label: r.label, level: r.level, count })),
      pageInfo: page.pageInfo,
      freshness,
    };
  }

  @Query(() => [WarningRuleInfo], { description: '预警规则: the registered early-warning rules with their labels, levels and conditions.' })
  warningRules(): WarningRuleInfo[] {
    return WARNING_RULES.map((rule) => ({
      id: rule.id,
      label: rule.label,
      level: rule.level,
      subject: rule.subject.toUpperCase(),
      departments: rule.departments,
      description: rule.description,
    }));
  }
}
