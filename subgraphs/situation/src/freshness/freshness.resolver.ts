import { Ctx, Query, Resolver } from 'type-graphql';
import type { SituationContext } from '../context';
import { readFreshness } from './freshness.service';
import { Freshness } from './freshness.types';

@Resolver()
export class FreshnessResolver {
  @Query(() => Freshness, { description: "数据时效: how far each department's changes are applied to the cross-department views." })
  situationFreshness(@Ctx() context: SituationContext): Promise<Freshness> {
    return readFreshness(context.loaders.sql);
  }
}
