import { Field, ID, InputType } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, updateInputDescription } from '@jiuye/common';
import { ResponsibleUnitKind } from '../cadre/cadre.entity';

@InputType({ description: '帮扶单位 — a unit your poverty office keeps.' })
export class CreateResponsibleUnitInput {
  @Field(() => String, { description: '2 to 100 characters; unique among the open units of the region.' })
  name: string;

  @Field(() => ResponsibleUnitKind)
  kind: ResponsibleUnitKind;

  @Field(() => DivisionCodeScalar, { nullable: true, description: 'The region that keeps it: yours (the default) or a division inside it.' })
  regionCode?: string | null;
}

@InputType({ description: updateInputDescription('Change an open unit of your region: the fields given are replaced.', []) })
export class UpdateResponsibleUnitInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ResponsibleUnitKind, { nullable: true })
  kind?: ResponsibleUnitKind | null;
}

@InputType({ description: '撤销 — close a unit once it has no open pairing and answers for no household.' })
export class CloseResponsibleUnitInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Not in the future.' })
  closedOn: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters.' })
  reason: string;
}

@InputType({ description: '结对帮扶 — pair an open unit with a village of your region.' })
export class PairUnitWithVillageInput {
  @Field(() => ID)
  unitId: string;

  @Field(() => String, { description: '12-digit village code in your region.' })
  villageCode: string;

  @Field(() => LocalDateScalar, { description: 'Not in the future.' })
  since: string;
}

@InputType({ description: 'End a pairing (never deleted).' })
export class EndUnitPairingInput {
  @Field(() => ID)
  pairingId: string;

  @Field(() => LocalDateScalar, { description: 'Last day: from the pairing’s first day to today.' })
  until: string;

  @Field(() => String, { description: 'Why, 2 to 200 characters.' })
  reason: string;
}
