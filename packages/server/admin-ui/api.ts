import type {
  CommentStatus,
  Locale,
  ModerationBulkResponse,
  ModerationQueueResponse,
  SpamStatsResponse,
} from '@bantin/model';
import type { Action } from './strings.js';

/** A failed call: the server's own message when it sent one (already in the page's language). */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The moderation API, as the page uses it: the admin token on every call, errors in the page's language. */
export class AdminApi {
  constructor(
    private readonly endpoint: string,
    private readonly token: string,
    private readonly locale: Locale,
  ) {}

  queue(status: CommentStatus, cursor: string | null, limit = 100): Promise<ModerationQueueResponse> {
    const query = new URLSearchParams({ status, limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return this.call<ModerationQueueResponse>('GET', `/admin/comments?${query}`);
  }

  spamStats(): Promise<SpamStatsResponse> {
    return this.call<SpamStatsResponse>('GET', '/admin/spam-stats');
  }

  async bulk(action: Action, ids: readonly string[]): Promise<ModerationBulkResponse['results']> {
    return (await this.call<ModerationBulkResponse>('POST', '/admin/comments/bulk', { action, ids })).results;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.endpoint.replace(/\/+$/, '') + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          'accept-language': this.locale,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      throw new AdminApiError(0, (error as Error).message || 'network error');
    }
    const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok) throw new AdminApiError(response.status, json?.error?.message ?? `HTTP ${response.status}`);
    return json as T;
  }
}
