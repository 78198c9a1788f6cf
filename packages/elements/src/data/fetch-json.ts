import {
  checkWire,
  formatIssue,
  type Locale,
  type ValidationIssue,
  type ValidationResult,
  type WireSchema,
} from '@bantin/model';
import { BantinDataError } from './errors.js';

/**
 * The largest response body the elements read: 1 MiB. A page of 100 comments at the longest
 * the form allows is about 0.6 MB of JSON; anything bigger is a server bug or hostile, and
 * parsing and rendering it would freeze a phone (a 10 MB reply of 5,000 comments took 12.6 s).
 */
export const MAX_RESPONSE_BYTES = 1_048_576;

export interface FetchJsonOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Covers the whole response: headers and body. */
  timeoutMs: number;
  fetch: typeof fetch;
  /** Language of the console message's field label. */
  locale?: Locale;
  /** Bodies larger than this are refused (`too-large`). Default MAX_RESPONSE_BYTES. */
  maxBytes?: number;
  /**
   * The response is a list in this envelope property (e.g. "items"): an invalid item is skipped
   * and counted, not an error for the whole response. See checkWireList.
   */
  list?: string;
  /** Called once per response with how many list items were skipped as invalid (only when > 0). */
  onInvalidItems?: (count: number) => void;
}

export type ListCheckResult<T> =
  { ok: true; value: T; skipped: number; issues: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

const envelopes = new WeakMap<WireSchema, WireSchema>();

/**
 * Partial validity for list responses. The envelope is checked as a whole (a body that is not
 * an object, or whose `key` is not an array, is wrong as a whole); then each item on its own.
 * Valid items are kept in order, invalid ones are dropped and counted: one bad comment in a
 * hundred must not hide the other ninety-nine. Never throws.
 */
export function checkWireList<T>(schema: WireSchema<T>, key: string, data: unknown): ListCheckResult<T> {
  const listSchema = schema.properties?.[key];
  const itemSchema = listSchema?.items;
  if (!listSchema || !itemSchema) throw new Error(`checkWireList: the schema has no list property "${key}"`);
  let envelope = envelopes.get(schema);
  if (!envelope) {
    // The same schema, with the list's items left unchecked.
    const { items: _items, ...arrayOnly } = listSchema;
    envelope = { ...schema, properties: { ...schema.properties, [key]: arrayOnly } };
    envelopes.set(schema, envelope);
  }
  const whole = checkWire(envelope, data);
  if (!whole.ok) return { ok: false, issues: whole.issues };
  const issues: ValidationIssue[] = [];
  const kept: unknown[] = [];
  (data as Record<string, unknown[]>)[key]!.forEach((item, index) => {
    const result = checkWire(itemSchema, item);
    if (result.ok) kept.push(item);
    else
      issues.push(
        ...result.issues.map((issue) => ({
          ...issue,
          path: `${key}[${index}]${issue.path ? `.${issue.path}` : ''}`,
        })),
      );
  });
  const skipped = (data as Record<string, unknown[]>)[key]!.length - kept.length;
  return { ok: true, value: { ...(data as object), [key]: kept } as T, skipped, issues };
}

/** A whole-response check in the shape of a list check: nothing skipped. */
function asListResult<T>(result: ValidationResult<T>): ListCheckResult<T> {
  return result.ok ? { ok: true, value: result.value, skipped: 0, issues: [] } : { ok: false, issues: result.issues };
}

/**
 * Is a failed fetch probably a CORS refusal? Browsers hide the reason from scripts on purpose:
 * a blocked cross-origin request and an unreachable server both reject with a bare TypeError.
 * What a script can tell: the browser says it is online, and the URL is on another origin.
 * Then the likeliest cause is the server not allowing this site, and blaming the reader's
 * network would be wrong. A same-origin failure, or one while offline, stays a network error.
 */
export function looksLikeCorsRefusal(url: string, error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  if (typeof location === 'undefined' || typeof navigator === 'undefined' || navigator.onLine === false) return false;
  try {
    return new URL(url, location.href).origin !== location.origin;
  } catch {
    return false;
  }
}

/** The body as text, refusing more than `maxBytes` without reading the rest. */
async function readText(response: Response, maxBytes: number, where: string): Promise<string> {
  const tooLarge = () =>
    new BantinDataError('too-large', `${where}: the response is larger than ${maxBytes} bytes`, {
      status: response.status,
    });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[]).text();
}

/**
 * One request of the JSON contract: a timeout over the whole response (a server that sends
 * headers and then stalls the body still ends in an error), a cap on the body size, failures
 * turned into BantinDataError, and the response validated against the model's schema (in its
 * generated wire form, which keeps zod out of the browser bundle) so that bad data never
 * reaches a template. With `list`, invalid items are skipped and counted instead.
 */
export async function fetchJson<T>(url: string, schema: WireSchema<T>, options: FetchJsonOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const where = `${method} ${url}`;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  let response: Response;
  let text: string;
  try {
    try {
      response = await options.fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (!timedOut && !options.signal?.aborted && looksLikeCorsRefusal(url, error))
        throw new BantinDataError(
          'refused',
          `${where}: the request failed before any answer, and the endpoint is on another origin: probably refused by CORS (the server must allow ${location.origin})`,
        );
      throw error;
    }

    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new BantinDataError('rate-limited', `${where}: 429 Too Many Requests`, {
        status: 429,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => {});
      throw new BantinDataError('http', `${where}: HTTP ${response.status}`, { status: response.status });
    }
    text = await readText(response, options.maxBytes ?? MAX_RESPONSE_BYTES, where);
  } catch (error) {
    if (error instanceof BantinDataError) throw error;
    if (timedOut) throw new BantinDataError('timeout', `${where}: no complete answer within ${options.timeoutMs} ms`);
    if (options.signal?.aborted) throw new BantinDataError('aborted', `${where}: aborted`);
    throw new BantinDataError('network', `${where}: ${(error as Error)?.message ?? 'network error'}`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const error = new BantinDataError('invalid-response', `${where}: the response is not valid JSON`, {
      status: response.status,
    });
    console.error(`[bantin] ${error.message}`);
    throw error;
  }
  const describe = (issues: ValidationIssue[]) =>
    issues
      .slice(0, 3)
      .map((issue) => formatIssue(issue, options.locale ?? 'vi'))
      .join('; ');
  const result = options.list ? checkWireList(schema, options.list, json) : asListResult(checkWire(schema, json));
  if (!result.ok) {
    const error = new BantinDataError('invalid-response', `${where}: ${describe(result.issues)}`, {
      status: response.status,
      ...(result.issues[0] ? { field: result.issues[0].path } : {}),
    });
    console.error(`[bantin] ${error.message}`);
    throw error;
  }
  if (result.skipped > 0) {
    const total = ((json as Record<string, unknown[]>)[options.list!] ?? []).length;
    console.warn(
      `[bantin] ${where}: skipped ${result.skipped} of ${total} items that do not fit the contract (${describe(result.issues)})`,
    );
    options.onInvalidItems?.(result.skipped);
  }
  return result.value;
}
