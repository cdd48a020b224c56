import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A partner city's assessment (owned by partner, which counts its own transfers), as the read
 * model sees it: the key only. The read model knows who is registered poor (poverty's records), so
 * it adds how many of the year's transfers were of registered poor workers.
 */
@ObjectType({ description: '协作城市考核 — a partner city’s assessment figures for a year.' })
@Directive('@key(fields: "cityCode year")')
export class PartnerAssessment {
  @Field(() => String, { description: '4-digit city code.' })
  cityCode: string;

  @Field(() => Int)
  year: number;
}
