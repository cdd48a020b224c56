import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import './partner.css';
import { PURPOSES } from '@jiuye/common/purposes';
import { useQuery } from '../../api/useQuery';
import { EChart } from '../../charts/EChart';
import type { FollowUpDueFilter, PartnerTransfersQuery as PartnerTransfersData } from '../../gql/graphql';
import { FreshnessLine } from '../FreshnessLine';
import { outcomesOption, retentionOption, shareText } from './charts';
import { ContactAttemptForm, FollowUpVisitForm } from './forms';
import { CONTACT_OUTCOMES, chinaTime, chinaToday } from './labels';
import { PartnerFiguresQuery, PartnerTransfersQuery } from './query';
import { currentSession } from '../../auth/session';
import { importKindsFor } from '../workbench/importKinds';

// 导入 (转移就业人员名单): the county's partner office, not a partner city's staff; loaded when shown.
const ImportPanel = lazy(() => import('../workbench/ImportPanel').then((module) => ({ default: module.ImportPanel })));

const PAGE_SIZE = 50;
type Row = PartnerTransfersData['transfers']['nodes'][number];

/**
 * 协作城市 — a partner city's staff: the city's figures (retention, contact outcomes; aggregates,
 * asked at once), and, once the purpose of use is declared, the workers transferred to the city
 * page by page (keyset), whose follow-up is due, with contact attempts and follow-up visits
 * recorded from a row.
 */
export default function PartnerPage() {
  const [purpose, setPurpose] = useState('');
  const figures = useQuery(PartnerFiguresQuery, {});
  const city = figures.data?.partnerCities[0];
  const retentionChart = useMemo(() => (city ? retentionOption(city.retention) : null), [city]);
  const outcomesChart = useMemo(() => (figures.data ? outcomesOption(figures.data.contactOutcomeCounts) : null), [figures.data]);

  return (
    <section className="page partner">
      <header className="partner-top">
        <h1>{city ? `协作城市 · ${city.province}${city.name}` : '协作城市'}</h1>
        <label className="purpose-prompt" data-testid="purpose-prompt">
          <span>查询人员信息的用途</span>
          <select name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
            <option value="">请选择用途…</option>
            {Object.entries(PURPOSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </header>
      {figures.error && <p className="error">{figures.error.message}</p>}
      <div className="partner-figures">
        <section className="card" data-testid="retention">
          <h2>
            稳岗情况
            {city && (
              <span className="headline" data-testid="retention-rate">
                稳岗率 {city.retention.rate == null ? '—' : shareText(city.retention.rate)}
              </span>
            )}
          </h2>
          {retentionChart && <EChart option={retentionChart} label="稳岗情况" className="partner-chart" />}
        </section>
        <section className="card" data-testid="outcomes">
          <h2>联系结果统计</h2>
          {outcomesChart && <EChart option={outcomesChart} label="联系结果统计" className="partner-chart" />}
        </section>
      </div>
      {purpose ? (
        <TransferList purpose={purpose} onRecorded={figures.refetch} />
      ) : (
        <p className="purpose-needed" data-testid="purpose-needed">
          查看转移到本市的务工人员前，请先在右上角选择查询用途（如“{PURPOSES['follow-up']}”）。
        </p>
      )}
      {purpose && importKindsFor(currentSession()).length > 0 && (
        <section className="card partner-import" data-testid="partner-import">
          <h2>导入转移就业人员名单</h2>
          <Suspense fallback={<p>加载中…</p>}>
            <ImportPanel purpose={purpose} />
          </Suspense>
        </section>
      )}
      <FreshnessLine />
    </section>
  );
}

function TransferList({ purpose, onRecorded }: { purpose: string; onRecorded(): void }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [onlyActive, setOnlyActive] = useState(true);
  // 待回访 / 逾期 over the whole list: the server filters (transfers(followUpDue:)), paged like the rest.
  const [followUpDue, setFollowUpDue] = useState<FollowUpDueFilter | null>(null);
  const [open, setOpen] = useState<{ id: string; form: 'contact' | 'visit' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const after = cursors[cursors.length - 1];
  const list = useQuery(PartnerTransfersQuery, { first: PAGE_SIZE, after, onlyActive, followUpDue }, { purpose });
  const page = list.data?.transfers;
  const rows = page?.nodes ?? [];
  const dueOnPage = rows.filter((row) => row.followUpDue).length;
  const today = chinaToday();

  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    list.refetch();
    onRecorded();
  };

  return (
    <section className="card transfers" data-testid="transfers">
      <h2>
        转移到本市的务工人员
        {page && (
          <small data-testid="transfer-count">
            共 {page.totalCount} 人次 · 第 {cursors.length} 页 · 本页待回访 {dueOnPage} 人
          </small>
        )}
      </h2>
      <div className="list-controls">
        <label>
          <input
            type="checkbox"
            checked={onlyActive}
            onChange={(e) => {
              setOnlyActive(e.target.checked);
              setCursors([null]);
            }}
          />
          仅在岗（未离岗）
        </label>
        <label>
          回访{' '}
          <select
            name="followUpDue"
            value={followUpDue ?? ''}
            onChange={(e) => {
              setFollowUpDue(e.target.value === '' ? null : (e.target.value as FollowUpDueFilter));
              setCursors([null]);
            }}
          >
            <option value="">全部</option>
            <option value="DUE">待回访（含逾期）</option>
            <option value="OVERDUE">仅逾期</option>
          </select>
        </label>
        {notice && (
          <span className="notice" role="status" data-testid="notice">
            {notice}
          </span>
        )}
      </div>
      {list.error && <p className="error">{list.error.message}</p>}
      {!page && !list.error && <p>加载中…</p>}
      {page && (
        <table className="transfer-table">
          <thead>
            <tr>
              <th>姓名</th>
              <th>联系电话</th>
              <th>用工单位 / 岗位</th>
              <th>上岗日期</th>
              <th>最近联系</th>
              <th>最近回访</th>
              <th>下次回访</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <TransferRow key={row.id} row={row} today={today} open={open?.id === row.id ? open.form : null} onOpen={(form) => setOpen(form ? { id: row.id, form } : null)}>
                {open?.id === row.id &&
                  (open.form === 'contact' ? (
                    <ContactAttemptForm transferId={row.id} purpose={purpose} onDone={done} onCancel={() => setOpen(null)} />
                  ) : (
                    <FollowUpVisitForm transferId={row.id} purpose={purpose} onDone={done} onCancel={() => setOpen(null)} />
                  ))}
              </TransferRow>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((all) => all.slice(0, -1))}>
          上一页
        </button>
        <button
          type="button"
          data-testid="next-page"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page?.pageInfo.endCursor && setCursors((all) => [...all, page.pageInfo.endCursor!])}
        >
          下一页
        </button>
      </div>
    </section>
  );
}

function TransferRow({
  row,
  today,
  open,
  onOpen,
  children,
}: {
  row: Row;
  today: string;
  open: 'contact' | 'visit' | null;
  onOpen(form: 'contact' | 'visit' | null): void;
  children: ReactNode;
}) {
  const contact = row.lastContactAttempt;
  const visit = row.lastFollowUpVisit;
  const overdue = row.followUpDueOn != null && row.followUpDueOn < today;
  const dueClass = row.followUpDue ? (overdue ? 'overdue' : 'due') : '';
  return (
    <>
      <tr data-testid={`transfer-${row.id}`} className={dueClass}>
        <td>{row.worker?.name ?? '（待县级核实）'}</td>
        <td className="mono">{row.phoneMasked ?? '—'}</td>
        <td>
          {row.employerName}
          <div className="sub">{row.jobTitle}</div>
        </td>
        <td>{row.startedOn}</td>
        <td data-testid="last-contact">{contact ? `${chinaTime(contact.attemptedAt)} ${CONTACT_OUTCOMES[contact.outcome] ?? contact.outcome}` : '—'}</td>
        <td data-testid="last-visit">{visit ? `${visit.visitedOn} ${visit.stillEmployed ? '在岗' : '离岗'}${visit.monthlyWage ? ` ${visit.monthlyWage}元` : ''}` : '—'}</td>
        <td data-testid="due">
          {row.active ? (row.followUpDueOn ?? '—') : `已离岗 ${row.endedOn ?? ''}`}
          {row.followUpDue && <span className={`badge ${dueClass}`}>{overdue ? '逾期' : '今日到期'}</span>}
        </td>
        <td className="actions">
          <button type="button" className={open === 'contact' ? 'on' : undefined} onClick={() => onOpen(open === 'contact' ? null : 'contact')} disabled={!row.worker}>
            记联系
          </button>
          <button type="button" className={open === 'visit' ? 'on' : undefined} onClick={() => onOpen(open === 'visit' ? null : 'visit')} disabled={!row.worker}>
            记回访
          </button>
        </td>
      </tr>
      {open && (
        <tr className="form-row">
          <td colSpan={8}>{children}</td>
        </tr>
      )}
    </>
  );
}
