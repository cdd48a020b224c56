import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PageArgs } from '@jiuye/common';
import type { SituationContext } from '../context';
import { readFreshness } from '../freshness/freshness.service';
import { resolveRegion } from '../region/region.service';
import { conflictPage, requireResolver, resolveConflict } from './conflict.service';
import { Conflict, ConflictKind, ConflictPage, ConflictStatus, ResolveConflictInput, type ConflictStatusValue } from './conflict.types';
import { inTransaction } from './transaction';

@Resolver()
export class ConflictResolver {
  @Query(() => ConflictPage, {
    description:
      '数据比对冲突: facts of two departments about a person or household that cannot both be true, as a worklist over a village, township or county (default: your whole region). Kept by the read model as the departments’ changes arrive; a resolved conflict stays resolved while both facts are unchanged.',
  })
  async conflicts(
    @Arg('region', () => String, { nullable: true, description: 'Division code (county 6, township 9, village 12 digits); default your region.' }) region: string | null,
    @Arg('kind', () => ConflictKind, { nullable: true, description: 'Only this kind.' }) kind: string | null,
    @Arg('status', () => ConflictStatus, { nullable: true, defaultValue: 'OPEN', description: 'OPEN (default), RESOLVED, or null for both.' }) status: ConflictStatusValue | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: SituationContext,
  ): Promise<ConflictPage> {
    const place = await resolveRegion(context.loaders, context.access, region, 'person');
    const [page, freshness] = await Promise.all([conflictPage(context.loaders.sql, { region: place, kind, status, first, after }), readFreshness(context.loaders.sql)]);
    return {
      region: place,
      nodes: page.nodes.map((row) => new Conflict(row.conflict, row.person)),
      totalCount: page.totalCount,
      countsByKind: page.countsByKind.map(({ rule, count }) => ({ kind: rule.kind, label: rule.label, count })),
      pageInfo: page.pageInfo,
      freshness,
    };
  }

  @Mutation(() => Conflict, {
    description:
      "处理冲突: records how a conflict was settled (note, and optionally which department's fact holds). Department staff of the conflict's region; the conflict reopens when either fact changes.",
  })
  async resolveConflict(@Arg('input', () => ResolveConflictInput) input: ResolveConflictInput, @Ctx() context: SituationContext): Promise<Conflict> {
    requireResolver(context.access);
    return inTransaction(context.em, async (sql) => {
      const { conflict, person } = await resolveConflict(sql, context.access, input);
      return new Conflict(conflict, person);
    });
  }
}
