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
      {rows.length > 0 ? (
        <EChart option={option} label={completionLabel(rows, cellThreshold)} className="panel-chart" />
      ) : (
        <p className="panel-empty">本级为村，无下级区划</p>
      )}
    </section>
  );
}

/** 按年度目标完成率排名: the county's villages with the highest rate this year. */
export function CompletionRankingPanel({ ranking }: { ranking: DashboardData['completionRanking'] }) {
  return (
    <section className="panel completion-ranking">
      <h2>
        完成率排名 <small>{ranking.targetPeriod ? `${ranking.targetPeriod}年目标` : ''}</small>
      </h2>
      <div className="ranking-list red">
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
                <td colSpan={3}>尚无村下达目标</td>
              </tr>
            )}
          </tbody>
        </table>
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
