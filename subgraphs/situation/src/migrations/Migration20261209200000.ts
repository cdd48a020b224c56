import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 16: the indicators' split by poverty group (未脱贫 / 已脱贫 / 监测对象 / 其他) kept per village
 * beside the other stock figures (village_counts, recounted by the projector in the same
 * transaction as the people: the feed and the rebuild alike), so that labour force, employed,
 * places and groups are read as one row per village — one snapshot — instead of a grouped scan of
 * every person per request. The groups are those of sql/conditions.ts (POVERTY_GROUPS), written
 * out here as they are today. village_counts_version gets the same columns (history/as-of.ts).
 *
 * Versions written before this migration hold 0 in the new columns: history_start records from
 * when they are kept (groups_kept_from), and an as-of answer before that instant counts the groups
 * from the versions of the people, as before.
 */
const GROUPS = [
  ['not_lifted', `p.poverty_status = 'NOT_LIFTED'`],
  ['lifted', `p.poverty_status in ('LIFTED', 'LIFTED_UNSTABLE')`],
  ['monitored', `p.poverty_status in ('MARGINAL', 'SUDDEN_HARDSHIP')`],
  ['other', `p.poverty_status is null or p.poverty_status not in ('NOT_LIFTED', 'LIFTED', 'LIFTED_UNSTABLE', 'MARGINAL', 'SUDDEN_HARDSHIP')`],
] as const;

const COLUMNS = GROUPS.flatMap(([group, condition]) => [
  [`able_labourers_${group}`, `p.able_labourer and (${condition})`],
  [`able_employed_${group}`, `p.able_labourer and p.employment_status = 'EMPLOYED' and (${condition})`],
]);

export class Migration20261209200000 extends Migration {
  override async up(): Promise<void> {
    for (const table of ['village_counts', 'village_counts_version']) {
      this.addSql(`alter table "${table}" ${COLUMNS.map(([name]) => `add column "${name}" int not null default 0`).join(', ')};`);
    }
    this.addSql(`alter table "history_start" add column "groups_kept_from" timestamptz not null default now();`);
    // The villages' current rows counted once (their history trigger starts versions holding the groups).
    this.addSql(
      `update "village_counts" c set ${COLUMNS.map(([name]) => `"${name}" = g."${name}"`).join(', ')}
         from (select p.village_code, ${COLUMNS.map(([name, condition]) => `count(*) filter (where ${condition}) as "${name}"`).join(', ')}
                 from "person_situation" p group by p.village_code) g
        where g.village_code = c.village_code;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "history_start" drop column if exists "groups_kept_from";`);
    for (const table of ['village_counts', 'village_counts_version']) {
      this.addSql(`alter table "${table}" ${COLUMNS.map(([name]) => `drop column if exists "${name}"`).join(', ')};`);
    }
  }
}
