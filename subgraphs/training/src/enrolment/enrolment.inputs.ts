import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';

@InputType({ description: '报名 — enrol a worker in a training class.' })
export class EnrolTraineeInput {
  @Field(() => ID)
  classId: string;

  @Field(() => String, { description: '身份证号, 18 characters' })
  idNumber: string;

  @Field(() => LocalDateScalar, { description: 'Day of enrolment: not in the future, not after the class ended.' })
  enrolledOn: string;
}

@InputType({ description: '考勤 — record the days a trainee has attended so far (a running total, not an increment).' })
export class RecordAttendanceInput {
  @Field(() => ID)
  enrolmentId: string;

  @Field(() => Int, { description: 'Days attended, 0 to the class length (and no more than the class has run).' })
  attendanceDays: number;
}

@InputType({ description: '结业 — a trainee completes the class (needs at least 80 % attendance).' })
export class CompleteTrainingInput {
  @Field(() => ID)
  enrolmentId: string;

  @Field(() => LocalDateScalar, { description: 'Not before the class started, not in the future.' })
  completedOn: string;
}

@InputType({ description: '退学 — a trainee leaves the class before completing it.' })
export class DropTrainingInput {
  @Field(() => ID)
  enrolmentId: string;

  @Field(() => String, { description: 'Why (e.g. 外出务工, 家庭原因), 2 to 200 characters.' })
  reason: string;
}

@InputType({ description: '培训后就业 — record the first job a trainee found after completing the training.' })
export class RecordPostTrainingEmploymentInput {
  @Field(() => ID)
  enrolmentId: string;

  @Field(() => LocalDateScalar, { description: 'First working day: not before completion, not in the future.' })
  employedOn: string;
}

@InputType({ description: "核实 — county staff of the worker's region confirm or reject an enrolment an institution recorded on its own." })
export class DecideEnrolmentInput {
  @Field(() => ID)
  enrolmentId: string;

  @Field(() => String, { nullable: true, description: 'Why (2 to 200 characters): required to reject (e.g. 非本县劳动力, 未经人社推荐), optional note to confirm.' })
  reason?: string | null;
}
