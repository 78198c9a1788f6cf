import { passesCheck, type BantinCheck } from './checks.js';
import { formatIssue, type ValidationIssue, type ValidationResult } from './issues.js';

/**
 * Validation for browsers, without zod. The API's zod schemas are turned into JSON Schema at
 * build time (wire-schemas.generated.ts); this small interpreter checks data against them.
 * zod in a bundle costs about 10 kB gzip, this about 0.5 kB, and a property test holds the two
 * to the same verdicts. It reads the keywords zod emits for the API responses; the generator
 * refuses to emit a browser schema with any other (scripts/wire-schemas.ts). Messages are short (the issue code and what was expected): the field
 * path is what a developer needs, and every byte here ships to every reader.
 */
export interface WireSchema<T = unknown> {
  type?: string | readonly string[];
  properties?: Record<string, WireSchema>;
  required?: readonly string[];
  additionalProperties?: WireSchema | boolean;
  items?: WireSchema;
  anyOf?: readonly WireSchema[];
  enum?: readonly unknown[];
  /** A regular expression (no flags) that strings must match, e.g. a roman numeral "^[IVXLCDM]+$". */
  pattern?: string;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  'x-bantin'?: BantinCheck;
  'x-min'?: number;
  'x-max'?: number;
  /** Carries the validated type; never present at run time. */
  readonly __output?: T;
}

function typeOf(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && !Number.isFinite(value)
        ? 'NaN'
        : typeof value;
}

/** The first problem with `value`, as [code, expected], or undefined when it fits. */
function problem(schema: WireSchema, value: unknown): [string, string] | undefined {
  const type = schema.type;
  if (type !== undefined && !(typeof type === 'string' ? [type] : type).includes(typeOf(value)))
    return ['invalid_type', String(type)];
  if (schema.enum && !schema.enum.includes(value)) return ['invalid_value', schema.enum.join('|')];
  const size = typeof value === 'string' ? value.length : typeof value === 'number' ? value : undefined;
  const min = typeof value === 'string' ? schema.minLength : schema.minimum;
  const max = typeof value === 'string' ? schema.maxLength : schema.maximum;
  if (size !== undefined && min !== undefined && size < min) return ['too_small', `≥ ${min}`];
  if (size !== undefined && max !== undefined && size > max) return ['too_big', `≤ ${max}`];
  if (Array.isArray(value) && value.length < (schema.minItems ?? 0)) return ['too_small', `≥ ${schema.minItems} items`];
  // A regular expression, not code: allowed under a strict CSP. Only the roman numeral of a term uses one.
  if (schema.pattern !== undefined && typeof value === 'string' && !new RegExp(schema.pattern).test(value))
    return ['invalid_format', schema.pattern];
  const own = schema['x-bantin'];
  if (own && !passesCheck(own, value, schema['x-min'], schema['x-max'])) return ['custom', own];
  return undefined;
}

function check(schema: WireSchema, value: unknown, path: string, issues: ValidationIssue[]): void {
  if (schema.anyOf) {
    if (
      !schema.anyOf.some((option) => {
        const trial: ValidationIssue[] = [];
        check(option, value, path, trial);
        return !trial.length;
      })
    ) {
      issues.push({ path, code: 'invalid_union', message: 'invalid_union' });
    }
    return;
  }
  const found = problem(schema, value);
  if (found) {
    issues.push({ path, code: found[0], message: `${found[0]}: ${found[1]}` });
    return;
  }
  const at = (key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, index) => check(schema.items!, item, at(index), issues));
    return;
  }
  if (typeOf(value) !== 'object') return;
  const object = value as Record<string, unknown>;
  for (const key of schema.required ?? []) {
    if (object[key] === undefined) issues.push({ path: at(key), code: 'invalid_type', message: 'required' });
  }
  for (const key in object) {
    const property = schema.properties?.[key];
    // An absent optional property may be undefined; a record's entries may not. Keys the schema
    // does not name are ignored, as zod strips them.
    if (property) {
      if (object[key] !== undefined) check(property, object[key], at(key), issues);
    } else if (typeof schema.additionalProperties === 'object')
      check(schema.additionalProperties, object[key], at(key), issues);
  }
}

/** Never throws. Issues name the field, as `validate()` does. */
export function checkWire<T>(schema: WireSchema<T>, data: unknown): ValidationResult<T> {
  const issues: ValidationIssue[] = [];
  check(schema, data, '', issues);
  return issues.length
    ? { ok: false, issues, message: issues.map((issue) => formatIssue(issue, 'en')).join('\n') }
    : { ok: true, value: data as T };
}
