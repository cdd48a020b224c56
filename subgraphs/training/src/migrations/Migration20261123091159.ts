import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091159 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "certificate" ("id" serial primary key, "worker_id" varchar(32) not null, "id_number" varchar(18) not null, "enrolment_id" int null, "trade" text check ("trade" in ('ELECTRICIAN', 'WELDER', 'COOK', 'DOMESTIC_SERVICE', 'ELDERLY_CARE', 'SEWING', 'EXCAVATOR', 'ECOMMERCE', 'AGRICULTURE', 'BEAUTY', 'DRIVER', 'CONSTRUCTION')) not null, "grade" smallint not null, "number" varchar(40) not null, "issued_on" date not null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "certificate_id_number_index" on "certificate" ("id_number");`);
    this.addSql(`create index "certificate_enrolment_id_index" on "certificate" ("enrolment_id");`);
    this.addSql(`alter table "certificate" add constraint "certificate_number_unique" unique ("number");`);
    this.addSql(`create index "certificate_worker_id_trade_index" on "certificate" ("worker_id", "trade");`);

    this.addSql(
      `create table "course" ("id" serial primary key, "institution_id" int not null, "name" varchar(100) not null, "trade" text check ("trade" in ('ELECTRICIAN', 'WELDER', 'COOK', 'DOMESTIC_SERVICE', 'ELDERLY_CARE', 'SEWING', 'EXCAVATOR', 'ECOMMERCE', 'AGRICULTURE', 'BEAUTY', 'DRIVER', 'CONSTRUCTION')) not null, "kind" text check ("kind" in ('SHORT_PRACTICAL', 'MEDIUM_TERM', 'ORDER_BASED', 'DIRECTED', 'PRE_JOB', 'ENTREPRENEURSHIP')) not null, "duration_days" int not null);`,
    );
    this.addSql(`create index "course_institution_id_index" on "course" ("institution_id");`);
    this.addSql(`create index "course_trade_index" on "course" ("trade");`);
    this.addSql(`create index "course_kind_index" on "course" ("kind");`);

    this.addSql(
      `create table "enrolment" ("id" serial primary key, "class_id" int not null, "worker_id" varchar(32) not null, "id_number" varchar(18) not null, "enrolled_on" date not null, "attendance_days" int not null default 0, "status" text check ("status" in ('ENROLLED', 'COMPLETED', 'DROPPED')) not null default 'ENROLLED', "completed_on" date null, "employed_on" date null, "drop_reason" varchar(200) null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "enrolment_worker_id_index" on "enrolment" ("worker_id");`);
    this.addSql(`create index "enrolment_id_number_index" on "enrolment" ("id_number");`);
    this.addSql(`create index "enrolment_status_index" on "enrolment" ("status");`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_class_id_worker_id_unique" unique ("class_id", "worker_id");`);

    this.addSql(
      `create table "institution" ("id" serial primary key, "name" varchar(100) not null, "kind" text check ("kind" in ('TECHNICAL_SCHOOL', 'TRAINING_CENTRE', 'ENTERPRISE')) not null, "division_code" varchar(12) not null);`,
    );
    this.addSql(`create index "institution_kind_index" on "institution" ("kind");`);
    this.addSql(`create index "institution_division_code_index" on "institution" ("division_code");`);

    this.addSql(
      `create table "training_class" ("id" serial primary key, "course_id" int not null, "starts_on" date not null, "ends_on" date not null, "capacity" int not null, "location" varchar(200) not null);`,
    );
    this.addSql(`create index "training_class_starts_on_index" on "training_class" ("starts_on");`);
    this.addSql(`create index "training_class_course_id_starts_on_index" on "training_class" ("course_id", "starts_on");`);
  }
}
