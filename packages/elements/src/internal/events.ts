import type { BantinDataError } from '../data/errors.js';

/**
 * Dispatches a `tin-*` event that bubbles out of shadow roots, so a CMS theme can listen on
 * document. Returns false when a cancelable event was cancelled.
 */
export function emit<T>(target: EventTarget, name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(
    new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

/** `detail` of every `tin-<element>-error`: a load failed and the error state is shown. */
export interface TinLoadErrorDetail {
  error: BantinDataError | Error;
}

/** `detail` of every `tin-<element>-invalid-items`: items of a list response were skipped as invalid. */
export interface TinInvalidItemsDetail {
  /** How many items of the response were skipped. */
  count: number;
}
