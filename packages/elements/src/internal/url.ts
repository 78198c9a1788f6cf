import { isSafeLinkUrl } from '@bantin/model';

/**
 * An href that is safe to put in a link, or undefined. Absolute http(s) URLs and relative
 * references pass; javascript:, data: and every other scheme do not. Tabs and newlines are
 * removed first, because browsers ignore them inside a scheme ("java\tscript:").
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!cleaned) return undefined;
  if (isSafeLinkUrl(cleaned)) return cleaned;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(cleaned);
  if (!hasScheme && !cleaned.startsWith('//') && !cleaned.includes('\\')) return cleaned;
  return undefined;
}
