import { css } from 'lit';

export const meetingStyles = css`
  section {
    padding: var(--_space-m);
    border: 1px solid var(--tin-meeting-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--tin-meeting-background, var(--_surface));
    overflow-wrap: anywhere;
  }
  .details {
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
  }
  .details div {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space-s);
  }
  .details dt {
    font-weight: 600;
  }
  .details dt::after {
    content: ':';
  }
  .details dd {
    margin: 0;
  }
  .part {
    margin-top: var(--_space-m);
  }
  .subheading {
    margin-bottom: var(--_space-xs);
    font-weight: 700;
    line-height: var(--_line-height-heading);
    color: var(--tin-meeting-subheading-color, var(--_accent));
  }
  .outcome {
    margin-top: var(--_space-s);
    font-weight: 600;
    font-style: italic;
    line-height: var(--_line-height-heading);
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  li + li {
    margin-top: var(--_space-xs);
  }
  .name {
    font-weight: 600;
    unicode-bidi: isolate;
  }
`;
