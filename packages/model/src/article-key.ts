/**
 * One article, one key. View and comment counts keyed by URL split when the same page is
 * reached as "/a/", "/a/index.html", "/a?utm_source=zalo" or "/a#binh-luan" (a long-standing
 * complaint against Waline and Twikoo). Every key passes through here, in the browser and on
 * the server alike.
 *
 * - Plain ids ("hoi-nghi-lan-thu-2", "12345") are kept as they are, trimmed.
 * - URLs and paths lose their query, fragment, trailing slash and index.html/index.php, and
 *   keep only the path: the same article on http and https, or on www and the bare host,
 *   counts once. Percent-encoding is normalised so "/tin-t%E1%BB%A9c" and "/tin-tức" agree.
 */
export function canonicalArticleKey(input: string): string {
  if (typeof input !== 'string') return '';
  // NFC first: it maps a few characters onto others (U+2000 onto U+2002, U+037E onto ";"), and
  // what it produces must meet the rules below, or a second pass would change the key again.
  const trimmed = input.normalize('NFC').trim();
  if (!trimmed) return '';
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || trimmed.startsWith('/');
  if (!looksLikeUrl) return trimmed;

  let path: string;
  try {
    path = new URL(trimmed, 'http://bantin.invalid').pathname;
  } catch {
    return trimmed;
  }
  path = withoutDotSegments(safeDecode(path));
  // Until nothing changes: "/a/index.html/" loses its slash, then its index.html.
  for (let previous = ''; previous !== path;) {
    previous = path;
    path = path.replace(/\/{2,}/g, '/');
    if (path.length > 1) path = path.replace(/\/+$/, '');
    path = path.replace(/\/index\.(?:html?|php|aspx?)$/i, '/');
  }
  return path || '/';
}

/**
 * "." and ".." segments resolved, as the URL parser does: decoding "/%2f%2E%2E" gives "//..",
 * which the parser would read as "/" on the next pass.
 */
function withoutDotSegments(path: string): string {
  if (!/(?:^|\/)\.\.?(?:\/|$)/.test(path)) return path;
  const out: string[] = [];
  for (const segment of path.split('/').slice(1)) {
    if (segment === '..') out.pop();
    else if (segment !== '.') out.push(segment);
  }
  const last = path.slice(path.lastIndexOf('/') + 1);
  return `/${out.join('/')}${last === '.' || last === '..' ? '/' : ''}`;
}

/**
 * The path decoded, in NFC, with what the next pass would read differently kept encoded, so that
 * canonicalArticleKey(canonicalArticleKey(x)) === canonicalArticleKey(x):
 * - "%" itself: "/a%252F" decodes to "/a%2F", which a second pass would decode to "/a/";
 * - "?", "#" and "\\": the URL parser reads them as query, fragment and "/";
 * - whitespace and control characters: trim() and the URL parser drop them at the ends.
 */
function safeDecode(path: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding ("/50%-off"): the parser's own encoding is kept as it is.
    return path.normalize('NFC');
  }
  return decoded.normalize('NFC').replace(/[%?#\\\s\u0000-\u001f\u007f]/gu, (char) => encodeURIComponent(char));
}
