/**
 * A department's published views: the read model's contract with the department. Each department
 * creates, in a migration of its own, a PostgreSQL schema of views that select exactly what the
 * situation read model reads (subgraphs/situation/src/projection/sources.ts), declares those
 * views' columns and types in its src/published-views.ts, and tests its migrated database against
 * that declaration (test/published-views.test.ts): a change to a column the read model depends on
 * fails there, naming the view and the column. The read model's role may read these views and
 * nothing else of a department's tables (besides taking outbox rows).
 *
 * Versioned: a view of a published version is never redefined in place. A change the read model
 * must see is published as the next version beside the current one, the read model moves to it,
 * and the old version is dropped afterwards.
 */
export const SITUATION_SOURCE_SCHEMA = 'situation_source_v1';

/** Column name and type as PostgreSQL's format_type prints it ('character varying(32)', 'date', 'text' …). */
export type ViewColumns = readonly (readonly [column: string, type: string])[];

/** View name (in SITUATION_SOURCE_SCHEMA) → its columns. */
export type PublishedViews = Readonly<Record<string, ViewColumns>>;
