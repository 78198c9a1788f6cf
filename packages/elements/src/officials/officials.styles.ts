import { css } from 'lit';

export const officialsStyles = css`
  :host {
    display: block;
  }
  [role='heading'] {
    margin-bottom: var(--_space-s);
    font-size: 1.25em;
    font-weight: 700;
    line-height: var(--_line-height-heading);
  }
  ul {
    display: grid;
    gap: var(--tin-officials-gap, var(--_space-m));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li + li {
    padding-top: var(--tin-officials-gap, var(--_space-m));
    border-top: 1px solid var(--_border);
  }
  .name,
  .titles {
    unicode-bidi: isolate;
  }
  [part='empty'] {
    margin: 0;
    color: var(--_muted);
  }
`;
