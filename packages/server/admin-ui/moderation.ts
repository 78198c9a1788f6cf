import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import {
  foldVietnamese,
  type CommentStatus,
  type Locale,
  type QueuedComment,
  type SpamStatsResponse,
} from '@bantin/model';
import { AdminApi, AdminApiError } from './api.js';
import { say, sayDone, sayRule, SPAM_RULE_ORDER, type Action } from './strings.js';

const TOKEN_KEY = 'bantin-admin-token';
/** The queue is read whole (newest first) up to this many comments; "Tải thêm" reads on. */
const READ_AHEAD = 1000;
const STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'rejected'];
/** What each action turns a comment into (delete removes it). */
const RESULT: Record<Action, CommentStatus | null> = { approve: 'approved', reject: 'rejected', delete: null };

/**
 * @tagname tin-moderation
 * @summary The moderation page of bantin-server (`/admin`): sign in with the admin token, then
 * approve, reject or delete comments, one at a time or in bulk, with j/k/x/a/r shortcuts.
 * Not part of the reader bundles: bantin-server serves it on its own.
 */
export class TinModeration extends LitElement {
  static override properties = {
    endpoint: {},
    lang: { reflect: true },
    token: { state: true },
    status: { state: true },
    comments: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
    signInError: { state: true },
    query: { state: true },
    selected: { state: true },
    focusIndex: { state: true },
    announcement: { state: true },
    pendingCount: { state: true },
    spamCounts: { state: true },
  };

  /** Base URL of the JSON API, e.g. "/api". */
  endpoint = '/api';
  private token = '';
  private status: CommentStatus = 'pending';
  private comments: QueuedComment[] = [];
  private nextCursor: string | null = null;
  private loading = false;
  private error = '';
  private signInError = '';
  private query = '';
  private selected = new Set<string>();
  private focusIndex = 0;
  private announcement = '';
  private pendingCount: number | null = null;
  private spamCounts: SpamStatsResponse['counts'] | null = null;
  private generation = 0;

  private get locale(): Locale {
    return this.closest('[lang]')?.getAttribute('lang')?.toLowerCase().startsWith('en') ? 'en' : 'vi';
  }

  private t(key: Parameters<typeof say>[1], params?: Record<string, string | number>): string {
    return say(this.locale, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.token = sessionStorage.getItem(TOKEN_KEY) ?? '';
    if (this.token) void this.load();
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('pendingCount') || changed.has('lang')) {
      const title = this.t('title');
      document.title = this.pendingCount ? `(${this.pendingCount}) ${title}` : title;
    }
  }

  private api(): AdminApi {
    return new AdminApi(this.endpoint, this.token, this.locale);
  }

  /** Reads the queue of the current status, newest first, and the pending count for the title. */
  private async load(append = false): Promise<void> {
    const generation = ++this.generation;
    const status = this.status;
    this.loading = true;
    this.error = '';
    try {
      const api = this.api();
      const comments = append ? [...this.comments] : [];
      let cursor = append ? this.nextCursor : null;
      const stop = comments.length + READ_AHEAD;
      do {
        const page = await api.queue(status, cursor);
        comments.push(...page.comments);
        cursor = page.nextCursor;
      } while (cursor && comments.length < stop);
      if (generation !== this.generation) return;
      // The API reads the queue oldest first; moderators want the newest on top.
      comments.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || Number(b.id) - Number(a.id));
      this.comments = comments;
      this.nextCursor = cursor;
      if (status === 'pending') this.pendingCount = cursor ? comments.length : comments.length;
      else void this.refreshPendingCount();
      void this.refreshSpamStats();
      if (!append) {
        this.selected = new Set();
        this.focusIndex = 0;
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error, 'loadError');
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** What each spam rule held back, shown under the toolbar; the line is left out if it fails. */
  private async refreshSpamStats(): Promise<void> {
    try {
      this.spamCounts = (await this.api().spamStats()).counts;
    } catch {
      this.spamCounts = null;
    }
  }

  private async refreshPendingCount(): Promise<void> {
    try {
      let count = 0;
      let cursor: string | null = null;
      do {
        const page = await this.api().queue('pending', cursor);
        count += page.comments.length;
        cursor = page.nextCursor;
      } while (cursor && count < READ_AHEAD);
      this.pendingCount = count;
    } catch {
      // The title simply keeps its last count.
    }
  }

  private fail(error: unknown, key: 'loadError' | 'actionError'): void {
    if (error instanceof AdminApiError && error.status === 401) {
      this.signOut();
      this.signInError = this.t('wrongToken');
      return;
    }
    this.error = this.t(key, { reason: (error as Error).message });
  }

  private signIn(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (!token) return;
    this.token = token;
    this.signInError = '';
    sessionStorage.setItem(TOKEN_KEY, token);
    void this.load();
  }

  private signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    this.generation++;
    this.token = '';
    this.comments = [];
    this.pendingCount = null;
    this.loading = false;
  }

  private visible(): QueuedComment[] {
    const q = foldVietnamese(this.query.trim());
    if (!q) return this.comments;
    return this.comments.filter(
      (comment) => foldVietnamese(comment.authorName).includes(q) || foldVietnamese(comment.content).includes(q),
    );
  }

  private async act(action: Action, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (action === 'delete' && !confirm(this.t('confirmDelete', { n: ids.length }))) return;
    this.error = '';
    try {
      const results = await this.api().bulk(action, ids);
      const done = new Set(results.filter((result) => result.ok).map((result) => result.id));
      const next = RESULT[action];
      // A comment that left this status (or was deleted) leaves the list.
      this.comments = this.comments.filter((comment) => !done.has(comment.id) || next === this.status);
      const selected = new Set(this.selected);
      for (const id of done) selected.delete(id);
      this.selected = selected;
      this.focusIndex = Math.min(this.focusIndex, Math.max(0, this.visible().length - 1));
      this.announcement = sayDone(this.locale, action, done.size);
      if (this.status === 'pending' && this.pendingCount !== null)
        this.pendingCount = Math.max(0, this.pendingCount - done.size);
    } catch (error) {
      this.fail(error, 'actionError');
    }
  }

  private toggle(id: string, on: boolean): void {
    const selected = new Set(this.selected);
    if (on) selected.add(id);
    else selected.delete(id);
    this.selected = selected;
  }

  private onKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const list = this.visible();
    const current = list[this.focusIndex];
    switch (event.key) {
      case 'j':
        this.moveFocus(Math.min(list.length - 1, this.focusIndex + 1));
        break;
      case 'k':
        this.moveFocus(Math.max(0, this.focusIndex - 1));
        break;
      case 'x':
        if (current) this.toggle(current.id, !this.selected.has(current.id));
        break;
      case 'a':
        if (current && this.status !== 'approved') void this.act('approve', [current.id]);
        break;
      case 'r':
        if (current && this.status !== 'rejected') void this.act('reject', [current.id]);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private async moveFocus(index: number): Promise<void> {
    this.focusIndex = index;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-index="${index}"]`)?.focus();
  }

  private setStatus(status: CommentStatus): void {
    this.status = status;
    void this.load();
  }

  override render() {
    return html`
      <header>
        <h1>${this.t('title')}</h1>
        <a
          class="lang"
          href=${this.locale === 'en' ? '?lang=vi' : '?lang=en'}
          lang=${this.locale === 'en' ? 'vi' : 'en'}
          >${this.t('otherLanguage')}</a
        >
        ${this.token ? html`<button class="quiet" @click=${this.signOut}>${this.t('signOut')}</button>` : nothing}
      </header>
      ${this.token ? this.renderQueue() : this.renderSignIn()}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
    `;
  }

  private renderSignIn() {
    return html`
      <form class="sign-in" @submit=${this.signIn}>
        <h2>${this.t('signInHeading')}</h2>
        <label for="token">${this.t('tokenLabel')}</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="current-password"
          required
          aria-describedby="token-hint ${this.signInError ? 'token-error' : ''}"
          aria-invalid=${this.signInError ? 'true' : 'false'}
        />
        <p id="token-hint" class="hint">${this.t('tokenHint')}</p>
        ${this.signInError ? html`<p id="token-error" class="error" role="alert">${this.signInError}</p>` : nothing}
        <button type="submit" class="primary">${this.t('signIn')}</button>
      </form>
    `;
  }

  private renderQueue() {
    const list = this.visible();
    const selectedIds = list.filter((comment) => this.selected.has(comment.id)).map((comment) => comment.id);
    const allSelected = list.length > 0 && selectedIds.length === list.length;
    return html`
      <div class="toolbar" role="toolbar" aria-label=${this.t('title')}>
        <label
          >${this.t('statusLabel')}
          <select
            @change=${(event: Event) => this.setStatus((event.target as HTMLSelectElement).value as CommentStatus)}
          >
            ${STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.status}>${this.t(status)}</option>`)}
          </select>
        </label>
        <label class="search"
          >${this.t('searchLabel')}
          <input
            type="search"
            .value=${this.query}
            @input=${(event: Event) => {
              this.query = (event.target as HTMLInputElement).value;
              this.focusIndex = 0;
            }}
          />
        </label>
        <label class="check"
          ><input
            type="checkbox"
            .checked=${allSelected}
            ?disabled=${list.length === 0}
            @change=${(event: Event) =>
              (this.selected = (event.target as HTMLInputElement).checked ? new Set(list.map((c) => c.id)) : new Set())}
          />
          ${this.t('selectAll')}</label
        >
        <span class="count"
          >${this.t('shown', { n: list.length })} · ${this.t('selected', { n: selectedIds.length })}</span
        >
        ${this.renderActions(selectedIds, 'bulk')}
      </div>
      <p class="hint">${this.t('shortcuts')}</p>
      ${
        this.spamCounts
          ? html`<p class="hint spam-stats">
              ${this.t('spamStats', {
                list: SPAM_RULE_ORDER.map(
                  (rule) => `${sayRule(this.locale, rule)} ${this.spamCounts![rule] ?? 0}`,
                ).join(' · '),
              })}
            </p>`
          : nothing
      }
      ${
        this.error
          ? html`<div class="error" role="alert">
              <span>${this.error}</span>
              <button @click=${() => this.load()}>${this.t('retry')}</button>
            </div>`
          : nothing
      }
      ${
        this.loading && this.comments.length === 0
          ? html`<p class="state" aria-busy="true">${this.t('loading')}</p>`
          : list.length === 0
            ? html`<p class="state">${this.query ? this.t('noMatch', { q: this.query }) : this.t('empty')}</p>`
            : html`<ol class="queue" @keydown=${this.onKeydown}>
                ${list.map((comment, index) => this.renderComment(comment, index))}
              </ol>`
      }
      ${this.nextCursor ? html`<button class="more" @click=${() => this.load(true)}>${this.t('more')}</button>` : nothing}
    `;
  }

  private renderActions(ids: readonly string[], where: 'bulk' | 'one') {
    const disabled = ids.length === 0;
    const actions = (['approve', 'reject', 'delete'] as const).filter((action) => RESULT[action] !== this.status);
    return html`<span class="actions ${where}">
      ${actions.map(
        (action) =>
          html`<button class=${action} ?disabled=${disabled} @click=${() => this.act(action, ids)}>
            ${this.t(action)}
          </button>`,
      )}
    </span>`;
  }

  private renderComment(comment: QueuedComment, index: number) {
    const focused = index === this.focusIndex;
    return html`
      <li
        data-index=${index}
        data-id=${comment.id}
        tabindex=${focused ? 0 : -1}
        class=${focused ? 'focused' : ''}
        aria-label=${comment.authorName}
        @focus=${() => (this.focusIndex = index)}
      >
        <input
          type="checkbox"
          aria-label=${this.t('select', { name: comment.authorName })}
          .checked=${this.selected.has(comment.id)}
          @change=${(event: Event) => this.toggle(comment.id, (event.target as HTMLInputElement).checked)}
        />
        <div class="body">
          <p class="meta">
            <bdi class="author">${comment.authorName}</bdi>
            ${comment.email ? html`<bdi class="email">${comment.email}</bdi>` : nothing}
            <tin-time datetime=${comment.createdAt} format="dateTime" lang=${this.locale}></tin-time>
            ${comment.parentId ? html`<span class="reply">${this.t('replyTo', { id: comment.parentId })}</span>` : nothing}
            ${
              comment.flags?.length
                ? html`<span class="flags"
                    >${this.t('flagged', { list: comment.flags.map((rule) => sayRule(this.locale, rule)).join(', ') })}</span
                  >`
                : nothing
            }
          </p>
          <p class="article">
            ${this.t('onArticle')}:
            ${
              comment.article
                ? html`<a href=${comment.article.url} target="_blank" rel="noopener"
                    ><bdi>${comment.article.title}</bdi></a
                  >`
                : html`<span>${this.t('unknownArticle')}</span> <bdi class="key">${comment.articleId}</bdi>`
            }
          </p>
          <p class="content">${comment.content}</p>
          ${this.renderActions([comment.id], 'one')}
        </div>
      </li>
    `;
  }

  static override styles = css`
    :host {
      display: block;
      max-width: 60rem;
      margin: 0 auto;
      padding: 1rem;
      font-family: var(--tin-font-family, 'Be Vietnam Pro', 'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif);
      line-height: 1.6;
      color: var(--tin-color-text, #1c1f24);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: baseline;
    }
    h1 {
      flex: 1;
      font-size: 1.5rem;
      line-height: 1.35;
      margin: 0;
    }
    button {
      font: inherit;
      min-height: 2.5rem;
      padding: 0.25rem 0.9rem;
      border: 1px solid var(--tin-color-border, #8a909b);
      border-radius: var(--tin-radius, 6px);
      background: var(--tin-color-surface, #fff);
      color: inherit;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.55;
      cursor: default;
    }
    button.primary,
    button.approve {
      background: var(--tin-color-accent, #b3121b);
      border-color: transparent;
      color: var(--tin-color-accent-contrast, #fff);
    }
    button.delete {
      color: var(--tin-color-danger, #b42318);
    }
    :focus-visible {
      outline: 3px solid var(--tin-color-focus, #1a5fd0);
      outline-offset: 2px;
    }
    input,
    select {
      font: inherit;
      min-height: 2.5rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--tin-color-border, #8a909b);
      border-radius: var(--tin-radius, 6px);
      max-width: 100%;
    }
    input[type='checkbox'] {
      width: 1.25rem;
      min-height: 1.25rem;
    }
    .sign-in {
      display: grid;
      gap: 0.5rem;
      max-width: 24rem;
      margin-top: 2rem;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      margin: 1rem 0 0.25rem;
    }
    .toolbar label {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .hint,
    .count,
    .meta,
    .article {
      color: var(--tin-color-text-muted, #5b6270);
      font-size: 0.9rem;
    }
    .flags {
      color: var(--tin-color-danger, #b42318);
      font-weight: 600;
    }
    .error {
      color: var(--tin-color-danger, #b42318);
      display: flex;
      gap: 1rem;
      align-items: center;
    }
    .queue {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .queue li {
      display: flex;
      gap: 0.75rem;
      padding: 0.75rem;
      border-top: 1px solid var(--tin-color-border, #dfe2e7);
    }
    .queue li.focused {
      background: var(--tin-color-skeleton, #f1f3f6);
    }
    .body {
      min-width: 0;
      flex: 1;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0;
    }
    .author {
      font-weight: 600;
      color: var(--tin-color-text, #1c1f24);
    }
    .author,
    .email,
    .key,
    .content {
      overflow-wrap: anywhere;
    }
    .article {
      margin: 0.25rem 0;
    }
    .content {
      white-space: pre-wrap;
      unicode-bidi: isolate;
      margin: 0.5rem 0;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-moderation': TinModeration;
  }
}
