import { Field, ObjectType } from 'type-graphql';

@ObjectType('SituationRegion', { description: 'The division a view covers.' })
export class RegionType {
  @Field(() => String, { description: '区划代码' })
  code: string;

  @Field(() => String, { description: '名称' })
  name: string;

  @Field(() => String, { description: 'PROVINCE, CITY, COUNTY, TOWNSHIP or VILLAGE' })
  level: string;
}
