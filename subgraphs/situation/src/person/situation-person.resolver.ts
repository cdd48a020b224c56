import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import type { SituationContext } from '../context';
import { resolveAsOf } from '../history/as-of';
import { resolveRegion } from '../region/region.service';
import { personInRegion } from './situation-person.service';
import { SituationPerson } from './situation-person.types';

@Resolver()
export class SituationPersonResolver {
  @Query(() => SituationPerson, {
    nullable: true,
    description:
      '人员情况: one registry worker (by the pseudonymous worker key rosters give) with the facts from all five departments, now or as of the end of a past day. Null when the worker is unknown or outside your region (the same answer either way).',
  })
  async situationPerson(
    @Arg('id', () => ID, { description: 'The worker key (SituationPerson.id, Worker.id).' }) id: string,
    @Arg('asOf', () => LocalDateScalar, {
      nullable: true,
      description: 'As of the end of this day (China time), answered from the history of the read model; from the day history begins to today. Default: now.',
    })
    asOf: string | null,
    @Ctx() context: SituationContext,
  ): Promise<SituationPerson | null> {
    // The caller's whole region, and the as-of day, are checked before anything about the person is read.
    const region = await resolveRegion(context.loaders, context.access, null, 'person');
    const when = await resolveAsOf(context.loaders.sql, asOf);
    const row = await personInRegion(context.loaders.sql, id, region, when);
    return row ? new SituationPerson(row, when?.day ?? null) : null;
  }
}
