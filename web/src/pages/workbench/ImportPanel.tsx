import { useRef, useState } from 'react';
import { currentSession } from '../../auth/session';
import { downloadExport } from './exportFile';
import { importKindsFor, kindLabel } from './importKinds';
import { checkFile, ImportRefused, uploadImport, type ImportProgress, type ImportReport } from './importUpload';
import { ImportRuns } from './ImportRuns';

/** The report of one run: counts, columns not read, the refused lines (行号, 列, 原因 — as the API words them, never the cells). */
function ReportView({ report, department, purpose }: { report: ImportReport; department: string; purpose: string }) {
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const { counts } = report;
  const verb = report.dryRun ? '将' : '已';
  const download = () => {
    setDownloadProblem(null);
    downloadExport(`/imports/${encodeURIComponent(department)}/runs/${report.runId}/rejected.xlsx`, purpose, `导入失败明细-${report.fileName.replace(/\.[^.]*$/, '')}.xlsx`).catch(
      (failure: Error) => setDownloadProblem(`下载失败：${failure.message}`),
    );
  };
  return (
    <section className="import-report" data-testid="import-report" data-dry-run={String(report.dryRun)} data-run={report.runId}>
      <h3>{report.dryRun ? '试导入结果（未写入任何数据）' : '正式导入结果'}</h3>
      <p data-testid="import-counts">
        共 {counts.rows} 行：{verb}新增 <b data-testid="count-inserted">{counts.inserted}</b>，{verb}更新 <b data-testid="count-updated">{counts.updated}</b>，未变{' '}
        <b data-testid="count-unchanged">{counts.unchanged}</b>，失败 <b data-testid="count-rejected">{counts.rejected}</b>
        <span className="muted">
          {' '}
          （{report.format.toUpperCase()}
          {report.encoding ? `，${report.encoding}` : ''}）
        </span>
      </p>
      {report.groupCounts && (
        <p>
          按户：{verb}新增 {report.groupCounts.inserted}，{verb}更新 {report.groupCounts.updated}，未变 {report.groupCounts.unchanged}，失败 {report.groupCounts.rejected}
        </p>
      )}
      {report.unknownColumns.length > 0 && <p className="muted">未读取的列：{report.unknownColumns.join('、')}</p>}
      {report.rejected.length > 0 && (
        <>
          <table className="roster-table" data-testid="rejected-lines">
            <caption>失败行{report.rejectedTruncated ? `（仅列出前 ${report.rejected.length} 行，全部见失败明细）` : ''}</caption>
            <thead>
              <tr>
                <th>行号</th>
                <th>列</th>
                <th>原因</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((row, index) => (
                <tr key={`${row.line}-${index}`} data-testid="rejected-line">
                  <td>{row.line}</td>
                  <td>{row.column ?? '—'}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={download}>
              下载失败明细
            </button>
            {downloadProblem && (
              <span className="field-error" role="alert">
                {downloadProblem}
              </span>
            )}
          </p>
        </>
      )}
    </section>
  );
}

/**
 * 导入: the department's spreadsheets (xlsx or CSV) through the gateway's /imports/ route. 试导入
 * decides every row and writes none; 正式导入 of the same file (and kind) follows it. Below, 导入记录.
 */
export function ImportPanel({ purpose }: { purpose: string }) {
  const session = currentSession();
  const department = session?.department ?? '';
  const kinds = importKindsFor(session);
  const [kind, setKind] = useState(kinds[0]?.kind ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  // The file and kind a dry run finished for: 正式导入 is offered for exactly those.
  const [tried, setTried] = useState<{ file: File; kind: string } | null>(null);
  const [runsKey, setRunsKey] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return setProblem('请选择要导入的文件');
    const refusal = checkFile(file);
    if (refusal) return setProblem(refusal);
    setProblem(null);
    setReport(null);
    setProgress(null);
    setBusy(dryRun ? 'dry' : 'real');
    try {
      const answer = await uploadImport({ department, kind, file, dryRun, purpose }, setProgress);
      setReport(answer);
      setTried(dryRun ? { file, kind } : null);
    } catch (error) {
      setProblem(error instanceof ImportRefused ? error.message : `导入失败：${(error as Error).message}`);
      setTried(null);
    } finally {
      setBusy(null);
      setRunsKey((n) => n + 1);
    }
  };
  const mayImport = tried !== null && tried.file === file && tried.kind === kind && busy === null;

  return (
    <section className="import" data-testid="import-panel">
      <form
        className="action-form"
        data-testid="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(true);
        }}
      >
        <h3>导入表格（xlsx 或 CSV）</h3>
        <label>
          类别{' '}
          <select name="kind" value={kind} disabled={busy !== null} onChange={(event) => setKind(event.target.value)}>
            {kinds.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          文件{' '}
          <input
            ref={input}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            disabled={busy !== null}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setReport(null);
              setProblem(chosen ? checkFile(chosen) : null);
            }}
          />
        </label>
        <button type="submit" disabled={busy !== null || !file}>
          试导入
        </button>
        <button type="button" disabled={!mayImport} onClick={() => void run(false)} title={mayImport ? undefined : '请先试导入同一文件'}>
          正式导入
        </button>
        {problem && (
          <span className="field-error" role="alert" data-testid="import-error">
            {problem}
          </span>
        )}
      </form>
      {busy && (
        <p data-testid="import-progress">
          {busy === 'dry' ? '试导入' : '正式导入'}中（{kindLabel(department, kind)}）…{' '}
          {progress && (
            <>
              <progress value={progress.done} max={progress.total || 1} /> {progress.done}/{progress.total} 行
              {progress.counts ? `，新增 ${progress.counts.inserted}，更新 ${progress.counts.updated}，未变 ${progress.counts.unchanged}，失败 ${progress.counts.rejected}` : ''}
            </>
          )}
        </p>
      )}
      {report && <ReportView report={report} department={department} purpose={purpose} />}
      <ImportRuns key={runsKey} department={department} purpose={purpose} />
    </section>
  );
}
