import { Field, ID, InputType } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, updateInputDescription } from '@jiuye/common';
import { LabourBaseKind } from './labour-base.entity';

@InputType({ description: '设立劳务输出基地/劳务工作站 — a labour-export base or service station in a partner city.' })
export class CreateLabourBaseInput {
  @Field(() => DivisionCodeScalar, { nullable: true, description: '4-digit code of the partner city; partner-city staff: their own (the default). The county office names it.' })
  cityCode?: string | null;

  @Field(() => String, { description: 'Name, 2 to 100 characters; unique among the open bases of the city.' })
  name: string;

  @Field(() => LabourBaseKind)
  kind: LabourBaseKind;

  @Field(() => String, { description: 'Address in the partner city, 2 to 200 characters.' })
  address: string;
}

@InputType({ description: updateInputDescription('Change an open base or station: the fields given are replaced, the others kept.', []) })
export class UpdateLabourBaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => LabourBaseKind, { nullable: true })
  kind?: LabourBaseKind | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@InputType({ description: '撤销 — close a base or station. It is kept (batches and postings point at it); new batches and postings cannot name it.' })
export class CloseLabourBaseInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Closed from this day on; not in the future.' })
  closedOn: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters.' })
  reason: string;
}
