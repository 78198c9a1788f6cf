import type { Args } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { declarationOf, isPublic } from './manifest.js';

/**
 * Builds `<tag>` from a story's args. The keys are those of the API table (see arg-types.ts), and
 * the manifest says what each one is, so no story repeats the element's API:
 * - an attribute → set as an attribute (and shown that way by "Show code");
 * - a property without attribute (`items`, `article`) → set as a property;
 * - `slot:<name>` → its text in a `<span slot="<name>">` (`slot:default`: a text child);
 * - a CSS custom property (`--tin-…`) → an inline style.
 * `lang` is every element's (inherited from TinElement, which the manifest leaves out). Other
 * args, such as the mock data source's mode, are the story's business. `properties` are set
 * last: data sources, a frozen clock.
 */
export function renderElement<T extends HTMLElement = HTMLElement>(
  tagName: string,
  args: Args,
  properties: Record<string, unknown> = {},
): T {
  const declaration = declarationOf(tagName);
  const element = document.createElement(tagName) as T;
  const attributes = new Set(declaration?.attributes?.map((attribute) => attribute.name));
  const fields = new Set(
    declaration?.members
      ?.filter((member) => member.kind === 'field' && !member.static && isPublic(member) && !member.attribute)
      .map((member) => member.name),
  );
  const cssProperties = new Set(declaration?.cssProperties?.map((property) => property.name));

  for (const [name, value] of Object.entries(args)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (name === 'lang' || attributes.has(name)) {
      element.setAttribute(name, value === true ? '' : String(value));
    } else if (cssProperties.has(name)) {
      element.style.setProperty(name, String(value));
    } else if (name.startsWith('slot:')) {
      const slot = name.slice(5);
      if (slot === 'default') {
        element.append(String(value));
      } else {
        const span = document.createElement('span');
        span.slot = slot;
        span.textContent = String(value);
        element.append(span);
      }
    } else if (fields.has(name)) {
      (element as unknown as Record<string, unknown>)[name] = value;
    }
  }
  Object.assign(element, properties);
  return element;
}

/** The element a story rendered (its first match in the canvas), for play functions. */
export function elementIn<T extends HTMLElement>(canvasElement: HTMLElement, tagName: string): T {
  const element = canvasElement.querySelector<T>(tagName);
  if (!element) throw new Error(`The story rendered no <${tagName}>.`);
  return element;
}

/** `selector` inside the element's shadow root, or null. */
export function inShadow<T extends Element = Element>(element: Element, selector: string): T | null {
  return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

/**
 * A play function: waits until `<tag>`'s shadow root has `selector`, and, with `text`, until
 * that element's text is `text` (a string, or a pattern).
 */
export function shadowShows(tagName: string, selector: string, text?: string | RegExp) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const element = elementIn(canvasElement, tagName);
    await waitFor(
      () => {
        const found = inShadow(element, selector);
        if (!found) throw new Error(`<${tagName}> has no ${selector} yet`);
        if (typeof text === 'string') expect(found.textContent).toBe(text);
        else if (text) expect(found.textContent).toMatch(text);
      },
      { timeout: 3000 },
    );
  };
}
