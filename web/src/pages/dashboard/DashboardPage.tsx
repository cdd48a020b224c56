import { useMemo, useState } from 'react';
import './dashboard.css';
import { useQuery } from '../../api/useQuery';
import { currentSession, endSession } from '../../auth/session';
import { EChart } from '../../charts/EChart';
import { navigate } from '../../shell/router';
import { PLATFORM_NAME } from '../../shell/platform';
import { amountText, countText, rateText, timeText } from './format';
import { coverageOption, transferByPlaceOption } from './charts';
import { BREAKDOWN_KEYS, breakdownLabel, breakdownOption, sortChildren, type BreakdownKey } from './breakdown';
import { GRANULARITY, PERIOD_KINDS, periodCode, type PeriodKind } from './period';
import { PovertyTable } from './PovertyTable';
import { sparklineOption, trendLabel, type Series, type TrendKey } from './trend';
import { DashboardQuery } from './query';
import { RankingTable } from './RankingTable';
import { RegionPicker, regionOptions } from './RegionPicker';
import { ClearancePanel, CompletionPanel, CompletionRankingPanel } from './TargetPanels';

/** Seconds between refreshes; ?refresh=N (2 to 600) overrides it (tests, a slower wall). */
function refreshSeconds(): number {
  const asked = Number(new URLSearchParams(location.search).get('refresh'));
  return Number.isFinite(asked) && asked >= 2 && asked <= 600 ? asked : 30;
}

/** 数据大屏 — the county dashboard on a 1920×1080 wall screen: aggregates only, one request per refresh. */
export default function DashboardPage() {
  const session = currentSession();
  const home = session?.region ?? '';
  const [kind, setKind] = useState<PeriodKind>('month');
  // How many periods before the running one (上一期 / 下一期); 0 = the running period.
  const [back, setBack] = useState(0);
  const [region, setRegion] = useState(home);
  const period = periodCode(kind, new Date(), back);
  const pollMs = useMemo(() => refreshSeconds() * 1000, []);
  // Targets are set per year: completion is always the current year's, whatever period is picked.
  const year = periodCode('year');
  const variables = { period, year, region: region || null, county: home ? home.slice(0, 6) : null, granularity: GRANULARITY[kind] };
  const { data, error, updatedAt } = useQuery(DashboardQuery, variables, { pollMs });
  // The picker's places come from the first answer over the account's whole region (every village, with its township).
  const [places, setPlaces] = useState<ReturnType<typeof regionOptions> | null>(null);
  if (data && !places && region === home) setPlaces(regionOptions(data.verificationCoverage.villages));

  const indicators = data?.indicators;
  const threshold = indicators?.threshold ?? 5;
  const transferOption = useMemo(() => (indicators ? transferByPlaceOption(indicators) : null), [indicators]);
  const coverageChart = useMemo(() => (data ? coverageOption(data.verificationCoverage, threshold) : null), [data, threshold]);
  const series = data?.indicatorSeries;
  const [sortKey, setSortKey] = useState<BreakdownKey>('labourForce');
  const breakdown = data?.indicatorBreakdown;
  const breakdownRows = useMemo(() => (breakdown ? sortChildren(breakdown.children, sortKey) : []), [breakdown, sortKey]);
  const breakdownChart = useMemo(() => (breakdown ? breakdownOption(breakdownRows, sortKey, breakdown.threshold) : null), [breakdown, breakdownRows, sortKey]);

  return (
    <div className="wall">
      <header className="wall-top">
        <div className="wall-title">
          <span className="wall-platform">{PLATFORM_NAME}</span>
          <h1>{indicators ? `${indicators.region.name}就业帮扶数据大屏` : '就业帮扶数据大屏'}</h1>
        </div>
        <div className="wall-controls">
          <div className="period-picker" role="group" aria-label="统计期">
            {PERIOD_KINDS.map((option) => (
              <button
                key={option.kind}
                type="button"
                className={option.kind === kind && back === 0 ? 'on' : undefined}
                onClick={() => {
                  setKind(option.kind);
                  setBack(0);
                }}
              >
                {option.label}
              </button>
            ))}
          </div>
          <div className="period-step" role="group" aria-label="切换统计期">
            <button type="button" data-testid="period-back" title="上一期" onClick={() => setBack(back + 1)}>
              ‹ 上一期
            </button>
            <button type="button" data-testid="period-forward" title="下一期" disabled={back === 0} onClick={() => setBack(Math.max(0, back - 1))}>
              下一期 ›
            </button>
          </div>
          <RegionPicker
            home={home}
            homeName={places ? (indicators?.region.level === 'COUNTY' && region === home ? indicators.region.name : '全辖区') : '全辖区'}
            places={places}
            value={region}
            onChange={setRegion}
          />
          <span className="wall-period" data-testid="period">
            {indicators ? `${indicators.period.label}（${indicators.period.from} 至 ${indicators.period.to}）` : period}
          </span>
          <span className="wall-updated" data-testid="updated">
            更新于 {updatedAt ? updatedAt.toLocaleTimeString('zh-CN', { hour12: false }) : '—'}
          </span>
          <button
            type="button"
            className="wall-signout"
            onClick={() => {
              endSession();
              navigate('/signin', { replace: true });
            }}
          >
            退出
          </button>
        </div>
      </header>
      {error && <p className="wall-error">{error.message}</p>}
      {!data && !error && <p className="wall-loading">加载中…</p>}
      {data && indicators && (
        <div className="wall-grid">
          <section className="tiles">
            <Tile id="labourForce" label="劳动力" value={countText(indicators.labourForce, threshold)} unit="人" series={series} trend="labourForce" />
            <Tile
              id="employed"
              label="已就业"
              value={countText(indicators.employed, threshold)}
              unit="人"
              note={`就业率 ${rateText(indicators.employmentRate, threshold)}`}
              series={series}
              trend="employed"
            />
            <Tile id="newTransfers" label="新增转移就业" value={countText(indicators.newTransfers, threshold)} unit="人" series={series} trend="newTransfers" />
            <Tile
              id="zeroEmployment"
              label="零就业家庭"
              value={countText(indicators.zeroEmploymentHouseholds, threshold)}
              unit="户"
              series={series}
              trend="zeroEmploymentHouseholds"
            />
            <Tile
              id="welfarePosts"
              label="公益性岗位 在岗/开发"
              value={`${countText(indicators.welfarePostsFilled, threshold)}/${countText(indicators.welfarePostsDeveloped, threshold)}`}
              unit="个"
              series={series}
              trend="welfarePostsFilled"
            />
            <Tile
              id="training"
              label="参训人数"
              value={countText(indicators.training.participants, threshold)}
              unit="人"
              note={`培训后3个月内就业 ${countText(indicators.training.employedWithin3Months, threshold)} 人`}
              series={series}
              trend="trainingParticipants"
            />
            <Tile
              id="subsidies"
              label="补贴发放"
              value={amountText(indicators.subsidies.totalAmount, threshold)}
              note={`${countText(indicators.subsidies.totalPeople, threshold)} 人`}
              series={series}
              trend="subsidiesAmount"
            />
            <Tile id="retention" label="稳岗率" value={rateText(indicators.retention, threshold)} note="近12个月转移、满90天在岗" />
            <Tile id="verifiedShare" label="月度核实率" value={rateText(indicators.verifiedShare, threshold)} series={series} trend="verifiedShare" />
          </section>
          <section className="panel transfer">
            <h2>转移就业（按地点）</h2>
            {transferOption && <EChart option={transferOption} label="转移就业按地点" className="panel-chart" />}
          </section>
          <section className="panel breakdown" data-testid="breakdown">
            <h2>
              {indicators.region.level === 'COUNTY' ? '按乡镇分解' : indicators.region.level === 'TOWNSHIP' ? '按村分解' : '下级分解'}
              <small>点击条形查看下级</small>
              <span className="breakdown-sort" role="group" aria-label="排序">
                {BREAKDOWN_KEYS.map((option) => (
                  <button key={option.key} type="button" className={option.key === sortKey ? 'on' : undefined} onClick={() => setSortKey(option.key)}>
                    {option.label}
                  </button>
                ))}
              </span>
            </h2>
            {breakdown && breakdownRows.length > 0 && breakdownChart ? (
              <EChart
                option={breakdownChart}
                label={breakdownLabel(breakdownRows, sortKey, breakdown.threshold)}
                className="panel-chart"
                onRowClick={(index) => {
                  const child = breakdownRows[index];
                  if (child) setRegion(child.region.code);
                }}
              />
            ) : (
              <p className="panel-empty">本级为村，无下级区划</p>
            )}
          </section>
          <section className="panel poverty" data-testid="poverty">
            <h2>按贫困状态</h2>
            <PovertyTable groups={indicators.byPovertyStatus} threshold={threshold} />
          </section>
          <section className="panel ranking">
            <h2>
              红黑榜 <small data-testid="ranking-span">{`${data.villageRanking.periodLabel ?? ''} ${data.villageRanking.weekStart} 至 ${data.villageRanking.weekEnd}`}</small>
            </h2>
            <div className="ranking-lists">
              <RankingTable title="红榜" kind="red" rows={data.villageRanking.red} threshold={data.villageRanking.threshold ?? threshold} />
              <RankingTable title="黑榜" kind="black" rows={data.villageRanking.black} threshold={data.villageRanking.threshold ?? threshold} />
            </div>
          </section>
          <section className="panel freshness">
            <h2>数据时效</h2>
            <table>
              <tbody>
                {data.situationFreshness.departments.map((department) => (
                  <tr key={department.department} data-testid={`freshness-${department.department}`}>
                    <th>{department.label}</th>
                    <td>{timeText(department.asOf)}</td>
                    <td>{department.lagSeconds == null ? '—' : `延迟 ${Math.round(department.lagSeconds)} 秒`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="freshness-total">全部数据截至 {timeText(data.situationFreshness.asOf)}</p>
          </section>
          <CompletionPanel completion={data.completion} threshold={threshold} />
          <CompletionRankingPanel completion={data.completion} ranking={data.completionRanking} />
          <ClearancePanel clearance={data.zeroEmploymentClearance} threshold={threshold} />
          <section className="panel coverage">
            <h2>
              核实覆盖率 <small data-testid="coverage-period">{data.verificationCoverage.period.label}</small>
              <span className="coverage-total" data-testid="coverage-total">
                已核实 {countText(data.verificationCoverage.total.verified, threshold)} / {countText(data.verificationCoverage.total.registryWorkers, threshold)} 人（
                {rateText(data.verificationCoverage.total.share, threshold)}）
              </span>
            </h2>
            {coverageChart && <EChart option={coverageChart} label="各村核实覆盖率" className="panel-chart" />}
          </section>
        </div>
      )}
    </div>
  );
}

function Tile({ id, label, value, unit, note, series, trend }: { id: string; label: string; value: string; unit?: string; note?: string; series?: Series; trend?: TrendKey }) {
  const option = useMemo(() => (series && trend ? sparklineOption(series, trend) : null), [series, trend]);
  return (
    <div className="tile" data-testid={`figure-${id}`}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">
        <span className="tile-number">{value}</span>
        {unit && <span className="tile-unit">{unit}</span>}
      </div>
      {note && <div className="tile-note">{note}</div>}
      {option && series && trend ? (
        <EChart option={option} label={`${label}走势：${trendLabel(series, trend)}`} className="tile-trend" />
      ) : (
        <div className="tile-trend tile-trend-none">无分期走势</div>
      )}
    </div>
  );
}
