import { useEffect, useState } from 'react';
import { PURPOSES, type Purpose } from '@jiuye/common/purposes';

/**
 * The declared purpose of use (使用目的) for person-level pages: kept in sessionStorage for the
 * tab's session (so it survives navigation, not the closing of the tab), changeable at any time,
 * sent as x-purpose on every request those pages make.
 */
const STORAGE_KEY = 'jiuye.purpose';
const listeners = new Set<() => void>();

/** One of the purposes the gateway accepts (the list @jiuye/common/purposes). */
export function isPurpose(value: string | null): value is Purpose {
  return value !== null && Object.prototype.hasOwnProperty.call(PURPOSES, value);
}

export function currentPurpose(): Purpose | null {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return isPurpose(stored) ? stored : null;
}

export function setPurpose(purpose: string | null): void {
  if (purpose === null) sessionStorage.removeItem(STORAGE_KEY);
  else if (isPurpose(purpose)) sessionStorage.setItem(STORAGE_KEY, purpose);
  else throw new Error(`未知的使用目的：${purpose}`);
  listeners.forEach((listener) => listener());
}

export function usePurpose(): Purpose | null {
  const [purpose, setState] = useState(currentPurpose);
  useEffect(() => {
    const update = () => setState(currentPurpose());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return purpose;
}
