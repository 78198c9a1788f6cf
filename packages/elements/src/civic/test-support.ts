// Test support for the civic elements' tests; never built (no entry imports it).
import { executeServerCommand } from '@web/test-runner-commands';

/** Reads the page's clock in another zone (see test/timezone-command.mjs); '' restores it. */
export async function setTimezone(timezoneId: string): Promise<void> {
  await executeServerCommand('emulate-timezone', { timezoneId });
}

const realNow = Date.now.bind(Date);

/** Makes Date.now() start at `start` and run on in real time, so real timers can be tested. */
export function runClockFrom(start: string): void {
  const origin = realNow();
  const base = Date.parse(start);
  Date.now = () => base + (realNow() - origin);
}

export function restoreClock(): void {
  Date.now = realNow;
}

/** Collects console.warn calls until `stop()`. */
export function captureWarnings(): { warnings: string[]; stop: () => void } {
  const real = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return { warnings, stop: () => void (console.warn = real) };
}

/** The element's shadow text with whitespace collapsed. */
export function textOf(el: Element, selector = '*'): string {
  const node = selector === '*' ? el.shadowRoot! : el.shadowRoot!.querySelector(selector);
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `condition` holds, polling each animation frame, or fails after `ms`. */
export async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** True when no visible box inside the element reaches past its right edge (a phone's width). */
export function fitsWidth(el: HTMLElement): boolean {
  const right = el.getBoundingClientRect().right + 0.5;
  const overflowing = [...el.shadowRoot!.querySelectorAll('*')].filter(
    (node) => !node.closest('.visually-hidden') && node.getBoundingClientRect().right > right,
  );
  if (overflowing.length)
    console.log(
      'overflowing:',
      overflowing.map((node) => node.outerHTML.slice(0, 80)),
    );
  return overflowing.length === 0;
}
