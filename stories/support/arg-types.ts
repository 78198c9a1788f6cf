import type { ArgTypes, SBType } from 'storybook/internal/types';
import { ALIAS_OPTIONS } from './choices.js';
import { declarationOf, isPublic } from './manifest.js';

/**
 * Storybook's own reading of the manifest keys every row by its bare name, so a part, a slot
 * and an attribute that share a name collide: `<tin-most-viewed>`'s `heading` part hid its
 * `heading` attribute, and `<tin-article-card>`'s `category` and `views` attributes vanished
 * behind parts. This reads the same manifest with one row per thing and distinct keys:
 *
 * | key                 | what                                     | control            |
 * |---------------------|------------------------------------------|--------------------|
 * | `heading-level`     | an attribute (its property is the same)  | from its type      |
 * | `items`             | a property without attribute             | from its type      |
 * | `slot:title`        | a slot (`slot:default` for the unnamed)  | text               |
 * | `::part(heading)`   | a CSS part                               | none               |
 * | `--tin-…`           | a CSS custom property                    | text or colour     |
 * | `tin-most-viewed-period-change` | an event (logged in Actions by preview)  | none               |
 *
 * `renderElement()` reads the same keys.
 */
export function extractArgTypes(tagName: string): ArgTypes | null {
  const declaration = declarationOf(tagName);
  if (!declaration) return null;
  const argTypes: ArgTypes = {};
  const row = (
    key: string,
    category: string,
    description = '',
    type?: string,
    defaultValue?: string,
    control?: false,
  ) => {
    argTypes[key] = {
      name: key,
      description,
      ...(type !== undefined ? { type: sbType(type) } : {}),
      ...(control === false ? { control: false } : {}),
      table: {
        category,
        type: type ? { summary: type } : undefined,
        defaultValue: defaultValue ? { summary: defaultValue } : undefined,
      },
    };
  };
  const members = declaration.members ?? [];
  for (const attribute of declaration.attributes ?? []) {
    const member = members.find((candidate) => candidate.name === attribute.fieldName);
    const property =
      attribute.fieldName && attribute.fieldName !== attribute.name ? ` Property: \`${attribute.fieldName}\`.` : '';
    row(
      attribute.name,
      'attributes',
      `${attribute.description ?? member?.description ?? ''}${property}`,
      attribute.type?.text ?? 'string',
      attribute.default,
    );
  }
  for (const member of members) {
    if (member.kind !== 'field' || member.static || !isPublic(member) || member.attribute) continue;
    const type = member.type?.text ?? '';
    row(member.name, 'properties', member.description, type, member.default, /Source\b/.test(type) ? false : undefined);
  }
  for (const slot of declaration.slots ?? [])
    row(`slot:${slot.name || 'default'}`, 'slots', slot.description, 'string');
  for (const property of declaration.cssProperties ?? [])
    row(property.name, 'css custom properties', property.description, 'string', property.default);
  for (const part of declaration.cssParts ?? [])
    row(`::part(${part.name})`, 'css shadow parts', part.description, undefined, undefined, false);
  for (const event of declaration.events ?? [])
    row(event.name, 'events', event.description, undefined, undefined, false);
  return argTypes;
}

/** A manifest type text as Storybook's type, so it infers the right control. */
function sbType(text: string): SBType {
  const bare = text.replace(/\s*\|\s*undefined\b/g, '').trim();
  if (bare === 'string' || bare === 'number' || bare === 'boolean') return { name: bare };
  const literals = /^'[^']*'(\s*\|\s*'[^']*')+$/.test(bare)
    ? bare.split('|').map((part) => part.trim().slice(1, -1))
    : undefined;
  const options = literals ?? (ALIAS_OPTIONS as Record<string, readonly string[]>)[bare];
  if (options) return { name: 'enum', value: [...options] };
  if (bare.endsWith('[]')) return { name: 'array', value: { name: 'other', value: bare.slice(0, -2) } };
  return { name: 'other', value: bare };
}
