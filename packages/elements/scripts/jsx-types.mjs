// Writes typed JSX for React 19, Preact, Vue and Svelte into dist/jsx/, from custom-elements.json, so an
// element added to the kit is typed in every framework without anyone writing its props twice.
// Run by `pnpm build` after `cem analyze`. Types come from the element classes themselves
// (`TinViewCounter['articleId']`), events from the `GlobalEventHandlersEventMap` entries the
// elements declare; the manifest only says which attributes, properties and events exist.
//
//   import type {} from '@bantin/elements/jsx/react';   // or /jsx/preact, /jsx/svelte, /vue
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = '// Generated from custom-elements.json by scripts/jsx-types.mjs: do not edit.\n';

/** Public elements of a manifest: tag, class, attributes, properties and events. */
export function elementsOf(manifest) {
  const entry = manifest.modules.find((module) => module.path === 'src/index.ts');
  const exported = new Set((entry?.exports ?? []).map((e) => e.name));
  const elements = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const fields = (declaration.members ?? []).filter(
        (member) =>
          member.kind === 'field' &&
          !member.static &&
          !member.readonly &&
          (member.privacy ?? 'public') === 'public' &&
          !member.name.startsWith('_') &&
          !member.name.startsWith('#'),
      );
      elements.push({
        tag: declaration.tagName,
        className: declaration.name,
        summary: declaration.summary ?? declaration.description ?? '',
        // An element the package root does not export gets its types from the manifest's text.
        exported: exported.has(declaration.name),
        fields: fields.map((field) => ({
          name: field.name,
          attribute: field.attribute,
          description: field.description ?? '',
          typeText: field.type?.text ?? 'unknown',
        })),
        events: (declaration.events ?? [])
          .filter((event) => event.name)
          .map((event) => ({ name: event.name, description: event.description ?? '' })),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** `tin-view-counter-counted` → `TinViewCounterCounted`. */
export const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

const PRIMITIVE = /^(?:string|number|boolean|undefined|null|'[^']*'|"[^"]*"|\s|\|)+$/;

function typeOf(element, field) {
  if (element.exported) return `${element.className}['${field.name}']`;
  return PRIMITIVE.test(field.typeText) ? field.typeText : 'unknown';
}

const doc = (text, indent) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\u2215').replace(/\s*\n\s*/g, ' ')} */\n` : '';

/** The element's own props: kebab-case attributes and camelCase properties, plus `on<event>`. */
function ownProps(element, { eventKey, handler }) {
  const lines = [];
  const seen = new Set();
  for (const field of element.fields) {
    for (const key of [field.attribute, field.name]) {
      if (!key || seen.has(key)) continue;
      seen.add(key);
      lines.push(`${doc(field.description, '  ')}  '${key}'?: ${typeOf(element, field)};`);
    }
  }
  for (const event of element.events) {
    lines.push(`${doc(event.description, '  ')}  '${eventKey(event.name)}'?: ${handler(event.name)};`);
  }
  return `{\n${lines.join('\n')}\n}`;
}

function imports(elements) {
  const names = elements.filter((e) => e.exported).map((e) => e.className);
  return names.length ? `import type { ${names.join(', ')} } from '../index.js';\n` : '';
}

const EVENT_OF =
  '/** The event an element fires under `name`, as the element types it in GlobalEventHandlersEventMap. */\n' +
  'type EventOf<K extends string> = K extends keyof GlobalEventHandlersEventMap\n' +
  '  ? GlobalEventHandlersEventMap[K]\n' +
  '  : CustomEvent<unknown>;\n';

const instance = (element) => (element.exported ? element.className : 'HTMLElement');

/**
 * JSX where `on<name>` listens to the event `<name>` and a prop is set as a property when the
 * element has one: React 19 and Preact both work this way. `base(T)` is the framework's own
 * attributes for an element of type T.
 */
function jsxTypes(elements, { module, importLine, base }) {
  const props = elements
    .map(
      (element) =>
        `${doc(element.summary, '')}export type ${element.className}JsxProps = ${ownProps(element, {
          eventKey: (name) => `on${name}`,
          handler: (name) => `(event: EventOf<'${name}'>) => void`,
        })};\n`,
    )
    .join('\n');
  const intrinsic = elements
    .map(
      (element) =>
        `      '${element.tag}': ${element.className}JsxProps &\n` +
        `        Omit<${base(instance(element))}, keyof ${element.className}JsxProps>;`,
    )
    .join('\n');
  return (
    HEADER +
    importLine +
    imports(elements) +
    '\n' +
    EVENT_OF +
    '\n' +
    props +
    `\ndeclare module '${module}' {\n  namespace JSX {\n    interface IntrinsicElements {\n` +
    intrinsic +
    '\n    }\n  }\n}\n'
  );
}

export const reactTypes = (elements) =>
  jsxTypes(elements, {
    module: 'react',
    importLine: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n",
    // React 19 passes `class` through to custom elements as it is.
    base: (type) => `DetailedHTMLProps<HTMLAttributes<${type}>, ${type}> & { class?: string }`,
  });

export const preactTypes = (elements) =>
  jsxTypes(elements, {
    module: 'preact',
    importLine: "import type { JSX as PreactJSX } from 'preact';\n",
    base: (type) => `PreactJSX.HTMLAttributes<${type}>`,
  });

/**
 * Vue: each tag as a global component, for vue-tsc and Volar. Vue sets a prop as a property when
 * the element has one; props are camelCase (templates may write them in kebab-case), events
 * are the element's own names (`@tin-view-counter-counted`).
 */
export function vueTypes(elements) {
  const blocks = elements
    .map((element) => {
      const props = element.fields
        .map((field) => `${doc(field.description, '  ')}  ${field.name}?: ${typeOf(element, field)};`)
        .join('\n');
      const emits = element.events
        .map((event) => `${doc(event.description, '  ')}  '${event.name}': (event: EventOf<'${event.name}'>) => void;`)
        .join('\n');
      return (
        `${doc(element.summary, '')}export interface ${element.className}VueProps {\n${props}\n}\n` +
        // A type, not an interface: Vue turns emits into on… props only for a Record, which an
        // interface (no index signature) is not.
        `export type ${element.className}VueEmits = {\n${emits}\n};\n`
      );
    })
    .join('\n');
  const components = elements
    .map(
      (element) =>
        `    '${element.tag}': DefineComponent<${element.className}VueProps, {}, {}, {}, {}, {}, {}, ${element.className}VueEmits>;`,
    )
    .join('\n');
  return (
    HEADER +
    "import type { DefineComponent } from 'vue';\n" +
    imports(elements) +
    '\n' +
    EVENT_OF +
    '\n' +
    blocks +
    "\ndeclare module 'vue' {\n  interface GlobalComponents {\n" +
    components +
    '\n  }\n}\n'
  );
}

/**
 * Svelte 5: `ontin-view-counter-counted={…}` listens to `tin-view-counter-counted` (Svelte 4: `on:tin-view-counter-counted`),
 * and a prop is set as a property when the element has one.
 */
export function svelteTypes(elements) {
  const props = elements
    .map(
      (element) =>
        `${doc(element.summary, '')}export type ${element.className}SvelteProps = ${ownProps(element, {
          eventKey: (name) => `on${name}`,
          handler: (name) => `(event: EventOf<'${name}'>) => void`,
        })} & {\n${element.events
          .map((event) => `  'on:${event.name}'?: (event: EventOf<'${event.name}'>) => void;`)
          .join('\n')}\n};\n`,
    )
    .join('\n');
  const intrinsic = elements
    .map(
      (element) =>
        `    '${element.tag}': ${element.className}SvelteProps &\n` +
        `      Omit<HTMLAttributes<${instance(element)}>, keyof ${element.className}SvelteProps>;`,
    )
    .join('\n');
  return (
    HEADER +
    "import type { HTMLAttributes } from 'svelte/elements';\n" +
    imports(elements) +
    '\n' +
    EVENT_OF +
    '\n' +
    props +
    "\ndeclare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n" +
    intrinsic +
    '\n  }\n}\n'
  );
}

export function writeJsxTypes(manifest, outDir) {
  const elements = elementsOf(manifest);
  if (elements.length === 0) throw new Error('custom-elements.json lists no elements: run `cem analyze` first');
  mkdirSync(outDir, { recursive: true });
  const files = {
    react: reactTypes(elements),
    preact: preactTypes(elements),
    vue: vueTypes(elements),
    svelte: svelteTypes(elements),
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(outDir, `${name}.d.ts`), text);
    // A runtime file too, so `import '@bantin/elements/jsx/react'` resolves in every tool (and
    // attw finds JavaScript behind every export). Types only: it does nothing.
    writeFileSync(join(outDir, `${name}.js`), '// Types only: see the .d.ts beside this file.\nexport {};\n');
  }
  return elements;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'custom-elements.json'), 'utf8'));
  const elements = writeJsxTypes(manifest, join(packageDir, 'dist/jsx'));
  console.log(`jsx types: ${elements.length} elements → dist/jsx/{react,preact,vue,svelte}.d.ts`);
}
