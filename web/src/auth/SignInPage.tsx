import { useEffect, useState } from 'react';
import { navigate } from '../shell/router';
import { PLATFORM_NAME } from '../shell/platform';
import { landingPath } from './landing';
import { beginSignIn, completeSignIn, type OidcSignInConfig } from './oidc';
import { fetchDevAccounts, fetchSignInConfig, type DevAccount } from './providers';
import { startSession } from './session';

/** Sign-in. Development: a role picker over the development accounts. Production: the identity provider (OIDC, oidc.ts). */
export function SignInPage() {
  const [accounts, setAccounts] = useState<DevAccount[] | null | undefined>(undefined);
  const [oidc, setOidc] = useState<OidcSignInConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const fail = (failure: Error) => setError(failure.message);
    fetchSignInConfig()
      .then((config) => {
        if (config.mode !== 'oidc') return fetchDevAccounts().then(setAccounts);
        setAccounts(null);
        setOidc(config);
        if (window.location.pathname !== config.redirectPath) return;
        // Back from the identity provider: exchange the code (state, PKCE verifier and nonce checked in oidc.ts).
        return completeSignIn(config, window.location.href).then((result) => {
          const session = startSession(result.accessToken, typeof result.idClaims.name === 'string' ? result.idClaims.name : undefined);
          navigate(landingPath(session), { replace: true });
        });
      }, fail)
      .catch(fail);
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
      {accounts === null && !oidc && <p>请通过单位统一身份认证登录（开发账号仅在开发环境提供）。</p>}
      {oidc && (
        <button type="button" className="primary" onClick={() => beginSignIn(oidc).catch((failure: Error) => setError(failure.message))}>
          通过统一身份认证登录
        </button>
      )}
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
