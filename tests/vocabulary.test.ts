import * as demo from '../devtools/src/demo/model';
import {
  EducationVocabulary,
  EmploymentIntentionVocabulary,
  EmploymentKindVocabulary,
  EmploymentPlaceVocabulary,
  EmploymentStatusVocabulary,
  PopulationStatusVocabulary,
  PovertyStatusVocabulary,
  SexVocabulary,
  SkillLevelVocabulary,
  TradeVocabulary,
  WelfarePostKindVocabulary,
} from '@jiuye/common';
import { AssistanceKindVocabulary } from '../subgraphs/civil/src/assistance/assistance.entity';
import { CareReasonVocabulary } from '../subgraphs/civil/src/care-duty/care-duty.entity';
import { DisabilityKindVocabulary, LeftBehindKindVocabulary } from '../subgraphs/civil/src/person/person.entity';
import { EmployerKindVocabulary } from '../subgraphs/hr/src/employer/employer.entity';
import { SubsidyKindVocabulary } from '../subgraphs/hr/src/subsidy/subsidy.entity';
import { ContactChannelVocabulary, ContactOutcomeVocabulary } from '../subgraphs/partner/src/contact-attempt/contact-attempt.entity';
import { LabourBaseKindVocabulary } from '../subgraphs/partner/src/labour-base/labour-base.entity';
import { RelationshipVocabulary } from '../subgraphs/poverty/src/member/member.entity';
import { CourseKindVocabulary } from '../subgraphs/training/src/course/course.entity';
import { EnrolmentStatusVocabulary } from '../subgraphs/training/src/enrolment/enrolment.entity';
import { InstitutionKindVocabulary } from '../subgraphs/training/src/institution/institution.entity';

/**
 * The demo generator lives in common and cannot import the departments, so it spells their
 * vocabularies again; a value the generator makes that a department does not know would fail
 * its database's check constraint. These must stay the same sets.
 */
describe('vocabularies', () => {
  it.each([
    ['POVERTY_STATUSES', demo.POVERTY_STATUSES, PovertyStatusVocabulary],
    ['EMPLOYMENT_KINDS', demo.EMPLOYMENT_KINDS, EmploymentKindVocabulary],
    ['EMPLOYMENT_PLACES', demo.EMPLOYMENT_PLACES, EmploymentPlaceVocabulary],
    ['WELFARE_POST_KINDS', demo.WELFARE_POST_KINDS, WelfarePostKindVocabulary],
    ['TRADES', demo.TRADES, TradeVocabulary],
    ['EDUCATIONS', demo.EDUCATIONS, EducationVocabulary],
    ['SKILL_LEVELS', demo.SKILL_LEVELS, SkillLevelVocabulary],
    ['POPULATION_STATUSES', demo.POPULATION_STATUSES, PopulationStatusVocabulary],
    ['EMPLOYMENT_STATUSES', demo.EMPLOYMENT_STATUSES, EmploymentStatusVocabulary],
    ['EMPLOYMENT_INTENTIONS', demo.EMPLOYMENT_INTENTIONS, EmploymentIntentionVocabulary],
    ['SEXES', demo.SEXES, SexVocabulary],
  ])('the demo takes the shared %s from common/src/vocabulary.ts', (_name, values, vocabulary) => {
    expect(values).toBe(vocabulary.values);
  });

  it.each([
    ['RELATIONSHIPS (poverty)', demo.RELATIONSHIPS, RelationshipVocabulary],
    ['ASSISTANCE_KINDS (civil)', demo.ASSISTANCE_KINDS, AssistanceKindVocabulary],
    ['LEFT_BEHIND_KINDS (civil)', demo.LEFT_BEHIND_KINDS, LeftBehindKindVocabulary],
    ['DISABILITY_KINDS (civil)', demo.DISABILITY_KINDS, DisabilityKindVocabulary],
    ['CARE_REASONS (civil)', demo.CARE_REASONS, CareReasonVocabulary],
    ['SUBSIDY_KINDS (hr)', demo.SUBSIDY_KINDS, SubsidyKindVocabulary],
    ['EMPLOYER_KINDS (hr)', demo.EMPLOYER_KINDS, EmployerKindVocabulary],
    ['COURSE_KINDS (training)', demo.COURSE_KINDS, CourseKindVocabulary],
    ['INSTITUTION_KINDS (training)', demo.INSTITUTION_KINDS, InstitutionKindVocabulary],
    ['ENROLMENT_STATUSES (training)', demo.ENROLMENT_STATUSES, EnrolmentStatusVocabulary],
    ['CONTACT_OUTCOMES (partner)', demo.CONTACT_OUTCOMES, ContactOutcomeVocabulary],
    ['CONTACT_CHANNELS (partner)', demo.CONTACT_CHANNELS, ContactChannelVocabulary],
    ['LABOUR_BASE_KINDS (partner)', demo.LABOUR_BASE_KINDS, LabourBaseKindVocabulary],
  ])('the demo\'s %s are the department\'s values', (_name, values, vocabulary) => {
    expect([...values].sort()).toEqual([...vocabulary.values].sort());
  });

  it('gives every value a Chinese label', () => {
    for (const vocabulary of [TradeVocabulary, PovertyStatusVocabulary, ContactOutcomeVocabulary, RelationshipVocabulary, CourseKindVocabulary]) {
      for (const value of vocabulary.values) expect(vocabulary.labels[value]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
