import { Field, ID, InputType, Int } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, updateInputDescription } from '@jiuye/common';

@InputType({ description: '达成意向 — record that a worker and an employer agreed on a posting at a job fair.' })
export class RecordJobFairIntentionInput {
  @Field(() => ID)
  fairId: string;

  @Field(() => String)
  idNumber: string;

  @Field(() => ID)
  postingId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the intention was reached; the fair day when left out (online fairs run on).' })
  reachedOn?: string | null;
}

@InputType({ description: '举办招聘会 — a job fair of your region: on site in a township or the county, or online.' })
export class CreateJobFairInput {
  @Field(() => String, { description: '2 to 100 characters (“春风行动”暨农村劳动力转移就业专场招聘会…).' })
  name: string;

  @Field(() => LocalDateScalar)
  heldOn: string;

  @Field(() => DivisionCodeScalar, { description: 'A township (township fair) or the county (county-wide and online fairs) of your region.' })
  divisionCode: string;

  @Field(() => Boolean, { defaultValue: false, description: '线上 — held online.' })
  online: boolean = false;

  @Field(() => String, { nullable: true, description: 'Where, 2 to 100 characters; required for an on-site fair.' })
  venue?: string | null;

  @Field(() => String, { description: '主办单位, 2 to 100 characters.' })
  organiser: string;
}

@InputType({ description: updateInputDescription('Change a fair that is not cancelled.', ['venue (online fairs only)']) })
export class UpdateJobFairInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Moved only before intentions or attendance are recorded; the postings brought must be open on the new day.' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => String, { nullable: true })
  organiser?: string | null;
}

@InputType({ description: 'Call a fair off (only before anything happened at it: no intentions, no attendance).' })
export class CancelJobFairInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Not after today.' })
  cancelledOn: string;

  @Field(() => String, { description: '2 to 200 characters.' })
  reason: string;
}

@InputType({ description: '参会企业 — an employer takes part in a fair and brings some of its postings (added to what it already brings).' })
export class AddJobFairEmployerInput {
  @Field(() => ID)
  fairId: string;

  @Field(() => ID, { description: 'An operating employer (from anywhere: partner-city firms come too).' })
  employerId: string;

  @Field(() => [ID], { defaultValue: [], description: 'Postings of this employer open on the fair day, at most 50 per call.' })
  postingIds: string[];
}

@InputType({ description: 'An employer withdraws from a fair, with the postings it brought (not once intentions were reached for them there).' })
export class RemoveJobFairEmployerInput {
  @Field(() => ID)
  fairId: string;

  @Field(() => ID)
  employerId: string;
}

@InputType({ description: '入场人数 — how many came to a fair that has been held.' })
export class RecordJobFairAttendanceInput {
  @Field(() => ID)
  fairId: string;

  @Field(() => Int, { description: '0 to 1,000,000.' })
  attendance: number;
}
