import { css } from 'lit';

/** A civic block with a heading (officials, meeting, key figures): one look for the heading and the empty state. */
export const civicSectionStyles = css`
  :host {
    display: block;
  }
  [part='heading'] {
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
