/**
 * Dispatches a `tin-*` event that bubbles out of shadow roots, so a CMS theme can listen on
 * document. Returns false when a cancelable event was cancelled.
 */
export function emit<T>(target: EventTarget, name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
