import { css } from 'lit';

/**
 * Private aliases of the public `--tin-*` tokens (only those some element reads). Each element
 * works with no theme file loaded (light fallbacks below); a page sets any `--tin-*` property,
 * or loads themes/bantin.css, to restyle every element at once. Tokens are read, never
 * declared, on :host, so values set on :root inherit through the shadow boundary.
 * No backtick right after the word css in these comments: the build's CSS minifier would take
 * it for the start of a css template and leave the real one unminified.
 */
export const tokenStyles = css`
  :host {
    --_font: var(
      --tin-font-family,
      'Be Vietnam Pro',
      'Noto Sans',
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_font-size: var(--tin-font-size, 1rem);
    /* Stacked diacritics ("Ủy", "Ấn") clip below these. */
    --_line-height: var(--tin-line-height, 1.6);
    --_line-height-heading: var(--tin-line-height-heading, 1.35);
    --_text: var(--tin-color-text, #1c1f24);
    --_muted: var(--tin-color-text-muted, #5b6270);
    --_surface: var(--tin-color-surface, #fff);
    --_border: var(--tin-color-border, #dfe2e7);
    --_accent: var(--tin-color-accent, #b3121b);
    --_accent-contrast: var(--tin-color-accent-contrast, #fff);
    --_link: var(--tin-color-link, #0b4a8f);
    --_danger: var(--tin-color-danger, #b42318);
    --_focus: var(--tin-color-focus, #1a5fd0);
    --_skeleton: var(--tin-color-skeleton, #e6e8ec);
    --_radius: var(--tin-radius, 6px);
    --_space-xs: var(--tin-space-xs, 0.25rem);
    --_space-s: var(--tin-space-s, 0.5rem);
    --_space-m: var(--tin-space-m, 1rem);
  }
`;

/** Shared basics: typography, focus rings, the skeleton shimmer and screen-reader-only text. */
export const baseStyles = css`
  :host {
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_link);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    line-height: 1.4;
    cursor: pointer;
    min-height: 2.25rem;
    padding: var(--_space-xs) var(--_space-m);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.65;
  }
  .skeleton {
    display: block;
    background: var(--_skeleton);
    border-radius: var(--_radius);
    animation: tin-pulse 1.4s ease-in-out infinite;
  }
  @keyframes tin-pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error {
    color: var(--_danger);
  }
  /* The shared loading, empty and error states (TinElement's renderers). Blocks by default;
     inline elements (counters) set .state { display: inline }. */
  .state {
    display: block;
  }
  [part='error'] button {
    margin-inline-start: var(--_space-xs);
    color: var(--_text);
  }
`;
