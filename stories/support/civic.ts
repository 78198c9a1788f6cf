import { expect } from 'storybook/test';
import { elementIn, inShadow } from './render.js';

/**
 * A portrait placeholder for the civic stories' photo slots: an inline SVG, so no story fetches
 * anything. Decorative (`alt=""`): the name beside it says who it is.
 */
export function portrait(slot: string, initials: string): HTMLImageElement {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72"><rect width="72" height="72" fill="#8a94a6"/><text x="36" y="44" font-family="sans-serif" font-size="24" fill="#fff" text-anchor="middle">${initials}</text></svg>`;
  const img = document.createElement('img');
  img.slot = slot;
  img.alt = '';
  img.width = 72;
  img.height = 72;
  img.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  return img;
}

/** A play function: the text of `selector` in the shadow root of the story's `<tag>` contains `text`. */
export const showsIn =
  (tag: string, selector: string, text: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const found = inShadow(elementIn(canvasElement, tag), selector);
    await expect(found?.textContent?.replace(/\s+/g, ' ')).toContain(text);
  };

/** A `<script type="application/json">` child holding `data`, as a PHP theme would print it. */
export function jsonScript(data: unknown): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(data);
  return script;
}
