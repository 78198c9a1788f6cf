import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bearerTokenMatches,
  corsOptions,
  createVisitorHasher,
  DEFAULT_RATE_LIMITS,
  parseTrustProxy,
  resolveRateLimits,
} from './security.js';

describe('visitor hashes', () => {
  it('the day is the Vietnam calendar day, whatever the machine’s zone', () => {
    // 17:30 UTC on 4 February is 00:30 on 5 February in Vietnam (and noon in New York).
    assert.equal(createVisitorHasher({ now: () => new Date('2026-02-04T17:30:00Z') }).today(), '2026-02-05');
    assert.equal(createVisitorHasher({ now: () => new Date('2026-02-04T16:59:59Z') }).today(), '2026-02-04');
  });

  it('one visitor is one hash per day; the salt changes with the day and never shows the address', () => {
    const hasher = createVisitorHasher();
    const a = hasher.visitor('203.0.113.7', 'Mozilla/5.0', '2026-02-04');
    assert.equal(hasher.visitor('203.0.113.7', 'Mozilla/5.0', '2026-02-04'), a);
    assert.notEqual(hasher.visitor('203.0.113.7', 'Mozilla/5.1', '2026-02-04'), a);
    assert.notEqual(hasher.visitor('203.0.113.8', 'Mozilla/5.0', '2026-02-04'), a);
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!a.includes('203'));
    // Field boundaries are kept: ("1.2.3.4", "5 UA") and ("1.2.3.45", " UA") differ.
    assert.notEqual(hasher.visitor('1.2.3.4', '5 UA', '2026-02-04'), hasher.visitor('1.2.3.45', ' UA', '2026-02-04'));
    const nextDay = hasher.visitor('203.0.113.7', 'Mozilla/5.0', '2026-02-05');
    assert.notEqual(nextDay, a);
    // Yesterday's salt is gone: asking for that day again draws a new one.
    assert.notEqual(hasher.visitor('203.0.113.7', 'Mozilla/5.0', '2026-02-04'), a);
    assert.notEqual(hasher.address('203.0.113.7', '2026-02-05'), nextDay);
  });

  it('two processes agree only when they share a secret', () => {
    const day = '2026-02-04';
    assert.notEqual(createVisitorHasher().visitor('ip', 'ua', day), createVisitorHasher().visitor('ip', 'ua', day));
    const one = createVisitorHasher({ secret: 's3cret' });
    const two = createVisitorHasher({ secret: 's3cret' });
    assert.equal(one.visitor('ip', 'ua', day), two.visitor('ip', 'ua', day));
    assert.notEqual(one.visitor('ip', 'ua', day), one.visitor('ip', 'ua', '2026-02-05'));
    assert.notEqual(one.visitor('ip', 'ua', day), createVisitorHasher({ secret: 'other' }).visitor('ip', 'ua', day));
  });
});

describe('admin token', () => {
  it('accepts exactly "Bearer <token>"', () => {
    assert.equal(bearerTokenMatches('Bearer abc123', 'abc123'), true);
    assert.equal(bearerTokenMatches('bearer   abc123 ', 'abc123'), true);
    for (const header of [
      undefined,
      '',
      'abc123',
      'Bearer',
      'Bearer ',
      'Bearer abc1234',
      'Bearer abc12',
      'Basic abc123',
      'Bearer abc 123',
      'Bearer ABC123',
    ]) {
      assert.equal(bearerTokenMatches(header, 'abc123'), false, String(header));
    }
    assert.equal(bearerTokenMatches('Bearer ', ''), false, 'an empty configured token never matches');
    assert.equal(bearerTokenMatches('Bearer x', ''), false);
  });
});

describe('rate limits and CORS', () => {
  it('rate limits: defaults, overrides, off', () => {
    assert.deepEqual(resolveRateLimits(undefined), DEFAULT_RATE_LIMITS);
    assert.equal(DEFAULT_RATE_LIMITS.comments.max, 5);
    assert.equal(resolveRateLimits(false), null);
    const custom = resolveRateLimits({ comments: { max: 2, windowMs: 1000 } })!;
    assert.deepEqual(custom.comments, { max: 2, windowMs: 1000 });
    assert.deepEqual(custom.views, DEFAULT_RATE_LIMITS.views);
  });

  it('CORS allows listed origins exactly, never credentials', () => {
    const options = corsOptions(['https://portal.example.vn/', 'http://localhost:5173']);
    const allows = (origin: string | undefined) => {
      let verdict: boolean | undefined;
      options.origin(origin, (_error, allow) => (verdict = allow));
      return verdict;
    };
    assert.equal(allows('https://portal.example.vn'), true);
    assert.equal(allows('http://localhost:5173'), true);
    for (const origin of [
      'https://portal.example.vn.evil.vn',
      'http://portal.example.vn',
      'https://evil.vn',
      'null',
      undefined,
      'http://localhost:5174',
    ]) {
      assert.equal(allows(origin), false, String(origin));
    }
    assert.equal(options.credentials, false);
  });
});

describe('--trust-proxy', () => {
  it('takes a number of proxies or their addresses, and nothing else', () => {
    assert.equal(parseTrustProxy('1'), 1);
    assert.equal(parseTrustProxy(' 2 '), 2);
    assert.deepEqual(parseTrustProxy('10.0.0.5,10.0.0.0/8, ::1, fd00::/8,loopback'), [
      '10.0.0.5',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['', '0', 'true', 'yes', '10.0.0.0/33', '::/129', 'example.vn', '10.0.0.1,', '1.2.3.4/8/1', '-1'])
      assert.equal(parseTrustProxy(bad), null, JSON.stringify(bad));
  });
});
