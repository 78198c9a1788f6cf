/**
 * Registers a custom element once. Two CMS plugins on one page may each bring a copy of the
 * kit: the second registration is skipped with a warning instead of throwing and breaking
 * the page (Shoelace's `define()` does the same).
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // server rendering: nothing to register
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(
        `[bantin] <${tag}> is already defined (another copy or version of the kit?); keeping the first definition.`,
      );
    }
    return;
  }
  customElements.define(tag, constructor);
}
