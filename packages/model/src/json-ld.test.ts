import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleJsonLd, jsonLdScriptContent, meetingJsonLd, officialJsonLd } from './json-ld.js';
import { officialById, officials, seedArticle, seedMeeting } from './fixtures/index.js';

test('NewsArticle with absolute URLs, counts and the officials it mentions', () => {
  const ld = articleJsonLd(seedArticle, {
    officials,
    siteUrl: 'https://example.vn/',
    publisher: { name: 'Cổng thông tin điện tử Thành phố Hà Nội' },
  });
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, seedArticle.title);
  assert.equal(ld.url, `https://example.vn${seedArticle.url}`);
  assert.deepEqual(ld.image, ['https://example.vn/media/hoi-nghi-lan-thu-2/dai-bieu-thong-qua.svg']);
  assert.equal(ld.datePublished, '2020-11-28T12:00:00+07:00');
  assert.equal(ld.inLanguage, 'vi');
  const stats = ld.interactionStatistic as Array<{ userInteractionCount: number }>;
  assert.equal(stats[0]?.userInteractionCount, 414);
  const mentions = ld.mentions as Array<{ name: string; jobTitle?: string }>;
  assert.equal(mentions.length, 7);
  assert.ok(mentions.some((person) => person.name === 'Vương Đình Huệ' && person.jobTitle === 'Bí thư Thành ủy'));
});

test('Person names carry no title and no "đồng chí"', () => {
  for (const official of officials) {
    const ld = officialJsonLd(official, { at: '2026-02-04' });
    assert.equal(ld.name, official.fullName);
    assert.doesNotMatch(String(ld.name), /đồng chí|Bí thư|Chủ tịch|Ủy viên/i);
  }
  const ld = officialJsonLd(officialById('vuong-dinh-hue')!, { at: '2020-11-28' });
  assert.equal(ld.familyName, 'Vương');
  assert.equal(ld.givenName, 'Huệ');
  assert.equal(ld.affiliation && (ld.affiliation as { name: string }).name, 'Thành ủy Hà Nội');
});

test('Event for the meeting', () => {
  const ld = meetingJsonLd(seedMeeting, { officials });
  assert.equal(ld['@type'], 'Event');
  assert.equal(ld.name, 'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố khóa XVII, nhiệm kỳ 2020-2025');
  assert.equal(ld.startDate, '2020-11-28T08:00:00+07:00');
  assert.deepEqual(ld.location, { '@type': 'Place', name: 'Trụ sở Thành ủy Hà Nội' });
  assert.equal((ld.performer as unknown[]).length, 5);
  assert.equal((ld.attendee as unknown[]).length, 2);
});

test('script content cannot close its <script> element', () => {
  const text = jsonLdScriptContent({ headline: '</script><script>alert(1)</script>\u2028' });
  assert.doesNotMatch(text, /<\/script>/i);
  assert.deepEqual(JSON.parse(text), { headline: '</script><script>alert(1)</script>\u2028' });
});
