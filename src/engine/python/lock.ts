/**
 * threading.Lock as a plain value. Acquiring is one atomic step whose guard is
 * "the lock is free" (a thread waiting on it is simply not enabled); releasing
 * a lock the thread does not hold raises RuntimeError, as in CPython.
 */

export interface PyLock {
  owner: string | null;
}

export function newLock(): PyLock {
  return { owner: null };
}

export function canAcquire(lock: PyLock): boolean {
  return lock.owner === null;
}

export function acquire(lock: PyLock, actor: string): void {
  if (lock.owner !== null)
    throw new Error(`${actor} acquired a lock held by ${lock.owner}: the guard was skipped`);
  lock.owner = actor;
}

/** Returns an error message if `actor` does not hold the lock. */
export function release(lock: PyLock, actor: string): string | null {
  if (lock.owner !== actor) return 'release unlocked lock';
  lock.owner = null;
  return null;
}
