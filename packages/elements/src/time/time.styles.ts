import { css } from 'lit';

export const timeStyles = css`
  :host {
    display: inline;
    color: var(--tin-time-color, inherit);
  }
  time {
    white-space: nowrap;
  }
`;
