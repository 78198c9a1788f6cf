import type { MessageKey } from '../internal/i18n.js';

export type DataErrorKind =
  'network' | 'refused' | 'timeout' | 'rate-limited' | 'http' | 'invalid-response' | 'too-large' | 'config' | 'aborted';

/** Every failure a data source reports, so elements can show the right message and retry. */
export class BantinDataError extends Error {
  override readonly name = 'BantinDataError';
  constructor(
    readonly kind: DataErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; field?: string; attribute?: string } = {},
  ) {
    super(message);
  }

  /** Worth offering "try again" for: not a deliberate abort, and not a page that lacks an attribute. */
  get retryable(): boolean {
    return this.kind !== 'aborted' && this.kind !== 'config';
  }
}

const KIND_KEYS: Partial<Record<DataErrorKind, MessageKey>> = {
  network: 'errorNetwork',
  refused: 'errorRefused',
  timeout: 'errorTimeout',
  'rate-limited': 'errorRateLimited',
  'invalid-response': 'errorInvalid',
  'too-large': 'errorTooLarge',
  config: 'errorConfig',
};

/** The message key an element shows for an error from any source. */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof BantinDataError)) return 'errorGeneric';
  if (error.kind === 'http') return (error.details.status ?? 500) >= 500 ? 'errorServer' : 'errorGeneric';
  return KIND_KEYS[error.kind] ?? 'errorGeneric';
}
