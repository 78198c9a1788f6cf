/**
 * A shadow root the server rendered (declarative shadow DOM) is taken over, not hydrated: Lit
 * would otherwise render a second copy after it. Left alone when the page loads Lit's hydration
 * support, which reuses it. For the civic elements' `createRenderRoot`, before Lit's own.
 */
export function takeOverServerRender(host: Element): void {
  if (!(globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport)
    host.shadowRoot?.replaceChildren();
}
