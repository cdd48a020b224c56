import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import type { DashboardQuery as DashboardData } from '../../gql/graphql';
import { completionLabel, completionOption, completionRateText } from './completion';
import { countText, rateText } from './format';

/** 年度目标完成情况 (NEW_TRANSFERS): the region's total and one bar per subregion. */
export function CompletionPanel({ completion, threshold }: { completion: DashboardData['completion']; threshold: number }) {
  const rows = completion.subregions;
  const cellThreshold = completion.threshold ?? threshold;
  const option = useMemo(() => completionOption(rows, cellThreshold), [rows, cellThreshold]);
  const total = completion.total;
  return (
    <section className="panel completion" data-testid="completion">
      <h2>
        {completion.period.label}新增转移就业目标完成情况
        <span className="completion-total" data-testid="completion-total">
          完成 {countText(total.actual, cellThreshold)} / 目标 {total.target ?? '未下达'}（{completionRateText(total)}）
        </span>
      </h2>
      {rows.length > 0 ? <EChart option={option} label={completionLabel(rows, cellThreshold)} className="panel-chart" /> : <p className="panel-empty">本级为村，无下级区划</p>}
    </section>
  );
}

/**
 * 按年度目标完成率排名: the subregions (a county's townships) by their rate (Completion.rank), then the
 * county's villages with the highest rate (villageRanking COMPLETION_RATE; for dashboards only
 * villages whose year figure is published have a rate).
 */
export function CompletionRankingPanel({ completion, ranking }: { completion: DashboardData['completion']; ranking: DashboardData['completionRanking'] }) {
  const ranked = completion.subregions.filter((row) => row.rank != null).sort((a, b) => a.rank! - b.rank! || a.region.code.localeCompare(b.region.code));
  return (
    <section className="panel completion-ranking">
      <h2>
        完成率排名 <small>{ranking.targetPeriod ? `${ranking.targetPeriod}年目标` : ''}</small>
      </h2>
      <div className="ranking-lists">
        <div className="ranking-list red">
          <h3>{completion.total.region.name ?? ''}下级</h3>
          <table>
            <tbody>
              {ranked.map((row) => (
                <tr key={row.region.code} data-testid={`rate-${row.region.code}`}>
                  <td className="rank">{row.rank}</td>
                  <td className="place">{row.region.name ?? row.region.code}</td>
                  <td className="count">{completionRateText(row)}</td>
                </tr>
              ))}
              {ranked.length === 0 && (
                <tr>
                  <td colSpan={3}>暂无完成率</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <div className="ranking-list red">
          <h3>村（前10）</h3>
          <table>
            <tbody>
              {ranking.red.map((row) => (
                <tr key={row.villageCode} data-testid={`rate-${row.villageCode}`}>
                  <td className="rank">{row.rank ?? '—'}</td>
                  <td className="place">
                    {row.townshipName ? <span className="township">{row.townshipName}</span> : null}
                    {row.villageName}
                  </td>
                  <td className="count">{completionRateText(row)}</td>
                </tr>
              ))}
              {ranking.red.length === 0 && (
                <tr>
                  <td colSpan={3}>暂无可公布的村完成率</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** 零就业家庭动态清零: median days to clear and the share cleared within the limit. */
export function ClearancePanel({ clearance, threshold }: { clearance: DashboardData['zeroEmploymentClearance']; threshold: number }) {
  return (
    <section className="panel clearance" data-testid="clearance">
      <h2>
        零就业家庭动态清零 <small>{`${clearance.from} 至 ${clearance.to}`}</small>
      </h2>
      <dl className="clearance-figures">
        <div>
          <dt>清零中位用时</dt>
          <dd data-testid="clearance-median">{clearance.medianDaysToClear == null ? '—' : `${clearance.medianDaysToClear} 天`}</dd>
        </div>
        <div>
          <dt>{clearance.limitDays} 天内清零占比</dt>
          <dd data-testid="clearance-share">{rateText(clearance.shareWithinLimit, threshold)}</dd>
        </div>
        <div>
          <dt>已清零</dt>
          <dd data-testid="clearance-cleared">{countText(clearance.cleared, threshold)} 户</dd>
        </div>
        <div>
          <dt>尚未清零</dt>
          <dd data-testid="clearance-still">{countText(clearance.stillZeroEmployment, threshold)} 户</dd>
        </div>
      </dl>
    </section>
  );
}
