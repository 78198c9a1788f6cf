import { checkWire, formatIssue, type Locale, type WireSchema } from '@bantin/model';
import { BantinDataError } from './errors.js';

export interface FetchJsonOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Language of the console message's field label. */
  locale?: Locale;
}

/**
 * One request of the JSON contract: a timeout, failures turned into BantinDataError, and the
 * response validated against the model's schema (in its generated wire form, which keeps zod
 * out of the browser bundle) so that bad data never reaches a template.
 */
export async function fetchJson<T>(url: string, schema: WireSchema<T>, options: FetchJsonOptions): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();

  const method = options.method ?? 'GET';
  let response: Response;
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
    if (timedOut) throw new BantinDataError('timeout', `${method} ${url}: no answer within ${options.timeoutMs} ms`);
    if (options.signal?.aborted) throw new BantinDataError('aborted', `${method} ${url}: aborted`);
    throw new BantinDataError('network', `${method} ${url}: ${(error as Error)?.message ?? 'network error'}`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }

  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new BantinDataError('rate-limited', `${method} ${url}: 429 Too Many Requests`, {
      status: 429,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  if (!response.ok) {
    throw new BantinDataError('http', `${method} ${url}: HTTP ${response.status}`, { status: response.status });
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    const error = new BantinDataError('invalid-response', `${method} ${url}: the response is not valid JSON`, {
      status: response.status,
    });
    console.error(`[bantin] ${error.message}`);
    throw error;
  }
  const result = checkWire(schema, json);
  if (!result.ok) {
    const message = result.issues.map((issue) => formatIssue(issue, options.locale ?? 'vi')).join('; ');
    const error = new BantinDataError('invalid-response', `${method} ${url}: ${message}`, {
      status: response.status,
      ...(result.issues[0] ? { field: result.issues[0].path } : {}),
    });
    console.error(`[bantin] ${error.message}`);
    throw error;
  }
  return result.value;
}
