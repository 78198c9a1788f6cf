import * as z from 'zod/mini';
import {
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  nonNegativeIntSchema,
  termSchema,
  intSchema,
} from './primitives.js';

const label = z.string().check(z.minLength(1), z.maxLength(500));

export const ElectedBodySchema = z.object({
  /** "Quốc hội", "Hội đồng nhân dân các cấp" */
  name: label,
  term: termSchema,
});

export const MilestoneStatusSchema = z.enum(['done', 'in-progress', 'upcoming', 'overdue']);
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;

export const MilestoneSchema = z.object({
  id: idSchema,
  title: label,
  /** "17h00 ngày 01/02/2026" is 2026-02-01T17:00:00+07:00. */
  dueAt: isoDateTimeSchema,
  status: MilestoneStatusSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

/**
 * Progress along one plan: "17/35 bước quy trình", "18/18 nhiệm vụ … đang ở bước triển khai 19/33".
 * `current` is the step being worked on; the seed counts what remains from it ("14 nhiệm vụ còn lại" of 33 at step 19).
 */
export const ProgressTrackSchema = z.object({
  id: idSchema,
  label,
  /** Who reports it: "Ủy ban bầu cử Thành phố". */
  owner: z.optional(label),
  done: nonNegativeIntSchema,
  current: z.optional(nonNegativeIntSchema),
  total: intSchema(1),
  /** "bước", "nhiệm vụ" */
  unit: z.string().check(z.minLength(1), z.maxLength(50)),
});
export type ProgressTrack = z.infer<typeof ProgressTrackSchema>;

export const ElectionPlanSchema = z.object({
  id: idSchema,
  title: label,
  bodies: z.array(ElectedBodySchema).check(z.minLength(1)),
  electionDay: isoDateSchema,
  steeringBody: z.object({
    name: label,
    headId: idSchema,
    /** The plan that set it up: "Kế hoạch số 02-KH/BCĐ ngày 20/11/2025". */
    plan: z.optional(label),
  }),
  milestones: z.array(MilestoneSchema),
  progress: z.array(ProgressTrackSchema),
  /** "126 xã, phường", and how many have finished their part. */
  units: z.object({ label, total: nonNegativeIntSchema, completed: z.optional(nonNegativeIntSchema) }),
  /** Candidacy dossiers received: 55 for Quốc hội, 248 for HĐND. */
  dossiers: z.array(z.object({ body: label, count: nonNegativeIntSchema })),
  articleId: z.optional(idSchema),
});
export type ElectionPlan = z.infer<typeof ElectionPlanSchema>;
