/**
 * "Has this browser session already counted this article?" in sessionStorage, which lives as
 * long as the tab. Where storage is blocked (some private modes throw), a page-lifetime
 * memory set still prevents double counting within the page.
 */
const memory = new Set<string>();
const PREFIX = 'bantin:viewed:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function wasViewedThisSession(articleKey: string): boolean {
  if (memory.has(articleKey)) return true;
  try {
    return storage()?.getItem(PREFIX + articleKey) === '1';
  } catch {
    return false;
  }
}

export function markViewedThisSession(articleKey: string): void {
  memory.add(articleKey);
  try {
    storage()?.setItem(PREFIX + articleKey, '1');
  } catch {
    // Quota or privacy mode: the memory set above still holds for this page.
  }
}

/** For tests and for sites that want to count again (e.g. after a logout). */
export function forgetSessionViews(): void {
  memory.clear();
  const store = storage();
  if (!store) return;
  try {
    for (const key of Object.keys(store)) if (key.startsWith(PREFIX)) store.removeItem(key);
  } catch {
    // nothing to clean
  }
}
