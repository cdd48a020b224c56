import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { forbidden } from '@jiuye/common';
import type { SituationContext } from '../context';
import { postingMatches } from './posting-match.service';
import { PartnerJobPosting, PostingMatches } from './posting-match.types';

/** The representation the gateway sends: the key and the @requires facts; nothing else is kept. */
export function resolvePartnerPostingReference(reference: { id: string; cityCode?: string; requiredTrade?: PartnerJobPosting['requiredTrade'] }): PartnerJobPosting {
  return { id: String(reference.id), cityCode: reference.cityCode, requiredTrade: reference.requiredTrade ?? null };
}

/**
 * 人岗匹配 for the partner cities' pushed postings, in counts only. Who reads them: the staff of
 * the posting's city (over every registered worker), and region staff and dashboards (the
 * workers of their region). Nobody is named here.
 */
@Resolver(() => PartnerJobPosting)
export class PartnerPostingMatchResolver {
  @FieldResolver(() => PostingMatches, {
    description:
      '人岗匹配 — counts of registered workers who would fit this posting (by township and certified trade) and of the referrals to it, without names; ' +
      "small counts suppressed, from one pattern shared by every posting and region (no difference of two answers reveals a small count). The posting city's staff and region staff (their region's workers: the account's own region, no argument).",
  })
  @Directive('@requires(fields: "cityCode requiredTrade")')
  async willingWorkers(@Root() posting: PartnerJobPosting, @Ctx() context: SituationContext): Promise<PostingMatches> {
    const { access, identity } = context;
    if (identity.department === 'auditor') throw forbidden('auditor accounts read the access log, not the records', 'auditor-log-only');
    let region: string;
    if (access.kind === 'partner-city') {
      // The gateway reached the posting through partner, which answers a city its own postings only; checked again here.
      if (posting.cityCode !== identity.partnerCity) throw forbidden('PartnerJobPosting.willingWorkers: another partner city’s posting', 'outside-city');
      region = '';
    } else if (access.kind === 'region') {
      region = access.scopeAggregate(null);
    } else {
      throw forbidden('PartnerJobPosting.willingWorkers: for the posting city’s staff and region staff', 'no-city-or-region');
    }
    if (!posting.cityCode) throw forbidden('PartnerJobPosting.willingWorkers: the posting city is unknown', 'no-city');
    return postingMatches(
      context.loaders.sql,
      { id: posting.id, cityCode: posting.cityCode, requiredTrade: posting.requiredTrade ?? null },
      region,
      context.config.suppressionThreshold,
    );
  }
}
