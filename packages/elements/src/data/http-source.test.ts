import { expect } from '@open-wc/testing';
import type { Comment } from '@bantin/model';
import { BantinDataError } from './errors.js';
import {
  createHttpDataSource,
  sharedCommentCountSource,
  sharedHttpDataSource,
  sharedViewCountSource,
} from './http-source.js';

const comment = (id: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  articleId: 'hoi-nghi-lan-thu-2',
  parentId: null,
  authorName: 'Nguyễn Văn An',
  content: 'Rất đồng tình với chủ trương của Thành phố.',
  createdAt: '2026-02-03T08:00:00+07:00',
  status: 'approved',
  likes: 0,
  ...extra,
});

function answering(body: unknown) {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response(typeof body === 'string' ? body : JSON.stringify(body));
  }) as typeof globalThis.fetch;
  return { urls, fetch };
}

describe('createHttpDataSource', () => {
  it('listComments: one malformed comment in a page is skipped and reported; the others are returned', async () => {
    const good = Array.from({ length: 99 }, (_, i) => comment(`c${i}`));
    const bad = { ...comment('bad'), content: 42 };
    const { fetch } = answering({
      comments: [...good.slice(0, 50), bad, ...good.slice(50)],
      nextCursor: null,
      total: 100,
    });
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const skipped: number[] = [];
      const page = await createHttpDataSource('/api', { fetch }).listComments(
        'hoi-nghi-lan-thu-2',
        { sort: 'newest', limit: 100 },
        { onInvalidItems: (count) => skipped.push(count) },
      );
      expect(page.comments.map((c) => c.id)).to.deep.equal(good.map((c) => c.id));
      expect(page.total).to.equal(100);
      expect(skipped).to.deep.equal([1]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('comments[50].content');
    } finally {
      console.warn = warn;
    }
  });

  it('getCommentCounts: GET {endpoint}/comment-counts?ids=… batched, ids URL-encoded', async () => {
    const { urls, fetch } = answering({ counts: { '/tin-tuc/a': 3, b: 0 } });
    const source = createHttpDataSource('/api/', { fetch });
    const [a, b] = await Promise.all([source.getCommentCounts(['/tin-tuc/a']), source.getCommentCounts(['b'])]);
    expect(urls).to.deep.equal(['/api/comment-counts?ids=%2Ftin-tuc%2Fa,b']);
    expect(a).to.deep.equal({ '/tin-tuc/a': 3, b: 0 });
    expect(b).to.equal(a);
  });

  it('maxResponseBytes lowers the body cap', async () => {
    const { fetch } = answering({ views: { a: 1 }, padding: 'x'.repeat(2_000) });
    try {
      await createHttpDataSource('/api', { fetch, maxResponseBytes: 1_000 }).getViewCounts(['a']);
      expect.fail('should have refused the body');
    } catch (error) {
      expect(error).to.be.instanceOf(BantinDataError);
      expect((error as BantinDataError).kind).to.equal('too-large');
    }
  });

  it('the page-wide sources share their batches: the whole source is made of the per-kind ones', () => {
    const whole = sharedHttpDataSource('/api/shared/');
    expect(sharedHttpDataSource('/api/shared')).to.equal(whole);
    expect(whole.getViewCounts).to.equal(sharedViewCountSource('/api/shared').getViewCounts);
    expect(whole.getCommentCounts).to.equal(sharedCommentCountSource('/api/shared//').getCommentCounts);
    expect(sharedViewCountSource('/api/other')).to.not.equal(sharedViewCountSource('/api/shared'));
  });
});
