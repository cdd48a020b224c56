import { Field, ID, InputType } from 'type-graphql';
import { DivisionCodeScalar, LocalDateScalar, updateInputDescription } from '@jiuye/common';
import { EmployerKind } from './employer.entity';

@InputType({ description: '新增用工主体 — record an employer, poverty workshop, village factory, assistance base or cooperative.' })
export class CreateEmployerInput {
  @Field(() => String, { description: '2 to 100 characters.' })
  name: string;

  @Field(() => EmployerKind)
  kind: EmployerKind;

  @Field(() => DivisionCodeScalar, {
    description:
      'Where it is: a village or township of your region (workshops, village factories and cooperatives always are); enterprises and assistance bases may lie outside the county (a county officer records them).',
  })
  divisionCode: string;

  @Field(() => String, { description: '统一社会信用代码 — 18 characters with a valid check character (GB 32100); unique.' })
  creditCode: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '认定日期 — required for poverty workshops, village factories and assistance bases; not after today.' })
  certifiedOn?: string | null;
}

@InputType({ description: updateInputDescription('Change an operating employer.', ['certifiedOn (kinds without certification only)']) })
export class UpdateEmployerInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => EmployerKind, { nullable: true })
  kind?: EmployerKind | null;

  @Field(() => DivisionCodeScalar, { nullable: true })
  divisionCode?: string | null;

  @Field(() => String, { nullable: true })
  creditCode?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  certifiedOn?: string | null;
}

@InputType({ description: '注销/停办 — close an employer (it stays: employments and postings point to it); its open postings are withdrawn with it.' })
export class CloseEmployerInput {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar, { description: 'Not after today, not before its certification.' })
  closedOn: string;

  @Field(() => String, { description: 'Why (停产, 迁出, 认定撤销…), 2 to 200 characters.' })
  reason: string;
}
