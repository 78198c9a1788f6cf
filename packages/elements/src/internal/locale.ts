import type { Locale } from '@bantin/model';

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's, crossing
 * shadow roots. Anything that is not English is Vietnamese, the kit's default.
 */
export function localeOf(element: Element): Locale {
  let node: Element | null = element;
  while (node) {
    // The property, not the attribute: a tin- element renders before Lit reflects a new `lang`
    // to its attribute, and on other elements the property mirrors the attribute anyway.
    const lang = (node as HTMLElement).lang ?? node.getAttribute?.('lang');
    if (lang) return lang.toLowerCase().startsWith('en') ? 'en' : 'vi';
    node = node.parentElement ?? (node.getRootNode?.() as ShadowRoot | undefined)?.host ?? null;
  }
  return 'vi';
}
