import type { Article } from './article.js';
import type { Meeting } from './meeting.js';
import type { Official } from './official.js';
import { formatTerm } from './vi/terms.js';
import { splitVietnameseName } from './vi/names.js';
import { positionsAt } from './vi/official-titles.js';
import type { DateInput } from './vi/dates.js';

/**
 * schema.org JSON-LD for search engines: NewsArticle, Event and Person. The objects are plain
 * data; `jsonLdScriptContent` makes them safe to put inside a <script> element.
 */

type JsonLd = Record<string, unknown>;
const CONTEXT = 'https://schema.org';

export interface JsonLdOptions {
  /** Makes root-relative URLs absolute, as search engines require: "https://example.vn". */
  siteUrl?: string;
  /** The publishing portal: { name: "Cổng thông tin điện tử Thành phố Hà Nội" }. */
  publisher?: { name: string; url?: string; logo?: string };
}

function absolute(url: string | undefined, siteUrl?: string): string | undefined {
  if (!url) return undefined;
  if (!siteUrl || !url.startsWith('/')) return url;
  return siteUrl.replace(/\/+$/, '') + url;
}

function withoutUndefined(object: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** Person. `name` is the name alone: never "đồng chí" nor a title. */
export function officialJsonLd(official: Official, options: { at?: DateInput } = {}): JsonLd {
  const { family, given } = splitVietnameseName(official.fullName);
  const held = positionsAt(official, new Date(options.at ?? Date.now()));
  const primary = held.find((position) => position.rank === 0) ?? held[0];
  return withoutUndefined({
    '@context': CONTEXT,
    '@type': 'Person',
    '@id': `#official-${official.id}`,
    name: official.fullName,
    familyName: family || undefined,
    givenName: given || undefined,
    jobTitle: primary?.title,
    affiliation: primary?.organisation ? { '@type': 'Organization', name: primary.organisation } : undefined,
  });
}

/** NewsArticle, with view and comment counts as interaction statistics and the officials it mentions. */
export function articleJsonLd(
  article: Article,
  options: JsonLdOptions & { officials?: readonly Official[] } = {},
): JsonLd {
  const mentioned = (options.officials ?? []).filter((official) => article.officialIds.includes(official.id));
  const url = absolute(article.url, options.siteUrl);
  return withoutUndefined({
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.sapo || undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    inLanguage: 'vi',
    url,
    mainEntityOfPage: url,
    image: article.cover ? [absolute(article.cover.src, options.siteUrl)] : undefined,
    articleSection: article.category.name,
    keywords: article.tags.length ? article.tags.join(', ') : undefined,
    author: article.author
      ? { '@type': 'Person', name: article.author }
      : { '@type': 'Organization', name: article.source ?? options.publisher?.name ?? article.category.name },
    publisher: options.publisher
      ? withoutUndefined({
          '@type': 'Organization',
          name: options.publisher.name,
          url: options.publisher.url,
          logo: options.publisher.logo ? { '@type': 'ImageObject', url: options.publisher.logo } : undefined,
        })
      : undefined,
    interactionStatistic: [
      {
        '@type': 'InteractionCounter',
        interactionType: 'https://schema.org/ReadAction',
        userInteractionCount: article.viewCount,
      },
      {
        '@type': 'InteractionCounter',
        interactionType: 'https://schema.org/CommentAction',
        userInteractionCount: article.commentCount,
      },
    ],
    commentCount: article.commentCount,
    mentions: mentioned.length
      ? mentioned.map((official) => {
          const { '@context': _context, ...person } = officialJsonLd(official, { at: article.publishedAt });
          return person;
        })
      : undefined,
  });
}

/** Event: "Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố khóa XVII, nhiệm kỳ 2020-2025". */
export function meetingJsonLd(meeting: Meeting, options: { officials?: readonly Official[] } = {}): JsonLd {
  const byId = new Map((options.officials ?? []).map((official) => [official.id, official]));
  const people = (ids: readonly string[]) =>
    ids
      .map((id) => byId.get(id))
      .filter((official): official is Official => official !== undefined)
      .map((official) => {
        const { '@context': _context, ...person } = officialJsonLd(official, { at: meeting.startAt });
        return person;
      });
  const name = [
    meeting.kind,
    meeting.session ? `lần thứ ${meeting.session}` : '',
    meeting.body,
    meeting.term ? formatTerm(meeting.term) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const chairs = people(meeting.chairIds);
  const attendees = people(meeting.attendeeIds);
  return withoutUndefined({
    '@context': CONTEXT,
    '@type': 'Event',
    name,
    startDate: meeting.startAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: 'vi',
    location: meeting.location ? { '@type': 'Place', name: meeting.location } : undefined,
    organizer: { '@type': 'Organization', name: meeting.body },
    // schema.org has no "chair"; the chairs lead the event, so they are its performers.
    performer: chairs.length ? chairs : undefined,
    attendee: attendees.length ? attendees : undefined,
    about: meeting.agenda.length ? meeting.agenda.map((item) => ({ '@type': 'Thing', name: item.title })) : undefined,
  });
}

/**
 * The text of a `<script type="application/ld+json">`. "<" is escaped so that a title
 * containing "</script>" cannot end the element early.
 */
export function jsonLdScriptContent(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
