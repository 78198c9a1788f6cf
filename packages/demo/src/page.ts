import {
  articleJsonLd,
  formatDate,
  formatNumber,
  isSafeLinkUrl,
  jsonLdScriptContent,
  type Article,
  type ArticleBlock,
  type ArticleSummary,
  type MostViewedItem,
  type Meeting,
  type Official,
} from '@bantin/model';
import { dateBar } from './election-page.js';
import { html, raw, type RawHtml } from './html.js';
import { renderMeetingBox, renderOfficials } from './ssr.js';

export interface ArticlePageOptions {
  article: Article;
  officials: readonly Official[];
  related: readonly ArticleSummary[];
  mostViewed: readonly MostViewedItem[];
  /** The meeting the article reports: its box, with the figures it set, goes beside the article. */
  meeting?: Meeting | undefined;
  /** Base URL of the JSON API. Without it, elements get their data inline from the page. */
  api?: string;
  siteUrl?: string;
  assets: { script: string; theme: string; site: string };
  /**
   * The theme's and the site's CSS, to put in the page instead of linking them: two fewer
   * requests before the first paint (Lighthouse's mobile profile counts each round trip).
   */
  inlineStyles?: string;
  /** Boxes above "Xem nhiều nhất" in the sidebar, e.g. the election countdown and progress. */
  sidebar?: RawHtml;
  /** The reader's "today", for the date bar. Default: now. */
  now?: number;
}

const SITE_NAME = 'Bản tin Thủ đô';

const safe = (url: string | undefined) => (url && isSafeLinkUrl(url) ? url : undefined);

function block(item: ArticleBlock): RawHtml {
  switch (item.type) {
    case 'paragraph':
      return html`<p>${item.text}</p>`;
    case 'heading':
      return item.level === 2
        ? html`<h2>${item.text}</h2>`
        : item.level === 3
          ? html`<h3>${item.text}</h3>`
          : html`<h4>${item.text}</h4>`;
    case 'quote':
      return html`<blockquote>
        <p>${item.text}</p>
        ${item.cite ? html`<footer>${item.cite}</footer>` : ''}
      </blockquote>`;
    case 'image':
      return html`<figure>
        <img
          src="${safe(item.image.src) ?? ''}"
          alt="${item.image.alt}"
          width="${item.image.width}"
          height="${item.image.height}"
          loading="lazy"
          decoding="async"
        />
        ${item.image.caption ? html`<figcaption>${item.image.caption}</figcaption>` : ''}
      </figure>`;
  }
}

/**
 * The meeting box, server-rendered (declarative shadow DOM), with its data in the HTML: a JSON
 * child the element reads when it upgrades, holding only the officials the meeting names.
 */
function meetingBox(meeting: Meeting, officials: readonly Official[]): RawHtml {
  const named = new Set([...meeting.chairIds, ...meeting.attendeeIds]);
  return raw(
    renderMeetingBox(
      meeting,
      officials.filter((official) => named.has(official.id)),
    ),
  );
}

function relatedCard(summary: ArticleSummary): RawHtml {
  const cover = summary.cover;
  return html`<tin-article-card
    layout="horizontal"
    href="${safe(summary.url) ?? ''}"
    datetime="${summary.publishedAt}"
    category="${summary.category?.name ?? ''}"
    ${summary.viewCount !== undefined ? html`views="${summary.viewCount}"` : ''}
  >
    ${cover ? html`<img slot="image" src="${safe(cover.src) ?? ''}" alt="${cover.alt}" width="${cover.width}" height="${cover.height}" loading="lazy" />` : ''}
    <span slot="title">${summary.title}</span>
    ${summary.sapo ? html`<p slot="sapo">${summary.sapo}</p>` : ''}
  </tin-article-card>`;
}

/**
 * The seed article page. Its text is in the HTML itself, so search engines and readers without
 * JavaScript get the whole article; the elements upgrade the interactive parts.
 */
export function renderArticlePage(options: ArticlePageOptions): string {
  const { article, api } = options;
  const published = formatDate(article.publishedAt, 'full') + ' ' + formatDate(article.publishedAt, 'time');
  const mentioned = options.officials.filter((official) => article.officialIds.includes(official.id));
  const jsonLd = articleJsonLd(article, {
    officials: options.officials,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    publisher: { name: SITE_NAME },
  });
  const endpoint = api ? html` endpoint="${api}"` : '';
  const inlineData = api
    ? ''
    : html`<script type="module">
        // No API configured: hand the elements their data as properties.
        const data = ${raw(jsonLdScriptContent({ mostViewed: options.mostViewed, comments: [] }))};
        customElements.whenDefined('tin-most-viewed').then(() => {
          document.querySelector('tin-most-viewed').items = data.mostViewed;
        });
        customElements.whenDefined('tin-comment-thread').then(() => {
          document.querySelector('tin-comment-thread').comments = data.comments;
        });
      </script>`;

  return `<!doctype html>\n${
    html`<html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${article.title} | ${SITE_NAME}</title>
        <meta name="description" content="${article.sapo}" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        ${
          options.inlineStyles
            ? html`<style>
                ${raw(options.inlineStyles.replaceAll('</', '<\\/'))}
              </style>`
            : html`<link rel="stylesheet" href="${options.assets.theme}" />
                <link rel="stylesheet" href="${options.assets.site}" />`
        }
        <script type="application/ld+json">
          ${raw(jsonLdScriptContent(jsonLd))}
        </script>
        <script type="module" src="${options.assets.script}"></script>
      </head>
      <body>
        <a class="skip" href="#noi-dung">Bỏ qua điều hướng</a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">${SITE_NAME}</a>
            <span class="brand-note">Trang minh họa của bộ thành phần bantin</span>
            ${dateBar(options.now)}
          </div>
        </header>
        <div class="wrap layout">
          <main id="noi-dung">
            <article class="article">
              <nav class="breadcrumb" aria-label="Chuyên mục">
                <a href="${safe(article.category.url) ?? '/'}">${article.category.name}</a>
              </nav>
              <h1>${article.title}</h1>
              <p class="meta">
                <tin-time datetime="${article.publishedAt}" format="dateTime">${published}</tin-time>
              </p>
              <p class="sapo">${article.sapo}</p>
              ${article.body.map(block)}
              ${
                mentioned.length
                  ? html`<aside class="officials">
                      <!-- The officials named, with the titles they held on the article's date. -->
                      ${raw(renderOfficials(mentioned, article.publishedAt, 'Đại biểu được nhắc đến'))}
                    </aside>`
                  : ''
              }
              <!-- One counter, where the seed page has it: it records this reader's view and shows the total. -->
              <p class="views-footer">
                <tin-view-counter
                  article-id="${article.id}"
                  count="${article.viewCount}"
                  ${endpoint}${api ? raw(' track') : ''}
                  >Lượt xem: ${formatNumber(article.viewCount)}</tin-view-counter
                >
              </p>
            </article>
            <section class="comments" aria-label="Bình luận">
              <tin-comment-thread article-id="${article.id}" ${endpoint}></tin-comment-thread>
            </section>
            ${
              options.related.length
                ? html`<section class="related" aria-labelledby="related-heading">
                    <h2 id="related-heading">Tin liên quan</h2>
                    ${options.related.map(relatedCard)}
                  </section>`
                : ''
            }
          </main>
          <aside class="sidebar${options.sidebar ? ' sidebar-tall' : ''}">
            ${options.sidebar ?? ''} ${options.meeting ? meetingBox(options.meeting, options.officials) : ''}
            <tin-most-viewed period="day" limit="5" ${endpoint}></tin-most-viewed>
          </aside>
        </div>
        <footer class="site-footer">
          <div class="wrap">${SITE_NAME}: dữ liệu mẫu lấy từ bài viết gốc của cổng thông tin thành phố Hà Nội.</div>
        </footer>
        ${inlineData}
      </body>
    </html>`.value
  }\n`;
}
