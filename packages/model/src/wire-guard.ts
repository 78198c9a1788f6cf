import { passesCheck } from './checks.js';
import type { WireSchema } from './wire.js';

/**
 * A yes/no check compiled once from a wire schema into nested closures: each node's checks
 * are decided when it is compiled, not on every value, and there are no issue lists or paths
 * to build. validate() uses it as a fast path for schemas without transforms: when it says yes,
 * zod would have returned the same value (strict mode below refuses keys zod would strip).
 * No eval, so it also runs under a strict Content-Security-Policy.
 */
export type Guard = (value: unknown) => boolean;

function typeOf(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && !Number.isFinite(value)
        ? 'NaN'
        : typeof value;
}

const SINGLE_TYPE: Record<string, Guard> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  boolean: (value) => typeof value === 'boolean',
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  array: (value) => Array.isArray(value),
  null: (value) => value === null,
};

function all(guards: Guard[]): Guard {
  if (guards.length === 1) return guards[0]!;
  return (value) => {
    for (const guard of guards) if (!guard(value)) return false;
    return true;
  };
}

const TYPE_CODE: Record<string, (v: string) => string> = {
  string: (v) => `typeof ${v}==="string"`,
  number: (v) => `(typeof ${v}==="number"&&isFinite(${v}))`,
  boolean: (v) => `typeof ${v}==="boolean"`,
  object: (v) => `(typeof ${v}==="object"&&${v}!==null&&!Array.isArray(${v}))`,
  array: (v) => `Array.isArray(${v})`,
  null: (v) => `${v}===null`,
};

/**
 * The same check as one generated function (as ajv does): everything inlined, about four times
 * faster than the closures. Returns null where eval is not allowed (a strict CSP); callers then
 * use the closures.
 */
function generateGuard(schema: WireSchema, strict: boolean): Guard | null {
  const constants: unknown[] = [];
  const constant = (value: unknown) => `k${constants.push(value) - 1}`;
  let depth = 0;
  const code = (node: WireSchema, v: string): string => {
    const options = node.anyOf ?? node.oneOf;
    if (options) return `(${options.map((option) => code(option, v)).join('||')})`;
    const parts: string[] = [];
    if (node.type !== undefined) {
      const types = typeof node.type === 'string' ? [node.type] : [...node.type];
      if (types.some((type) => !TYPE_CODE[type])) throw new Error(`type ${types.join('|')}`);
      parts.push(`(${types.map((type) => TYPE_CODE[type]!(v)).join('||')})`);
    }
    if ('const' in node) parts.push(`${v}===${JSON.stringify(node.const)}`);
    if (node.enum) parts.push(`${constant(new Set(node.enum))}.has(${v})`);
    const string = `typeof ${v}!=="string"`;
    if (node.minLength !== undefined) parts.push(`(${string}||${v}.length>=${node.minLength})`);
    if (node.maxLength !== undefined) parts.push(`(${string}||${v}.length<=${node.maxLength})`);
    if (node.pattern) parts.push(`(${string}||${constant(new RegExp(node.pattern))}.test(${v}))`);
    const number = `typeof ${v}!=="number"`;
    if (node.minimum !== undefined) parts.push(`(${number}||${v}>=${node.minimum})`);
    if (node.maximum !== undefined) parts.push(`(${number}||${v}<=${node.maximum})`);
    if (node['x-bantin'])
      parts.push(
        `check(${JSON.stringify(node['x-bantin'])},${v},${node['x-min'] ?? -Infinity},${node['x-max'] ?? Infinity})`,
      );
    if (node.minItems !== undefined) parts.push(`(!Array.isArray(${v})||${v}.length>=${node.minItems})`);
    if (node.items) {
      const item = `i${depth++}`;
      parts.push(`${v}.every((${item})=>${code(node.items, item)})`);
    }
    if (node.properties || node.additionalProperties || node.required) {
      const required = new Set(node.required ?? []);
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const field = `${v}[${JSON.stringify(key)}]`;
        parts.push(`(${field}===undefined?${!required.has(key)}:${code(child, field)})`);
      }
      const known = constant(new Set(Object.keys(node.properties ?? {})));
      if (typeof node.additionalProperties === 'object') {
        const key = `p${depth++}`;
        parts.push(
          `Object.keys(${v}).every((${key})=>${known}.has(${key})||${code(node.additionalProperties, `${v}[${key}]`)})`,
        );
      } else if (strict) {
        parts.push(`onlyKnown(${v},${known})`);
      }
    }
    return parts.length ? parts.join('&&') : 'true';
  };
  try {
    const body = code(schema, 'v');
    const names = constants.map((_, i) => `k${i}`);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function('check', 'onlyKnown', ...names, `return (v)=>${body};`);
    return factory(passesCheck, onlyKnown, ...constants) as Guard;
  } catch {
    return null;
  }
}

function onlyKnown(object: Record<string, unknown>, known: Set<string>): boolean {
  for (const key in object) if (!known.has(key)) return false;
  return true;
}

/**
 * `strict`: unknown keys fail the check (zod would strip them, so its output would differ).
 * Generated code where eval is allowed, closures otherwise; both are property-tested against zod.
 */
export function compileGuard(schema: WireSchema, options: { strict?: boolean; generate?: boolean } = {}): Guard {
  const generated = options.generate === false ? null : generateGuard(schema, options.strict ?? false);
  return generated ?? compileClosures(schema, options);
}

function compileClosures(schema: WireSchema, options: { strict?: boolean } = {}): Guard {
  const strict = options.strict ?? false;
  const compile = (node: WireSchema): Guard => {
    if (node.anyOf ?? node.oneOf) {
      const options = (node.anyOf ?? node.oneOf)!.map(compile);
      return (value) => options.some((option) => option(value));
    }
    const guards: Guard[] = [];
    if (node.type !== undefined) {
      const types = typeof node.type === 'string' ? [node.type] : [...node.type];
      // The common single types get a check of their own: this runs for every field of every value.
      const only = types.length === 1 ? SINGLE_TYPE[types[0]!] : undefined;
      guards.push(only ?? ((value) => types.includes(typeOf(value))));
    }
    if ('const' in node) {
      const constant = node.const;
      guards.push((value) => value === constant);
    }
    if (node.pattern) {
      const pattern = new RegExp(node.pattern);
      guards.push((value) => typeof value !== 'string' || pattern.test(value));
    }
    if (node.enum) {
      const allowed = new Set(node.enum);
      guards.push((value) => allowed.has(value));
    }
    const { minLength, maxLength, minimum, maximum } = node;
    if (minLength !== undefined || maxLength !== undefined) {
      const min = minLength ?? 0;
      const max = maxLength ?? Infinity;
      guards.push((value) => typeof value !== 'string' || (value.length >= min && value.length <= max));
    }
    if (minimum !== undefined || maximum !== undefined) {
      const min = minimum ?? -Infinity;
      const max = maximum ?? Infinity;
      guards.push((value) => typeof value !== 'number' || (value >= min && value <= max));
    }
    const own = node['x-bantin'];
    if (own) {
      const [min, max] = [node['x-min'], node['x-max']];
      guards.push((value) => passesCheck(own, value, min, max));
    }
    if (node.minItems !== undefined) {
      const min = node.minItems;
      guards.push((value) => !Array.isArray(value) || value.length >= min);
    }
    if (node.items) {
      const item = compile(node.items);
      guards.push((value) => (value as unknown[]).every((entry) => item(entry)));
    }
    if (node.properties || node.additionalProperties || node.required) {
      const properties = Object.entries(node.properties ?? {}).map(([key, child]) => [key, compile(child)] as const);
      const required = new Set(node.required ?? []);
      const known = new Set(properties.map(([key]) => key));
      const rest = typeof node.additionalProperties === 'object' ? compile(node.additionalProperties) : undefined;
      guards.push((value) => {
        const object = value as Record<string, unknown>;
        for (const [key, check] of properties) {
          const child = object[key];
          if (child === undefined ? required.has(key) : !check(child)) return false;
        }
        if (rest || strict) {
          for (const key in object) {
            if (known.has(key)) continue;
            if (rest ? !rest(object[key]) : true) return false;
          }
        }
        return true;
      });
    }
    return all(guards);
  };
  return compile(schema);
}
