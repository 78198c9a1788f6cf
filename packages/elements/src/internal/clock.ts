/**
 * One timer for every relative time on the page. A page of fifty "1 ngày trước" labels
 * ticks once a minute in total, not fifty times, and stops when nothing listens.
 */
type Listener = (now: number) => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;
const TICK_MS = 60_000;

function schedule(): void {
  // Aligned to the minute, so every label on the page changes at the same moment.
  timer = setTimeout(
    () => {
      const now = Date.now();
      for (const listener of [...listeners]) listener(now);
      if (listeners.size > 0) schedule();
      else timer = undefined;
    },
    TICK_MS - (Date.now() % TICK_MS),
  );
}

export function subscribeToClock(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === undefined) schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** How many listeners share the clock (exposed for tests). */
export function clockListenerCount(): number {
  return listeners.size;
}

/**
 * The `now` attribute every element that shows time takes: an ISO 8601 date-time
 * ("2026-11-30T08:00:00+07:00") or milliseconds since 1970. The property also takes a Date.
 * Stories, tests and server rendering freeze time with it.
 */
export const nowProperty = {
  converter: {
    fromAttribute: (value: string | null): Date | number | undefined =>
      value === null || value.trim() === '' ? undefined : /^\d+$/.test(value.trim()) ? Number(value) : new Date(value),
  },
} as const;

/** `now` as a timestamp: the frozen value when it is a valid date, else the real clock. */
export function nowOf(now: Date | number | undefined): number {
  const time = now === undefined ? NaN : typeof now === 'number' ? now : now.getTime();
  return Number.isFinite(time) ? time : Date.now();
}
