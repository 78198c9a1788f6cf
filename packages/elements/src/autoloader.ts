/**
 * dist/cdn/autoloader.js: the one script a CMS theme pastes. It finds the tin-* tags on the page
 * (in the light DOM and in open shadow roots, now and later) and imports only the element modules
 * those tags need, each with its shared chunks; Shoelace's autoloader is the model.
 *
 *   <script type="module" src="/themes/bantin/autoloader.js"></script>
 *
 * The element modules and chunks are found next to this file (dist/cdn/elements/, dist/cdn/chunks/).
 * A closed shadow root cannot be seen from outside: call `discover(root)` for it.
 */

/**
 * Written by the CDN build (scripts/build-cdn.mjs) from src/define/*.ts and esbuild's chunk graph.
 * `tags` gives each tag its element module (elements/<name>.js) and the indexes, in `chunks`, of
 * the shared chunks (chunks/<chunk>.js) that module imports, directly or not. Indexes, not names,
 * keep this map small: it is in every page's first request.
 */
declare const TIN_AUTOLOADER_MODULES: { chunks: string[]; tags: Record<string, [string, ...number[]]> };

const { chunks: chunkNames, tags: modules } = TIN_AUTOLOADER_MODULES;
const base = import.meta.url;
const requested = new Set<string>();
const watched = new WeakSet<Node>();

const observer = new MutationObserver((mutations) => {
  for (const { addedNodes } of mutations) {
    for (const node of addedNodes) if (node instanceof Element) discover(node);
  }
});

/** Observes a root once, so tags added under it later are found too. */
function watch(root: Document | ShadowRoot): void {
  if (watched.has(root)) return;
  watched.add(root);
  observer.observe(root, { childList: true, subtree: true });
}

/** Fetches the shared chunks in parallel with the element module, instead of after it. */
function preload(path: string): void {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = new URL(path, base).href;
  document.head.append(link);
}

function load(tag: string): void {
  const files = modules[tag];
  if (!files) {
    // A typo such as <tin-view-countr> would otherwise do nothing, silently.
    if (!requested.has(tag)) console.warn(`[bantin] autoloader: no element is named <${tag}>.`);
    requested.add(tag);
    return;
  }
  if (customElements.get(tag)) return;
  const [name, ...chunks] = files;
  const entry = `elements/${name}.js`;
  if (requested.has(entry)) return;
  requested.add(entry);
  for (const index of chunks) {
    const chunk = `chunks/${chunkNames[index]}.js`;
    if (requested.has(chunk)) continue;
    requested.add(chunk);
    preload(chunk);
  }
  const url = new URL(entry, base).href;
  import(url).then(
    // The new elements have open shadow roots now (Lit attaches them on upgrade): look inside.
    () => discover(document),
    () => console.error(`[bantin] autoloader: could not load <${tag}> from ${url}`),
  );
}

/**
 * Loads the modules for the undefined tin-* elements under `root` (and `root` itself), looking
 * into open shadow roots, and watches those roots for tags added later.
 */
export function discover(root: Document | ShadowRoot | Element): void {
  if (!(root instanceof Element)) watch(root);
  const elements = root instanceof Element ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*');
  for (const element of elements) {
    if (element.localName.startsWith('tin-')) load(element.localName);
    if (element.shadowRoot) discover(element.shadowRoot);
  }
}

discover(document);
