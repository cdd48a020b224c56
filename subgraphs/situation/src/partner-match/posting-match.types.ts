import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceOutcome, Trade } from '@jiuye/common';

/**
 * A partner city's pushed posting (owned by partner), as the read model sees it: the key and the
 * two facts the gateway sends along (@requires) — the posting city and the trade it asks for.
 */
@ObjectType({ description: '岗位推送 — a job a partner city pushed to the county for its workers.' })
@Directive('@key(fields: "id")')
export class PartnerJobPosting {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The posting city (4-digit code).' })
  @Directive('@external')
  cityCode?: string;

  @Field(() => Trade, { nullable: true, description: '所需工种 — a trade the job needs a certificate in; empty: no trade required (低门槛).' })
  @Directive('@external')
  requiredTrade?: Trade | null;
}

@ObjectType({ description: 'Willing workers of one township (乡镇) for a posting (null: suppressed).' })
export class TownshipMatchCount {
  @Field(() => String, { description: '9-digit township code.' })
  code: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => Int, { nullable: true })
  workers: number | null;
}

@ObjectType({
  description:
    'Willing workers holding a certificate in a trade (null trade: none); a worker with two certificates counts under both (null: suppressed). ' +
    'A posting without a trade lists no certificate and every trade (zeros included); a posting that asks for a trade lists that trade alone (its total): ' +
    'co-certifications are not published.',
})
export class TradeMatchCount {
  @Field(() => Trade, { nullable: true })
  trade: Trade | null;

  @Field(() => Int, { nullable: true })
  workers: number | null;
}

@ObjectType({ description: '推荐结果 — job referrals (JOB_REFERRAL service records of any department) to the posting with this outcome (null: suppressed).' })
export class ReferralOutcomeCount {
  @Field(() => ServiceOutcome)
  outcome: ServiceOutcome;

  @Field(() => Int, { nullable: true })
  referrals: number | null;
}

@ObjectType({
  description:
    '人岗匹配（协作城市）— how many registered workers would fit a pushed posting, without names: able to work, not already working away from home (out of the county) nor on an open transfer, ' +
    'not kept near home (care duties, a severe disability: the same rule as suitablePartnerJobPostings), willing to go where the job is ' +
    '(employmentIntention OUT_OF_PROVINCE for a city of another province, IN_PROVINCE for one of their own) and certified in the trade it asks for ' +
    '(any, for a 低门槛 posting). Counted from the read model of the caller’s region (partner-city staff: every registered worker); small counts suppressed. ' +
    'Every posting answers from one suppression pattern per province (one for the cities of that province, one for all others: townships × all willing, each trade, its complement, no certificate), ' +
    'so no two postings (with and without a trade) nor two regions can be subtracted to reveal a count of 1 … threshold−1.',
})
export class PostingMatches {
  @Field(() => Int, { nullable: true, description: 'Willing workers in all (null: suppressed).' })
  total: number | null;

  @Field(() => [TownshipMatchCount], { description: 'By township, every township of the region (zeros included; none for a village account).' })
  byTownship: TownshipMatchCount[];

  @Field(() => [TradeMatchCount], { description: 'By certified trade (null: no certificate); a trade posting: its own trade only.' })
  byTrade: TradeMatchCount[];

  @Field(() => [ReferralOutcomeCount], {
    description:
      'Referrals to this posting so far, by outcome; a referred worker is the first to be named to the city (through the referral). ' +
      'Suppressed over the posting’s referrals by township, so a region’s count and its townships’ agree and cannot be subtracted.',
  })
  referrals: ReferralOutcomeCount[];

  @Field(() => Boolean, { description: 'true when any count is withheld.' })
  suppressed: boolean;
}
