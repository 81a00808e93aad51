import { useEffect, useState } from 'react';

/**
 * Only one window may chair a meeting: the first takes a Web Lock named after the meeting and
 * keeps it while open; a second window learns it is 'taken' and stays read-only.
 */
export function useLiveLock(meetingId: string): 'pending' | 'held' | 'taken' {
  const [state, setState] = useState<'pending' | 'held' | 'taken'>('pending');
  useEffect(() => {
    if (!navigator.locks) {
      setState('held');
      return;
    }
    let release: (() => void) | null = null;
    let cancelled = false;
    void navigator.locks.request(`yishi-live-${meetingId}`, { ifAvailable: true }, (lock) => {
      if (cancelled) return;
      if (!lock) {
        setState('taken');
        return;
      }
      setState('held');
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    return () => {
      cancelled = true;
      release?.();
    };
  }, [meetingId]);
  return state;
}
