// `bantin-server import …` and `bantin-server ingest …`: one-off tasks on the database, apart
// from serving. Each reads its files whole, checks every row, then writes one transaction per
// file, so a bad row leaves the database as it was.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { importViews, parseViewsExport, ImportError } from './import/views.js';
import { openStorage, redact } from './storage/open.js';

export const TASKS_USAGE = `Usage: bantin-server import views <file.csv|file.json>… [--db <url>] [--dry-run]

Tasks:
  import views <file>   set each article's view count brought from the previous system (a
                        baseline: 414 imported shows 415 after the next view; importing the
                        same file again changes nothing). CSV: "article,views" per line, the
                        article an id or URL (a header line is skipped). JSON: [{ "url", "views" }]
                        or { "<id or url>": views }.

Options:
  --db <url>            the server's database (default: sqlite:./bantin.db)
  --dry-run             read and check every row, print what would happen, write nothing
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
  const [task, kind, ...files] = positionals;
  if (task !== 'import' || kind !== 'views') throw new UsageError(`unknown task: ${positionals.join(' ')}`);
  if (files.length === 0) throw new UsageError('import views needs at least one file');

  const storage = await openStorage(values.db);
  let failed = 0;
  try {
    await storage.migrate();
    for (const file of files) {
      try {
        const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
        const rows = parseViewsExport(await readFile(file, 'utf8'), format);
        const report = await importViews(storage, rows, { dryRun: values['dry-run'] });
        out(
          report.dryRun
            ? `${file}: ${report.rows} rows for ${report.articles} articles read; --dry-run: nothing written`
            : `${file}: ${report.rows} rows for ${report.articles} articles; ${report.changed} view counts set (${report.articles - report.changed} already as given) in ${redact(values.db)}`,
        );
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
