/**
 * Lets elements follow `lang` changes on themselves or any ancestor at run time, as Shoelace's
 * localize does for `<html lang>`. One MutationObserver for the page watches only the `lang`
 * attribute (an attribute filter costs nothing for other mutations), on the document and on each
 * shadow root that holds a tin- element, so an ancestor inside another component counts too.
 * When a `lang` changes, each element compares its language with the one it last rendered, and
 * only those that differ re-render.
 */
export interface LangFollower {
  langChanged(): void;
}

const followers = new Set<LangFollower>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

export function followLang(element: Element & LangFollower): void {
  if (typeof MutationObserver === 'undefined') return; // server rendering
  observer ??= new MutationObserver(() => {
    for (const follower of [...followers]) follower.langChanged();
  });
  followers.add(element);
  for (let root: Node | null = element.getRootNode(); root;) {
    if (!observedRoots.has(root)) {
      observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang'] });
      observedRoots.add(root);
    }
    root = root instanceof ShadowRoot ? root.host.getRootNode() : null;
  }
}

export function unfollowLang(element: LangFollower): void {
  followers.delete(element);
}
