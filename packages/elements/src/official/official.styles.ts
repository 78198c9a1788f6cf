import { css } from 'lit';

/** The card look, shared by <tin-official layout="card"> and the items of <tin-officials>. */
export const officialCardStyles = css`
  .card,
  .item {
    display: flex;
    align-items: flex-start;
    min-width: 0;
  }
  .photo {
    flex: none;
  }
  ::slotted(*) {
    display: block;
    width: var(--tin-official-photo-size, 4.5rem);
    height: var(--tin-official-photo-size, 4.5rem);
    margin-inline-end: var(--_space-m);
    border-radius: var(--_radius);
    object-fit: cover;
  }
  .text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .card .name,
  .item .name {
    font-weight: 700;
    line-height: var(--_line-height-heading);
  }
  .titles,
  .no-position {
    overflow-wrap: anywhere;
  }
  .card .titles,
  .item .titles,
  .no-position {
    font-size: 0.9375em;
    color: var(--_muted);
  }
`;

export const officialStyles = [
  css`
    :host {
      display: inline;
    }
    :host([layout='card']) {
      display: block;
    }
    .name {
      color: var(--tin-official-name-color, inherit);
      font-weight: 600;
    }
    .name,
    .titles {
      unicode-bidi: isolate;
    }
  `,
  officialCardStyles,
];
