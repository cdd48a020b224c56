import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary, LocalDateScalar } from '@jiuye/common';

export const LabourBaseKindVocabulary = defineVocabulary('LabourBaseKind', '劳务基地类别 — kind of labour base in a partner city', {
  EXPORT_BASE: '劳务输出基地',
  SERVICE_STATION: '劳务工作站',
});
export const LabourBaseKind = LabourBaseKindVocabulary.enumObject;
export type LabourBaseKind = keyof typeof LabourBaseKind;

@ObjectType({ description: '劳务输出基地/劳务工作站 — a labour-export base or service station in a partner city.' })
@Entity({ tableName: 'labour_base' })
export class LabourBase {
  [OptionalProps]?: 'closedOn' | 'closeReason';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 4 })
  @Index()
  cityCode: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name: string;

  @Field(() => LabourBaseKind)
  @Enum({ items: () => LabourBaseKind })
  kind: LabourBaseKind;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  address: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '撤销日期 — closed from this day on (closeLabourBase); empty while it works.' })
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was closed.' })
  @Property({ type: 'string', length: 200, nullable: true })
  closeReason: string | null = null;
}
