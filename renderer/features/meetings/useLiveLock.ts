import { useEffect, useState } from 'react';

/** How long to wait for the lock before telling the user another window chairs the meeting. */
const TAKEN_AFTER_MS = 400;

/**
 * Only one window may chair a meeting: the first takes a Web Lock named after the meeting and
 * keeps it while open. Another window waits for the lock: after a moment it reports 'taken'
 * (read-only), and it becomes 'held' by itself once the first window closes.
 */
export function useLiveLock(meetingId: string): 'pending' | 'held' | 'taken' {
  const [state, setState] = useState<'pending' | 'held' | 'taken'>('pending');
  useEffect(() => {
    if (!navigator.locks) {
      setState('held');
      return;
    }
    const abort = new AbortController();
    let release: (() => void) | null = null;
    let held = false;
    const timer = setTimeout(() => !held && setState('taken'), TAKEN_AFTER_MS);
    navigator.locks
      .request(`yishi-live-${meetingId}`, { signal: abort.signal }, () => {
        held = true;
        setState('held');
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      })
      .catch(() => undefined); // aborted on unmount while still waiting
    return () => {
      clearTimeout(timer);
      abort.abort();
      release?.();
    };
  }, [meetingId]);
  return state;
}
