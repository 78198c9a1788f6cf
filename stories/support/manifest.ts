import manifest from '@bantin/elements/custom-elements.json';

/** The parts of a Custom Elements Manifest declaration that the stories read. */
export interface ElementDeclaration {
  name: string;
  tagName?: string;
  description?: string;
  attributes?: Array<{
    name: string;
    fieldName?: string;
    type?: { text: string };
    description?: string;
    default?: string;
  }>;
  members?: Array<{
    kind: string;
    name: string;
    static?: boolean;
    privacy?: string;
    attribute?: string;
    type?: { text: string };
    description?: string;
    default?: string;
  }>;
  events?: Array<{ name: string; description?: string }>;
  slots?: Array<{ name: string; description?: string }>;
  cssProperties?: Array<{ name: string; description?: string; default?: string }>;
  cssParts?: Array<{ name: string; description?: string }>;
}

interface Manifest {
  modules: Array<{ path: string; declarations?: ElementDeclaration[] }>;
}

export { manifest };

const declarations = (manifest as Manifest).modules.flatMap((module) => module.declarations ?? []);

/** The manifest entry of a tag, from its `@tagname`. */
export function declarationOf(tagName: string): ElementDeclaration | undefined {
  return declarations.find((declaration) => declaration.tagName === tagName);
}

/** A member the manifest marks public, or leaves unmarked (the analyzer does either). */
export function isPublic(member: { privacy?: string }): boolean {
  return member.privacy === undefined || member.privacy === 'public';
}

/** Every class that documents CSS custom properties (`@cssprop`), for the theming page. */
export function declarationsWithCssProperties(): ElementDeclaration[] {
  return declarations.filter((declaration) => declaration.cssProperties?.length);
}
