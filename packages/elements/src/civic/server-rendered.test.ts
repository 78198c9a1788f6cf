// A civic element the server rendered (declarative shadow DOM, as the demo sends it) is taken
// over when it upgrades: one copy of its content, today's, never the server's beside it.
import { expect } from '@open-wc/testing';
import { seedElectionPlan } from '@bantin/model/fixtures';
import '../define/date-bar.js';
import '../define/election-progress.js';
import { until } from './test-support.js';

/** Parses `markup` as a server's HTML: declarative shadow roots attached, then upgraded. */
async function serverRendered<T extends HTMLElement>(markup: string): Promise<T> {
  const holder = document.createElement('div');
  document.body.append(holder);
  holder.setHTMLUnsafe(markup);
  const el = holder.firstElementChild as T & { updateComplete: Promise<boolean> };
  await el.updateComplete;
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('server-rendered civic elements', () => {
  it('the date bar replaces the server’s shadow content instead of adding a second copy', async () => {
    const el = await serverRendered<HTMLElement>(
      `<tin-date-bar date="2026-11-30"><template shadowrootmode="open"><p part="base">Thứ Hai, 29/11/2026 (server)</p></template></tin-date-bar>`,
    );
    expect(el.shadowRoot!.querySelectorAll('[part~="base"]')).to.have.length(1);
    expect(el.shadowRoot!.textContent).to.not.contain('(server)');
    expect(el.shadowRoot!.querySelector('[part="solar"]')!.textContent).to.equal('Thứ Hai, 30/11/2026');
  });

  it('an element on the shared civic base does the same, and reads its JSON child', async () => {
    const el = await serverRendered<HTMLElement>(
      `<tin-election-progress><template shadowrootmode="open"><section part="base">server copy</section></template><script type="application/json">${JSON.stringify(seedElectionPlan)}</script></tin-election-progress>`,
    );
    await until(() => el.shadowRoot!.querySelectorAll('[role="progressbar"]').length > 0);
    expect(el.shadowRoot!.querySelectorAll('[part~="base"]')).to.have.length(1);
    expect(el.shadowRoot!.textContent).to.not.contain('server copy');
  });
});
