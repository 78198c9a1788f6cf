import { css } from 'lit';

export const commentThreadStyles = css`
  :host {
    display: block;
    --_gap: var(--tin-comment-thread-gap, var(--_space-s));
    /* Readers' names and texts may be one 80-character word: break it rather than widen the page. */
    overflow-wrap: anywhere;
  }
  /* What readers write is isolated, so that bidi controls in it (an open U+202E) stay inside it. */
  [part='author'],
  [part='content'] {
    unicode-bidi: isolate;
  }
  [part='heading'] {
    font-size: 1.25em;
    font-weight: 700;
    line-height: var(--_line-height-heading);
    margin: 0 0 var(--_space-m);
  }
  p {
    margin: 0 0 var(--_gap);
  }
  /*
   * The honeypot (docs/api.md, "Spam defence"): off-screen rather than display: none, which bots
   * recognise. Fixed and above the viewport, so it causes no scrolling in either direction.
   */
  .hp {
    position: fixed;
    top: -10000px;
    left: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  label {
    display: block;
    font-weight: 600;
  }
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  input,
  textarea {
    display: block;
    width: 100%;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [type='submit'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
  }
  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.65;
  }
  .muted,
  time,
  header span,
  footer span {
    color: var(--_muted);
    font-size: 0.875em;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol ol {
    padding-inline-start: var(--tin-comment-thread-indent, 1rem);
    border-inline-start: 2px solid var(--_border);
  }
  article {
    padding-block: var(--_gap);
  }
  /* Inline, not flex: a thousand comments lay out noticeably faster. */
  header > *,
  footer > * {
    margin-inline-end: var(--_space-s);
  }
  [part='content'] {
    margin: 0;
    white-space: pre-wrap;
  }
  footer button {
    border: 0;
    padding-inline: 0;
    min-height: 2rem;
    background: none;
    color: var(--_link);
  }
  [part='like'][aria-pressed='true'] {
    color: var(--_accent);
    font-weight: 600;
  }
  [part='more-replies'] {
    margin-block: var(--_space-xs) var(--_gap);
    margin-inline-start: var(--tin-comment-thread-indent, 1rem);
  }
  .skeleton {
    height: 5.5rem;
    margin-block: var(--_gap);
  }
`;
