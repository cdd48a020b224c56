import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { forbidden, primarySuppressed } from '@jiuye/common';
import type { SituationContext } from '../context';
import { registeredPoorTransfers } from './assessment-poor.service';
import { PartnerAssessment } from './assessment-poor.types';

export function resolvePartnerAssessmentReference(reference: { cityCode: string; year: number }): PartnerAssessment {
  return { cityCode: String(reference.cityCode), year: Number(reference.year) };
}

@Resolver(() => PartnerAssessment)
export class PartnerAssessmentPoorResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      '其中建档立卡 — of the year’s transfers, those of workers registered poor (未脱贫, 已脱贫, 脱贫不稳定) by the poverty office today, from the read model; ' +
      'null when suppressed (1 … threshold−1). Region staff: the workers of their region.',
  })
  async registeredPoor(@Root() assessment: PartnerAssessment, @Ctx() context: SituationContext): Promise<number | null> {
    const { access, identity } = context;
    let region: string;
    if (access.kind === 'partner-city') {
      // The gateway reached the assessment through partner, which answers a city its own only; checked again here.
      if (assessment.cityCode !== identity.partnerCity) throw forbidden('PartnerAssessment.registeredPoor: another partner city', 'outside-city');
      region = '';
    } else if (access.kind === 'region' && identity.department !== 'auditor') {
      region = access.scopeAggregate(null);
    } else {
      throw forbidden('PartnerAssessment.registeredPoor: for the city’s staff and region staff', 'no-city-or-region');
    }
    const n = await registeredPoorTransfers(context.loaders.sql, assessment, region);
    return primarySuppressed(n, context.config.suppressionThreshold) ? null : n;
  }
}
