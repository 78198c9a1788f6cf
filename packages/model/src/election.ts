import type { ElectionPlan, Milestone } from './election-plan.js';

export interface TrackProgress {
  id: string;
  label: string;
  done: number;
  total: number;
  unit: string;
  /** Whole percent of `total` done, 0–100. */
  percent: number;
  /** Counted from the step under way, as the seed does: step 19 of 33 leaves "14 nhiệm vụ còn lại". */
  remaining: number;
}

export interface ElectionProgress {
  tracks: TrackProgress[];
  units: { completed: number; total: number; percent: number };
  milestones: { done: number; total: number; next: Milestone | null };
  dossiers: number;
}

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, Math.max(0, Math.round((part / whole) * 100))) : 0;

/** Progress of every track, the units, the milestones and the dossiers received, in one summary. */
export function electionProgress(plan: ElectionPlan): ElectionProgress {
  const tracks = plan.progress.map((track) => ({
    id: track.id,
    label: track.label,
    done: track.done,
    total: track.total,
    unit: track.unit,
    percent: percent(track.done, track.total),
    remaining: Math.max(0, track.total - Math.max(track.done, track.current ?? track.done)),
  }));
  const open = plan.milestones
    .filter((milestone) => milestone.status !== 'done')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const completedUnits = plan.units.completed ?? 0;
  return {
    tracks,
    units: { completed: completedUnits, total: plan.units.total, percent: percent(completedUnits, plan.units.total) },
    milestones: {
      done: plan.milestones.length - open.length,
      total: plan.milestones.length,
      next: open[0] ?? null,
    },
    dossiers: plan.dossiers.reduce((sum, dossier) => sum + dossier.count, 0),
  };
}
