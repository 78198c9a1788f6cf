import { css } from 'lit';

/** The tiles' look, shared by <tin-key-figures> and <tin-meeting>. */
export const tilesStyles = css`
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--tin-key-figures-tile-width, 10rem)), 1fr));
    gap: var(--_space-s);
    margin: 0;
  }
  .tile {
    display: flex;
    flex-direction: column;
    min-width: 0;
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--tin-key-figures-tile-background, var(--_surface));
  }
  .indicator {
    order: 2;
    font-size: 0.875em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .figure {
    order: 1;
    margin: 0;
    font-size: 1.375em;
    font-weight: 700;
    line-height: var(--_line-height-heading);
    color: var(--tin-key-figures-figure-color, var(--_accent));
    overflow-wrap: anywhere;
  }
  .arrow {
    font-size: 0.75em;
  }
  .year {
    order: 3;
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .indicator,
  .figure {
    unicode-bidi: isolate;
  }
`;
