import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { ElectionPlan } from '@bantin/model';
import { seedElectionPlan } from '@bantin/model/fixtures';
import '@bantin/elements/define/election-progress.js';
import { elementIn, inShadow, renderElement } from './support/render.js';

/** Story-only arg: which plan the element gets. */
interface PlanArgs {
  plan: ElectionPlan | null;
}

const meta = {
  title: 'Elements/tin-election-progress',
  component: 'tin-election-progress',
  tags: ['autodocs'],
  args: { plan: seedElectionPlan },
  render: ({ plan, ...args }) => renderElement('tin-election-progress', args, plan ? { plan } : {}),
} satisfies Meta<PlanArgs & Record<string, unknown>>;

export default meta;
type Story = StoryObj<PlanArgs & Record<string, unknown>>;

const progressbars: Story['play'] = async ({ canvasElement }) => {
  const bar = inShadow(elementIn(canvasElement, 'tin-election-progress'), '[role="progressbar"]');
  await expect(bar?.getAttribute('aria-valuetext')).toBe('17/35 bước');
};

/** The seed report: 17/35 bước, 17/17 and 18/33 nhiệm vụ, 126/126 xã phường, 55 + 248 hồ sơ. */
export const Seed: Story = { play: progressbars };

/** Every milestone status, in words: done, in progress, upcoming, overdue. */
export const EveryStatus: Story = {
  args: {
    plan: {
      ...seedElectionPlan,
      milestones: [
        seedElectionPlan.milestones[0]!,
        {
          id: 'danh-sach',
          title: 'Niêm yết danh sách cử tri',
          dueAt: '2026-02-03T00:00:00+07:00',
          status: 'in-progress',
        },
        { id: 'to-bau-cu', title: 'Thành lập tổ bầu cử', dueAt: '2026-01-30T00:00:00+07:00', status: 'overdue' },
        seedElectionPlan.milestones[3]!,
      ],
    },
  },
};

/** The day after the election: every track and milestone done. */
export const AllDone: Story = {
  args: {
    plan: {
      ...seedElectionPlan,
      progress: seedElectionPlan.progress.map((track) => ({ ...track, done: track.total, current: undefined })),
      milestones: seedElectionPlan.milestones.map((milestone) => ({ ...milestone, status: 'done' as const })),
    },
  },
};

/** A plan with no milestones and no dossiers yet: only the tracks. */
export const TracksOnly: Story = { args: { plan: { ...seedElectionPlan, milestones: [], dossiers: [] } } };

export const English: Story = { args: { lang: 'en' }, play: progressbars };

export const Dark: Story = { globals: { theme: 'dark' }, play: progressbars };

export const Phone: Story = {
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
  play: progressbars,
};

export const HeadingLevel3: Story = { args: { heading: 'Bầu cử 2026', 'heading-level': 3 } };

/** No plan: the error names the missing property. */
export const Missing: Story = {
  args: { plan: null },
  play: async ({ canvasElement }) => {
    const node = inShadow(elementIn(canvasElement, 'tin-election-progress'), '[part="error"]');
    await expect(node?.textContent?.trim()).toBe('Chưa cấu hình: thiếu thuộc tính plan.');
  },
};

/** `units.total` is negative: the whole plan is refused, naming the field. */
export const InvalidPlan: Story = {
  args: { plan: { ...seedElectionPlan, units: { label: 'xã', total: -1 } } as ElectionPlan },
};
