import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SituationContext } from '../context';
import { PartnerAssessment } from './assessment-poor.types';
import { assessmentRegion } from './assessment-scope';
import { fundedTrainingCounts, suppressFundedTraining } from './assessment-training.service';
import { PartnerFundedTraining } from './assessment-training.types';

@Resolver(() => PartnerAssessment)
export class PartnerAssessmentTrainingResolver {
  @FieldResolver(() => PartnerFundedTraining, {
    description:
      '东西部协作资金培训 — trainees of the classes the city funded (training’s class funder PARTNER_CITY with this city) that began in the year: ' +
      'enrolled, completed, employed within 3 months; county-confirmed enrolments, from the read model, small counts suppressed. Region staff: the trainees of their region.',
  })
  async fundedTraining(@Root() assessment: PartnerAssessment, @Ctx() context: SituationContext): Promise<PartnerFundedTraining> {
    const region = assessmentRegion(assessment, context, 'fundedTraining');
    return suppressFundedTraining(await fundedTrainingCounts(context.loaders.sql, assessment, region), context.config.suppressionThreshold);
  }
}
