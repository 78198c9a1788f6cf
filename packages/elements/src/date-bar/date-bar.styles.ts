import { css } from 'lit';

export const dateBarStyles = css`
  :host {
    display: block;
    color: var(--tin-date-bar-color, inherit);
  }
  p {
    margin: 0;
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: var(--_space-s);
  }
  [part='separator'] {
    color: var(--_muted);
  }
  [part='holiday'] {
    font-weight: 600;
    color: var(--tin-date-bar-holiday-color, var(--_accent));
  }
`;
