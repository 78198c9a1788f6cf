import { canonicalArticleKey } from '@bantin/model';
import type { Storage } from '../storage/types.js';

/** One row of a views import: where it was in the file, the article key and its count. */
export interface ViewBaselineRow {
  /** "line 3" (CSV) or "item 3" (JSON), for messages. */
  where: string;
  key: string;
  views: number;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/**
 * Reads a views export: CSV (`article,views` per line, an optional header, `;` or `,` or a tab
 * between the two columns, quotes allowed) or JSON (an array of `{ id | url | articleId, views
 * | count }`, or an object `{ "<id or url>": count }`). Articles are keyed by the canonical key
 * of their id or URL, so "https://site.vn/a/" and "/a" are one. Any bad row throws an
 * ImportError naming its line or item; nothing is returned half-read.
 */
export function parseViewsExport(text: string, format: 'csv' | 'json'): ViewBaselineRow[] {
  return format === 'json' ? parseJson(text) : parseCsv(text);
}

function row(where: string, article: unknown, count: unknown): ViewBaselineRow {
  if (typeof article !== 'string' || article.trim() === '') throw new ImportError(`${where}: no article id or URL`);
  const key = canonicalArticleKey(article.trim());
  if (!key || key.length > 200) throw new ImportError(`${where}: "${article}" is not an article id or URL`);
  const views = typeof count === 'string' && /^\s*\d+\s*$/.test(count) ? Number(count) : count;
  if (typeof views !== 'number' || !Number.isSafeInteger(views) || views < 0) {
    throw new ImportError(`${where}: the count must be a whole number ≥ 0, got ${JSON.stringify(count)}`);
  }
  return { where, key, views };
}

function parseJson(text: string): ViewBaselineRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(data)) {
    return data.map((item, index) => {
      const where = `item ${index + 1}`;
      if (typeof item !== 'object' || item === null) throw new ImportError(`${where}: expected an object`);
      const record = item as Record<string, unknown>;
      return row(where, record.articleId ?? record.id ?? record.url, record.views ?? record.count);
    });
  }
  if (typeof data === 'object' && data !== null) {
    return Object.entries(data).map(([article, count], index) => row(`item ${index + 1}`, article, count));
  }
  throw new ImportError('expected a JSON array of rows or an object of counts');
}

function parseCsv(text: string): ViewBaselineRow[] {
  const rows: ViewBaselineRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    const cells = splitCsvLine(line, where);
    if (cells.length < 2) throw new ImportError(`${where}: expected two columns, article and count`);
    // A header names its columns instead of giving a count.
    if (rows.length === 0 && !/^\s*\d+\s*$/.test(cells[1]!) && /[a-zA-Z]/.test(cells[1]!)) return;
    rows.push(row(where, cells[0], cells[1]));
  });
  return rows;
}

function splitCsvLine(line: string, where: string): string[] {
  const separator = line.includes('\t') ? '\t' : line.includes(';') && !line.includes(',') ? ';' : ',';
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new ImportError(`${where}: a quote is not closed`);
  cells.push(cell);
  return cells;
}

export interface ImportViewsReport {
  rows: number;
  articles: number;
  changed: number;
  dryRun: boolean;
}

/** Sets the baselines of one file in one transaction (`--dry-run`: reads and checks only). */
export async function importViews(
  storage: Storage,
  rows: readonly ViewBaselineRow[],
  options: { dryRun?: boolean } = {},
): Promise<ImportViewsReport> {
  const articles = new Set(rows.map((r) => r.key)).size;
  if (options.dryRun) return { rows: rows.length, articles, changed: 0, dryRun: true };
  const { changed } = await storage.setViewBaselines(rows.map(({ key, views }) => ({ key, views })));
  return { rows: rows.length, articles, changed, dryRun: false };
}
