import { css } from 'lit';

// Like the view counter: inline in a line of meta text, one width kept while loading.
export const commentCountStyles = css`
  :host {
    display: inline-block;
    white-space: nowrap;
    color: var(--tin-comment-count-color, inherit);
  }
  .state {
    display: inline;
  }
  [part='error'] {
    white-space: normal;
  }
  .count {
    display: inline-block;
    min-width: var(--tin-comment-count-min-width, 2ch);
    font-variant-numeric: tabular-nums;
  }
  .skeleton {
    min-width: var(--tin-comment-count-min-width, 8ch);
    height: 1em;
    vertical-align: -0.15em;
  }
  a {
    color: inherit;
  }
  button {
    min-height: 0;
    padding: 0 0.4em;
    line-height: 1.2;
  }
`;
