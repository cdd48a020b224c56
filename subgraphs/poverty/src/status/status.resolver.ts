import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DivisionCodeScalar, PovertyStatus, suppressionThresholdFromEnv } from '@jiuye/common';
import type { PovertyContext } from '../context';
import { PovertyStatusService } from './status.service';

@ObjectType({ description: 'Registered households and their current members with one poverty status (dashboards).' })
export class StatusCount {
  @Field(() => PovertyStatus)
  status: PovertyStatus;

  @Field(() => Int, {
    nullable: true,
    description: '户数 — null for dashboards when suppressed (1 … SUPPRESSION_THRESHOLD − 1, or hidden so that no other suppressed count can be recovered by subtraction).',
  })
  households: number | null;

  @Field(() => Int, { nullable: true, description: '人数 — current members; null for dashboards when suppressed.' })
  members: number | null;

  @Field(() => Boolean, { description: 'true when households or members is withheld (dashboards only; small-cell suppression).' })
  suppressed: boolean;
}

@Resolver(() => StatusCount)
export class StatusResolver {
  @Query(() => [StatusCount], {
    description: '贫困状态统计 — households and members per status in a division (every status, zeros included); small-cell suppressed for dashboards.',
  })
  povertyStatusCounts(@Arg('divisionCode', () => DivisionCodeScalar) divisionCode: string, @Ctx() { em, access, identity }: PovertyContext) {
    const region = access.scopeAggregate(divisionCode);
    const service = new PovertyStatusService(em);
    return identity.department === 'dashboard' ? service.suppressedCounts(region, suppressionThresholdFromEnv()) : service.counts(region);
  }
}
