// What the no-build output is made of, read from the sources: one element module per define file,
// and the tags each one registers. Used by the CDN build (to write the autoloader's map) and by
// the size budget, so a new src/define/<name>.ts is picked up by both with no other edit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The elements every page of a news site uses; any other define file is a civic element. */
export const CORE_ELEMENTS = ['article-card', 'comment-count', 'comment-thread', 'most-viewed', 'time', 'view-counter'];

/** The seed page's set: the elements of the seed article page (issue 9's "seed page" budget). */
export const SEED_PAGE_TAGS = ['tin-view-counter', 'tin-comment-thread', 'tin-most-viewed', 'tin-article-card'];

/**
 * Every src/define/<name>.ts with the tags it registers (its `defineElement('tin-…', …)` calls),
 * sorted by name. Throws when a define file registers no tag: the autoloader could not reach it.
 */
export function defineFiles(packageDir = '.') {
  const dir = join(packageDir, 'src/define');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.ts$/, '');
      const source = readFileSync(join(dir, file), 'utf8');
      const tags = [...source.matchAll(/defineElement\(\s*['"](tin-[a-z0-9-]+)['"]/g)].map((match) => match[1]);
      if (tags.length === 0) {
        throw new Error(
          `src/define/${file} registers no tag: expected a defineElement('tin-…', …) call, ` +
            'which the autoloader map and the size budget are read from.',
        );
      }
      return { name, file: `src/define/${file}`, tags: [...new Set(tags)] };
    });
}

/**
 * The module the autoloader imports for each tag. A tag goes to the define file named after it
 * (tin-time -> time), else to the smallest define file that registers it (fewest tags), so a tag
 * that one element registers for its own use still loads on its own when a page uses it alone.
 */
export function tagModules(files) {
  const map = {};
  for (const { name, tags } of files) {
    for (const tag of tags) {
      const current = map[tag];
      const own = tag === `tin-${name}`;
      const currentOwn = current && tag === `tin-${current}`;
      const fewer = current && tags.length < files.find((f) => f.name === current).tags.length;
      if (!current || (own && !currentOwn) || (!currentOwn && fewer)) map[tag] = name;
    }
  }
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}
