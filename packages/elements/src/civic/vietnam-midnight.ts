import { startOfNextVietnamDay, toVietnamDateString } from '@bantin/model';

/**
 * One timer for every element that shows "today in Vietnam": listeners run when the Vietnam
 * date changes, at 00:00 UTC+7 whatever the reader's zone. The timer wakes at least hourly and
 * when the page becomes visible again, because timers stall while a laptop sleeps.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;
let today = '';
const HOUR = 3_600_000;

function check(): void {
  const now = toVietnamDateString(Date.now());
  if (now === today) return;
  today = now;
  for (const listener of [...listeners]) listener();
}

function schedule(): void {
  const now = Date.now();
  timer = setTimeout(
    () => {
      check();
      schedule();
    },
    Math.min(HOUR, startOfNextVietnamDay(now).getTime() - now),
  );
}

function onVisible(): void {
  if (document.visibilityState === 'visible') check();
}

export function subscribeToVietnamMidnight(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    today = toVietnamDateString(Date.now());
    document.addEventListener('visibilitychange', onVisible);
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      document.removeEventListener('visibilitychange', onVisible);
    }
  };
}
