import { updateInputDescription } from '../update-input';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../scalars';
import { PostingSource, ServiceChannel, ServiceKind, ServiceOutcome } from './vocabulary';

@InputType({
  description: '一人一案 — record one service given to a person. Which detail fields a kind takes is said on each field; a field the kind does not take is refused, naming it.',
})
export class RecordServiceInput {
  @Field(() => ID, { description: 'The person: the pseudonymous worker key (Worker.id, SituationPerson.id).' })
  workerId: string;

  @Field(() => ServiceKind)
  kind: ServiceKind;

  @Field(() => LocalDateScalar, { description: 'The day of the service, not after today (China time); RIGHTS_PROTECTION: the day the case was opened.' })
  servedOn: string;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters, no ID number.' })
  note?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'JOB_REFERRAL: exactly one posting; JOB_PUSH: 1 to 20 postings, all of postingSource. Each is checked with the department that holds it, and must be open on servedOn (reason POSTING_NOT_OPEN otherwise).',
  })
  postingIds?: string[] | null;

  @Field(() => PostingSource, {
    nullable: true,
    description: 'JOB_REFERRAL and JOB_PUSH: whose postings these are. Default: hr records its own job postings, partner its pushed postings; the other departments name it.',
  })
  postingSource?: PostingSource | null;

  @Field(() => ServiceOutcome, {
    nullable: true,
    description:
      'JOB_REFERRAL (required): HIRED, REFUSED, NO_ANSWER or PENDING; CONTACT_ATTEMPT (required): REACHED, NO_ANSWER, WRONG_NUMBER or REFUSED; RIGHTS_PROTECTION: only with closedOn.',
  })
  outcome?: ServiceOutcome | null;

  @Field(() => ServiceChannel, { nullable: true, description: 'JOB_PUSH (required), CONTACT_ATTEMPT (optional).' })
  channel?: ServiceChannel | null;

  @Field(() => ID, { nullable: true, description: 'TRAINING_REFERRAL: the course (checked with training); a course or a class is required.' })
  courseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'TRAINING_REFERRAL: the class (checked with training).' })
  classId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'RIGHTS_PROTECTION: a case opened and closed at once (with outcome); not before servedOn, not after today.' })
  closedOn?: string | null;
}

@InputType({
  description: updateInputDescription('维权案件 — update a rights-protection case until it is closed: its note, or close it with the day and outcome.', ['note']),
})
export class UpdateRightsCaseInput {
  @Field(() => ID, { description: 'The RIGHTS_PROTECTION service record.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Replaces the note; up to 500 characters, no ID number; null clears it.' })
  note?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Closes the case: not before it was opened, not after today; needs outcome.' })
  closedOn?: string | null;

  @Field(() => ServiceOutcome, {
    nullable: true,
    description: 'How the case ended (RESOLVED, MEDIATED, REFERRED_TO_ARBITRATION, REFERRED_TO_COURT, WITHDRAWN, UNRESOLVED); needs closedOn.',
  })
  outcome?: ServiceOutcome | null;
}

@InputType({
  description: '作废 — withdraw a service record entered in error. The record stays (with who, when and why) in the department and its change history, and leaves the timeline.',
})
export class WithdrawServiceInput {
  @Field(() => ID, { description: 'The service record (of the department whose mutation this is).' })
  id: string;

  @Field(() => String, { description: 'Why: 4 to 500 characters, no ID number (e.g. 录入错误：服务对象错误).' })
  reason: string;
}
