import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '@jiuye/common';
import { AssistanceMeasureKind, MonitoringEntryRoute, MonitoringStep, RelapseRiskType } from './monitoring.entity';

@InputType({ description: '监测候选 — open a relapse-monitoring case for a registered household (step CANDIDATE).' })
export class OpenMonitoringCaseInput {
  @Field(() => String, { description: '户编号, 16 digits; a registered household of your region.' })
  householdCode: string;

  @Field(() => [RelapseRiskType], { description: 'One or more risk types, each once.' })
  riskTypes: string[];

  @Field(() => MonitoringEntryRoute)
  entryRoute: string;

  @Field(() => String, {
    nullable: true,
    description: 'For DEPARTMENT_DATA: the warning rule that raised the candidate (situation relapseCandidates). Empty for the other routes.',
  })
  sourceRule?: string | null;

  @Field(() => LocalDateScalar, { description: '发现/申报日期; not in the future.' })
  openedOn: string;

  @Field(() => String, { nullable: true, description: 'What the case is about, up to 200 characters.' })
  note?: string | null;
}

@InputType({ description: 'Move a monitoring case one step: VILLAGE_REVIEWED, TOWNSHIP_CHECKED, COUNTY_APPROVED, EXITED or REJECTED.' })
export class MoveMonitoringCaseInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => MonitoringStep, { description: 'The next step (REJECTED at any review step; EXITED after COUNTY_APPROVED).' })
  to: string;

  @Field(() => LocalDateScalar, { description: 'Date of the decision; not before the last step, not in the future.' })
  on: string;

  @Field(() => String, { nullable: true, description: 'Note, up to 200 characters; the reason (4 to 200 characters) for EXITED and REJECTED.' })
  note?: string | null;
}

@InputType({ description: '帮扶措施 — record an assistance measure of an open monitoring case.' })
export class RecordMonitoringMeasureInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => AssistanceMeasureKind)
  kind: string;

  @Field(() => LocalDateScalar, { description: 'Not before the case was opened, not in the future.' })
  takenOn: string;

  @Field(() => String, { description: '责任人或责任单位, 1 to 60 characters.' })
  responsible: string;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters.' })
  note?: string | null;
}
