import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    '计数（小数抑制）— a count; null with suppressed = true when it lies between 1 and the suppression threshold − 1 (or is hidden so that another suppressed cell cannot be recovered by subtraction). 0 is always published.',
})
export class SuppressedCount {
  @Field(() => Int, { nullable: true, description: 'The count, or null when suppressed.' })
  value: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({ description: '金额（元，小数抑制）— an amount in yuan, suppressed together with the count of people it was paid to.' })
export class SuppressedAmount {
  @Field(() => Float, { nullable: true, description: 'Yuan, or null when suppressed.' })
  value: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({
  description:
    '比率（小数抑制）— numerator ÷ denominator (0…1); everything null with suppressed = true when either part is suppressed; value null (not suppressed) when the denominator is 0.',
})
export class SuppressedRate {
  @Field(() => Float, { nullable: true, description: 'numerator / denominator, 0…1 (null: suppressed, or denominator 0).' })
  value: number | null;

  @Field(() => Int, { nullable: true })
  numerator: number | null;

  @Field(() => Int, { nullable: true })
  denominator: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

/**
 * The GraphQL shapes of a published cell. Which cells are withheld is decided by the one policy
 * in common (common/src/suppression.ts: primary and complementary over the whole region
 * hierarchy and every breakdown); these only turn a published value or null into the answer.
 */
export const publishedCount = (value: number | null): SuppressedCount => (value === null ? { value: null, suppressed: true } : { value, suppressed: false });

export const publishedAmount = (value: number | null): SuppressedAmount => (value === null ? { value: null, suppressed: true } : { value, suppressed: false });

/** A rate of two published cells: suppressed when either is (it would give the other away). */
export function publishedRate(numerator: number | null, denominator: number | null): SuppressedRate {
  if (numerator === null || denominator === null) return { value: null, numerator: null, denominator: null, suppressed: true };
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator, suppressed: false };
}
