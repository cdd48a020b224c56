import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DivisionCodeScalar, PovertyStatus } from '@jiuye/common';
import type { PovertyContext } from '../context';
import { PovertyStatusService } from './status.service';

@ObjectType({ description: 'Registered households and their current members with one poverty status (dashboards).' })
export class StatusCount {
  @Field(() => PovertyStatus)
  status: PovertyStatus;

  @Field(() => Int, { description: '户数' })
  households: number;

  @Field(() => Int, { description: '人数 — current members' })
  members: number;
}

@Resolver(() => StatusCount)
export class StatusResolver {
  @Query(() => [StatusCount], { description: '贫困状态统计 — households and members per status in a division (every status, zeros included).' })
  povertyStatusCounts(@Arg('divisionCode', () => DivisionCodeScalar) divisionCode: string, @Ctx() { em, access }: PovertyContext) {
    return new PovertyStatusService(em).counts(access.scopeAggregate(divisionCode));
  }
}
