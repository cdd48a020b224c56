import { Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * Small-cell suppression (小数抑制) for published aggregates: a count of 1 … threshold−1 people
 * could point at a person in a small village, so it is published as null with
 * `suppressed: true`. Zero is published as 0 (it identifies nobody). A rate is suppressed when
 * its numerator or denominator is. Within one breakdown whose parts add up to a published
 * total, a single suppressed part could be recovered by subtraction, so the next smallest
 * non-zero part is suppressed too (complementary suppression).
 */
@ObjectType({ description: '计数（小数抑制）— a count; null with suppressed = true when it lies between 1 and the suppression threshold − 1 (or is hidden so that another suppressed cell cannot be recovered by subtraction). 0 is always published.' })
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

@ObjectType({ description: '比率（小数抑制）— numerator ÷ denominator (0…1); everything null with suppressed = true when either part is suppressed; value null (not suppressed) when the denominator is 0.' })
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

export class Suppressor {
  /** `active` false: exact figures (department staff in views that suppress for dashboards only). */
  constructor(
    readonly threshold: number,
    readonly active = true,
  ) {}

  /** Would this count be suppressed on its own (1 … threshold−1)? */
  hides(value: number): boolean {
    return this.active && value > 0 && value < this.threshold;
  }

  count(value: number, hidden = this.hides(value)): SuppressedCount {
    return hidden ? { value: null, suppressed: true } : { value, suppressed: false };
  }

  amount(value: number, hidden: boolean): SuppressedAmount {
    return hidden ? { value: null, suppressed: true } : { value, suppressed: false };
  }

  rate(numerator: number, denominator: number, numeratorHidden = this.hides(numerator), denominatorHidden = this.hides(denominator)): SuppressedRate {
    if (numeratorHidden || denominatorHidden) return { value: null, numerator: null, denominator: null, suppressed: true };
    return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator, suppressed: false };
  }

  /**
   * Which parts of a breakdown to hide: the small ones, and — when exactly one part is hidden —
   * the next smallest non-zero part as well, so that total − published parts does not give it
   * away. Ties go to the earlier part.
   */
  breakdown(values: number[]): boolean[] {
    const hidden = values.map((value) => this.hides(value));
    if (hidden.filter(Boolean).length !== 1) return hidden;
    let next = -1;
    values.forEach((value, i) => {
      if (!hidden[i] && value > 0 && (next < 0 || value < values[next])) next = i;
    });
    if (next >= 0) hidden[next] = true;
    return hidden;
  }
}
