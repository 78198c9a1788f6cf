// Spam defence, on by default and invisible to honest readers. A comment that trips a rule is
// not dropped: it is held for moderation (pending, even with --auto-approve), flagged with the
// rules it tripped, and each rule's count goes up. The reader sees the same answer as for any
// held comment, so a bot learns nothing.
import { foldVietnamese, type SpamRule } from '@bantin/model';

export interface SpamOptions {
  /** Below this many milliseconds between first use of the form and sending, a comment is suspect. Default 3000. */
  minFillMs: number;
  /** More links than this in one comment is suspect. Default 2. */
  maxLinks: number;
  /**
   * Checks an ALTCHA payload (spam/altcha.ts); when set, a comment without a valid one is
   * flagged 'captcha'. Default: no captcha.
   */
  verifyCaptcha: ((payload: string) => Promise<boolean>) | null;
}

export const DEFAULT_SPAM_OPTIONS: SpamOptions = { minFillMs: 3_000, maxLinks: 2, verifyCaptcha: null };

/** What the rules look at: the comment and the form's optional fields. */
export interface SpamInput {
  authorName: string;
  content: string;
  website?: string | undefined;
  fillMs?: number | undefined;
  altcha?: string | undefined;
}

// http(s) addresses and www. hosts: what makes a link clickable where comments are shown.
const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]/gi;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/**
 * A blocklist as a matcher: each entry (a word or a phrase) matches whole words of the folded
 * text, so "ca do" (cá độ) matches "Cá độ bóng đá" and "CA ĐỘ" but not "cao độ".
 */
export function blocklistMatcher(words: readonly string[]): (text: string) => boolean {
  const folded = [...new Set(words.map((w) => foldVietnamese(w).trim().replace(/\s+/g, ' ')).filter(Boolean))];
  if (folded.length === 0) return () => false;
  const escaped = folded.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${escaped.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u');
  return (text) => pattern.test(foldVietnamese(text));
}

/** The rules a comment trips, in a fixed order; empty for an honest comment. */
export async function spamFlags(
  input: SpamInput,
  blocklist: (text: string) => boolean,
  options: SpamOptions,
): Promise<SpamRule[]> {
  const flags: SpamRule[] = [];
  if (input.website !== undefined && input.website.trim() !== '') flags.push('honeypot');
  // API clients that do not send fillMs are not judged by it (documented).
  if (input.fillMs !== undefined && input.fillMs < options.minFillMs) flags.push('too-fast');
  if (countLinks(`${input.authorName}\n${input.content}`) > options.maxLinks) flags.push('links');
  if (blocklist(`${input.authorName}\n${input.content}`)) flags.push('blocklist');
  if (options.verifyCaptcha && !(input.altcha && (await options.verifyCaptcha(input.altcha)))) flags.push('captcha');
  return flags;
}
