// Generates the React wrappers from @bantin/elements' custom-elements.json, one module per
// element, with @lit/react's createComponent (as Shoelace's scripts/make-react.js does). Run by
// `pnpm build`, so an element added to the kit gets its wrapper without anyone writing it.
//   <tin-view-counter>, class TinViewCounter → generated/elements/view-counter.ts exporting TinViewCounter,
//   with an `onTinViewCounterCounted` prop for `tin-view-counter-counted`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementsOf, pascal } from '../../elements/scripts/jsx-types.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const elementsDir = join(packageDir, '../elements');
const HEADER = '// Generated from custom-elements.json by scripts/generate.mjs: do not edit.\n';

/** tag → define module (`tin-view-counter` → `view-counter`), read from the define files themselves. */
export function defineModules(defineDir) {
  const modules = new Map();
  for (const file of readdirSync(defineDir).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(defineDir, file), 'utf8');
    const name = file.replace(/\.ts$/, '');
    // The module that registers a tag is named after it; a define file that also registers a
    // dependency (article-card registers tin-time) does not take that tag over.
    for (const [, tag] of source.matchAll(/defineElement\(\s*'([a-z0-9-]+)'/g)) {
      if (!modules.has(tag) || `tin-${name}` === tag) modules.set(tag, name);
    }
  }
  return modules;
}

export const eventProp = (event) => `on${pascal(event)}`;

export function wrapperSource(element, defineModule) {
  const events = element.events
    .map((event) => `    ${eventProp(event.name)}: '${event.name}' as EventName<EventOf<'${event.name}'>>,`)
    .join('\n');
  const summary = element.summary ? `/** ${element.summary.replace(/\*\//g, '*\u2215')} */\n` : '';
  return (
    HEADER +
    "import * as React from 'react';\n" +
    "import { createComponent, type EventName } from '@lit/react';\n" +
    `import '@bantin/elements/define/${defineModule}.js';\n` +
    `import { ${element.className} as ${element.className}Element } from '@bantin/elements';\n` +
    '// Types every tin-* tag as an intrinsic JSX element for whoever imports a wrapper.\n' +
    "import '@bantin/elements/jsx/react';\n" +
    "import type { EventOf } from '../events.js';\n\n" +
    summary +
    `export const ${element.className} = createComponent({\n` +
    `  tagName: '${element.tag}',\n` +
    `  elementClass: ${element.className}Element,\n` +
    '  react: React,\n' +
    (events ? `  events: {\n${events}\n  },\n` : '') +
    `  displayName: '${element.className}',\n` +
    '});\n\n' +
    `export type ${element.className}Props = React.ComponentProps<typeof ${element.className}>;\n`
  );
}

const EVENTS_SOURCE =
  HEADER +
  "import type {} from '@bantin/elements';\n\n" +
  '/** The event an element fires under `K`, as the element types it in GlobalEventHandlersEventMap. */\n' +
  'export type EventOf<K extends string> = K extends keyof GlobalEventHandlersEventMap\n' +
  '  ? GlobalEventHandlersEventMap[K]\n' +
  '  : CustomEvent<unknown>;\n';

export function generate(manifest, defineDir, outDir) {
  const elements = elementsOf(manifest);
  const modules = defineModules(defineDir);
  const problems = [];
  for (const element of elements) {
    if (!element.exported) problems.push(`${element.className} is not exported by @bantin/elements (src/index.ts)`);
    if (!modules.has(element.tag)) problems.push(`<${element.tag}> has no define file in src/define/`);
  }
  if (problems.length) throw new Error(`cannot wrap every element:\n  ${problems.join('\n  ')}`);
  rmSync(outDir, { recursive: true, force: true });
  // Wrappers live in elements/, the only files listed in sideEffects: index.js stays free of
  // side effects, so a bundler drops the wrappers (and elements) an app does not import.
  mkdirSync(join(outDir, 'elements'), { recursive: true });
  writeFileSync(join(outDir, 'events.ts'), EVENTS_SOURCE);
  const index = [HEADER, "import '@bantin/elements/jsx/react';\n"];
  for (const element of elements) {
    const name = modules.get(element.tag);
    writeFileSync(join(outDir, 'elements', `${name}.ts`), wrapperSource(element, name));
    index.push(`export { ${element.className}, type ${element.className}Props } from './elements/${name}.js';\n`);
  }
  writeFileSync(join(outDir, 'index.ts'), index.join(''));
  return elements.map((element) => ({ ...element, module: modules.get(element.tag) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `--clean` (the build): no wrapper of a removed element survives in dist/.
  if (process.argv.includes('--clean')) rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
  const manifest = JSON.parse(readFileSync(join(elementsDir, 'custom-elements.json'), 'utf8'));
  const wrapped = generate(manifest, join(elementsDir, 'src/define'), join(packageDir, 'generated'));
  console.log(`react wrappers: ${wrapped.map((e) => e.className).join(', ')}`);
}
