import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
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
  type CommentThreadInfo,
  type Locale,
  type NewComment,
} from '@bantin/model';
import { CommentListResponseWire } from '@bantin/model/wire-schemas/comment-list-response.js';
import { errorMessageKey, type BantinDataError } from '../data/errors.js';
import { checkWireList } from '../data/fetch-json.js';
import { sharedCommentSource } from '../data/comment-source.js';
import type { CommentSource } from '../data/types.js';
import { nowOf, nowProperty, subscribeToClock } from '../internal/clock.js';
import { emit, type TinInvalidItemsDetail, type TinLoadErrorDetail } from '../internal/events.js';
import { addMessages, translate, type MessageKey } from '../internal/i18n.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { TinElement } from '../internal/tin-element.js';
import { commentThreadStyles } from './comment-thread.styles.js';
import { emptyDraft, loadDraft, loadLiked, newIdempotencyKey, saveDraft, saveLiked, type Draft } from './draft.js';
import { buildThreads, capPage, countReplies, flattenReplies, type FlatReply, type Thread } from './threads.js';
import { commentThreadMessages } from './comment-thread.i18n.js';

addMessages(commentThreadMessages);

export interface TinCommentThreadSubmitDetail {
  articleId: string;
  comment: NewComment;
}
export interface TinCommentThreadPostedDetail {
  articleId: string;
  comment: Comment;
}
/** A post failed. The draft is still in the form and in localStorage. */
export interface TinCommentThreadPostErrorDetail {
  articleId: string;
  error: BantinDataError | Error;
  /** What was being posted. */
  draft: NewComment;
}
/** A like failed and was undone. */
export interface TinCommentThreadLikeErrorDetail {
  articleId: string;
  error: BantinDataError | Error;
  commentId: string;
}
export interface TinCommentThreadLikeDetail {
  articleId: string;
  commentId: string;
  /** The comment's likes, as the server counted them. */
  likes: number;
}
/** Loading failed (the shared `tin-<element>-error`): the error state offers "Thử lại". */
export interface TinCommentThreadErrorDetail extends TinLoadErrorDetail {
  articleId: string;
  /** `comments` for a page of threads (or the configuration), `replies` for "Xem thêm trả lời". */
  what: 'comments' | 'replies';
}

type Field = 'authorName' | 'email' | 'content';

/** Below this many characters left, the live region says so (once, not on every keystroke). */
const NEAR_LIMIT = 100;
/** Replies a page carries per thread (the contract's default); the rest come with "Xem thêm trả lời". */
const REPLIES_PER_THREAD = 3;

/**
 * @tagname tin-comment-thread
 * @summary An article's comments: reply threads, sorting, paging, and a form that never loses
 * what the reader typed (draft in localStorage, retry with the same idempotency key).
 *
 * Data, in order of precedence: the `comments` property (sorted and paged locally, nothing is
 * fetched), the `dataSource` property, the `endpoint` attribute (the JSON contract). Fetched
 * comments come a page of threads at a time: `limit` top-level comments, each with its first
 * replies, and "Xem thêm trả lời" for the rest of a thread. Posting and liking go to
 * `dataSource` or `endpoint`; with neither, cancel `tin-comment-thread-submit` and post yourself.
 *
 * Spam defence, invisible to readers (docs/api.md, "Spam defence"): posts carry `website` (a
 * honeypot input hidden from sight, keyboard and screen readers), `fillMs` (since the draft's
 * first input) and, when the server serves `GET {endpoint}/altcha-challenge`, `altcha`: a
 * proof of work asked for at the first input and solved in the background with altcha-lib,
 * whose solver is downloaded only then. If it cannot be had, the comment goes without it.
 *
 * @fires tin-comment-thread-submit - Cancelable; `detail: { articleId, comment }`. Cancel it to stop the post (the draft is kept). `comment` carries the form's `website` and `fillMs`: a host that posts itself should send them on, or its server judges the comment as an API client's (content rules only).
 * @fires tin-comment-thread-posted - The server accepted a comment (approved or pending); `detail: { articleId, comment }`.
 * @fires tin-comment-thread-post-error - A post failed; `detail: { articleId, error, draft }`. The draft stays in the form and in storage.
 * @fires tin-comment-thread-like - The server counted a reader's like; `detail: { articleId, commentId, likes }`.
 * @fires tin-comment-thread-like-error - A like failed and was undone; `detail: { articleId, error, commentId }`.
 * @fires tin-comment-thread-error - Comments or replies failed to load, or the element lacks configuration; `detail: { articleId, error, what }`. The error state says why (and offers "Thử lại" unless configuration is missing).
 * @fires tin-comment-thread-invalid-items - Comments of a response were skipped as invalid; `detail: { count }`. The others are shown.
 *
 * @csspart heading - The heading, "Bình luận bài viết" unless `heading` says otherwise (`role="heading"`, `aria-level` from `heading-level`).
 * @csspart form - The comment form.
 * @csspart counter - The "0/2.000 ký tự" character counter under the textarea.
 * @csspart submit - The submit button: "Đang gửi…" while posting, "Đang kiểm tra…" while the proof of work finishes.
 * @csspart status - The live region announcing results (pending, posted, failed, draft restored).
 * @csspart toolbar - The count and sort control above the list.
 * @csspart list - The top-level `<ol>`; nested replies are `<ol part="replies">`.
 * @csspart replies - A list of replies.
 * @csspart comment - One comment's `<article>`.
 * @csspart author - A comment's author name.
 * @csspart content - A comment's text.
 * @csspart more - The "Xem thêm bình luận" button.
 * @csspart more-replies - A thread's "Xem thêm trả lời" button.
 * @csspart like - A comment's "Thích" toggle button (`aria-pressed`).
 * @csspart like-status - The visually hidden live region announcing likes.
 * @csspart loading - The loading state: placeholders, and "Đang tải…" for screen readers.
 * @csspart empty - The empty state.
 * @csspart error - An error state: the list's, a further page's or a thread's replies'.
 * @csspart error-message - The reason, as visible text.
 * @csspart retry - The "Thử lại" button.
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
    limit: { type: Number },
    maxDepth: { type: Number, attribute: 'max-depth' },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    comments: { attribute: false },
    dataSource: { attribute: false },
    now: nowProperty,
    // Internal state (`@state()`); `attribute: false` keeps it out of the manifest's attributes.
    draft: { state: true, attribute: false },
    message: { state: true, attribute: false },
    failed: { state: true, attribute: false },
    posting: { state: true, attribute: false },
    solving: { state: true, attribute: false },
    showErrors: { state: true, attribute: false },
    pages: { state: true, attribute: false },
    fetched: { state: true, attribute: false },
    cursor: { state: true, attribute: false },
    total: { state: true, attribute: false },
    loadingMore: { state: true, attribute: false },
    moreError: { state: true, attribute: false },
    posted: { state: true, attribute: false },
    threadInfo: { state: true, attribute: false },
    replyLoads: { state: true, attribute: false },
    liked: { state: true, attribute: false },
    likes: { state: true, attribute: false },
    likeMessage: { state: true, attribute: false },
  };

  /** The article's id or URL; drafts are stored per canonical key (`canonicalArticleKey`). */
  articleId = '';

  /** Base URL of the JSON contract, used when neither `comments` nor `dataSource` is set. */
  endpoint = '';

  /** `newest` (default), `oldest` or `top` (most liked). Changing it reloads page 1. */
  sort: CommentSort = 'newest';

  /** Top-level threads per page (default 20): shown at once from `comments`, asked for in each request otherwise (at most 100). A page never renders more. */
  limit = 20;

  /**
   * Reply levels indented under a comment (default 2, from 1 to 6). Deeper replies are shown at
   * the last level, each with "trả lời <name>".
   */
  maxDepth = 2;

  /** All comments, flat (replies name their `parentId`). Set it and nothing is fetched. Replace the array to update. */
  comments?: Comment[];

  /** Any object with `listComments` and `postComment`, and optionally `listReplies` ("Xem thêm trả lời"), `likeComment` (the "Thích" button) and `altchaChallenge` (a captcha); see `CommentSource`. */
  dataSource?: CommentSource;

  /**
   * Freezes "now" for relative times (stories, tests, server rendering): an ISO date-time or a
   * Date. Unset: the real clock.
   */
  now?: Date | number;

  /** Heading text. Default: "Bình luận bài viết" / "Comments". */
  heading = '';

  /** The heading's level in the page outline, 2–6. */
  headingLevel = 2;

  private draft: Draft = emptyDraft;
  /** The last result for the live region. */
  private message = '';
  private failed = false;
  private posting = false;
  /** The captcha is being fetched and solved; a post waiting for it says "Đang kiểm tra…". */
  private solving = false;
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
  /** Per fetched thread: its replies in all and the cursor of those not loaded yet. */
  private threadInfo = new Map<string, CommentThreadInfo>();
  /** Threads whose further replies are loading (`true`) or failed to (the error). */
  private replyLoads = new Map<string, unknown>();
  /** Comments this reader liked (kept in localStorage per article). */
  private liked = new Set<string>();
  /** Likes counted since the page loaded, by comment id; they win over the page's figures. */
  private likes = new Map<string, number>();
  private likeMessage = '';

  private threads: Thread[] = [];
  /** The valid comments of `comments`. */
  private localComments: Comment[] = [];
  /** Whether the source can like comments, and list more replies (set on each render). */
  private canLike = false;
  private canListReplies = false;
  private loc: Locale = 'vi';
  private unsubscribe?: () => void;
  /**
   * The captcha for the next post, asked for at the first input (docs/decisions.md): the server's
   * ALTCHA challenge, solved in the background. Undefined inside when the server asks for none,
   * or when fetching or solving failed: the comment then goes without it, and the server holds it
   * for moderation rather than dropping it.
   */
  private captcha?: Promise<{ payload: string; expires: number } | undefined>;
  /** The server asks for no captcha (its answer, or a 404), so it is not asked again. */
  private captchaless = false;

  private list = new Task(this, {
    args: () =>
      [
        !!this.comments,
        this.comments ? undefined : this.source(),
        this.articleId,
        this.order,
        this.requestLimit,
      ] as const,
    task: ([local, source, articleId, sort, limit], { signal }) => {
      if (!articleId) throw this.missingConfiguration('article-id');
      if (local) return initialState;
      if (!source) throw this.missingConfiguration('endpoint', 'or the dataSource or comments property');
      return source.listComments(
        articleId,
        { sort, limit, replies: REPLIES_PER_THREAD },
        { signal, onInvalidItems: this.reportInvalid },
      );
    },
    onComplete: (page: CommentListResponse) => {
      this.fetched = [];
      this.threadInfo = new Map();
      this.replyLoads = new Map();
      this.likes = new Map();
      this.addPage(page);
      this.total = page.total;
      this.moreError = undefined;
    },
    onError: (error) => this.loadFailed(error, 'comments'),
  });

  private readonly reportInvalid = (count: number) =>
    emit<TinInvalidItemsDetail>(this, 'tin-comment-thread-invalid-items', { count });

  private loadFailed(error: unknown, what: TinCommentThreadErrorDetail['what']): void {
    emit<TinCommentThreadErrorDetail>(this, 'tin-comment-thread-error', {
      articleId: this.articleId,
      error: error as Error,
      what,
    });
  }

  private get order(): CommentSort {
    return this.sort === 'oldest' || this.sort === 'top' ? this.sort : 'newest';
  }

  /** `limit` as a whole number from 1; 20 when unusable. */
  private get pageLimit(): number {
    return this.limit >= 1 ? Math.floor(this.limit) : 20;
  }

  /** What a request asks for: `limit` within the contract's 1–100. */
  private get requestLimit(): number {
    return Math.min(this.pageLimit, 100);
  }

  /** A page of threads joins what is shown, capped at `limit` threads whatever the server sent. */
  private addPage(page: CommentListResponse): void {
    this.fetched = [...this.fetched, ...capPage(page.comments, this.requestLimit, REPLIES_PER_THREAD)];
    this.cursor = page.nextCursor;
    const info = new Map(this.threadInfo);
    for (const thread of page.threads ?? []) info.set(thread.id, thread);
    this.threadInfo = info;
  }

  private source(): CommentSource | undefined {
    return this.dataSource ?? (this.endpoint ? sharedCommentSource(this.endpoint) : undefined);
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
      this.liked = loadLiked(this.articleId);
    }
    // Another server may ask for a captcha where the last did not, and a solution is only
    // valid where its challenge came from.
    if (changed.has('endpoint') || changed.has('dataSource')) {
      this.captcha = undefined;
      this.captchaless = false;
    }
    if (changed.has('sort') || changed.has('comments')) this.pages = 1;
    // Comments given by script are checked like a response (no event: it is not data arrival).
    if (changed.has('comments') && this.comments) {
      const checked = checkWireList(CommentListResponseWire, 'comments', {
        comments: this.comments,
        nextCursor: null,
        total: 0,
      });
      this.localComments = checked.ok ? checked.value.comments : [];
      if (!checked.ok || checked.skipped)
        console.warn(
          `[bantin] <tin-comment-thread>: skipped ${checked.ok ? checked.skipped : 'all'} of the comments property's entries that are not Comment objects (${checked.issues[0]?.path})`,
        );
    }
    if (['comments', 'fetched', 'posted', 'sort'].some((key) => changed.has(key))) {
      const local = this.comments && this.localComments;
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
    const status = local && this.list.status !== TaskStatus.ERROR ? TaskStatus.COMPLETE : this.list.status;
    const shown = local ? this.threads.slice(0, this.pages * this.pageLimit) : this.threads;
    const hasMore = local ? shown.length < this.threads.length : !!this.cursor;
    const count = (local ? this.localComments.length : this.total) + this.posted.length;
    const empty = status === TaskStatus.COMPLETE && !shown.length;
    const source = this.source();
    this.canLike = !!source?.likeComment;
    this.canListReplies = !!source?.listReplies;

    // The build's template minifier collapses whitespace, keeping one space where it renders
    // (between inline elements and text).
    return html`<div part="heading" role="heading" aria-level=${Math.min(6, Math.max(2, this.headingLevel)) || 2}>
        ${this.heading || t('commentsHeading')}
      </div>
      ${this.renderForm()}${
        empty || status === TaskStatus.ERROR
          ? nothing
          : html`<div part="toolbar" class="row">
              <p>
                ${
                  status === TaskStatus.COMPLETE
                    ? t(count === 1 ? 'commentsCountOne' : 'commentsCount', {
                        count: formatNumber(count, { locale: this.loc }),
                      })
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
          ? this.renderErrorState(this.list.error, () => void this.list.run())
          : status !== TaskStatus.COMPLETE
            ? this.renderLoadingState([0, 1, 2].map(() => html`<span class="skeleton" aria-hidden="true"></span>`))
            : empty
              ? this.renderEmptyState(t('commentsEmpty'))
              : html`<ol part="list" class="list">
                    ${shown.map((thread) => this.renderThread(thread, 0))}
                  </ol>
                  ${this.moreError ? this.renderErrorState(this.moreError, () => void this.more()) : nothing}${
                    hasMore && !this.moreError
                      ? html`<button part="more" type="button" aria-disabled=${this.loadingMore} @click=${this.more}>
                          ${t(this.loadingMore ? 'loading' : 'commentsLoadMore')}
                        </button>`
                      : nothing
                  }`
      }
      <p part="like-status" role="status" class="visually-hidden">${this.likeMessage}</p>`;
  }

  /**
   * A message whose `{name}` is a reader's name, isolated in a `<bdi>`: an open U+202E in the
   * name then cannot turn the kit's own text after it around.
   */
  private withName(key: MessageKey, name: string): TemplateResult {
    const [before, after] = translate(this.loc, key).split('{name}');
    return html`${before}<bdi>${name}</bdi>${after}`;
  }

  private renderThread(thread: Thread, depth: number, replyTo?: string, leaf = false): TemplateResult {
    const { comment, time } = thread;
    const locale = this.loc;
    const nested = depth + 1 < Math.min(Math.max(this.maxDepth | 0, 1), 6);
    const replies: FlatReply[] = leaf ? [] : nested ? thread.replies.map((reply) => [reply]) : flattenReplies(thread);
    const likes = this.likes.get(comment.id) ?? comment.likes;
    // The header and footer are inline: the spaces between their children are text.
    return html`<li>
      <article part="comment" tabindex="-1" data-id=${comment.id}>
        <header>
          <strong part="author">${comment.authorName}</strong> ${
            replyTo ? html`<span>${this.withName('commentsReplyTo', replyTo)}</span>` : nothing
          }
          ${
            Number.isNaN(time)
              ? nothing
              : html`<time datetime=${comment.createdAt} title=${formatDate(time, 'dateTime')}
                  >${formatRelativeTime(time, nowOf(this.now), {
                    locale,
                  })}</time
                >`
          }
        </header>
        <p part="content">${comment.content}</p>
        <footer>
          ${
            this.canLike
              ? html`<button
                  part="like"
                  type="button"
                  aria-pressed=${this.liked.has(comment.id)}
                  aria-label=${translate(locale, 'commentsLikeLabel', { name: comment.authorName })}
                  @click=${() => void this.like(comment)}
                >
                  ${translate(locale, 'commentsLike')}
                </button>`
              : nothing
          }
          ${
            likes
              ? html`<span>${translate(locale, 'commentsLikes', { count: formatNumber(likes, { locale }) })}</span>`
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
      }${depth ? nothing : this.renderMoreReplies(thread)}
    </li>`;
  }

  /** "Xem thêm trả lời" under a top-level comment whose thread has replies not loaded yet. */
  private renderMoreReplies(thread: Thread): TemplateResult | typeof nothing {
    const id = thread.comment.id;
    const info = this.threadInfo.get(id);
    if (!info?.repliesCursor || !this.canListReplies) return nothing;
    const load = this.replyLoads.get(id);
    if (load && load !== true) return this.renderErrorState(load, () => void this.moreReplies(thread));
    const left = info.replies - countReplies(thread);
    return html`<button
      part="more-replies"
      type="button"
      aria-disabled=${load === true}
      @click=${() => void this.moreReplies(thread)}
    >
      ${
        load === true
          ? this.t('loading')
          : left > 0
            ? this.t('commentsMoreReplies', { count: formatNumber(left, { locale: this.loc }) })
            : this.t('commentsMoreRepliesAny')
      }
    </button>`;
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

    // The honeypot (`website`) is for bots: off-screen, out of the tab order and of the
    // accessibility tree, never filled by autofill; its value is sent as is.
    // The status region keeps its one space: it stays in the accessibility tree while it has
    // nothing to say, so that what it says later is announced.
    return html`<form part="form" aria-label=${t('commentsFormHeading')} novalidate @submit=${this.submit}>
      ${
        draft.parentId
          ? html`<p class="row">
              ${this.withName('commentsReplyingTo', draft.parentName)}<button
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
      <p class="hp" aria-hidden="true">
        <label>Website <input name="website" tabindex="-1" autocomplete="off" aria-hidden="true" /></label>
      </p>
      <p class="row">
        <button part="submit" type="submit" aria-disabled=${this.posting}>
          ${t(this.posting ? (this.solving ? 'commentsChecking' : 'commentsSubmitting') : 'commentsSubmit')}</button
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
    // The first input starts the fill-time clock (kept with the draft) and the captcha.
    this.edit({ [name]: value, startedAt: this.draft.startedAt || Date.now() });
    this.startCaptcha();
  }

  private startCaptcha(): void {
    const source = this.source();
    if (this.captcha || this.captchaless || !source?.altchaChallenge) return;
    this.solving = true;
    this.captcha = source
      .altchaChallenge()
      .then((challenge) => {
        // Loaded only now: a page whose server asks for no captcha never downloads the solver.
        if (challenge) return import('./altcha.js').then(({ solveAltcha }) => solveAltcha(challenge));
        this.captchaless = true;
      })
      .catch(
        (error: unknown) =>
          void console.warn(`[bantin] <tin-comment-thread>: no ALTCHA solution, posting without: ${error}`),
      )
      .finally(() => (this.solving = false));
  }

  /** The captcha payload for a post, waiting for the solver; a new one when it expires within a minute. */
  private async captchaPayload(): Promise<string | undefined> {
    this.startCaptcha();
    let solved = await this.captcha;
    if (solved && solved.expires < Date.now() + 60_000) {
      this.captcha = undefined;
      this.startCaptcha();
      solved = await this.captcha;
    }
    return solved?.payload;
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
    const now = Date.now();
    // With the form's spam-defence fields (docs/api.md): a host that cancels the submit event to
    // post itself has them too. The captcha, solved for the data source, comes later.
    const comment: NewComment = {
      authorName: draft.authorName.trim(),
      content: draft.content.trim(),
      ...(email ? { email } : {}),
      ...(draft.parentId ? { parentId: draft.parentId } : {}),
      website: this.renderRoot.querySelector<HTMLInputElement>('[name=website]')?.value ?? '',
      fillMs: Math.max(0, now - (draft.startedAt || now)),
    };
    if (
      !emit<TinCommentThreadSubmitDetail>(
        this,
        'tin-comment-thread-submit',
        { articleId, comment },
        { cancelable: true },
      )
    )
      return;

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
          '<tin-comment-thread>: set `dataSource` or `endpoint` to post comments, or cancel tin-comment-thread-submit.',
        );
      const altcha = await this.captchaPayload();
      const { key } = this.draft;
      const body: NewComment = { ...comment, ...(altcha ? { altcha } : {}) };
      const posted = await source.postComment(articleId, body, { idempotencyKey: key });
      // A solution is good for one comment: the next one gets a new challenge.
      this.captcha = undefined;
      // Text typed while the post was in flight is a new draft: keep it.
      if (this.draft.key === key) {
        saveDraft(articleId, null);
        this.draft = { ...this.draft, content: '', parentId: null, parentName: '', key: '', startedAt: 0 };
        this.showErrors = false;
      }
      if (posted.status === 'approved') this.posted = [posted, ...this.posted];
      this.message = this.t(posted.status === 'approved' ? 'commentsPosted' : 'commentsPending');
      emit<TinCommentThreadPostedDetail>(this, 'tin-comment-thread-posted', { articleId, comment: posted });
    } catch (error) {
      this.failed = true;
      this.message = `${this.t('commentsPostFailed')} ${this.t(errorMessageKey(error))}`;
      emit<TinCommentThreadPostErrorDetail>(this, 'tin-comment-thread-post-error', {
        articleId,
        error: error as Error,
        draft: comment,
      });
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
        const page = await source.listComments(
          this.articleId,
          { sort: this.order, cursor: this.cursor, limit: this.requestLimit, replies: REPLIES_PER_THREAD },
          { onInvalidItems: this.reportInvalid },
        );
        // A new sort reloaded page 1 meanwhile: this page belongs to the old order.
        if (this.fetched !== before) return;
        this.addPage(page);
      } catch (error) {
        if (this.fetched === before) {
          this.moreError = error;
          this.loadFailed(error, 'comments');
        }
        return;
      } finally {
        this.loadingMore = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.list > li:nth-child(${first + 1}) > article`)?.focus();
  }

  /** "Xem thêm trả lời": the thread's next replies. Focus goes to the first new one. */
  private async moreReplies(thread: Thread): Promise<void> {
    const id = thread.comment.id;
    const info = this.threadInfo.get(id);
    const source = this.source();
    if (this.replyLoads.get(id) === true || !info?.repliesCursor || !source?.listReplies) return;
    const before = this.fetched;
    const known = new Set([...before, ...this.posted].map((comment) => comment.id));
    this.replyLoads = new Map(this.replyLoads).set(id, true);
    try {
      const page = await source.listReplies(
        this.articleId,
        id,
        { cursor: info.repliesCursor, limit: this.requestLimit },
        { onInvalidItems: this.reportInvalid },
      );
      if (this.fetched !== before) return; // page 1 was reloaded meanwhile
      // At most `limit` replies, each under a comment of this thread: a server cannot graft them elsewhere.
      const inThread = new Set<string>();
      const stack = [thread];
      for (let node = stack.pop(); node; node = stack.pop()) {
        inThread.add(node.comment.id);
        stack.push(...node.replies);
      }
      const added: Comment[] = [];
      for (const reply of page.comments.slice(0, this.requestLimit)) {
        if (!reply.parentId || !inThread.has(reply.parentId) || known.has(reply.id)) continue;
        inThread.add(reply.id);
        added.push(reply);
      }
      this.fetched = [...before, ...added];
      this.threadInfo = new Map(this.threadInfo).set(id, {
        ...info,
        repliesCursor: page.nextCursor,
        replies: Math.max(info.replies, page.total),
      });
      const loads = new Map(this.replyLoads);
      loads.delete(id);
      this.replyLoads = loads;
      await this.updateComplete;
      if (added[0]) this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(added[0].id)}"]`)?.focus();
    } catch (error) {
      if (this.fetched !== before) return;
      this.replyLoads = new Map(this.replyLoads).set(id, error);
      this.loadFailed(error, 'replies');
    }
  }

  /**
   * Likes a comment at once (optimistic), then counts what the server says; on failure the like is
   * undone and the reason announced. A liked comment stays liked: there is no route to unlike.
   */
  private async like(comment: Comment): Promise<void> {
    const { articleId } = this;
    const { id, authorName: name } = comment;
    const source = this.source();
    if (!source?.likeComment) return;
    if (this.liked.has(id)) {
      this.likeMessage = this.t('commentsAlreadyLiked');
      return;
    }
    const previous = this.likes.get(id);
    const before = previous ?? comment.likes;
    this.liked = new Set(this.liked).add(id);
    this.likes = new Map(this.likes).set(id, before + 1);
    this.likeMessage = '';
    try {
      const likes = await source.likeComment(articleId, id);
      this.likes = new Map(this.likes).set(id, likes);
      saveLiked(articleId, this.liked);
      this.likeMessage = this.t('commentsLiked', { name, count: formatNumber(likes, { locale: this.loc }) });
      emit<TinCommentThreadLikeDetail>(this, 'tin-comment-thread-like', { articleId, commentId: id, likes });
    } catch (error) {
      const liked = new Set(this.liked);
      liked.delete(id);
      this.liked = liked;
      const likes = new Map(this.likes);
      if (previous === undefined) likes.delete(id);
      else likes.set(id, previous);
      this.likes = likes;
      this.likeMessage = `${this.t('commentsLikeFailed')} ${this.t(errorMessageKey(error))}`;
      emit<TinCommentThreadLikeErrorDetail>(this, 'tin-comment-thread-like-error', {
        articleId,
        error: error as Error,
        commentId: id,
      });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-comment-thread': TinCommentThread;
  }
  interface GlobalEventHandlersEventMap {
    'tin-comment-thread-submit': CustomEvent<TinCommentThreadSubmitDetail>;
    'tin-comment-thread-posted': CustomEvent<TinCommentThreadPostedDetail>;
    'tin-comment-thread-post-error': CustomEvent<TinCommentThreadPostErrorDetail>;
    'tin-comment-thread-like': CustomEvent<TinCommentThreadLikeDetail>;
    'tin-comment-thread-like-error': CustomEvent<TinCommentThreadLikeErrorDetail>;
    'tin-comment-thread-error': CustomEvent<TinCommentThreadErrorDetail>;
    'tin-comment-thread-invalid-items': CustomEvent<TinInvalidItemsDetail>;
  }
}
