import { useEffect, useState } from 'react';

/** A tiny history router: the app has a handful of top-level routes, no nesting; no library needed. */
const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** A link that routes in the page (no reload). */
export function linkProps(path: string): { href: string; onClick: (event: { preventDefault(): void; button?: number; metaKey?: boolean; ctrlKey?: boolean }) => void } {
  return {
    href: path,
    onClick: (event) => {
      if (event.button !== undefined && event.button !== 0) return;
      if (event.metaKey || event.ctrlKey) return;
      event.preventDefault();
      navigate(path);
    },
  };
}
