import { useEffect, useState } from 'react';
import { navigate } from '../shell/router';
import { PLATFORM_NAME } from '../shell/Header';
import { landingPath } from './landing';
import { fetchDevAccounts, type DevAccount } from './providers';
import { startSession } from './session';

/** Sign-in. Development: a role picker over the development accounts. Production: the identity provider (OIDC, providers.ts). */
export function SignInPage() {
  const [accounts, setAccounts] = useState<DevAccount[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchDevAccounts().then(setAccounts, (failure: Error) => setError(failure.message));
  }, []);

  const signIn = (account: DevAccount) => {
    const session = startSession(account.token, account.label);
    navigate(landingPath(session), { replace: true });
  };

  return (
    <div className="signin">
      <h1>{PLATFORM_NAME}</h1>
      <h2>登录</h2>
      {error && <p className="error">{error}</p>}
      {accounts === undefined && !error && <p>加载中…</p>}
      {accounts === null && <p>请通过单位统一身份认证登录（开发账号仅在开发环境提供）。</p>}
      {accounts && (
        <>
          <p>开发环境：选择一个角色登录（令牌与 npm start 打印的相同）。</p>
          <ul className="accounts">
            {accounts.map((account) => (
              <li key={account.label}>
                <button type="button" data-department={account.department} onClick={() => signIn(account)}>
                  {account.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
