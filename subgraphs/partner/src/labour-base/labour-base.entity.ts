import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const LabourBaseKind = { EXPORT_BASE: 'EXPORT_BASE', SERVICE_STATION: 'SERVICE_STATION' } as const;
export type LabourBaseKind = keyof typeof LabourBaseKind;
registerEnumType(LabourBaseKind, {
  name: 'LabourBaseKind',
  description: '劳务基地类别 — kind of labour base in a partner city',
  valuesConfig: {
    EXPORT_BASE: { description: '劳务输出基地' },
    SERVICE_STATION: { description: '劳务工作站' },
  },
});

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
