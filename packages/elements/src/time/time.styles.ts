import { css } from 'lit';

export const timeStyles = css`
  :host {
    display: inline;
    /* Inline text: it takes the surrounding font (a 14px meta line stays 14px). */
    font: inherit;
    color: var(--tin-time-color, inherit);
  }
  time {
    white-space: nowrap;
  }
`;
