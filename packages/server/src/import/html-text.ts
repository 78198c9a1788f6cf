// Old comments and feed descriptions come as HTML; bantin stores and shows plain text. This
// keeps what a reader needs: paragraphs (as blank lines), line breaks, and links written out as
// "text (url)" so that nothing a commenter pointed at is lost. It never produces markup, so its
// output is safe to render as text whatever the input.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  middot: '·',
  bull: '•',
  deg: '°',
  times: '×',
  euro: '€',
  shy: '',
};

/** Decodes character references: named (the common ones), decimal and hexadecimal. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const BLOCK = /^(?:p|div|blockquote|pre|ul|ol|table|h[1-6]|section|article|figure|header|footer)$/;
const LINE = /^(?:br|li|tr|hr|dd|dt|figcaption)$/;
// Control characters other than line breaks and tabs never come from a keyboard (see the
// model's `text` check); they are dropped.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * HTML (or plain text with a few tags, as WordPress stores comments) to plain text: block
 * elements and blank lines become paragraphs, <br> a line break, <a href="u">t</a> "t (u)"
 * (just "u" when the text is the address), scripts and styles vanish, entities are decoded.
 */
export function htmlToText(html: string, options: { links?: boolean } = {}): string {
  const keepLinks = options.links ?? true;
  let text = String(html)
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  // Links first, while their text is still inside the tags.
  text = text.replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_whole, attributes: string, inner: string) => {
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const url = decodeEntities((href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim());
    const label = inner.replace(/<[^>]*>/g, '').trim();
    if (!keepLinks || !/^https?:\/\//i.test(url)) return label;
    const shown = decodeEntities(label);
    return shown === '' || shown === url || `${shown}/` === url ? url : `${label} (${url})`;
  });
  text = text.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_whole, name: string) => {
    const tag = name.toLowerCase();
    if (BLOCK.test(tag)) return '\n\n';
    if (LINE.test(tag)) return '\n';
    return '';
  });
  text = decodeEntities(text.replace(/<[^>]*>/g, ''))
    .replace(CONTROL, '')
    .replace(/\u00a0/g, ' ');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}

/**
 * One line of text (a name, a title, a sapo): tags dropped, entities decoded, whitespace
 * collapsed; link addresses are dropped too (only their text stays).
 */
export function htmlToLine(html: string): string {
  return htmlToText(html, { links: false }).replace(/\s+/g, ' ').trim();
}
