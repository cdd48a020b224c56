import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineVocabulary } from '@jiuye/common';

export const LabourBaseKindVocabulary = defineVocabulary('LabourBaseKind', '劳务基地类别 — kind of labour base in a partner city', {
  EXPORT_BASE: '劳务输出基地',
  SERVICE_STATION: '劳务工作站',
});
export const LabourBaseKind = LabourBaseKindVocabulary.enumObject;
export type LabourBaseKind = keyof typeof LabourBaseKind;

@ObjectType({ description: '劳务输出基地/劳务工作站 — a labour-export base or service station in a partner city.' })
@Entity({ tableName: 'labour_base' })
export class LabourBase {
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
}
