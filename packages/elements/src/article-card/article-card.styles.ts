import { css } from 'lit';

// Slots keep display: contents, so a slotted image or sapo is itself the flex item, and a card
// without one leaves no empty box or gap. The horizontal layout is a wrapping flex row: when
// the body would get under 55% of the card, the image wraps above it (vertical), whatever
// the container, without the inline-size containment that container queries need.
export const articleCardStyles = css`
  :host {
    display: block;
    /* A title or category may be one long word (a URL, a code): break it rather than widen the page. */
    overflow-wrap: anywhere;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--tin-article-card-gap, var(--_space-s));
  }
  .image,
  ::slotted([slot='image']) {
    display: block;
    width: 100%;
    /* Lets the image shrink to its flex basis in the horizontal layout. */
    min-width: 0;
    height: auto;
    border-radius: var(--_radius);
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    min-width: 0;
  }
  .title {
    margin: 0;
    font-weight: 700;
    font-size: 1.125em;
    line-height: var(--_line-height-heading);
  }
  a {
    color: inherit;
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  a::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }
  a:focus-visible {
    outline: none;
  }
  a:focus-visible::after {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .sapo,
  ::slotted([slot='sapo']) {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--tin-article-card-sapo-lines, 3);
    overflow: hidden;
    margin: 0;
  }
  /* Above the stretched link, so that its retry button can be pressed if the count fails. */
  tin-comment-count {
    position: relative;
    z-index: 1;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
    font-size: 0.875em;
    color: var(--_muted);
  }
  :host([layout='horizontal']) .base {
    flex-flow: row wrap;
    align-items: flex-start;
  }
  :host([layout='horizontal']) .image,
  :host([layout='horizontal']) ::slotted([slot='image']) {
    flex: 1 1 var(--tin-article-card-image-width, 12rem);
  }
  :host([layout='horizontal']) .body {
    flex: 999 1 0;
    min-width: 55%;
  }
  :host([layout='compact']) slot:is([name='image'], [name='sapo']) {
    display: none;
  }
  :host([layout='compact']) .title {
    font-size: 1em;
  }
  :host([layout='featured']) .title {
    font-size: 1.5em;
  }
`;
