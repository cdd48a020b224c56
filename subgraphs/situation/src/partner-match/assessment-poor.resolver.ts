import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { primarySuppressed } from '@jiuye/common';
import type { SituationContext } from '../context';
import { registeredPoorTransfers } from './assessment-poor.service';
import { PartnerAssessment } from './assessment-poor.types';
import { assessmentRegion } from './assessment-scope';

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
    const region = assessmentRegion(assessment, context, 'registeredPoor');
    const n = await registeredPoorTransfers(context.loaders.sql, assessment, region);
    return primarySuppressed(n, context.config.suppressionThreshold) ? null : n;
  }
}
