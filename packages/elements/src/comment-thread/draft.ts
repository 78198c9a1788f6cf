import { canonicalArticleKey } from '@bantin/model';

/** What a reader has typed and not yet posted, kept in localStorage per article (and, below, what they liked). */
export interface Draft {
  authorName: string;
  email: string;
  content: string;
  parentId: string | null;
  /** Whom the reply answers, so "Đang trả lời …" survives a reload. */
  parentName: string;
  /**
   * Idempotency key of the attempts to post exactly this draft; '' until the first attempt.
   * Any edit clears it: an edited comment is a new comment, not a retry of the old one.
   */
  key: string;
  /**
   * When the reader first typed in the form (ms since the epoch), 0 before: the minimum fill time
   * is measured from it (`fillMs`), across failed attempts and reloads, until the draft is posted.
   */
  startedAt: number;
}

export const emptyDraft: Draft = {
  authorName: '',
  email: '',
  content: '',
  parentId: null,
  parentName: '',
  key: '',
  startedAt: 0,
};

const storageKey = (articleId: string, what = 'comment-draft'): string => {
  const key = canonicalArticleKey(articleId);
  return key && `bantin:${what}:${key}`;
};

// Every localStorage call may throw (blocked storage, private mode, full quota): the draft then
// lives on in the form, which is all that can be done.

/** The saved draft of an article, or null. Fields of the wrong type are left empty. */
export function loadDraft(articleId: string): Draft | null {
  try {
    const key = storageKey(articleId);
    const saved: unknown = key && JSON.parse(localStorage.getItem(key) ?? 'null');
    if (!saved || typeof saved !== 'object') return null;
    const draft = { ...emptyDraft };
    for (const field of Object.keys(draft) as Array<keyof Draft>) {
      const value = (saved as Record<string, unknown>)[field];
      if (typeof value === (field === 'startedAt' ? 'number' : 'string'))
        (draft as Record<string, unknown>)[field] = value;
    }
    draft.parentId ||= null;
    return draft;
  } catch {
    return null;
  }
}

/** Saves a draft; an empty one (or null) removes the article's entry. */
export function saveDraft(articleId: string, draft: Draft | null): void {
  try {
    const key = storageKey(articleId);
    if (!key) return;
    if (draft && (draft.authorName || draft.email || draft.content)) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // See above: the form still holds the text.
  }
}

/** A fresh idempotency key: a UUID where the platform offers one (secure contexts), else random enough. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The ids liked on this device, newest last; the server counts a visitor once anyway. */
const LIKED = 'comment-likes';
/** Enough for any page; older ids go first, so the entry stays small. */
const MAX_LIKED = 500;

/** The comments of an article this reader has liked, so that the buttons stay pressed after a reload. */
export function loadLiked(articleId: string): Set<string> {
  try {
    const key = storageKey(articleId, LIKED);
    const saved: unknown = key && JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveLiked(articleId: string, liked: ReadonlySet<string>): void {
  try {
    const key = storageKey(articleId, LIKED);
    if (key) localStorage.setItem(key, JSON.stringify([...liked].slice(-MAX_LIKED)));
  } catch {
    // The buttons stay pressed for this page's lifetime.
  }
}
