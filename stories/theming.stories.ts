import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { articleSummaries, mostViewedArticle, mostViewedItems, SEED_NOW } from '@bantin/model/fixtures';
import themeCss from '@bantin/elements/themes/bantin.css?raw';
import '@bantin/elements/define/article-card.js';
import '@bantin/elements/define/comment-thread.js';
import '@bantin/elements/define/most-viewed.js';
import '@bantin/elements/define/time.js';
import '@bantin/elements/define/view-counter.js';
import { sampleComments } from './mock/sample-comments.js';
import { declarationsWithCssProperties } from './support/manifest.js';

interface Token {
  name: string;
  light: string;
  dark?: string;
  description?: string;
}

/**
 * The tokens as themes/bantin.css declares them (its light block and its `.tin-theme-dark` block),
 * then each element's own `--tin-<element>-*` properties from the manifest: nothing listed twice.
 */
function readTokens(): Token[] {
  const declarationsOf = (selectorPart: string) => {
    // Top-level rules only: the @media copy of the dark values is skipped.
    const topLevel = themeCss
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
    const rule = [...topLevel.matchAll(/([^{}]+)\{([^{}]*)\}/g)].find(([, selector]) =>
      selector!.includes(selectorPart),
    );
    return new Map(
      [...(rule?.[2] ?? '').matchAll(/(--tin-[\w-]+)\s*:\s*([^;]+);/g)].map(([, name, value]) => [
        name!,
        value!.trim(),
      ]),
    );
  };
  const light = declarationsOf('.tin-theme-light');
  const dark = declarationsOf('.tin-theme-dark');
  const shared: Token[] = [...light].map(([name, value]) => ({ name, light: value, dark: dark.get(name) }));
  const own: Token[] = declarationsWithCssProperties().flatMap((declaration) =>
    declaration.cssProperties!.map((property) => ({
      name: property.name,
      light: '',
      description: property.description,
    })),
  );
  return [...shared, ...own];
}

const isHexColor = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

function playground(theme: 'light' | 'dark'): TemplateResult {
  const tokens = readTokens();
  let samples: HTMLElement | undefined;
  let output: HTMLOutputElement | undefined;
  const set = (name: string, value: string) => {
    if (!samples || !output) return;
    if (value) samples.style.setProperty(name, value);
    else samples.style.removeProperty(name);
    const changed = [...samples.style].filter((property) => property.startsWith('--tin-'));
    output.value = changed.length
      ? `${theme === 'dark' ? '.tin-theme-dark' : ':root'} {\n${changed.map((property) => `  ${property}: ${samples!.style.getPropertyValue(property)};`).join('\n')}\n}`
      : '/* Change a token to see the CSS to copy. */';
  };
  const reset = (event: Event) => {
    const form = (event.target as HTMLElement).closest('form')!;
    form.reset();
    for (const token of tokens) set(token.name, '');
  };
  const row = (token: Token) => {
    const id = `token${token.name}`;
    const value = (theme === 'dark' && token.dark) || token.light;
    const input = isHexColor(value)
      ? html`<input
          id=${id}
          type="color"
          .defaultValue=${value}
          @input=${(e: Event) => set(token.name, (e.target as HTMLInputElement).value)}
        />`
      : html`<input
          id=${id}
          type="text"
          size="18"
          .defaultValue=${value}
          placeholder=${token.description?.match(/Default: (.*?)\.?$/)?.[1] ?? ''}
          @input=${(e: Event) => set(token.name, (e.target as HTMLInputElement).value)}
        />`;
    return html`<tr>
      <th scope="row">
        <label for=${id}><code>${token.name}</code></label>
      </th>
      <td>${input}</td>
      <td>${token.description ?? value}</td>
    </tr>`;
  };
  return html`<div
    style="display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; align-items: start"
  >
    <form>
      <table>
        <caption style="text-align: start">
          Tokens (<code>themes/bantin.css</code>
          and each element’s
          <code>@cssprop</code
          >)
        </caption>
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Value</th>
            <th scope="col">Default</th>
          </tr>
        </thead>
        <tbody>
          ${tokens.map(row)}
        </tbody>
      </table>
      <p><button type="button" @click=${reset}>Reset</button></p>
      <p><label for="theme-css">CSS</label></p>
      <output
        id="theme-css"
        style="display: block; white-space: pre; font-family: monospace"
        ${ref((el) => (output = el as HTMLOutputElement))}
        >/* Change a token to see the CSS to copy. */</output
      >
    </form>
    <div ${ref((el) => (samples = el as HTMLElement))} style="display: grid; gap: 1.5rem">
      <tin-article-card
        layout="horizontal"
        .article=${articleSummaries.find((a) => a.id === mostViewedArticle.id)}
      ></tin-article-card>
      <p>
        <tin-view-counter article-id=${mostViewedArticle.id} count="1520"></tin-view-counter> ·
        <tin-time datetime=${mostViewedArticle.publishedAt} .now=${Date.parse(SEED_NOW)}></tin-time>
      </p>
      <tin-most-viewed show-views .items=${mostViewedItems} .now=${Date.parse(SEED_NOW)}></tin-most-viewed>
      <tin-comment-thread
        article-id="theming-sample"
        .comments=${sampleComments.slice(0, 3)}
        .now=${Date.parse(SEED_NOW)}
      ></tin-comment-thread>
    </div>
  </div>`;
}

const meta = {
  title: 'Theming/Tokens',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;

/**
 * Every `--tin-*` token, live: change one and the sample elements follow (tokens inherit through
 * shadow roots). Switch the toolbar's theme to start from the dark values. The CSS to copy appears
 * under the table.
 */
export const Playground: StoryObj = {
  render: (_args, { globals }) => playground(globals.theme === 'dark' ? 'dark' : 'light'),
  play: async ({ canvasElement }) => {
    // Read from the theme file and the manifest: the accent colour and a per-element property.
    await expect(canvasElement.querySelector<HTMLInputElement>('#token--tin-color-accent')?.value).toMatch(
      /^#[0-9a-f]{6}$/,
    );
    await expect(canvasElement.querySelector('#token--tin-most-viewed-rank-color')).not.toBeNull();
  },
};
