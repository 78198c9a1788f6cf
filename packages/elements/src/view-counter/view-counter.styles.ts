import { css } from 'lit';

// .count keeps one width in every state, so the line does not move when the number arrives.
// The shared states are inline here: the counter sits inside a line of text.
export const viewCounterStyles = css`
  :host {
    display: inline-block;
    white-space: nowrap;
    color: var(--tin-view-counter-color, inherit);
  }
  .state {
    display: inline;
  }
  [part='error'] {
    white-space: normal;
  }
  .count {
    display: inline-block;
    min-width: var(--tin-view-counter-min-width, 4ch);
    font-variant-numeric: tabular-nums;
  }
  .skeleton {
    height: 1em;
    vertical-align: -0.15em;
  }
  button {
    min-height: 0;
    padding: 0 0.4em;
    line-height: 1.2;
  }
`;
