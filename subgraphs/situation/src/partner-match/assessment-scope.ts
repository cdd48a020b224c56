import { forbidden } from '@jiuye/common';
import type { SituationContext } from '../context';
import type { PartnerAssessment } from './assessment-poor.types';

/**
 * The region prefix an assessment's read-model figures are counted in: '' for the city's own
 * staff (all of the city's), the caller's region for region staff; anyone else is refused.
 */
export function assessmentRegion(assessment: PartnerAssessment, context: SituationContext, field: string): string {
  const { access, identity } = context;
  if (access.kind === 'partner-city') {
    // The gateway reached the assessment through partner, which answers a city its own only; checked again here.
    if (assessment.cityCode !== identity.partnerCity) throw forbidden(`PartnerAssessment.${field}: another partner city`, 'outside-city');
    return '';
  }
  if (access.kind === 'region' && identity.department !== 'auditor') return access.scopeAggregate(null);
  throw forbidden(`PartnerAssessment.${field}: for the city’s staff and region staff`, 'no-city-or-region');
}
