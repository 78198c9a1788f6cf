import { passesCheck, type BantinCheck } from './checks.js';
import { formatIssue, type ValidationIssue, type ValidationResult } from './issues.js';

/**
 * Validation for browsers, without zod. The API's zod schemas are turned into JSON Schema at
 * build time (wire-schemas.generated.ts); this small interpreter checks data against them.
 * zod in a bundle costs about 10 kB gzip, this about 1 kB, and a property test holds the two
 * to the same verdicts.
 */
export interface WireSchema<T = unknown> {
  type?: string | readonly string[];
  properties?: Record<string, WireSchema>;
  required?: readonly string[];
  additionalProperties?: WireSchema | boolean;
  items?: WireSchema;
  anyOf?: readonly WireSchema[];
  enum?: readonly unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  'x-bantin'?: BantinCheck;
  'x-min'?: number;
  'x-max'?: number;
  /** Carries the validated type; never present at run time. */
  readonly __output?: T;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'nan';
  return typeof value;
}

function check(schema: WireSchema, value: unknown, path: string, issues: ValidationIssue[]): void {
  const add = (code: string, message: string): void => {
    issues.push({ path, code, message });
  };
  if (schema.anyOf) {
    for (const option of schema.anyOf) {
      const trial: ValidationIssue[] = [];
      check(option, value, path, trial);
      if (trial.length === 0) return;
    }
    return add('invalid_union', 'matches none of the allowed shapes');
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    const ok = types.some((type) => type === actual || (type === 'integer' && actual === 'number' && Number.isInteger(value)));
    if (!ok) return add('invalid_type', `expected ${types.join(' or ')}, received ${actual}`);
  }
  if (schema.enum && !schema.enum.includes(value)) return add('invalid_value', `expected one of ${schema.enum.join(', ')}`);
  if ('const' in schema && value !== schema.const) return add('invalid_value', `expected ${String(schema.const)}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return add('too_small', `expected at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return add('too_big', `expected at most ${schema.maxLength} characters`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return add('too_small', `expected ≥ ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) return add('too_big', `expected ≤ ${schema.maximum}`);
  }
  const own = schema['x-bantin'];
  if (own && !passesCheck(own, value, schema['x-min'], schema['x-max'])) return add('custom', `fails the ${own} check`);
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return add('too_small', `expected at least ${schema.minItems} items`);
    if (schema.items) value.forEach((item, index) => check(schema.items!, item, `${path}[${index}]`, issues));
  } else if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const join = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of schema.required ?? []) {
      if (object[key] === undefined) issues.push({ path: join(key), code: 'invalid_type', message: 'required' });
    }
    for (const [key, child] of Object.entries(object)) {
      const property = schema.properties?.[key];
      if (property) {
        if (child !== undefined) check(property, child, join(key), issues);
      } else if (typeof schema.additionalProperties === 'object') {
        check(schema.additionalProperties, child, join(key), issues);
      }
    }
  }
}

/** Never throws. Issues name the field, as `validate()` does. */
export function checkWire<T>(schema: WireSchema<T>, data: unknown): ValidationResult<T> {
  const issues: ValidationIssue[] = [];
  check(schema, data, '', issues);
  if (issues.length === 0) return { ok: true, value: data as T };
  return { ok: false, issues, message: issues.map((issue) => formatIssue(issue, 'en')).join('\n') };
}
