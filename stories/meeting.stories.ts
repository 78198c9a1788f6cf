import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { officials, seedMeeting } from '@bantin/model/fixtures';
import '@bantin/elements/define/meeting.js';
import { jsonScript, showsIn } from './support/civic.js';
import { renderElement } from './support/render.js';

const meta = {
  title: 'Civic/tin-meeting',
  component: 'tin-meeting',
  tags: ['autodocs'],
  args: {},
  render: (args) => renderElement('tin-meeting', args, { meeting: seedMeeting, officials }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

const shows = (selector: string, text: string) => showsIn('tin-meeting', selector, text);

/** The seed meeting: the 2nd conference of khóa XVII, its chairs on 28/11/2020, agenda and 2021 targets. */
export const Seed: Story = {
  play: shows('[part="heading"]', 'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố (khóa XVII)'),
};

/** A meeting that set no figures: no figures section. */
export const NoTargets: Story = {
  render: (args) => renderElement('tin-meeting', args, { meeting: { ...seedMeeting, targets: [] }, officials }),
};

/** Every outcome group: one agenda item discussed ("thảo luận") added to the seed's. */
export const EveryOutcome: Story = {
  render: (args) =>
    renderElement('tin-meeting', args, {
      meeting: { ...seedMeeting, agenda: [...seedMeeting.agenda, { title: 'Công tác cán bộ', outcome: 'discussed' }] },
      officials,
    }),
  play: shows('[part="base"]', 'Thảo luận'),
};

/** `{ "meeting": …, "officials": […] }` in a child `<script type="application/json">`. */
export const FromJsonScript: Story = {
  render: (args) => {
    const element = renderElement('tin-meeting', args);
    element.append(jsonScript({ meeting: seedMeeting, officials }));
    return element;
  },
  play: shows('[part="chairs"]', 'Vương Đình Huệ'),
};

/** Invalid data: the error names the field. */
export const InvalidData: Story = {
  render: (args) =>
    renderElement('tin-meeting', args, { meeting: { ...seedMeeting, startAt: 'sáng 28/11' }, officials }),
  play: shows('[part="error"]', 'startAt'),
};

export const Missing: Story = {
  render: (args) => renderElement('tin-meeting', args),
  play: shows('[part="error"]', 'meeting'),
};

export const English: Story = { args: { lang: 'en' }, play: shows('[part="details"]', 'Saturday, 28 November 2020') };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Phone: Story = { tags: ['phone'], globals: { viewport: { value: 'phone', isRotated: false } } };
