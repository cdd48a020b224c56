import type { DashboardQuery as DashboardData } from '../../gql/graphql';
import { countText } from './format';

type Row = DashboardData['villageRanking']['red'][number];

/** One of the period's lists: 红榜 (most new transfers) or 黑榜 (fewest). Suppressed counts read "<5". */
export function RankingTable({ title, kind, rows, threshold }: { title: string; kind: 'red' | 'black'; rows: readonly Row[]; threshold: number }) {
  return (
    <div className={`ranking-list ${kind}`}>
      <h3>{title}</h3>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.villageCode} data-testid={`${kind}-${row.villageCode}`}>
              <td className="rank">{row.rank ?? '—'}</td>
              <td className="place">
                {row.townshipName ? <span className="township">{row.townshipName}</span> : null}
                {row.villageName}
              </td>
              <td className="count">{countText({ value: row.newTransfers, suppressed: row.suppressed }, threshold)}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={3}>本期暂无</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
