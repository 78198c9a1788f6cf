import { css } from 'lit';

export const mostViewedStyles = css`
  :host {
    display: block;
    --_gap: var(--tin-most-viewed-gap, var(--_space-m));
  }
  [role='heading'] {
    margin-bottom: var(--_space-s);
    font-size: 1.25em;
    font-weight: 700;
    line-height: var(--_line-height-heading);
  }
  [role='tablist'] {
    display: flex;
    margin-bottom: var(--_space-m);
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    margin-bottom: -1px;
    border: 0;
    border-bottom: 2px solid transparent;
    border-radius: 0;
    background: none;
    color: var(--_muted);
  }
  [aria-selected='true'] {
    border-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
  ol {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_space-s);
  }
  li + li {
    padding-top: var(--_gap);
    border-top: 1px solid var(--_border);
  }
  .rank {
    grid-row: span 2;
    width: 1.4em;
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
    text-align: center;
    color: var(--tin-most-viewed-rank-color, var(--_accent));
  }
  .title {
    font-weight: 600;
    line-height: var(--_line-height-heading);
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space-s);
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .meta.skeleton {
    width: 50%;
  }
`;
