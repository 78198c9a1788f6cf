import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

// The stylesheets under packages/elements/src/themes, loaded as a page would load them.
const THEMES = '/packages/elements/src/themes';

async function stylesheet(name: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = `${THEMES}/${name}`;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
  return link;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const frames = async (count: number) => {
  for (let i = 0; i < count; i++) await frame();
};

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

/**
 * Puts `tag` between two paragraphs before it is defined, lets the page paint, then defines it
 * and waits for its count: the layout shift measured by Chromium over that time.
 */
async function shiftWhenUpgrading(tag: string, define: () => Promise<unknown>): Promise<number> {
  const container = document.createElement('div');
  container.style.width = '40rem';
  container.innerHTML = `<p>Chiều 3/2, Ban Chấp hành Đảng bộ thành phố tổ chức Hội nghị lần thứ 2.</p>
    <${tag} article-id="hoi-nghi-lan-thu-2" endpoint="/mock-api"></${tag}>
    <p>Đồng chí Nguyễn Duy Ngọc chủ trì hội nghị.</p>`;
  document.body.append(container);
  try {
    await frames(3);
    const shifts: LayoutShift[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as LayoutShift[])));
    observer.observe({ type: 'layout-shift' });
    await define();
    const element = container.querySelector(tag)!;
    await waitUntil(() => element.shadowRoot?.querySelector('[part=count]:not(.skeleton)'), 'the count never arrived', {
      timeout: 3000,
    });
    await frames(3);
    shifts.push(...(observer.takeRecords() as LayoutShift[]));
    observer.disconnect();
    return shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0);
  } finally {
    container.remove();
  }
}

describe('themes', () => {
  describe('layout shift (reserve.css)', () => {
    it('control: without its rules, a counter upgrading between paragraphs shifts the page', async () => {
      // The same element class under a tag reserve.css does not know: the page as it was before.
      const { TinViewCounter } = await import('../src/view-counter/view-counter.js');
      const shift = await shiftWhenUpgrading('x-unreserved-counter', async () =>
        customElements.define('x-unreserved-counter', class extends TinViewCounter {}),
      );
      expect(shift).to.be.greaterThan(0);
    });

    it('with reserve.css, a <tin-view-counter> between block elements causes no layout shift (CLS 0)', async () => {
      const link = await stylesheet('reserve.css');
      try {
        const shift = await shiftWhenUpgrading('tin-view-counter', () => import('../src/define/view-counter.js'));
        expect(shift).to.equal(0);
      } finally {
        link.remove();
      }
    });

    it('with reserve.css, a <tin-comment-count> causes no layout shift either', async () => {
      const link = await stylesheet('reserve.css');
      try {
        const shift = await shiftWhenUpgrading('tin-comment-count', () => import('../src/define/comment-count.js'));
        expect(shift).to.equal(0);
      } finally {
        link.remove();
      }
    });
  });

  describe('dark mode (bantin.css) is opt-in', () => {
    const LIGHT_TEXT = '#1c1f24';
    const DARK_TEXT = '#e7e9ee';
    let link: HTMLLinkElement;
    const root = document.documentElement;
    const token = (element: Element = root) => getComputedStyle(element).getPropertyValue('--tin-color-text').trim();

    before(async () => {
      link = await stylesheet('bantin.css');
    });
    after(async () => {
      link.remove();
      root.classList.remove('tin-theme-dark', 'tin-theme-auto', 'tin-theme-light');
      await emulateMedia({ colorScheme: 'light' });
    });
    afterEach(() => root.classList.remove('tin-theme-dark', 'tin-theme-auto', 'tin-theme-light'));

    it('a reader whose system is dark still gets the light theme on a page that did not opt in', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(token()).to.equal(LIGHT_TEXT);
      expect(getComputedStyle(root).colorScheme).to.equal('light');
    });

    it('class="tin-theme-dark" turns dark on, whatever the system says', async () => {
      await emulateMedia({ colorScheme: 'light' });
      root.classList.add('tin-theme-dark');
      expect(token()).to.equal(DARK_TEXT);
    });

    it('class="tin-theme-auto" follows the system setting', async () => {
      root.classList.add('tin-theme-auto');
      await emulateMedia({ colorScheme: 'dark' });
      expect(token()).to.equal(DARK_TEXT);
      await emulateMedia({ colorScheme: 'light' });
      expect(token()).to.equal(LIGHT_TEXT);
    });

    it('class="tin-theme-light" keeps a container light inside a dark page', async () => {
      root.classList.add('tin-theme-dark');
      const box = document.createElement('div');
      box.className = 'tin-theme-light';
      document.body.append(box);
      try {
        expect(token(box)).to.equal(LIGHT_TEXT);
      } finally {
        box.remove();
      }
    });
  });
});
