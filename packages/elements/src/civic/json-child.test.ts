// The JSON child is followed after the element is upgraded: added, changed and removed later,
// for every civic element that takes one (the shared TinCivicElement base).
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { officials, seedElectionPlan, seedMeeting, SEED_NOW } from '@bantin/model/fixtures';
import '../define/official.js';
import '../define/officials.js';
import '../define/meeting.js';
import '../define/key-figures.js';
import '../define/election-countdown.js';
import '../define/election-progress.js';
import { warnings } from './test-helpers.js';
import { textOf, until } from './test-support.js';

const byId = (id: string) => officials.find((official) => official.id === id)!;

interface Case {
  tag: string;
  property: string;
  /** Attributes every instance gets (a fixed day, so the text does not depend on the clock). */
  attributes: string;
  /** Extra set-up before the element is attached (`now` is a property). */
  setUp?: (el: HTMLElement) => void;
  first: unknown;
  second: unknown;
  /** The properties that show `second` when set by script (default: `property` = `second`). */
  secondProperties?: Record<string, unknown>;
}

const now = new Date(SEED_NOW);
const cases: Case[] = [
  {
    tag: 'tin-official',
    property: 'official',
    attributes: 'at="2020-11-28"',
    first: byId('vuong-dinh-hue'),
    second: byId('nguyen-van-phong'),
  },
  {
    tag: 'tin-officials',
    property: 'officials',
    attributes: 'at="2020-11-28"',
    first: officials,
    second: [byId('nguyen-van-phong')],
  },
  {
    tag: 'tin-meeting',
    property: 'meeting',
    attributes: '',
    first: { meeting: seedMeeting, officials },
    second: { meeting: { ...seedMeeting, location: 'Hội trường Thành ủy' }, officials },
    secondProperties: { meeting: { ...seedMeeting, location: 'Hội trường Thành ủy' }, officials },
  },
  {
    tag: 'tin-key-figures',
    property: 'targets',
    attributes: '',
    first: seedMeeting.targets,
    second: seedMeeting.targets!.slice(0, 2),
  },
  {
    tag: 'tin-election-countdown',
    property: 'plan',
    attributes: '',
    setUp: (el) => Object.assign(el, { now }),
    first: seedElectionPlan,
    second: { ...seedElectionPlan, electionDay: '2026-03-22' },
  },
  {
    tag: 'tin-election-progress',
    property: 'plan',
    attributes: '',
    setUp: (el) => Object.assign(el, { now }),
    first: seedElectionPlan,
    second: { ...seedElectionPlan, progress: seedElectionPlan.progress.slice(0, 1) },
  },
];

type Civic = HTMLElement & { updateComplete: Promise<boolean> } & Record<string, unknown>;

async function make(c: Case, data?: unknown): Promise<Civic> {
  const holder = document.createElement('div');
  holder.innerHTML = `<${c.tag} ${c.attributes}></${c.tag}>`;
  const el = holder.firstElementChild as Civic;
  c.setUp?.(el);
  if (data !== undefined) el.append(jsonScript(data));
  return fixture<Civic>(el);
}

function jsonScript(data: unknown): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(data);
  return script;
}

/** What the element shows with `data` given as a child from the start: the reference. */
async function shownWith(c: Case, data: unknown): Promise<string> {
  const el = await make(c, data);
  const text = textOf(el);
  el.remove();
  return text;
}

const error = (el: Element) => el.shadowRoot!.querySelector('[part~="error"]');

for (const c of cases) {
  describe(`${c.tag}: the JSON child after upgrade`, () => {
    let first = '';
    let second = '';
    before(async () => {
      first = await shownWith(c, c.first);
      second = await shownWith(c, c.second);
    });

    it('the two data sets used here render differently, and without an error', async () => {
      expect(first).to.not.equal(second);
      const el = await make(c, c.first);
      expect(error(el)).to.equal(null);
    });

    it('a child appended later is read', async () => {
      let el!: Civic;
      await warnings(async () => {
        el = await make(c);
      });
      expect(error(el), 'no data yet: the shared error state').to.not.equal(null);
      el.append(jsonScript(c.first));
      await until(() => textOf(el) === first);
      expect(error(el)).to.equal(null);
    });

    it('a child whose text changes later is read again (textContent and the text node itself)', async () => {
      const el = await make(c, c.first);
      const script = el.querySelector('script')!;
      script.textContent = JSON.stringify(c.second);
      await until(() => textOf(el) === second);
      (script.firstChild as Text).data = JSON.stringify(c.first);
      await until(() => textOf(el) === first);
    });

    it('a child removed later takes its data with it: the missing-data error names the property', async () => {
      const el = await make(c, c.first);
      const seen = await warnings(async () => {
        el.querySelector('script')!.remove();
        await until(() => error(el) !== null);
      });
      expect(textOf(el)).to.contain(c.property);
      expect(seen.join('\n')).to.contain(c.property);
    });

    it('a child changed to invalid JSON shows the shared error state naming it, warns and fires the error event', async () => {
      const el = await make(c, c.first);
      const heard = oneEvent(el, `${c.tag}-error`);
      const seen = await warnings(async () => {
        el.querySelector('script')!.textContent = '{ "id": ';
        await until(() => error(el) !== null);
        await el.updateComplete;
      });
      expect((await heard).detail.error.message).to.contain('JSON');
      expect(error(el)!.textContent).to.contain('<script type="application/json">');
      expect(seen.join('\n')).to.contain('<script type="application/json">');
      // Valid again: the element recovers.
      el.querySelector('script')!.textContent = JSON.stringify(c.first);
      await until(() => textOf(el) === first);
    });

    it('the property wins over the child, before and after the child changes', async () => {
      const el = await make(c, c.first);
      Object.assign(el, c.secondProperties ?? { [c.property]: c.second });
      await until(() => textOf(el) === second);
      el.querySelector('script')!.textContent = JSON.stringify(c.first);
      // Give the observer and a render the chance to (wrongly) replace the property.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(textOf(el)).to.equal(second);
      el.querySelector('script')!.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(textOf(el)).to.equal(second);
    });

    it('a child changed while the element was disconnected is read when it connects again', async () => {
      const el = await make(c, c.first);
      const parent = el.parentElement!;
      el.remove();
      el.querySelector('script')!.textContent = JSON.stringify(c.second);
      await new Promise((resolve) => setTimeout(resolve, 20));
      parent.append(el);
      await until(() => textOf(el) === second);
    });
  });
}
