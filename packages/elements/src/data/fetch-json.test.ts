import { expect } from '@open-wc/testing';
import { MostViewedResponseWire, ViewCountsResponseWire } from '@bantin/model';
import { mostViewedItems } from '@bantin/model/fixtures';
import { BantinDataError, errorMessageKey } from './errors.js';
import { checkWireList, fetchJson, looksLikeCorsRefusal, MAX_RESPONSE_BYTES } from './fetch-json.js';

const options = { timeoutMs: 10_000, fetch: window.fetch.bind(window) };

async function failure(promise: Promise<unknown>): Promise<BantinDataError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BantinDataError);
    return error as BantinDataError;
  }
  throw new Error('expected a failure');
}

/** Captures console.warn and console.error calls while `run` runs. */
async function console2<T>(run: () => Promise<T>) {
  const warnings: string[] = [];
  const errors: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  try {
    return { result: await run().catch((e: unknown) => e), warnings, errors };
  } finally {
    Object.assign(console, { warn, error });
  }
}

describe('fetchJson', () => {
  it('times out over the whole response: headers then a stalled body end in a timeout', async () => {
    const started = performance.now();
    const error = await failure(
      fetchJson('/mock-api/test/stalled-body', ViewCountsResponseWire, { ...options, timeoutMs: 300 }),
    );
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.lessThan(3_000);
    expect(errorMessageKey(error)).to.equal('errorTimeout');
  });

  it(`refuses a streamed body over ${MAX_RESPONSE_BYTES} bytes (1 MiB) without a content-length`, async () => {
    const error = await failure(fetchJson('/mock-api/test/large-body?bytes=2000000', MostViewedResponseWire, options));
    expect(error.kind).to.equal('too-large');
    expect(errorMessageKey(error)).to.equal('errorTooLarge');
  });

  it('reads a body just under the cap', async () => {
    const items = await fetchJson('/mock-api/test/large-body?bytes=1000000', MostViewedResponseWire, options);
    expect(items).to.deep.equal({ items: [] });
  });

  it('refuses a declared content-length over the cap before reading', async () => {
    const fake = (async () =>
      new Response('{"views":{}}', { headers: { 'content-length': String(MAX_RESPONSE_BYTES + 1) } })) as typeof fetch;
    const error = await failure(fetchJson('/x', ViewCountsResponseWire, { ...options, fetch: fake }));
    expect(error.kind).to.equal('too-large');
  });

  it('a cross-origin request the server does not allow reads as refused (CORS), not as a network failure', async () => {
    // The test page is on localhost; 127.0.0.1 is the same server on another origin, without CORS headers.
    const url = `${location.protocol}//127.0.0.1:${location.port}/mock-api/views?ids=a`;
    expect(new URL(url).origin).not.to.equal(location.origin);
    const error = await failure(fetchJson(url, ViewCountsResponseWire, options));
    expect(error.kind).to.equal('refused');
    expect(errorMessageKey(error)).to.equal('errorRefused');
  });

  it('a same-origin failure stays a network error', async () => {
    const fake = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await failure(
      fetchJson('/mock-api/views?ids=a', ViewCountsResponseWire, { ...options, fetch: fake }),
    );
    expect(error.kind).to.equal('network');
    expect(looksLikeCorsRefusal('/api/views', new TypeError('x'))).to.equal(false);
    expect(looksLikeCorsRefusal('https://api.example.invalid/views', new TypeError('x'))).to.equal(true);
    expect(looksLikeCorsRefusal('https://api.example.invalid/views', new Error('x'))).to.equal(false);
  });

  describe('lists: partial validity', () => {
    const first = mostViewedItems[0]!;
    const second = { ...first, rank: 2 };
    const bad = { ...first, rank: 0 };
    const respond = (body: unknown) => (async () => new Response(JSON.stringify(body))) as typeof fetch;

    it('skips invalid items, keeps the valid ones in order, warns once with the count, reports it', async () => {
      const counts: number[] = [];
      const { result, warnings, errors } = await console2(() =>
        fetchJson('/x', MostViewedResponseWire, {
          ...options,
          fetch: respond({ items: [first, bad, 'junk', second] }),
          list: 'items',
          onInvalidItems: (count) => counts.push(count),
        }),
      );
      expect(result).to.deep.equal({ items: [first, second] });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('skipped 2 of 4 items');
      expect(warnings[0]).to.contain('items[1].rank');
      expect(errors).to.deep.equal([]);
      expect(counts).to.deep.equal([2]);
    });

    it('an all-valid list warns nothing and reports nothing', async () => {
      const counts: number[] = [];
      const { warnings } = await console2(() =>
        fetchJson('/x', MostViewedResponseWire, {
          ...options,
          fetch: respond({ items: mostViewedItems }),
          list: 'items',
          onInvalidItems: (count) => counts.push(count),
        }),
      );
      expect(warnings).to.deep.equal([]);
      expect(counts).to.deep.equal([]);
    });

    for (const [name, body] of [
      ['not an object', [mostViewedItems[0]]],
      ['no list', { entries: [] }],
      ['the list is not an array', { items: { 0: mostViewedItems[0] } }],
    ] as const) {
      it(`a response wrong as a whole (${name}) is an error`, async () => {
        const { result } = await console2(() =>
          fetchJson('/x', MostViewedResponseWire, { ...options, fetch: respond(body), list: 'items' }),
        );
        expect(result).to.be.instanceOf(BantinDataError);
        expect((result as BantinDataError).kind).to.equal('invalid-response');
      });
    }

    it('checkWireList never throws on arbitrary data', () => {
      for (const data of [null, undefined, 1, 'x', [], {}, { items: null }, { items: [null, 1] }]) {
        const result = checkWireList(MostViewedResponseWire, 'items', data);
        expect(typeof result.ok).to.equal('boolean');
      }
      expect(checkWireList(MostViewedResponseWire, 'items', { items: [null, 1] })).to.deep.include({
        ok: true,
        skipped: 2,
      });
    });
  });
});
