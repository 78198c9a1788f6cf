import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import {
  AUTHOR_NAME_MAX_LENGTH,
  COMMENT_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  formatDate,
  formatNumber,
  formatRelativeTime,
  isEmail,
  type Comment,
  type CommentListResponse,
  type CommentSort,
  type Locale,
  type NewComment,
} from '@bantin/model';
import { BantinDataError, errorMessageKey } from '../data/errors.js';
import { sharedHttpDataSource } from '../data/http-source.js';
import type { CommentSource } from '../data/types.js';
import { subscribeToClock } from '../internal/clock.js';
import { emit } from '../internal/events.js';
import { translate, type MessageKey } from '../internal/i18n.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { TinElement } from '../internal/tin-element.js';
import { commentThreadStyles } from './comment-thread.styles.js';
import { emptyDraft, loadDraft, newIdempotencyKey, saveDraft, type Draft } from './draft.js';
import { buildThreads, flattenReplies, type FlatReply, type Thread } from './threads.js';

export interface CommentSubmitDetail {
  articleId: string;
  comment: NewComment;
}
export interface CommentPostedDetail {
  articleId: string;
  comment: Comment;
}
export interface CommentErrorDetail {
  articleId: string;
  error: BantinDataError | Error;
  /** What was being posted; it is still in the form and in localStorage. */
  draft: NewComment;
}

type Field = 'authorName' | 'email' | 'content';

/** Below this many characters left, the live region says so (once, not on every keystroke). */
const NEAR_LIMIT = 100;

/**
 * @tagname tin-comment-thread
 * @summary An article's comments: reply threads, sorting, paging, and a form that never loses
 * what the reader typed (draft in localStorage, retry with the same idempotency key).
 *
 * Data, in order of precedence: the `comments` property (sorted and paged locally, nothing is
 * fetched), the `dataSource` property, the `endpoint` attribute (the JSON contract). Posting
 * goes to `dataSource` or `endpoint`; with neither, cancel `tin-comment-submit` and post yourself.
 *
 * @fires tin-comment-submit - Cancelable; `detail: { articleId, comment }`. Cancel it to stop the post (the draft is kept).
 * @fires tin-comment-posted - The server accepted a comment (approved or pending); `detail: { articleId, comment }`.
 * @fires tin-comment-error - A post failed; `detail: { articleId, error, draft }`. The draft stays in the form and in storage.
 *
 * @csspart heading - The "Bình luận bài viết" heading.
 * @csspart form - The comment form.
 * @csspart counter - The "0/2.000 ký tự" character counter under the textarea.
 * @csspart submit - The submit button.
 * @csspart status - The live region announcing results (pending, posted, failed, draft restored).
 * @csspart toolbar - The count and sort control above the list.
 * @csspart list - The top-level `<ol>`; nested replies are `<ol part="replies">`.
 * @csspart replies - A list of replies.
 * @csspart comment - One comment's `<article>`.
 * @csspart author - A comment's author name.
 * @csspart content - A comment's text.
 * @csspart more - The "Xem thêm bình luận" button.
 * @csspart empty - The empty state.
 * @csspart error - The error state with its retry button.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --tin-comment-thread-indent - Indentation of each reply level. Default: 1rem.
 * @cssprop --tin-comment-thread-gap - Space between comments. Default: var(--tin-space-s, 0.5rem).
 */
export class TinCommentThread extends TinElement {
  static override styles = [tokenStyles, baseStyles, commentThreadStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    articleId: { attribute: 'article-id' },
    endpoint: {},
    sort: {},
    pageSize: { type: Number, attribute: 'page-size' },
    maxDepth: { type: Number, attribute: 'max-depth' },
    comments: { attribute: false },
    dataSource: { attribute: false },
    now: { attribute: false },
    // Internal state (`@state()`); `attribute: false` keeps it out of the manifest's attributes.
    draft: { state: true, attribute: false },
    message: { state: true, attribute: false },
    failed: { state: true, attribute: false },
    posting: { state: true, attribute: false },
    showErrors: { state: true, attribute: false },
    pages: { state: true, attribute: false },
    fetched: { state: true, attribute: false },
    cursor: { state: true, attribute: false },
    total: { state: true, attribute: false },
    loadingMore: { state: true, attribute: false },
    moreError: { state: true, attribute: false },
    posted: { state: true, attribute: false },
  };

  /** The article's id or URL; drafts are stored per canonical key (`canonicalArticleKey`). */
  articleId = '';

  /** Base URL of the JSON contract, used when neither `comments` nor `dataSource` is set. */
  endpoint = '';

  /** `newest` (default), `oldest` or `top` (most liked). Changing it reloads page 1. */
  sort: CommentSort = 'newest';

  /** Top-level threads per page (default 20): shown at once locally, `limit` of each request otherwise. */
  pageSize = 20;

  /**
   * Reply levels indented under a comment (default 2, from 1 to 6). Deeper replies are shown at
   * the last level, each with "trả lời <name>".
   */
  maxDepth = 2;

  /** All comments, flat (replies name their `parentId`). Set it and nothing is fetched. Replace the array to update. */
  comments?: Comment[];

  /** Any object with `listComments` and `postComment` (see `CommentSource`). */
  dataSource?: CommentSource;

  /** Freezes "now" for relative times (stories, tests, server rendering). Unset: the real clock. */
  now?: Date | number;

  private draft: Draft = emptyDraft;
  /** The last result for the live region. */
  private message = '';
  private failed = false;
  private posting = false;
  private showErrors = false;
  /** Pages of local comments shown. */
  private pages = 1;
  private fetched: Comment[] = [];
  private cursor: string | null = null;
  private total = 0;
  private loadingMore = false;
  private moreError?: unknown;
  /** Approved comments posted from this page, newest first. */
  private posted: Comment[] = [];

  private threads: Thread[] = [];
  private loc: Locale = 'vi';
  private unsubscribe?: () => void;

  private list = new Task(this, {
    args: () => [this.comments ? undefined : this.source(), this.articleId, this.order, this.limit] as const,
    task: ([source, articleId, sort, limit], { signal }) =>
      source && articleId ? source.listComments(articleId, { sort, limit }, { signal }) : null,
    onComplete: (page: CommentListResponse | null) => {
      this.fetched = page?.comments ?? [];
      this.cursor = page?.nextCursor ?? null;
      this.total = page?.total ?? 0;
      this.moreError = undefined;
    },
  });

  private get order(): CommentSort {
    return this.sort === 'oldest' || this.sort === 'top' ? this.sort : 'newest';
  }

  private get limit(): number {
    return this.pageSize >= 1 ? Math.floor(this.pageSize) : 20;
  }

  private source(): CommentSource | undefined {
    return this.dataSource ?? (this.endpoint ? sharedHttpDataSource(this.endpoint) : undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = subscribeToClock(() => this.now === undefined && this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /** Forgets the stored draft of this article and empties the form (e.g. after posting it yourself). */
  clearDraft(): void {
    saveDraft(this.articleId, null);
    this.draft = { ...emptyDraft, authorName: this.draft.authorName, email: this.draft.email };
    this.showErrors = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The draft is read here rather than in render (SSR-safe: isConnected is false on a server).
    if (changed.has('articleId') && this.isConnected) {
      const draft = loadDraft(this.articleId);
      this.draft = draft ?? emptyDraft;
      this.message = draft?.content ? this.t('commentsDraftRestored') : '';
      this.failed = false;
      this.posted = [];
    }
    if (changed.has('sort') || changed.has('comments')) this.pages = 1;
    if (['comments', 'fetched', 'posted', 'sort'].some((key) => changed.has(key))) {
      const local = this.comments;
      this.threads = buildThreads(
        [...this.posted, ...(local ?? this.fetched)],
        local && this.order,
        this.posted.length,
      );
    }
  }

  override render() {
    const t = this.t.bind(this);
    this.loc = this.locale;
    const local = !!this.comments;
    const status = local ? TaskStatus.COMPLETE : this.list.status;
    const shown = local ? this.threads.slice(0, this.pages * this.limit) : this.threads;
    const hasMore = local ? shown.length < this.threads.length : !!this.cursor;
    const count = (local ? this.comments!.length : this.total) + this.posted.length;
    const empty = status === TaskStatus.COMPLETE && !shown.length;

    // Template whitespace is bytes in the bundle, so templates keep only the spaces that render
    // (between inline elements and text); line breaks go inside ${}.
    return html`<h2 part="heading">${t('commentsHeading')}</h2>
      ${this.renderForm()}${
        empty || status === TaskStatus.ERROR
          ? nothing
          : html`<div part="toolbar" class="row">
              <p>
                ${
                  status === TaskStatus.COMPLETE
                    ? t('commentsCount', { count: formatNumber(count, { locale: this.loc }) })
                    : ''
                }
              </p>
              <label
                >${t('commentsSortLabel')}
                <select @change=${this.onSort}>
                  ${(['newest', 'oldest', 'top'] as const).map(
                    (sort) =>
                      html`<option value=${sort} ?selected=${sort === this.order}>
                        ${t(`commentsSort${sort[0]!.toUpperCase()}${sort.slice(1)}` as MessageKey)}
                      </option>`,
                  )}
                </select></label
              >
            </div>`
      }${
        status === TaskStatus.ERROR
          ? this.renderError(this.list.error, () => void this.list.run())
          : status !== TaskStatus.COMPLETE
            ? html`<div part="skeleton">
                <span class="visually-hidden">${t('loading')}</span>${[0, 1, 2].map(
                  () => html`<span class="skeleton" aria-hidden="true"></span>`,
                )}
              </div>`
            : empty
              ? html`<p part="empty">${t('commentsEmpty')}</p>`
              : html`<ol part="list" class="list">
                    ${shown.map((thread) => this.renderThread(thread, 0))}
                  </ol>
                  ${this.moreError ? this.renderError(this.moreError, () => void this.more()) : nothing}${
                    hasMore && !this.moreError
                      ? html`<button part="more" type="button" aria-disabled=${this.loadingMore} @click=${this.more}>
                          ${t(this.loadingMore ? 'loading' : 'commentsLoadMore')}
                        </button>`
                      : nothing
                  }`
      }`;
  }

  private renderError(error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" class="error" role="alert">
      <p>${this.t(errorMessageKey(error))}</p>
      <button type="button" @click=${retry}>${this.t('retry')}</button>
    </div>`;
  }

  private renderThread(thread: Thread, depth: number, replyTo?: string, leaf = false): TemplateResult {
    const { comment, time } = thread;
    const locale = this.loc;
    const nested = depth + 1 < Math.min(Math.max(this.maxDepth | 0, 1), 6);
    const replies: FlatReply[] = leaf ? [] : nested ? thread.replies.map((reply) => [reply]) : flattenReplies(thread);
    // The header and footer are inline: the spaces between their children are text.
    return html`<li>
      <article part="comment" tabindex="-1">
        <header>
          <strong part="author">${comment.authorName}</strong> ${
            replyTo ? html`<span>${translate(locale, 'commentsReplyTo', { name: replyTo })}</span>` : nothing
          }
          ${
            Number.isNaN(time)
              ? nothing
              : html`<time datetime=${comment.createdAt} title=${formatDate(time, 'dateTime')}
                  >${formatRelativeTime(time, this.now ?? Date.now(), {
                    locale,
                  })}</time
                >`
          }
        </header>
        <p part="content">${comment.content}</p>
        <footer>
          ${
            comment.likes
              ? html`<span
                  >${translate(locale, 'commentsLikes', { count: formatNumber(comment.likes, { locale }) })}</span
                >`
              : nothing
          }
          <button
            type="button"
            aria-label=${translate(locale, 'commentsReplyToLabel', { name: comment.authorName })}
            @click=${() => this.edit({ parentId: comment.id, parentName: comment.authorName }, 'textarea')}
          >
            ${translate(locale, 'commentsReply')}
          </button>
        </footer>
      </article>
      ${
        replies.length
          ? html`<ol part="replies">
              ${replies.map(([reply, name]) => this.renderThread(reply, depth + 1, name, !nested))}
            </ol>`
          : nothing
      }
    </li>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t.bind(this);
    const { draft, loc: locale } = this;
    const errors = this.showErrors ? this.validate() : {};
    const length = draft.content.length;
    const max = COMMENT_MAX_LENGTH;
    const describedBy = (name: Field, hint = '') =>
      [hint, errors[name] ? `${name}-error` : ''].join(' ').trim() || nothing;
    const error = (name: Field) =>
      errors[name] ? html`<span id="${name}-error" class="error">${errors[name]}</span>` : nothing;

    // The status region keeps its one space: it stays in the accessibility tree while it has
    // nothing to say, so that what it says later is announced.
    return html`<form part="form" aria-label=${t('commentsFormHeading')} novalidate @submit=${this.submit}>
      ${
        draft.parentId
          ? html`<p class="row">
              ${t('commentsReplyingTo', { name: draft.parentName })}<button
                type="button"
                @click=${() => this.edit({ parentId: null, parentName: '' }, 'textarea')}
              >
                ${t('commentsCancelReply')}
              </button>
            </p>`
          : nothing
      }
      <p>
        <label for="authorName">${t('commentsName')}</label
        ><input
          id="authorName"
          name="authorName"
          autocomplete="name"
          maxlength=${AUTHOR_NAME_MAX_LENGTH}
          required
          aria-invalid=${!!errors.authorName}
          aria-describedby=${describedBy('authorName')}
          .value=${draft.authorName}
          @input=${this.onInput}
        />${error('authorName')}
      </p>
      <p>
        <label for="email">${t('commentsEmail')}</label
        ><input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          maxlength=${EMAIL_MAX_LENGTH}
          aria-invalid=${!!errors.email}
          aria-describedby=${describedBy('email')}
          .value=${draft.email}
          @input=${this.onInput}
        />${error('email')}
      </p>
      <p>
        <label for="content">${t('commentsContent')}</label
        ><textarea
          id="content"
          name="content"
          rows="4"
          maxlength=${max}
          required
          aria-invalid=${!!errors.content}
          aria-describedby=${describedBy('content', 'counter')}
          .value=${draft.content}
          @input=${this.onInput}
        ></textarea
        ><span id="counter" part="counter" class="muted"
          >${t('commentsCounter', {
            count: formatNumber(length, { locale }),
            max: formatNumber(max, { locale }),
          })}</span
        >
        ${error('content')}
      </p>
      <p class="row">
        <button part="submit" type="submit" aria-disabled=${this.posting}>
          ${t(this.posting ? 'commentsSubmitting' : 'commentsSubmit')}</button
        >${this.failed ? html`<button type="button" @click=${this.submit}>${t('commentsRetryPost')}</button>` : nothing}
      </p>
      <p part="status" role="status" class=${this.failed ? 'error' : ''}>
        ${
          this.message ||
          (length >= max
            ? t('commentsLimitReached', { max: formatNumber(max, { locale }) })
            : max - length < NEAR_LIMIT
              ? t('commentsNearLimit', { count: NEAR_LIMIT })
              : '')
        }
      </p>
    </form>`;
  }

  private validate(): Partial<Record<Field, string>> {
    const { authorName, email, content } = this.draft;
    const errors: Partial<Record<Field, string>> = {};
    if (!authorName.trim()) errors.authorName = this.t('commentsNameRequired');
    if (email.trim() && !isEmail(email.trim())) errors.email = this.t('commentsEmailInvalid');
    if (!content.trim()) errors.content = this.t('commentsContentRequired');
    else if (content.trim().length > COMMENT_MAX_LENGTH)
      errors.content = this.t('commentsContentTooLong', { max: COMMENT_MAX_LENGTH });
    return errors;
  }

  /** Every change to the draft: stored at once, and no longer a retry of an earlier attempt. */
  private edit(patch: Partial<Draft>, focus?: string): void {
    this.draft = { ...this.draft, ...patch, key: '' };
    this.message = '';
    this.failed = false;
    saveDraft(this.articleId, this.draft);
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  private onInput(event: Event): void {
    const { name, value } = event.target as HTMLInputElement;
    this.edit({ [name]: value });
  }

  private onSort(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as CommentSort;
  }

  private async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    // The guard that makes a double click or a second Enter post once: it is set before any await.
    if (this.posting) return;
    this.showErrors = true;
    if (Object.keys(this.validate()).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    const { articleId, draft } = this;
    const email = draft.email.trim();
    const comment: NewComment = {
      authorName: draft.authorName.trim(),
      content: draft.content.trim(),
      ...(email ? { email } : {}),
      ...(draft.parentId ? { parentId: draft.parentId } : {}),
    };
    if (!emit<CommentSubmitDetail>(this, 'tin-comment-submit', { articleId, comment }, { cancelable: true })) return;

    if (!draft.key) {
      this.draft = { ...draft, key: newIdempotencyKey() };
      saveDraft(articleId, this.draft);
    }
    this.posting = true;
    this.failed = false;
    this.message = '';
    try {
      const source = this.source();
      if (!source)
        throw new Error(
          '<tin-comment-thread>: set `dataSource` or `endpoint` to post comments, or cancel tin-comment-submit.',
        );
      const { key } = this.draft;
      const posted = await source.postComment(articleId, comment, { idempotencyKey: key });
      // Text typed while the post was in flight is a new draft: keep it.
      if (this.draft.key === key) {
        saveDraft(articleId, null);
        this.draft = { ...this.draft, content: '', parentId: null, parentName: '', key: '' };
        this.showErrors = false;
      }
      if (posted.status === 'approved') this.posted = [posted, ...this.posted];
      this.message = this.t(posted.status === 'approved' ? 'commentsPosted' : 'commentsPending');
      emit<CommentPostedDetail>(this, 'tin-comment-posted', { articleId, comment: posted });
    } catch (error) {
      this.failed = true;
      this.message = `${this.t('commentsPostFailed')} ${this.t(errorMessageKey(error))}`;
      emit<CommentErrorDetail>(this, 'tin-comment-error', { articleId, error: error as Error, draft: comment });
    } finally {
      this.posting = false;
    }
  }

  /** The next page: more local threads, or the next cursor from the source. Focus goes to the first new thread. */
  private async more(): Promise<void> {
    if (this.loadingMore) return;
    const first = this.renderRoot.querySelectorAll('.list > li').length;
    if (this.comments) {
      this.pages++;
    } else {
      const source = this.source();
      const before = this.fetched;
      if (!source || !this.cursor) return;
      this.loadingMore = true;
      this.moreError = undefined;
      try {
        const page = await source.listComments(this.articleId, {
          sort: this.order,
          cursor: this.cursor,
          limit: this.limit,
        });
        // A new sort reloaded page 1 meanwhile: this page belongs to the old order.
        if (this.fetched !== before) return;
        this.fetched = [...before, ...page.comments];
        this.cursor = page.nextCursor;
      } catch (error) {
        if (this.fetched === before) this.moreError = error;
        return;
      } finally {
        this.loadingMore = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.list > li:nth-child(${first + 1}) > article`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-comment-thread': TinCommentThread;
  }
  interface GlobalEventHandlersEventMap {
    'tin-comment-submit': CustomEvent<CommentSubmitDetail>;
    'tin-comment-posted': CustomEvent<CommentPostedDetail>;
    'tin-comment-error': CustomEvent<CommentErrorDetail>;
  }
}
