import { html } from 'lit';
import { checkWire, type Locale, type WireSchema } from '@bantin/model';

/**
 * How civic elements take their model object: a property, or else a child
 * `<script type="application/json">` written by a PHP theme or a server renderer. Either way it
 * is checked in the browser against the model's generated wire schema, as API responses are.
 */

/** What a civic element renders from: its data, or why there is none. */
export type ModelData<T> =
  | { state: 'ok'; value: T }
  | { state: 'missing' }
  /** The document is still parsing the element's children: nothing to say yet. */
  | { state: 'pending' }
  | {
      state: 'invalid';
      /** The first field at fault, e.g. "milestones[1].dueAt"; "" for the value itself. */ field: string;
    };

/**
 * The JSON of the element's own child `<script type="application/json">`, or undefined when it
 * has none or it is not JSON (logged). Call from connectedCallback: never in the constructor or
 * render, which also run on a server that has no light DOM.
 */
export function readJsonScript(host: HTMLElement): unknown {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (!script) return undefined;
  try {
    return JSON.parse(script.textContent ?? '');
  } catch (error) {
    console.warn(`[bantin] <${host.localName}>: the <script type="application/json"> child is not JSON.`, error);
    return undefined;
  }
}

/**
 * Reads the element's JSON child now and again whenever it changes, calling `update` with the
 * data (undefined when there is none). While the document is still loading it waits for
 * DOMContentLoaded first: the parser connects an already-defined element before its children
 * exist, and may hand a script's text over in pieces. Returns the function that stops watching.
 */
export function watchJsonScript(host: HTMLElement, update: (data: unknown) => void): () => void {
  const read = () => update(readJsonScript(host));
  const observer = new MutationObserver(read);
  const start = () => {
    read();
    observer.observe(host, { childList: true, subtree: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return () => {
    observer.disconnect();
    document.removeEventListener('DOMContentLoaded', start);
  };
}

/**
 * Checks `data` against `schema`. Items of the arrays named in `lists` that fail are left out
 * (one bad milestone does not hide the plan), counted in one warning; anything else wrong makes
 * the whole invalid, with a warning naming the field. Never throws.
 */
export function checkModelData<T>(
  host: HTMLElement,
  property: string,
  schema: WireSchema<T>,
  data: unknown,
  lists: readonly string[] = [],
): ModelData<T> {
  const tag = `[bantin] <${host.localName}>`;
  if (data === undefined || data === null) {
    console.warn(
      `${tag}: no ${property}: set the \`${property}\` property or add a <script type="application/json"> child.`,
    );
    return { state: 'missing' };
  }
  const first = checkWire(schema, data);
  if (first.ok) return { state: 'ok', value: first.value };
  const bad = new Map<string, Set<number>>();
  for (const issue of first.issues) {
    const item = /^(\w+)\[(\d+)\]/.exec(issue.path);
    if (!item || !lists.includes(item[1]!)) {
      console.warn(`${tag}: invalid ${property}: ${first.message}`);
      return { state: 'invalid', field: issue.path || property };
    }
    bad.set(item[1]!, (bad.get(item[1]!) ?? new Set()).add(Number(item[2])));
  }
  const trimmed: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  let skipped = 0;
  for (const [list, indexes] of bad) {
    trimmed[list] = (trimmed[list] as unknown[]).filter((_, index) => !indexes.has(index));
    skipped += indexes.size;
  }
  console.warn(`${tag}: skipped ${skipped} invalid item(s) of ${property}: ${first.message}`);
  // The lists' own constraints (a minimum length) may fail once items are gone.
  return checkModelData(host, property, schema, trimmed);
}

const MESSAGES = {
  vi: {
    missing: 'Chưa có dữ liệu: thiếu thuộc tính `{field}`.',
    invalid: 'Dữ liệu không hợp lệ ở trường `{field}`.',
  },
  en: {
    missing: 'No data: the `{field}` property is missing.',
    invalid: 'Invalid data in the field `{field}`.',
  },
};

/**
 * The shared error state of civic elements: visible text naming the property or field, in the
 * element's language. There is nothing to retry: the data came with the page.
 */
export function renderDataError(locale: Locale, kind: 'missing' | 'invalid', field: string) {
  return html`<p part="error" class="error" role="alert">${MESSAGES[locale][kind].replace('{field}', field)}</p>`;
}

/** "{days}" and "{date}" in a translated sentence, filled with text or templates (never markup from strings). */
export function fillTemplate(text: string, values: Record<string, unknown>): unknown[] {
  return text.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in values ? values[name] : piece;
  });
}
