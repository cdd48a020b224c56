import { Field, InputType } from 'type-graphql';
import { Education, EmploymentIntention, EmploymentStatus, PopulationStatus, SkillLevel, Trade, updateInputDescription } from '@jiuye/common';

@InputType({ description: '农村劳动力实名制登记 — register a person aged 16–60 in the labour registry with the six clarities.' })
export class RegisterWorkerInput {
  @Field(() => String, { description: '18-character ID number; birth date and sex are taken from it.' })
  idNumber: string;

  @Field(() => String, { description: 'Name as on the ID card, 2 to 30 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Mobile number, 11 digits.' })
  phone?: string | null;

  @Field(() => String, { description: '户编号, 16 digits: the village code (which must be in the catalogue) + 4 digits.' })
  householdCode: string;

  @Field(() => PopulationStatus)
  populationStatus: PopulationStatus;

  @Field(() => EmploymentStatus, {
    description: 'UNEMPLOYED, NOT_SEEKING or UNABLE_TO_WORK; EMPLOYED comes from recordEmploymentStart, so that every employed worker has an employment record.',
  })
  employmentStatus: EmploymentStatus;

  @Field(() => EmploymentIntention)
  employmentIntention: EmploymentIntention;

  @Field(() => SkillLevel)
  skillLevel: SkillLevel;

  @Field(() => Trade, { nullable: true, description: '培训意愿 — trade the person wants to be trained in, if any.' })
  trainingWish?: Trade | null;

  @Field(() => Education)
  education: Education;
}

@InputType({
  description: updateInputDescription('月动态核实 — the monthly verification of a registry record; verifiedOn becomes today either way.', ['trainingWish']),
})
export class UpdateSixClaritiesInput {
  @Field(() => String)
  idNumber: string;

  @Field(() => PopulationStatus, { nullable: true })
  populationStatus?: PopulationStatus | null;

  @Field(() => EmploymentStatus, {
    nullable: true,
    description: 'UNEMPLOYED, NOT_SEEKING or UNABLE_TO_WORK, and only while no employment is open (EMPLOYED follows the employment records).',
  })
  employmentStatus?: EmploymentStatus | null;

  @Field(() => EmploymentIntention, { nullable: true })
  employmentIntention?: EmploymentIntention | null;

  @Field(() => SkillLevel, { nullable: true })
  skillLevel?: SkillLevel | null;

  @Field(() => Trade, { nullable: true })
  trainingWish?: Trade | null;

  @Field(() => Education, { nullable: true })
  education?: Education | null;
}
