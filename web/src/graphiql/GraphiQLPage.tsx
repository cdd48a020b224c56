import { useMemo, useState } from 'react';
import { GraphiQL } from 'graphiql';
import type { Fetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import { currentSession } from '../auth/session';
import { PURPOSES } from '@jiuye/common/purposes';

/**
 * 接口浏览 — GraphiQL from the bundle (no CDN), lazy-loaded so it weighs only on this route. The
 * token of the signed-in account is prefilled; the purpose box sets x-purpose for person-level
 * queries. The gateway serves /graphiql in development, in production only with GRAPHIQL=on.
 */

const DEFAULT_QUERY = `# 就业扶贫数据平台 — 接口浏览
# 令牌来自当前登录账号；查询个人信息前请在上方选择使用目的（x-purpose）。
query Freshness {
  situationFreshness {
    asOf
    lagSeconds
    departments { label lagSeconds }
  }
}
`;

export default function GraphiQLPage() {
  const [token, setToken] = useState(() => currentSession()?.token ?? '');
  const [purpose, setPurpose] = useState('');
  const fetcher = useMemo<Fetcher>(
    () => async (params, options) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (purpose) headers['x-purpose'] = purpose;
      Object.assign(headers, options?.headers ?? {});
      const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
      return response.json();
    },
    [token, purpose],
  );
  return (
    <div className="graphiql-page">
      <div className="graphiql-bar">
        <label>
          令牌（Bearer）
          <input name="token" value={token} onChange={(event) => setToken(event.target.value.trim())} spellCheck={false} />
        </label>
        <label>
          使用目的（x-purpose）
          <select name="purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)}>
            <option value="">（不声明）</option>
            {Object.entries(PURPOSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}（{value}）
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="graphiql-frame">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </div>
    </div>
  );
}
