import { checkWire, type WireSchema } from '@bantin/model';
import type { CivicProblem } from './civic-element.js';

/**
 * Like `checkCivic`, for an object with lists whose items have no schema of their own (an
 * election plan's milestones, tracks and dossier entries): items that fail are left out and
 * counted, so one bad milestone does not hide the plan; anything else wrong is the problem,
 * naming the first field at fault. Never throws.
 */
export function checkCivicWithLists<T>(
  schema: WireSchema<T>,
  value: unknown,
  lists: readonly string[],
): { value: T; skipped: number } | { problem: CivicProblem } {
  const first = checkWire(schema, value);
  if (first.ok) return { value: first.value, skipped: 0 };
  const bad = new Map<string, Set<number>>();
  for (const issue of first.issues) {
    const item = /^(\w+)\[(\d+)\]/.exec(issue.path);
    if (!item || !lists.includes(item[1]!))
      return { problem: { key: 'invalid', params: { issue: issue.path, code: issue.message } } };
    bad.set(item[1]!, (bad.get(item[1]!) ?? new Set()).add(Number(item[2])));
  }
  const trimmed: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  let skipped = 0;
  for (const [list, indexes] of bad) {
    trimmed[list] = (trimmed[list] as unknown[]).filter((_, index) => !indexes.has(index));
    skipped += indexes.size;
  }
  // A list's own constraint (a minimum length) may fail once items are gone.
  const second = checkCivicWithLists(schema, trimmed, []);
  return 'problem' in second ? second : { value: second.value, skipped };
}
