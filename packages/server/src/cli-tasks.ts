// `bantin-server import …` and `bantin-server ingest …`: one-off tasks on the database, apart
// from serving. Each reads its files whole, checks every row, then writes one transaction per
// file, so a bad row leaves the database as it was.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMENT_MAX_LENGTH } from '@bantin/model';
import {
  formatCommentsReport,
  importComments,
  parseCommentExport,
  type CommentExportFormat,
} from './import/comments.js';
import { importViews, parseViewsExport, ImportError } from './import/views.js';
import { openStorage, redact } from './storage/open.js';
import type { Storage } from './storage/types.js';
import { FeedError } from './ingest/feeds.js';
import { formatIngestReport, ingestSource } from './ingest/ingest.js';

export const TASKS_USAGE = `Usage: bantin-server import views <file.csv|file.json>… [--db <url>] [--dry-run]
       bantin-server import comments --format wxr|artrans <file>… [--db <url>] [--dry-run]
       bantin-server ingest <file-or-url>… [--db <url>] [--dry-run]

Tasks:
  import views <file>   set each article's view count brought from the previous system (a
                        baseline: 414 imported shows 415 after the next view; importing the
                        same file again changes nothing). CSV: "article,views" per line, the
                        article an id or URL (a header line is skipped). JSON: [{ "url", "views" }]
                        or { "<id or url>": views }.
  import comments <file>
                        bring comments from an old system: --format wxr (a WordPress export,
                        WXR 1.1/1.2) or artrans (Artalk's format, also its Disqus, Valine,
                        Waline and Twikoo exports). Threads, approval (spam and trash come as
                        rejected) and dates are kept; HTML becomes plain text with links as
                        "text (url)"; pingbacks and trackbacks are skipped and counted; long
                        comments come whole. Importing the same file again adds nothing.
  ingest <file-or-url>  register the articles of RSS 2.0 and Atom feeds, sitemaps and Google
                        News sitemaps (a sitemap index: each of its sitemaps): title, link,
                        sapo (description without HTML), cover (enclosure, media:content or
                        the first <img>), date (RFC 822, ISO 8601, or "30/11/2026 08:00" in
                        Vietnam time) and category, keyed by the canonical key of the link.
                        A bad item is reported and skipped; the others are registered.

Options:
  --db <url>            the server's database (default: sqlite:./bantin.db)
  --format wxr|artrans  the format of comment files (default: artrans for .json and .artrans, else wxr)
  --dry-run             read and check every row, print what would happen, write nothing

A bad row or comment refuses its whole file (one transaction per file), naming its line or
element; the other files are still imported, and the exit code is 1.
`;

export class UsageError extends Error {}

/** Runs a task; returns the process exit code (0, or 1 when a file was refused). */
export async function runTask(argv: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          db: { type: 'string', default: 'sqlite:./bantin.db' },
          'dry-run': { type: 'boolean', default: false },
          format: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  if (values.help) {
    out(TASKS_USAGE);
    return 0;
  }
  if (positionals[0] === 'ingest') return ingestTask(positionals.slice(1), values.db, values['dry-run'], out);
  const [task, kind, ...files] = positionals;
  if (task !== 'import' || (kind !== 'views' && kind !== 'comments'))
    throw new UsageError(`unknown task: ${positionals.join(' ')}`);
  if (files.length === 0) throw new UsageError(`import ${kind} needs at least one file`);
  if (values.format !== undefined && values.format !== 'wxr' && values.format !== 'artrans')
    throw new UsageError(`--format must be wxr or artrans, not ${JSON.stringify(values.format)}`);
  const dryRun = values['dry-run'];
  if (kind === 'comments') {
    return eachFile(values.db, files, out, async (storage, file, text) => {
      const format = (values.format ??
        (['.json', '.artrans'].includes(extname(file).toLowerCase()) ? 'artrans' : 'wxr')) as CommentExportFormat;
      const report = await importComments(storage, parseCommentExport(text, format), {
        dryRun,
        maxReaderLength: COMMENT_MAX_LENGTH,
      });
      return formatCommentsReport(file, report) + (dryRun ? '' : `\n  into ${redact(values.db)}`);
    });
  }
  return eachFile(values.db, files, out, async (storage, file, text) => {
    const rows = parseViewsExport(text, extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
    const report = await importViews(storage, rows, { dryRun });
    return report.dryRun
      ? `${file}: ${report.rows} rows for ${report.articles} articles read; --dry-run: nothing written`
      : `${file}: ${report.rows} rows for ${report.articles} articles; ${report.changed} view counts set (${report.articles - report.changed} already as given) in ${redact(values.db)}`;
  });
}

/**
 * Opens the database once and handles each file in turn; a file refused (ImportError, or
 * missing) is reported and the others still go. Exit code 1 when any was refused.
 */
async function eachFile(
  db: string,
  files: readonly string[],
  out: (line: string) => void,
  handle: (storage: Storage, file: string, text: string) => Promise<string>,
): Promise<number> {
  const storage = await openStorage(db);
  let failed = 0;
  try {
    await storage.migrate();
    for (const file of files) {
      try {
        out(await handle(storage, file, await readFile(file, 'utf8')));
      } catch (error) {
        if (!(error instanceof ImportError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        failed++;
        out(`${file}: refused, nothing imported: ${(error as Error).message}`);
      }
    }
  } finally {
    await storage.close();
  }
  return failed === 0 ? 0 : 1;
}

/** `bantin-server ingest`: exit code 1 when a source could not be read or had a bad item. */
async function ingestTask(
  sources: string[],
  db: string,
  dryRun: boolean,
  out: (line: string) => void,
): Promise<number> {
  if (sources.length === 0) throw new UsageError('ingest needs at least one file or URL');
  const storage = await openStorage(db);
  let failed = 0;
  try {
    await storage.migrate();
    for (const source of sources) {
      try {
        for (const report of await ingestSource(storage, source, { dryRun })) {
          out(formatIngestReport(report));
          if (report.skipped.length > 0) failed++;
        }
      } catch (error) {
        if (!(error instanceof FeedError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        failed++;
        out(`${source}: not ingested: ${(error as Error).message}`);
      }
    }
  } finally {
    await storage.close();
  }
  return failed === 0 ? 0 : 1;
}
