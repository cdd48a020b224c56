import { useEffect, useState } from 'react';
import { PURPOSES } from '../api/purposes';

/**
 * The declared purpose of use (使用目的) for person-level pages: kept in sessionStorage for the
 * tab's session (so it survives navigation, not the closing of the tab), changeable at any time,
 * sent as x-purpose on every request those pages make.
 */
const STORAGE_KEY = 'jiuye.purpose';
const listeners = new Set<() => void>();

export function currentPurpose(): string | null {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return stored && Object.prototype.hasOwnProperty.call(PURPOSES, stored) ? stored : null;
}

export function setPurpose(purpose: string | null): void {
  if (purpose === null) sessionStorage.removeItem(STORAGE_KEY);
  else if (Object.prototype.hasOwnProperty.call(PURPOSES, purpose)) sessionStorage.setItem(STORAGE_KEY, purpose);
  else throw new Error(`未知的使用目的：${purpose}`);
  listeners.forEach((listener) => listener());
}

export function usePurpose(): string | null {
  const [purpose, setState] = useState(currentPurpose);
  useEffect(() => {
    const update = () => setState(currentPurpose());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return purpose;
}
