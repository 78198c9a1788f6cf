// For the civic elements' browser tests only.

/** The console warnings logged while `run` runs. */
export async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** The first element of the shadow root with this part. */
export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Every element of the shadow root matching the selector. */
export const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** The ratio of line height to font size of an element, for the stacked-diacritics rule. */
export function lineHeightRatio(element: Element): number {
  const style = getComputedStyle(element);
  return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
}
