import { Directive, Field, ObjectType } from 'type-graphql';
import { DivisionCodeScalar } from '@jiuye/common';

/** The federated administrative division: the poverty office adds its registered households. */
@ObjectType({ description: '行政区划 — a province, city, county, township or village, known to every department by its statistical code.' })
@Directive('@key(fields: "code")')
export class Division {
  @Field(() => DivisionCodeScalar, { description: '统计用区划代码: province 2, city 4, county 6, township 9, village 12 digits' })
  code: string;
}
