import { Field, ID, ObjectType } from 'type-graphql';
import { DEPARTMENT_LABELS, LocalDateScalar, PageType, PostingSource, RightsCaseStatus, ServiceChannel, ServiceKind, ServiceKindVocabulary, ServiceOutcome } from '@jiuye/common';

/** A row of person_service (the projector's copy of the departments' service_record views). */
export interface PersonServiceRow {
  department: string;
  id: number;
  worker_id: string;
  kind: string;
  served_on: string;
  staff_account: string;
  outcome: string | null;
  channel: string | null;
  posting_source: string | null;
  posting_ids: string[];
  course_id: number | null;
  class_id: number | null;
  case_status: string | null;
  closed_on: string | null;
}

@ObjectType({ description: '服务记录 — one entry of a person’s service timeline (一人一案), from whichever department gave it.' })
export class ServiceTimelineEntry {
  constructor(readonly row: PersonServiceRow) {}

  @Field(() => String, { description: 'The department that gave the service (hr, poverty, civil, training, partner).' })
  get department(): string {
    return this.row.department;
  }

  @Field(() => String, { description: 'The department’s Chinese name (人社, 扶贫/乡村振兴 …).' })
  get departmentLabel(): string {
    return DEPARTMENT_LABELS[this.row.department as keyof typeof DEPARTMENT_LABELS] ?? this.row.department;
  }

  @Field(() => ID, { description: 'The record’s id in its department (recordXService answered it).' })
  get recordId(): string {
    return String(this.row.id);
  }

  @Field(() => ServiceKind)
  get kind(): string {
    return this.row.kind;
  }

  @Field(() => String, { description: 'Chinese label of the kind (职业指导, 岗位推送 …).' })
  get kindLabel(): string {
    return ServiceKindVocabulary.labels[this.row.kind as ServiceKind] ?? this.row.kind;
  }

  @Field(() => LocalDateScalar, { description: 'The day of the service (a rights case: the day it was opened).' })
  get servedOn(): string {
    return this.row.served_on;
  }

  @Field(() => String, { description: 'The staff account that recorded it.' })
  get staffAccount(): string {
    return this.row.staff_account;
  }

  @Field(() => ServiceOutcome, { nullable: true, description: 'Referral or contact outcome; a closed rights case’s outcome.' })
  get outcome(): string | null {
    return this.row.outcome;
  }

  @Field(() => ServiceChannel, { nullable: true })
  get channel(): string | null {
    return this.row.channel;
  }

  @Field(() => PostingSource, { nullable: true, description: 'Whose postings postingIds are (hr’s job postings or a partner city’s pushed postings).' })
  get postingSource(): string | null {
    return this.row.posting_source;
  }

  @Field(() => [ID], { description: 'Postings referred to or pushed (ids in the department postingSource names).' })
  get postingIds(): string[] {
    return this.row.posting_ids ?? [];
  }

  @Field(() => ID, { nullable: true })
  get courseId(): string | null {
    return this.row.course_id === null ? null : String(this.row.course_id);
  }

  @Field(() => ID, { nullable: true })
  get classId(): string | null {
    return this.row.class_id === null ? null : String(this.row.class_id);
  }

  @Field(() => RightsCaseStatus, { nullable: true, description: 'RIGHTS_PROTECTION: OPEN or CLOSED.' })
  get caseStatus(): string | null {
    return this.row.case_status;
  }

  @Field(() => LocalDateScalar, { nullable: true, description: 'RIGHTS_PROTECTION: the day the case was closed.' })
  get closedOn(): string | null {
    return this.row.closed_on;
  }
}

@ObjectType({ description: 'A page of a person’s service timeline, newest first.' })
export class ServiceTimelinePage extends PageType(ServiceTimelineEntry) {}
