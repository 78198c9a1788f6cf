import { html } from 'lit';
import { checkWire, formatIssue, toDate, type Locale, type WireSchema } from '@bantin/model';
import { BantinDataError } from '../data/errors.js';
import { emit, type TinInvalidItemsDetail, type TinLoadErrorDetail } from '../internal/events.js';
import { translate } from '../internal/i18n.js';
import { TinElement } from '../internal/tin-element.js';
import { localize, problemMessages, type CivicMessages } from './civic.i18n.js';
import { takeOverServerRender } from './server-rendered.js';

/** Why a civic element cannot show its data: the text names the property, attribute or field. */
export interface CivicProblem {
  key: 'missing' | keyof (typeof problemMessages)['vi'];
  params: Record<string, string>;
}

/** A value checked against a wire schema: the value, or the problem naming the first bad field. */
export function checkCivic<T>(schema: WireSchema<T>, value: unknown): { value: T } | { problem: CivicProblem } {
  const result = checkWire(schema, value);
  if (result.ok) return { value: result.value };
  const issue = result.issues[0]!;
  return { problem: { key: 'invalid', params: { issue: issue.path, code: issue.message } } };
}

/** The items of a list that fit the schema; how many did not. A value that is no array fits nothing. */
export function checkCivicList<T>(schema: WireSchema<T>, items: unknown): { valid: T[]; skipped: number } {
  const list: unknown[] = Array.isArray(items) ? items : [];
  const valid = list.filter((item): item is T => checkWire(schema, item).ok);
  return { valid, skipped: list.length - valid.length };
}

/** A heading level kept within 2–6 (a page has its own h1); 2 for nonsense. */
export function headingLevel(level: number): number {
  return Math.min(6, Math.max(2, Math.trunc(level))) || 2;
}

export function isProblem(value: unknown): value is CivicProblem {
  return typeof value === 'object' && value !== null && 'key' in value && 'params' in value;
}

/** A date attribute: undefined when unset, the Date, or the problem naming the attribute. */
export function parseDateAttribute(name: string, value: string | undefined): Date | CivicProblem | undefined {
  if (!value) return undefined;
  try {
    return toDate(value);
  } catch {
    return { key: 'invalidDate', params: { name, value } };
  }
}

/**
 * What the civic elements share: data given as a property or as a child
 * `<script type="application/json">`, and the shared error state. The child is read when the
 * element connects and again whenever it is added, changed or removed (a MutationObserver on the
 * host's children; never in the constructor or render, so server rendering is unaffected). A
 * property set by script wins over the child: the child only fills a property that is unset or
 * still holds what the child put there. Subclasses name their data property in `dataProperty`
 * and apply the parsed JSON in `applyScriptData`, through `fillFromScript`.
 */
export abstract class TinCivicElement extends TinElement {
  /** The property the JSON child fills, named in the missing-data message. */
  protected abstract readonly dataProperty: string;

  /** The tag, for events and console messages (`localName` is not there when rendering on a server). */
  protected abstract readonly tag: string;

  /** Set by `applyScriptData` when the JSON child could not be used. */
  protected scriptProblem?: CivicProblem;

  private warnedProblem = '';

  /** What the JSON child last put in each property: a property still holding it is the child's. */
  private readonly filledByScript = new Map<string, unknown>();

  /** The JSON child's text when last read (null: there was none); other mutations change nothing. */
  private readText?: string | null;

  private observer?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer ??= new MutationObserver(() => this.readScript(true));
    this.observer.observe(this, { childList: true, characterData: true, subtree: true });
    // A child already there was parsed whole (an element upgraded after its content).
    this.readScript(!this.scriptChild());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    takeOverServerRender(this);
    return super.createRenderRoot();
  }

  /** The data came from the JSON child (data arrival: events fire), not from a property set by script. */
  protected get fromScript(): boolean {
    return this.holdsScriptValue(this.dataProperty);
  }

  private holdsScriptValue(name: string): boolean {
    const value = (this as unknown as Record<string, unknown>)[name];
    return value !== undefined && this.filledByScript.get(name) === value;
  }

  /** Fills a property from the JSON child, unless script has set it (the property wins). */
  protected fillFromScript(name: string, value: unknown): void {
    const self = this as unknown as Record<string, unknown>;
    if (self[name] !== undefined && !this.holdsScriptValue(name)) return;
    self[name] = value;
    this.filledByScript.set(name, value);
  }

  private scriptChild(): HTMLScriptElement | null {
    return this.querySelector(':scope > script[type="application/json"]');
  }

  /**
   * Reads the JSON child when its text changed. While the page is still parsing, a child that
   * is new or changing may be there only in part (`mayBePartial`): it is read once the parser is
   * done.
   */
  private readScript(mayBePartial: boolean): void {
    if (mayBePartial && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.readScript(false), { once: true });
      return;
    }
    const script = this.scriptChild();
    const text = script ? script.textContent : null;
    if (text === this.readText) return;
    this.readText = text;
    // What the previous child filled goes; a property set by script since then stays.
    const self = this as unknown as Record<string, unknown>;
    for (const name of this.filledByScript.keys()) if (this.holdsScriptValue(name)) self[name] = undefined;
    this.filledByScript.clear();
    this.scriptProblem = undefined;
    this.requestUpdate();
    if (text === null) return;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.scriptProblem = { key: 'invalidJson', params: {} };
      this.reportScriptProblem();
      return;
    }
    this.applyScriptData(data);
  }

  /** Takes the parsed JSON child; fills its properties with `fillFromScript`. */
  protected abstract applyScriptData(data: unknown): void;

  /** A problem found in data that arrived in the JSON child fires `tin-<element>-error` once. */
  protected reportScriptProblem(): void {
    const problem = this.scriptProblem;
    if (!problem) return;
    const field = problem.params.issue ?? problem.params.name ?? 'script';
    emit<TinLoadErrorDetail>(this, `${this.tag}-error`, {
      error: new BantinDataError('invalid-response', this.problemText(problem, 'en'), { field }),
    });
  }

  /**
   * The day titles are read for: the `at` attribute, else `now`, else the real clock. A bad
   * `at` is a problem naming it, never a throw.
   */
  protected atDate(at: string, now: Date | number | undefined): Date | CivicProblem {
    return parseDateAttribute('at', at) ?? new Date(now ?? Date.now());
  }

  /** A string of the element's own table (`<element>.i18n.ts`) in its language, filled. */
  protected message<Key extends string>(
    table: CivicMessages<Key>,
    key: Key,
    params?: Record<string, string | number>,
  ): string {
    return localize(table, this.locale, key, params);
  }

  protected problemText(problem: CivicProblem, locale: Locale = this.locale): string {
    const { key, params } = problem;
    if (key === 'missing') return translate(locale, 'errorConfig', { attribute: params.name ?? '' });
    if (key !== 'invalid') return localize(problemMessages, locale, key, params);
    const issue = formatIssue({ path: params.issue ?? '', code: '', message: params.code ?? '' }, locale);
    return localize(problemMessages, locale, 'invalid', { issue });
  }

  /**
   * The shared error state (TinElement's markup and parts), with the reason naming the field,
   * property or attribute. Missing data is the shared missing-configuration error. The reason
   * goes to the console once (in English, for the developer); nothing is thrown, and there is no
   * retry: no request failed.
   */
  protected renderProblem(problem: CivicProblem) {
    if (problem.key === 'missing')
      return this.renderErrorState(
        this.missingConfiguration(problem.params.name ?? '', 'or a <script type="application/json"> child'),
        () => {},
      );
    const english = this.problemText(problem, 'en');
    if (this.warnedProblem !== english) {
      this.warnedProblem = english;
      console.warn(`[bantin] <${this.tag}>: ${english}`);
    }
    return html`<span part="error" class="state error" role="alert"
      ><span part="error-message">${this.problemText(problem)}</span></span
    >`;
  }

  /**
   * The error state for data that cannot be shown: its problem, else (no data) the JSON child's
   * problem, else the missing-data error naming the property.
   */
  protected renderUnusable(checked?: { problem: CivicProblem }) {
    return this.renderProblem(
      checked?.problem ?? this.scriptProblem ?? { key: 'missing', params: { name: this.dataProperty } },
    );
  }

  /** The error state for list data that is missing or is no array; undefined when it is a list. */
  protected listProblem(list: unknown) {
    if (list === undefined) return this.renderUnusable();
    if (!Array.isArray(list))
      return this.renderProblem({ key: 'invalid', params: { issue: this.dataProperty, code: 'invalid_type: array' } });
    return undefined;
  }

  /** A block with a heading at `level` (2–6), as every civic block with a heading renders. */
  protected renderSection(heading: string, level: number, body: unknown) {
    return html`<section part="base" aria-labelledby="heading">
      <div part="heading" id="heading" role="heading" aria-level=${headingLevel(level)}>${heading}</div>
      ${body}
    </section>`;
  }

  /** One console warning for the invalid items left out of a list. */
  protected warnSkipped(what: string, skipped: number): void {
    if (skipped === 0) return;
    console.warn(`[bantin] <${this.tag}>: skipped ${skipped} invalid ${what}.`);
    if (this.fromScript) emit<TinInvalidItemsDetail>(this, `${this.tag}-invalid-items`, { count: skipped });
  }
}
