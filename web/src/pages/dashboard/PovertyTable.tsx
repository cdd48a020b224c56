import type { DashboardQuery as DashboardData } from '../../gql/graphql';
import { countText, rateText } from './format';

type Group = DashboardData['indicators']['byPovertyStatus'][number];

/** 按贫困状态: labour force, employed, rate and new transfers per poverty group (未脱贫/已脱贫/监测对象/其他); suppressed cells "<5". */
export function PovertyTable({ groups, threshold }: { groups: readonly Group[]; threshold: number }) {
  return (
    <table className="poverty-table">
      <thead>
        <tr>
          <th>贫困状态</th>
          <th>劳动力</th>
          <th>已就业</th>
          <th>就业率</th>
          <th>新增转移</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.status} data-testid={`poverty-${group.status}`}>
            <th>{group.label}</th>
            <td className="labourForce">{countText(group.labourForce, threshold)}</td>
            <td className="employed">{countText(group.employed, threshold)}</td>
            <td className="employmentRate">{group.employmentRate.suppressed ? `<${threshold}` : rateText(group.employmentRate, threshold)}</td>
            <td className="newTransfers">{countText(group.newTransfers, threshold)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
