import * as z from 'zod/mini';
import { intSchema } from './primitives.js';

/**
 * Spam defence (docs/api.md, "Spam defence"). The comment form sends these optional fields with
 * a new comment; API clients that leave them out are still accepted (the rules that need them
 * do not apply), so only the content rules (links, blocklist) judge them.
 */
export const CommentSpamFields = {
  /**
   * The honeypot: a text field that people never see (hidden from sight and from assistive
   * technology) and bots fill in. Anything but empty marks the comment as suspect.
   */
  website: z.optional(z.string().check(z.maxLength(2048))),
  /** Milliseconds between the form first being used and its submission; too fast is suspect. */
  fillMs: z.optional(intSchema(0)),
  /** A solved ALTCHA challenge (base64 JSON), when the server asks for one. */
  altcha: z.optional(z.string().check(z.maxLength(20_000))),
};

/** The rules, as named in `flags` on queue entries and in the counts. */
export const SpamRuleSchema = z.enum(['honeypot', 'too-fast', 'links', 'blocklist', 'captcha']);
export type SpamRule = z.infer<typeof SpamRuleSchema>;
export const SPAM_RULES: readonly SpamRule[] = SpamRuleSchema.options;

/** GET {endpoint}/admin/spam-stats: comments each rule flagged, since the database was made. */
export const SpamStatsResponseSchema = z.object({
  counts: z.record(SpamRuleSchema, intSchema(0)),
});
export type SpamStatsResponse = z.infer<typeof SpamStatsResponseSchema>;

/** The most words a blocklist holds, and how long one may be. */
export const BLOCKLIST_MAX_WORDS = 2_000;
export const BLOCKLIST_WORD_MAX_LENGTH = 100;

/** GET and PUT {endpoint}/admin/spam-blocklist. Words and phrases, matched diacritic-free. */
export const SpamBlocklistSchema = z.object({
  words: z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(BLOCKLIST_WORD_MAX_LENGTH)))
    .check(z.maxLength(BLOCKLIST_MAX_WORDS)),
});
export type SpamBlocklist = z.infer<typeof SpamBlocklistSchema>;
