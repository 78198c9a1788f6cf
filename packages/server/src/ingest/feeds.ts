// Reading a site's own feeds into article summaries (`bantin-server ingest`, `--feed`): RSS 2.0,
// Atom, sitemaps and Google News sitemaps. Each item becomes an ArticleSummary keyed by the
// canonical key of its link and checked by the model's schema; a bad item is reported with its
// number and skipped, and never hides the good ones.
import {
  ArticleSummarySchema,
  canonicalArticleKey,
  slugify,
  toVietnamIsoString,
  validate,
  type ArticleSummary,
  type Locale,
} from '@bantin/model';
import { parseLooseDate } from '../import/dates.js';
import { htmlToLine } from '../import/html-text.js';
import { parseXml, type XmlNode as Node } from '../import/xml.js';

export type FeedKind = 'RSS 2.0' | 'Atom' | 'sitemap' | 'Google News sitemap';

export interface FeedItemResult {
  /** "item 3 (https://…)", for messages. */
  where: string;
  key?: string;
  summary?: ArticleSummary;
  /** Why the item was skipped. */
  error?: string;
}

export interface ParsedFeed {
  kind: FeedKind;
  items: FeedItemResult[];
  /** A sitemap index lists other sitemaps instead of articles. */
  sitemaps: string[];
}

export class FeedError extends Error {
  override readonly name = 'FeedError';
}

/**
 * Covers without stated dimensions are given 16:9 (1200×675): the model needs a box to reserve
 * and cards crop covers to their own ratio anyway.
 */
export const ASSUMED_COVER = { width: 1200, height: 675 } as const;
const SAPO_MAX = 2000;

const ARRAYS = new Set([
  'item',
  'entry',
  'url',
  'sitemap',
  'category',
  'link',
  'media:content',
  'media:thumbnail',
  'enclosure',
  'image:image',
]);

/** Parses one feed; `base` (the feed's own URL) resolves relative links. */
export function parseFeed(text: string, base?: string, locale: Locale = 'vi'): ParsedFeed {
  const doc = parseXml(text, ARRAYS, (message) => new FeedError(message), { htmlEntities: true });

  if (doc.rss) {
    const channel = (doc.rss as Node).channel as Node | undefined;
    const items = (channel?.item as Node[] | undefined) ?? [];
    return { kind: 'RSS 2.0', sitemaps: [], items: items.map((item, i) => rssItem(item, i + 1, base, locale)) };
  }
  if (doc.feed) {
    const entries = ((doc.feed as Node).entry as Node[] | undefined) ?? [];
    return { kind: 'Atom', sitemaps: [], items: entries.map((entry, i) => atomEntry(entry, i + 1, base, locale)) };
  }
  if (doc.urlset) {
    const urls = ((doc.urlset as Node).url as Node[] | undefined) ?? [];
    const news = urls.some((url) => url['news:news']);
    return {
      kind: news ? 'Google News sitemap' : 'sitemap',
      sitemaps: [],
      items: urls.map((url, i) => sitemapUrl(url, i + 1, base, locale)),
    };
  }
  if (doc.sitemapindex) {
    const maps = ((doc.sitemapindex as Node).sitemap as Node[] | undefined) ?? [];
    return {
      kind: 'sitemap',
      items: [],
      sitemaps: maps.map((m) => resolve(text_(m.loc), base)).filter((u): u is string => !!u),
    };
  }
  throw new FeedError('not a feed: expected <rss>, <feed> (Atom), <urlset> or <sitemapindex>');
}

// ---- formats --------------------------------------------------------------------------------

function rssItem(item: Node, n: number, base: string | undefined, locale: Locale): FeedItemResult {
  const link = resolve(text_(item.link) || guidLink(item.guid), base);
  const description = text_(item.description) || text_(item['content:encoded']);
  const media = [...list(item['media:content']), ...list((item['media:group'] as Node | undefined)?.['media:content'])];
  const cover =
    enclosureImage(list(item.enclosure), base) ??
    mediaImage(media, base) ??
    mediaImage(list(item['media:thumbnail']), base) ??
    firstImg(description, base) ??
    firstImg(text_(item['content:encoded']), base);
  const category = list(item.category).map(text_).find(Boolean);
  return build(
    `item ${n}`,
    {
      link,
      title: text_(item.title),
      html: description,
      date: text_(item.pubDate) || text_(item['dc:date']),
      cover,
      category,
    },
    locale,
  );
}

function atomEntry(entry: Node, n: number, base: string | undefined, locale: Locale): FeedItemResult {
  const links = list(entry.link) as Node[];
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate');
  const link = resolve(attr(alternate, 'href'), base);
  const html = text_(entry.summary) || text_(entry.content);
  const enclosures = links
    .filter((l) => l['@_rel'] === 'enclosure')
    .map((l) => ({ '@_url': l['@_href'], '@_type': l['@_type'] }));
  const cover =
    enclosureImage(enclosures, base) ??
    mediaImage(list(entry['media:content']), base) ??
    mediaImage(list(entry['media:thumbnail']), base) ??
    firstImg(html, base) ??
    firstImg(text_(entry.content), base);
  const category = list(entry.category)
    .map((c) => attr(c as Node, 'label') || attr(c as Node, 'term') || text_(c))
    .find(Boolean);
  return build(
    `entry ${n}`,
    { link, title: text_(entry.title), html, date: text_(entry.published) || text_(entry.updated), cover, category },
    locale,
  );
}

function sitemapUrl(url: Node, n: number, base: string | undefined, locale: Locale): FeedItemResult {
  const link = resolve(text_(url.loc), base);
  const news = url['news:news'] as Node | undefined;
  const image = list(url['image:image'])[0] as Node | undefined;
  const imageSrc = image ? resolve(text_(image['image:loc']), base) : undefined;
  const cover = imageSrc
    ? { src: imageSrc, alt: '', ...ASSUMED_COVER, caption: text_(image!['image:caption']) || undefined }
    : undefined;
  const keywords = text_(news?.['news:keywords']).split(',')[0]?.trim();
  return build(
    `url ${n}`,
    {
      link,
      title: text_(news?.['news:title']),
      html: '',
      date: text_(news?.['news:publication_date']) || text_(url.lastmod),
      cover,
      category: keywords || undefined,
      titleHint: news ? undefined : 'a plain sitemap gives no titles; use a Google News sitemap or a feed',
    },
    locale,
  );
}

// ---- one item -------------------------------------------------------------------------------

interface RawItem {
  link: string | undefined;
  title: string;
  html: string;
  date: string;
  cover: ArticleSummary['cover'] | undefined;
  category: string | undefined;
  titleHint?: string;
}

function build(label: string, raw: RawItem, locale: Locale): FeedItemResult {
  const where = raw.link ? `${label} (${raw.link})` : label;
  if (!raw.link) return { where, error: 'no link (or not an http(s) address)' };
  const key = canonicalArticleKey(raw.link);
  const title = htmlToLine(raw.title);
  if (!title) return { where, key, error: raw.titleHint ? `no title: ${raw.titleHint}` : 'no title' };
  if (!raw.date) return { where, key, error: 'no publication date' };
  const date = parseLooseDate(raw.date);
  if (!date)
    return { where, key, error: `the date ${JSON.stringify(raw.date)} is not RFC 822, ISO 8601 or dd/mm/yyyy hh:mm` };
  const sapo = cut(htmlToLine(raw.html), SAPO_MAX);
  const segment = key.split('/').filter(Boolean).pop() ?? '';
  const slug =
    slugify(segment.replace(/\.[a-z0-9]{1,5}$/i, ''), { maxLength: 200 }) ||
    slugify(title, { maxLength: 200 }) ||
    'bai-viet';
  const categorySlug = raw.category ? slugify(htmlToLine(raw.category), { maxLength: 200 }) : '';
  const summary: ArticleSummary = {
    id: key,
    slug,
    title,
    ...(sapo && sapo !== title ? { sapo } : {}),
    url: raw.link,
    ...(raw.category && categorySlug
      ? { category: { id: categorySlug, slug: categorySlug, name: htmlToLine(raw.category) } }
      : {}),
    ...(raw.cover ? { cover: raw.cover } : {}),
    publishedAt: toVietnamIsoString(date.getTime()),
  };
  const result = validate(ArticleSummarySchema, summary, { locale });
  if (!result.ok) return { where, key, error: result.message };
  return { where, key, summary: result.value };
}

function cut(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.8 ? head.slice(0, space) : head).trimEnd()}…`;
}

// ---- pieces ---------------------------------------------------------------------------------

function text_(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text_(value[0]);
  if (value && typeof value === 'object' && '#text' in value) return text_((value as Node)['#text']);
  return '';
}

function attr(node: Node | undefined, name: string): string {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value.trim() : '';
}

function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function guidLink(guid: unknown): string {
  const permalink = guid && typeof guid === 'object' ? (guid as Node)['@_isPermaLink'] : undefined;
  return permalink === 'false' ? '' : text_(guid);
}

/** An absolute http(s) URL, or a root-relative path when there is no base; undefined otherwise. */
function resolve(href: string, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return href.startsWith('/') && !href.startsWith('//') && !/\s/.test(href) ? href : undefined;
  }
}

function dims(width: string, height: string) {
  const w = Number(width);
  const h = Number(height);
  return Number.isSafeInteger(w) && w > 0 && Number.isSafeInteger(h) && h > 0 ? { width: w, height: h } : ASSUMED_COVER;
}

function enclosureImage(enclosures: unknown[], base: string | undefined): ArticleSummary['cover'] | undefined {
  for (const e of enclosures as Node[]) {
    const type = attr(e, 'type');
    const src = resolve(attr(e, 'url'), base);
    if (src && (type.startsWith('image/') || (!type && /\.(?:jpe?g|png|webp|gif|avif)(?:\?|$)/i.test(src))))
      return { src, alt: '', ...ASSUMED_COVER };
  }
  return undefined;
}

function mediaImage(media: unknown[], base: string | undefined): ArticleSummary['cover'] | undefined {
  for (const m of media as Node[]) {
    const medium = attr(m, 'medium');
    const type = attr(m, 'type');
    const src = resolve(attr(m, 'url'), base);
    if (src && (medium === 'image' || type.startsWith('image/') || (!medium && !type)))
      return { src, alt: '', ...dims(attr(m, 'width'), attr(m, 'height')) };
  }
  return undefined;
}

function firstImg(html: string, base: string | undefined): ArticleSummary['cover'] | undefined {
  const tag = /<img\b[^>]*>/i.exec(html)?.[0];
  if (!tag) return undefined;
  const get = (name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined) ?? '';
  const src = resolve(get('src'), base);
  return src ? { src, alt: htmlToLine(get('alt')), ...dims(get('width'), get('height')) } : undefined;
}
