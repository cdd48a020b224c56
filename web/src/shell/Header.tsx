import { DEPARTMENT_LABELS, ROLE_LABELS } from '../auth/landing';
import { endSession, type Session } from '../auth/session';
import { ROUTES } from '../routes';
import { PLATFORM_NAME } from './platform';
import { linkProps, navigate } from './router';

function placeOf(session: Session): string {
  if (session.region) return `辖区 ${session.region}`;
  if (session.city) return `协作城市 ${session.city}`;
  return '全域';
}

export function Header({ session, path }: { session: Session; path: string }) {
  const visible = ROUTES.filter((route) => route.departments === 'all' || route.departments.includes(session.department));
  return (
    <header className="app-header">
      <span className="app-name">{PLATFORM_NAME}</span>
      <nav>
        {visible.map((route) => (
          <a key={route.path} {...linkProps(route.path)} className={path.startsWith(route.path) ? 'active' : undefined}>
            {route.title}
          </a>
        ))}
      </nav>
      <span className="account" data-testid="account">
        {DEPARTMENT_LABELS[session.department] ?? session.department} · {ROLE_LABELS[session.role] ?? session.role} · {placeOf(session)}
      </span>
      <button
        type="button"
        onClick={() => {
          endSession();
          navigate('/signin', { replace: true });
        }}
      >
        退出
      </button>
    </header>
  );
}
