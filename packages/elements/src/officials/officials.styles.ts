import { css } from 'lit';

export const officialsStyles = css`
  ul {
    display: grid;
    gap: var(--tin-officials-gap, var(--_space-m));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li + li {
    padding-top: var(--tin-officials-gap, var(--_space-m));
    border-top: 1px solid var(--_border);
  }
  .name,
  .titles {
    unicode-bidi: isolate;
  }
`;
