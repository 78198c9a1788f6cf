import { css } from 'lit';

export const keyFiguresStyles = css`
  :host {
    display: block;
  }
  [role='heading'] {
    margin-bottom: var(--_space-s);
    font-size: 1.25em;
    font-weight: 700;
    line-height: var(--_line-height-heading);
  }
  [part='empty'] {
    margin: 0;
    color: var(--_muted);
  }
`;
