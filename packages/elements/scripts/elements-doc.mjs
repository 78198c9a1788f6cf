// Writes docs/elements.md from custom-elements.json (itself generated from the JSDoc on each
// element class), so no attribute, event, part or token is written down twice.
// Run: pnpm --filter @bantin/elements run generate-docs   (after a build). scripts/docs.test.ts checks it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(headers, rows) {
  if (!rows.length) return '';
  return (
    [
      `| ${headers.join(' | ')} |`,
      `|${headers.map(() => '---').join('|')}|`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

export function generateElementsDoc(manifest) {
  const elements = manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })))
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

  const out = [
    '# Elements',
    '',
    '<!-- Generated from custom-elements.json by packages/elements/scripts/elements-doc.mjs. Do not edit. -->',
    '',
    'Every element also takes `lang` ("en" for English; unset: the nearest ancestor\'s, else Vietnamese).',
    "Register an element with `import '@bantin/elements/define/<name>.js'`, or load `dist/cdn/bantin.js` for all of them.",
    '',
    '## One element API',
    '',
    'Every element answers the same questions the same way:',
    '',
    '- **Missing configuration:** a console warning naming the attribute (`<tin-most-viewed> needs the "endpoint" attribute`), and the error state saying so ("Chưa cấu hình: thiếu thuộc tính endpoint."), never a silent skeleton.',
    '- **States:** parts `loading`, `empty` and `error`; the error holds the reason as visible text (`error-message`, readable on touch screens) and a `retry` button ("Thử lại"; none for a configuration error). Counters (view, comment counts) have no empty state: 0 is a result.',
    '- **Headings and sizes:** `heading` and `heading-level` (2–6) wherever there is a heading; `limit` for how many items, and no page ever renders more than `limit`.',
    '- **Time and language:** `now` (attribute: an ISO date-time; property: a Date) wherever time is shown; `lang` on the element or any ancestor, followed at run time.',
    '- **Events:** `tin-<element>-<what>`, bubbling and composed, typed in `GlobalEventHandlersEventMap`; `tin-<element>-error` (`detail: { error }`) when a load fails; `tin-<element>-invalid-items` (`detail: { count }`) when a list response had items that do not fit the contract.',
    '- **Partial data:** only a response wrong as a whole (not JSON, wrong envelope) is an error; invalid items are skipped and counted in one console warning, and the valid ones are shown.',
    '- **Limits of the HTTP data source:** each request must complete, headers and body, within 10 s (`timeoutMs`); bodies over 1 MiB (1,048,576 bytes, `MAX_RESPONSE_BYTES`, `maxResponseBytes`) are refused with "Máy chủ gửi quá nhiều dữ liệu."; a cross-origin endpoint that fails while the browser is online is reported as refused by the server (CORS), not as the reader\'s network (see docs/decisions.md).',
    '- **Layout:** elements render a skeleton of their final size before data; `themes/reserve.css` keeps their space before the script runs (docs/theming.md).',
    '',
  ];
  for (const element of elements) {
    out.push(`## \`<${element.tagName}>\``, '', cell(element.summary), '');
    if (element.description) out.push(element.description.trim(), '');
    out.push(
      `Class \`${element.name}\`, registered by \`@bantin/elements/define/${element.tagName.replace(/^tin-/, '')}.js\`.`,
      '',
    );
    const attributes = element.attributes ?? [];
    const fields = (element.members ?? []).filter(
      (member) =>
        member.kind === 'field' &&
        !member.static &&
        (member.privacy ?? 'public') === 'public' &&
        !member.inheritedFrom &&
        !attributes.some((a) => a.fieldName === member.name),
    );
    if (attributes.length) {
      out.push('### Attributes', '');
      out.push(
        table(
          ['attribute', 'property', 'type', 'default', 'description'],
          attributes.map((a) => [
            code(a.name),
            code(a.fieldName),
            code(a.type?.text),
            code(a.default),
            cell(a.description),
          ]),
        ),
      );
    }
    if (fields.length) {
      out.push('### Properties (no attribute)', '');
      out.push(
        table(
          ['property', 'type', 'description'],
          fields.map((f) => [code(f.name), code(f.type?.text), cell(f.description)]),
        ),
      );
    }
    const sections = [
      ['Events', ['event', 'description'], (element.events ?? []).map((e) => [code(e.name), cell(e.description)])],
      [
        'Slots',
        ['slot', 'description'],
        (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
      ],
      ['CSS parts', ['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])],
      [
        'CSS custom properties',
        ['property', 'description'],
        (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
      ],
    ];
    for (const [title, headers, rows] of sections) if (rows.length) out.push(`### ${title}`, '', table(headers, rows));
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

export const MANIFEST_PATH = fileURLToPath(new URL('../custom-elements.json', import.meta.url));
export const DOC_PATH = fileURLToPath(new URL('../../../docs/elements.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DOC_PATH, generateElementsDoc(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'))));
  console.log(`wrote ${DOC_PATH}`);
}
