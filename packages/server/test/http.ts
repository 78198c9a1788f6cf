// What the server's HTTP tests share: one request helper and one schema check.
import assert from 'node:assert/strict';
import { validate, type Schema } from '@bantin/model';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** A request to the server under test; `json` is sent as a JSON body. The body comes back parsed when it is JSON. */
export async function request(url: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(url, {
    ...rest,
    headers,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // left undefined: asserted by the callers that care
  }
  return { status: response.status, headers: response.headers, text, json: parsed };
}

/** Asserts a body against a model schema and returns it. */
export function valid<S extends Schema>(schema: S, body: unknown): any {
  const result = validate(schema, body, { locale: 'en' });
  assert.ok(
    result.ok,
    `response does not match the schema: ${result.ok ? '' : result.message}\n${JSON.stringify(body)}`,
  );
  return body;
}
