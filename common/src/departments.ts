/**
 * The one table of who takes part: the five departments (each a subgraph and the only writer of
 * its facts, in its own database), the `situation` read model over all five, and the two kinds of
 * account that are no department's staff (dashboards, auditors). Every list and label elsewhere
 * is derived from it: DEPARTMENT_NAMES, SUBGRAPH_NAMES, DEPARTMENTS (the `dept` claim of a
 * token), AUTHORITIES and DEPARTMENT_LABELS.
 */
export type DepartmentKind = 'department' | 'read-model' | 'dashboard' | 'auditor';

export interface DepartmentEntry {
  readonly name: string;
  readonly kind: DepartmentKind;
  /** The Chinese name users know the department by (messages, the access log, freshness). */
  readonly label: string;
  /** The English name (the gateway's messages, npm start's banner). */
  readonly english: string;
  /** Answers who may see a worker (see common/src/auth/access.ts and AUTHORITY_FOR in subgraph.ts). */
  readonly authority: boolean;
}

export const DEPARTMENT_REGISTRY = [
  { name: 'hr', kind: 'department', label: '人社', english: 'human resources', authority: true },
  { name: 'poverty', kind: 'department', label: '扶贫/乡村振兴', english: 'poverty alleviation', authority: false },
  { name: 'civil', kind: 'department', label: '民政', english: 'civil affairs', authority: false },
  { name: 'training', kind: 'department', label: '培训机构', english: 'training institutions', authority: true },
  { name: 'partner', kind: 'department', label: '东西部协作', english: 'partner cities', authority: true },
  { name: 'situation', kind: 'read-model', label: '就业帮扶综合视图', english: 'situation read model', authority: false },
  { name: 'dashboard', kind: 'dashboard', label: '数据大屏', english: 'dashboard', authority: false },
  { name: 'auditor', kind: 'auditor', label: '审计', english: 'auditor', authority: false },
] as const satisfies readonly DepartmentEntry[];

type Entry = (typeof DEPARTMENT_REGISTRY)[number];
type NameOfKind<K extends DepartmentKind> = Extract<Entry, { kind: K }>['name'];

/** Any name in the registry. */
export type RegistryName = Entry['name'];
/** The five departments. */
export type DepartmentName = NameOfKind<'department'>;
/** Every subgraph the gateway composes: the five departments and the read model. */
export type SubgraphName = NameOfKind<'department' | 'read-model'>;
/** Who an account works for (a token's `dept`): a department, a dashboard or an auditor. */
export type Department = NameOfKind<'department' | 'dashboard' | 'auditor'>;
/** The departments that answer who may see a worker. */
export type AuthorityName = Extract<Entry, { authority: true }>['name'];

function namesWhere<N extends RegistryName>(keep: (entry: DepartmentEntry) => boolean): readonly N[] {
  return DEPARTMENT_REGISTRY.filter(keep).map((entry) => entry.name) as readonly string[] as unknown as readonly N[];
}

/** The five departments: each the only writer of its facts, in its own database. */
export const DEPARTMENT_NAMES = namesWhere<DepartmentName>((entry) => entry.kind === 'department');
/**
 * Every subgraph the gateway composes: the five departments and `situation`, the read model
 * over all five for cross-department rosters, lists, indicators, warnings and conflicts.
 */
export const SUBGRAPH_NAMES = namesWhere<SubgraphName>((entry) => entry.kind === 'department' || entry.kind === 'read-model');
/** The `dept` claim's values. */
export const DEPARTMENTS = namesWhere<Department>((entry) => entry.kind !== 'read-model');
/** The departments that answer who may see a worker (see common/src/auth/access.ts). */
export const AUTHORITIES = namesWhere<AuthorityName>((entry) => entry.authority);

/** name → Chinese label, for every name in the registry. */
export const DEPARTMENT_LABELS = Object.fromEntries(DEPARTMENT_REGISTRY.map((entry) => [entry.name, entry.label])) as Record<RegistryName, string>;

const BY_NAME = new Map<string, DepartmentEntry>(DEPARTMENT_REGISTRY.map((entry) => [entry.name, entry]));

/** The registry's entry for a name, or undefined for a name it does not know. */
export function departmentEntry(name: string): DepartmentEntry | undefined {
  return BY_NAME.get(name);
}

/** "人社 human resources": the Chinese and the English name, or the name itself when unknown. */
export function departmentTitle(name: string): string {
  const entry = BY_NAME.get(name);
  return entry ? `${entry.label} ${entry.english}` : name;
}
