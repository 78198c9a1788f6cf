import { css } from 'lit';

export const electionCountdownStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--_space-xs);
  }
  [part='heading'] {
    font-weight: 700;
    line-height: var(--_line-height-heading);
  }
  p {
    margin: 0;
  }
  [part='days'] {
    font-size: var(--tin-election-countdown-days-size, 1.75em);
    line-height: 1.3;
    font-variant-numeric: tabular-nums;
    color: var(--tin-election-countdown-days-color, var(--_accent));
  }
  .today {
    font-weight: 700;
    color: var(--_accent);
  }
`;
