import { css } from 'lit';

export const electionProgressStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--_space-s);
    min-width: 0;
  }
  [part='heading'] {
    font-size: 1.25em;
    font-weight: 700;
    line-height: var(--_line-height-heading);
  }
  [part='subheading'] {
    margin-top: var(--_space-s);
    font-weight: 700;
    line-height: var(--_line-height-heading);
  }
  p {
    margin: 0;
  }
  .title {
    color: var(--_muted);
  }
  ul,
  ol {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .track {
    display: grid;
    gap: var(--_space-xs);
  }
  .track-label {
    font-weight: 600;
    line-height: var(--_line-height-heading);
  }
  .owner {
    font-weight: 400;
    color: var(--_muted);
  }
  .bar {
    height: var(--tin-election-progress-bar-height, 0.5rem);
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .fill {
    fill: var(--tin-election-progress-bar-color, var(--_accent));
  }
  .track-value {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .dossiers strong {
    font-variant-numeric: tabular-nums;
  }
  .total {
    color: var(--_muted);
  }
  .milestones li {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    padding-left: var(--_space-s);
    border-left: 3px solid var(--_border);
  }
  [data-status='done'] {
    border-left-color: var(--tin-color-success, #1f6f3a);
  }
  [data-status='overdue'] {
    border-left-color: var(--_danger);
  }
  .next {
    border-left-color: var(--_accent);
  }
  .status {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }
  [data-status='done'] .status {
    color: var(--tin-color-success, #1f6f3a);
  }
  [data-status='overdue'] .status {
    color: var(--_danger);
  }
  time {
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
