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
  const trimmed = input.trim();
  if (!trimmed) return '';
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || trimmed.startsWith('/');
  if (!looksLikeUrl) return trimmed.normalize('NFC');

  let path: string;
  try {
    path = new URL(trimmed, 'http://bantin.invalid').pathname;
  } catch {
    return trimmed.normalize('NFC');
  }
  path = safeDecode(path).normalize('NFC');
  path = path.replace(/\/index\.(?:html?|php|aspx?)$/i, '/');
  path = path.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path || '/';
}

function safeDecode(path: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return path;
  }
  // Whitespace and control characters stay encoded: trim() and the URL parser drop them at
  // the ends of a path, so a decoded "/%00" or "/%20" would become "/" on the next pass and
  // one article would have two keys.
  return decoded.replace(/[\s\u0000-\u001f\u007f]/gu, (char) => encodeURIComponent(char));
}
