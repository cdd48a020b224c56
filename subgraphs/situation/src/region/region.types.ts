import { Field, ObjectType } from 'type-graphql';

/** A row of the registry's division table. */
export interface DivisionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** The division a view is asked for, checked (resolveRegion). */
export interface Region {
  code: string;
  name: string;
  level: string;
}

@ObjectType('SituationRegion', { description: 'The division a view covers.' })
export class RegionType {
  @Field(() => String, { description: '区划代码' })
  code: string;

  @Field(() => String, { description: '名称' })
  name: string;

  @Field(() => String, { description: 'PROVINCE, CITY, COUNTY, TOWNSHIP or VILLAGE' })
  level: string;
}
