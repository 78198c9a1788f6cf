// `bantin-server import comments --format wxr|artrans <file>`: comments from an old CMS.
//
// wxr      a WordPress export (Tools › Export, WXR 1.1 or 1.2): <item>s with <wp:comment>s.
// artrans  Artalk's interchange format (JSON), which Artalk also writes from Disqus, Valine,
//          Waline and Twikoo data.
//
// Threads, approval status and GMT dates are kept; the article is the canonical key of the
// post's link; HTML becomes plain text (paragraphs and links kept as text); pingbacks and
// trackbacks are skipped and counted. Each comment gets an import key (`wxr:<site>:<id>`,
// `artrans:<site>:<id>`), unique in the database, so a second import adds nothing. A bad
// comment refuses the whole file, naming its element or item; the parser returns parents
// before their replies so that the storage can resolve them in one pass.
import { AUTHOR_NAME_MAX_LENGTH, canonicalArticleKey, isEmail, type CommentStatus } from '@bantin/model';
import type { ImportedComment, Storage } from '../storage/types.js';
import { parseLooseDate, parseUtcDateTime } from './dates.js';
import { htmlToLine, htmlToText } from './html-text.js';
import { ImportError } from './views.js';
import { parseXml, type XmlNode } from './xml.js';

export type CommentExportFormat = 'wxr' | 'artrans';

export interface ParsedCommentExport {
  format: CommentExportFormat;
  /** "WXR 1.2", "artrans". */
  version: string;
  /** The site the comments come from (WXR base_site_url, artrans site_name), as in import keys. */
  site: string;
  /** Parents first. */
  comments: ImportedComment[];
  /** Pingbacks and trackbacks, skipped. */
  skipped: { pingback: number; trackback: number };
}

/** Where anonymous comments say they come from ("Anonymous" in WordPress). */
export const ANONYMOUS_AUTHOR = 'Ẩn danh';

export function parseCommentExport(text: string, format: CommentExportFormat): ParsedCommentExport {
  return format === 'wxr' ? parseWxr(text) : parseArtrans(text);
}

// ---- WXR ------------------------------------------------------------------------------------

const str = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : value && typeof value === 'object' && '#text' in value
        ? str((value as XmlNode)['#text'])
        : '';

const WXR_STATUS: Record<string, CommentStatus> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'rejected',
  trash: 'rejected',
  'post-trashed': 'rejected',
};

export function parseWxr(text: string): ParsedCommentExport {
  const doc = parseXml(text, new Set(['item', 'wp:comment']), (message) => new ImportError(message));
  const channel = doc.rss as XmlNode | undefined;
  const root = channel?.channel as XmlNode | undefined;
  const version = str(root?.['wp:wxr_version']);
  if (!root || !version) throw new ImportError('not a WordPress export: no <rss><channel> with <wp:wxr_version>');
  if (!/^1\.[0-2]$/.test(version)) throw new ImportError(`WXR ${version} is not supported (1.0, 1.1 and 1.2 are)`);
  const site = (str(root['wp:base_site_url']) || str(root.link)).trim().replace(/\/+$/, '');

  const comments: ImportedComment[] = [];
  const skipped = { pingback: 0, trackback: 0 };
  const items = (root.item as XmlNode[] | undefined) ?? [];
  items.forEach((item, itemIndex) => {
    const list = (item['wp:comment'] as XmlNode[] | undefined) ?? [];
    if (list.length === 0) return;
    const link = str(item.link).trim();
    const itemWhere = `<item> ${itemIndex + 1} (post ${str(item['wp:post_id']) || '?'})`;
    const articleKey = canonicalArticleKey(link);
    if (!link || !articleKey || articleKey.length > 200)
      throw new ImportError(`${itemWhere}: no usable <link>, got ${JSON.stringify(link)}`);
    const skippedIds = new Set<string>();
    const kept = new Map<string, ImportedComment>();
    const parents = new Map<string, string>();
    list.forEach((c, commentIndex) => {
      const id = str(c['wp:comment_id']).trim();
      const where = `${itemWhere}, <wp:comment> ${commentIndex + 1} (comment_id ${id || '?'})`;
      if (!/^\d+$/.test(id)) throw new ImportError(`${where}: <wp:comment_id> must be a number`);
      const type = str(c['wp:comment_type']).trim();
      if (type === 'pingback' || type === 'trackback') {
        skipped[type]++;
        skippedIds.add(id);
        return;
      }
      const approved = str(c['wp:comment_approved']).trim();
      const status = WXR_STATUS[approved];
      if (!status)
        throw new ImportError(`${where}: <wp:comment_approved> ${JSON.stringify(approved)} is not 1, 0, spam or trash`);
      const date = parseUtcDateTime(str(c['wp:comment_date_gmt'])) ?? parseLooseDate(str(c['wp:comment_date']));
      if (!date) throw new ImportError(`${where}: no valid <wp:comment_date_gmt> or <wp:comment_date>`);
      const content = htmlToText(str(c['wp:comment_content']));
      if (!content) throw new ImportError(`${where}: <wp:comment_content> is empty`);
      const parent = str(c['wp:comment_parent']).trim();
      if (parent !== '' && parent !== '0') parents.set(id, parent);
      kept.set(id, {
        where,
        importKey: `wxr:${site}:${id}`,
        parentImportKey: null,
        articleKey,
        authorName: authorName(str(c['wp:comment_author'])),
        email: email(str(c['wp:comment_author_email'])),
        content,
        createdAt: date.toISOString(),
        status,
        likes: 0,
      });
    });
    for (const [id, parent] of parents) {
      const comment = kept.get(id)!;
      if (kept.has(parent)) comment.parentImportKey = `wxr:${site}:${parent}`;
      // A reply to a pingback stays, as a comment of its own.
      else if (!skippedIds.has(parent))
        throw new ImportError(`${comment.where}: <wp:comment_parent> ${parent} is no comment of this post`);
    }
    comments.push(...parentsFirst([...kept.values()]));
  });
  return { format: 'wxr', version: `WXR ${version}`, site, comments, skipped };
}

// ---- artrans --------------------------------------------------------------------------------

export function parseArtrans(text: string): ParsedCommentExport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new ImportError('an artrans file is a JSON array of comments');
  const byPage = new Map<string, ImportedComment[]>();
  const all = new Map<string, { comment: ImportedComment; rid: string }>();
  let site = '';
  data.forEach((entry, index) => {
    const where = `item ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new ImportError(`${where}: expected an object`);
    const c = entry as Record<string, unknown>;
    const id = str(c.id).trim();
    if (!id) throw new ImportError(`${where}: no "id"`);
    const here = `${where} (id ${id})`;
    const pageKey = str(c.page_key).trim();
    const articleKey = canonicalArticleKey(pageKey);
    if (!articleKey || articleKey.length > 200)
      throw new ImportError(`${here}: "page_key" is not an article URL or id`);
    const siteName = str(c.site_name).trim();
    site ||= siteName;
    const date = parseLooseDate(str(c.date));
    if (!date) throw new ImportError(`${here}: "date" ${JSON.stringify(c.date)} is not a date`);
    const content = htmlToText(markdownLinks(str(c.content)));
    if (!content) throw new ImportError(`${here}: "content" is empty`);
    const key = `artrans:${siteName}:${id}`;
    if (all.has(key)) throw new ImportError(`${here}: the id ${id} appears twice`);
    const votes = Number(str(c.vote_up) || 0);
    const comment: ImportedComment = {
      where: here,
      importKey: key,
      parentImportKey: null,
      articleKey,
      authorName: authorName(str(c.nick)),
      email: email(str(c.email)),
      content,
      createdAt: date.toISOString(),
      status: str(c.is_pending) === 'true' ? 'pending' : 'approved',
      likes: Number.isSafeInteger(votes) && votes > 0 ? votes : 0,
    };
    all.set(key, { comment, rid: str(c.rid).trim() });
    byPage.set(articleKey, [...(byPage.get(articleKey) ?? []), comment]);
  });
  for (const { comment, rid } of all.values()) {
    if (rid === '' || rid === '0') continue;
    const parentKey = comment.importKey.replace(/:[^:]*$/, `:${rid}`);
    const parent = all.get(parentKey)?.comment;
    if (!parent || parent.articleKey !== comment.articleKey)
      throw new ImportError(`${comment.where}: "rid" ${rid} is no comment of the same page`);
    comment.parentImportKey = parentKey;
  }
  const comments = [...byPage.values()].flatMap((list) => parentsFirst(list));
  return { format: 'artrans', version: 'artrans', site, comments, skipped: { pingback: 0, trackback: 0 } };
}

/** Artalk stores Markdown: [text](url) becomes "text (url)" like an HTML link. */
function markdownLinks(text: string): string {
  return text.replace(/(?<!!)\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_w, label: string, url: string) =>
    label === url ? url : `${label} (${url})`,
  );
}

// ---- shared ---------------------------------------------------------------------------------

function authorName(raw: string): string {
  const name = htmlToLine(raw);
  if (!name) return ANONYMOUS_AUTHOR;
  // Names longer than the reader form allows are cut (by characters, not UTF-16 units).
  return [...name].slice(0, AUTHOR_NAME_MAX_LENGTH).join('').trim();
}

function email(raw: string): string | null {
  const value = raw.trim();
  return value && value.length <= 254 && isEmail(value) ? value : null;
}

/** Orders one article's comments so that every parent comes before its replies (by depth, then date). */
function parentsFirst(list: ImportedComment[]): ImportedComment[] {
  const byKey = new Map(list.map((c) => [c.importKey, c]));
  const depth = new Map<string, number>();
  const depthOf = (c: ImportedComment, seen = new Set<string>()): number => {
    const known = depth.get(c.importKey);
    if (known !== undefined) return known;
    if (seen.has(c.importKey)) throw new ImportError(`${c.where}: replies form a loop`);
    seen.add(c.importKey);
    const parent = c.parentImportKey ? byKey.get(c.parentImportKey) : undefined;
    const d = parent ? depthOf(parent, seen) + 1 : 0;
    depth.set(c.importKey, d);
    return d;
  };
  return [...list].sort((a, b) => depthOf(a) - depthOf(b) || a.createdAt.localeCompare(b.createdAt));
}

// ---- the import -----------------------------------------------------------------------------

export interface ImportCommentsReport {
  format: CommentExportFormat;
  version: string;
  site: string;
  read: number;
  articles: number;
  inserted: number;
  existing: number;
  byStatus: Record<CommentStatus, number>;
  /** Imported whole although longer than the reader form allows. */
  overLength: number;
  skipped: { pingback: number; trackback: number };
  dryRun: boolean;
}

/**
 * Writes one parsed file in one transaction (`dryRun`: the same transaction, rolled back, so
 * the report says exactly what a real run would add).
 */
export async function importComments(
  storage: Storage,
  parsed: ParsedCommentExport,
  options: { dryRun?: boolean; maxReaderLength?: number } = {},
): Promise<ImportCommentsReport> {
  const dryRun = options.dryRun ?? false;
  const { inserted, existing } = await storage.importComments(parsed.comments, { dryRun });
  const byStatus: Record<CommentStatus, number> = { approved: 0, pending: 0, rejected: 0 };
  for (const c of parsed.comments) byStatus[c.status]++;
  const max = options.maxReaderLength ?? Infinity;
  return {
    format: parsed.format,
    version: parsed.version,
    site: parsed.site,
    read: parsed.comments.length + parsed.skipped.pingback + parsed.skipped.trackback,
    articles: new Set(parsed.comments.map((c) => c.articleKey)).size,
    inserted,
    existing,
    byStatus,
    overLength: parsed.comments.filter((c) => [...c.content].length > max).length,
    skipped: parsed.skipped,
    dryRun,
  };
}

/** The report as the command prints it. */
export function formatCommentsReport(file: string, r: ImportCommentsReport): string {
  const kept = r.byStatus.approved + r.byStatus.pending + r.byStatus.rejected;
  const skipped = r.skipped.pingback + r.skipped.trackback;
  return [
    `${file} (${r.version}${r.site ? `, ${r.site}` : ''}): ${r.read} comments on ${r.articles} articles`,
    `  ${kept} kept: ${r.byStatus.approved} approved, ${r.byStatus.pending} pending, ${r.byStatus.rejected} rejected (spam or trash)`,
    `  ${r.dryRun ? 'would import' : 'imported'} ${r.inserted}; ${r.existing} already imported before`,
    `  skipped ${skipped}: ${r.skipped.pingback} pingback(s), ${r.skipped.trackback} trackback(s)`,
    `  ${r.overLength} longer than the reader form allows, imported whole`,
    r.dryRun ? '  --dry-run: nothing written' : '',
  ]
    .filter(Boolean)
    .join('\n');
}
