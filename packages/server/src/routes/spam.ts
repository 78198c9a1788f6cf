import type { FastifyInstance } from 'fastify';
import { SPAM_RULES, SpamBlocklistSchema, type SpamBlocklist, type SpamStatsResponse } from '@bantin/model';
import type { RouteContext } from './context.js';
import { check, requestLocale } from './http.js';

/** Spam defence's admin routes (inside the admin context: behind the token). */
export async function spamAdminRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { storage } = ctx;

  app.get('/admin/spam-stats', async () => {
    const stored = await storage.spam.counts();
    const counts = Object.fromEntries(SPAM_RULES.map((rule) => [rule, stored[rule] ?? 0]));
    return { counts } as SpamStatsResponse;
  });

  app.get('/admin/spam-blocklist', async () => ({ words: await storage.spam.blocklist() }) satisfies SpamBlocklist);

  // Replaces the whole list: what the moderators see is what is matched.
  app.put('/admin/spam-blocklist', async (request) => {
    const locale = requestLocale(request);
    const { words } = check(SpamBlocklistSchema, request.body, 'body', locale, 'invalid_body');
    const unique = [...new Set(words)];
    await storage.spam.setBlocklist(unique);
    return { words: unique } satisfies SpamBlocklist;
  });
}
