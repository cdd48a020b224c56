import { Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { forbidden, primarySuppressed } from '@jiuye/common';
import type { SituationContext } from '../context';
import { REGISTERED_POOR } from '../sql/conditions';

/**
 * A partner city's assessment (owned by partner, which counts its own transfers), as the read
 * model sees it: the key only. The read model knows who is registered poor (poverty's records), so
 * it adds how many of the year's transfers were of registered poor workers.
 */
@ObjectType({ description: '协作城市考核 — a partner city’s assessment figures for a year.' })
@Directive('@key(fields: "cityCode year")')
export class PartnerAssessment {
  @Field(() => String, { description: '4-digit city code.' })
  cityCode: string;

  @Field(() => Int)
  year: number;
}

export function resolvePartnerAssessmentReference(reference: { cityCode: string; year: number }): PartnerAssessment {
  return { cityCode: String(reference.cityCode), year: Number(reference.year) };
}

/** Confirmed transfers to the city whose first working day lies in the year, of workers now registered poor; $4 the region prefix ('' for all). */
export async function registeredPoorTransfers(context: SituationContext, assessment: PartnerAssessment, region: string): Promise<number> {
  const row = await context.loaders.sql.one<{ n: number }>(
    `select count(*)::int as n from transfer_spell t join person_situation p on p.worker_id = t.worker_id
      where t.city_code = $1 and t.started_on between $2::date and $3::date and t.village_code like $4 || '%' and ${REGISTERED_POOR}`,
    [assessment.cityCode, `${assessment.year}-01-01`, `${assessment.year}-12-31`, region],
  );
  return row?.n ?? 0;
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
    const n = await registeredPoorTransfers(context, assessment, region);
    return primarySuppressed(n, context.config.suppressionThreshold) ? null : n;
  }
}
