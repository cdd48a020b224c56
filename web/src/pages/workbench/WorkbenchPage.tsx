import { lazy, Suspense, useState } from 'react';
import { PurposeGate } from '../../purpose/PurposeGate';
import { currentSession } from '../../auth/session';
import { importKindsFor } from './importKinds';
import { MyTasks } from './MyTasks';
import { RegionTasks } from './RegionTasks';
import { RosterPanel } from './RosterPanel';
import { WorkerCard } from './WorkerCard';
import { Worklists } from './Worklists';

const TABS = [
  { key: 'search', title: '人员查询' },
  { key: 'roster', title: '一库六册 · 五类清单' },
  { key: 'worklists', title: '工作清单' },
  { key: 'tasks', title: '我的任务' },
  { key: 'monitoring', title: '防返贫监测' },
  { key: 'assessment', title: '季度考核' },
  { key: 'import', title: '导入' },
] as const;
type Tab = (typeof TABS)[number]['key'];

// Tabs only some accounts see (and the monitoring chart's ECharts): loaded when opened.
const Monitoring = lazy(() => import('./Monitoring').then((module) => ({ default: module.Monitoring })));
const Assessment = lazy(() => import('./Assessment').then((module) => ({ default: module.Assessment })));
const ImportPanel = lazy(() => import('./ImportPanel').then((module) => ({ default: module.ImportPanel })));

/**
 * 防返贫监测 for poverty staff; 季度考核 for county officers; 导入 for accounts that may import a kind
 * (the graph and the import route decide what each may read and do).
 */
function shownTabs() {
  const session = currentSession();
  return TABS.filter(
    (entry) =>
      (entry.key !== 'monitoring' || session?.department === 'poverty') &&
      (entry.key !== 'assessment' || (session?.role === 'officer' && session.region?.length === 6)) &&
      (entry.key !== 'import' || importKindsFor(session).length > 0),
  );
}

function Tabs({ purpose }: { purpose: string }) {
  const [tab, setTab] = useState<Tab>('search');
  return (
    <>
      <nav className="tabs" role="tablist">
        {shownTabs().map((entry) => (
          <button key={entry.key} type="button" role="tab" aria-selected={tab === entry.key} onClick={() => setTab(entry.key)}>
            {entry.title}
          </button>
        ))}
      </nav>
      {tab === 'search' && <WorkerSearch purpose={purpose} />}
      {tab === 'roster' && <RosterPanel purpose={purpose} />}
      {tab === 'worklists' && <Worklists purpose={purpose} />}
      <Suspense fallback={<p>加载中…</p>}>
        {tab === 'monitoring' && <Monitoring purpose={purpose} />}
        {tab === 'assessment' && <Assessment purpose={purpose} />}
        {tab === 'import' && <ImportPanel purpose={purpose} />}
      </Suspense>
      {tab === 'tasks' && (
        <>
          <MyTasks purpose={purpose} />
          {currentSession()?.role === 'officer' && <RegionTasks purpose={purpose} />}
        </>
      )}
    </>
  );
}

/** 18 characters: 17 digits and a digit or X (the server validates the check digit and names the problem). */
const ID_NUMBER_SHAPE = /^\d{17}[\dXx]$/;

function WorkerSearch({ purpose }: { purpose: string }) {
  const [text, setText] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <form
        className="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const value = text.trim().toUpperCase();
          if (!ID_NUMBER_SHAPE.test(value)) return setProblem('身份证号应为 18 位（末位可为 X）');
          setProblem(null);
          setSearched(value);
          setText(''); // the number stays on screen only masked (the card), not in the box
        }}
      >
        <label>
          身份证号 <input name="idNumber" value={text} autoComplete="off" onChange={(event) => setText(event.target.value)} />
        </label>
        <button type="submit">查询</button>
        {problem && <span className="field-error">{problem}</span>}
      </form>
      {searched && <WorkerCard key={searched} idNumber={searched} purpose={purpose} />}
    </>
  );
}

/** 工作台 — department staff: person-level pages behind the declared purpose of use. */
export default function WorkbenchPage() {
  return (
    <section className="page workbench">
      <h1>工作台</h1>
      <PurposeGate>{(purpose) => <Tabs purpose={purpose} />}</PurposeGate>
    </section>
  );
}
