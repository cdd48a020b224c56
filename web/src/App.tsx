import { Suspense, useEffect, useState } from 'react';
import { landingPath } from './auth/landing';
import { currentSession, onSessionChange } from './auth/session';
import { SignInPage } from './auth/SignInPage';
import { ROUTES } from './routes';
import { Header } from './shell/Header';
import { ServiceNotices } from './shell/ServiceNotices';
import { forgetUnavailable } from './api/notices';
import { navigate, usePath } from './shell/router';

function isSignInPath(path: string): boolean {
  return path === '/signin' || path.startsWith('/signin/');
}

export function App() {
  const path = usePath();
  const [session, setSession] = useState(currentSession);
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);

  // A partial answer's notice belongs to the page that got it.
  useEffect(() => forgetUnavailable(), [path]);

  const route = ROUTES.find((candidate) => path === candidate.path || path.startsWith(`${candidate.path}/`));
  useEffect(() => {
    // /signin and its sub-paths (the identity provider's callback, /signin/callback) sign in.
    if (isSignInPath(path)) return;
    if (!session) navigate('/signin', { replace: true });
    else if (!route) navigate(landingPath(session), { replace: true });
  }, [path, session, route]);

  if (isSignInPath(path) || !session) return <SignInPage />;
  if (!route) return null;
  const Page = route.component;
  return (
    <div className={route.bare ? 'app bare' : 'app'}>
      {!route.bare && <Header session={session} path={path} />}
      <main>
        <ServiceNotices />
        <Suspense fallback={<p className="loading">加载中…</p>}>
          <Page />
        </Suspense>
      </main>
    </div>
  );
}
