import { graphql } from '../gql';
import { useQuery } from '../api/useQuery';

const FreshnessQuery = graphql(`
  query Freshness {
    situationFreshness {
      asOf
      lagSeconds
    }
  }
`);

/** One real figure from the graph (how current the cross-department views are): proves the client, token and schema types work. */
export function FreshnessLine() {
  const { data, error } = useQuery(FreshnessQuery, {});
  if (error) return <p className="error">{error.message}</p>;
  if (!data) return <p>加载中…</p>;
  const { asOf, lagSeconds } = data.situationFreshness;
  return (
    <p data-testid="freshness">
      数据截至 {asOf ? new Date(asOf).toLocaleString('zh-CN', { hour12: false }) : '—'}（延迟 {lagSeconds == null ? '—' : `${Math.round(lagSeconds)} 秒`}）
    </p>
  );
}
