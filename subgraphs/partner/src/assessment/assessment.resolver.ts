import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput, forbidden, notFound, suppressionThresholdFromEnv, todayInChina } from '@jiuye/common';
import { scopeCity } from '../access';
import type { PartnerContext } from '../context';
import { PartnerCity } from '../partner-city/partner-city.entity';
import { PartnerAssessment } from './assessment.types';
import { partnerAssessment } from './assessment.service';

/** The first year an assessment is asked for (the platform's data start later). */
const FIRST_YEAR = 2016;

@Resolver(() => PartnerAssessment)
export class PartnerAssessmentResolver {
  @Query(() => PartnerAssessment, {
    nullable: true,
    description:
      '协作城市考核 — a partner city’s assessment figures for a year, small counts suppressed. Partner-city staff: their own city (the default); ' +
      'county and province staff: the workers of their region transferred to the city they name. Dashboards are refused (the figures are counted person by person). An unknown city is NOT_FOUND.',
  })
  async partnerAssessment(
    @Arg('year', () => Int, { description: `The calendar year (${FIRST_YEAR} to this year).` }) year: number,
    @Ctx() context: PartnerContext,
    @Arg('cityCode', () => String, { nullable: true, description: '4-digit city code (or a 6-digit district of it); partner-city staff: their own, the default.' })
    cityCode?: string | null,
  ): Promise<PartnerAssessment | null> {
    const { access } = context;
    if (access.kind === 'institution' || access.kind === 'none') throw forbidden('partner assessments are for the partner city’s staff and region staff', 'no-city-or-region');
    const city = scopeCity(context, cityCode);
    if (city === null) throw badInput('cityCode', 'name the partner city (4 digits)', 'DIVISION_CODE');
    const thisYear = Number(todayInChina().slice(0, 4));
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear) throw badInput('year', `a calendar year from ${FIRST_YEAR} to ${thisYear}`);
    if (!(await context.em.findOne(PartnerCity, { code: city }))) throw notFound('partner city', 'cityCode');
    // Region accounts count the workers of their region only (asked of the residence authority); the city all of its own.
    const residents = access.kind === 'region' ? (ids: string[]) => access.residentsOf(ids) : null;
    return partnerAssessment(context.em, city, year, residents, suppressionThresholdFromEnv());
  }
}
