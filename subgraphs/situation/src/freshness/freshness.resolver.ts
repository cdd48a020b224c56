import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import type { SituationContext } from '../context';
import { historyBegins } from '../history/as-of';
import { readFreshness } from './freshness.service';
import { Freshness } from './freshness.types';

@Resolver(() => Freshness)
export class FreshnessResolver {
  @Query(() => Freshness, { description: "数据时效: how far each department's changes are applied to the cross-department views." })
  situationFreshness(@Ctx() context: SituationContext): Promise<Freshness> {
    return readFreshness(context.loaders.sql);
  }

  // Read only when asked for, so that the views' own statements stay as they are.
  @FieldResolver(() => LocalDateScalar, { description: 'The first day an asOf argument accepts: the views keep their history from then (China time).' })
  async historyBeginsOn(@Ctx() context: SituationContext): Promise<string> {
    return (await historyBegins(context.loaders.sql)).firstDay;
  }
}
