import * as z from 'zod/mini';
import { idSchema, isoDateTimeSchema, termSchema, intSchema } from './primitives.js';

const label = z.string().check(z.minLength(1), z.maxLength(1_000));

export const AgendaOutcomeSchema = z.enum(['adopted', 'discussed', 'commented', 'decided']);
export type AgendaOutcome = z.infer<typeof AgendaOutcomeSchema>;

export const AgendaItemSchema = z.object({
  title: label,
  /** adopted: "thông qua"; discussed: "thảo luận"; commented: "cho ý kiến"; decided: "quyết nghị". */
  outcome: AgendaOutcomeSchema,
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/**
 * A figure a meeting set: "khoảng 7,5%", "135 triệu đồng (tương đương 5.870 USD)", "85 trường".
 * `value` is the plain number (135000000 for "135 triệu đồng"), so it can be compared and reformatted.
 */
export const TargetSchema = z.object({
  indicator: label,
  value: z.number(),
  unit: z.string().check(z.maxLength(50)),
  /** "khoảng": the figure is approximate. */
  approximate: z.optional(z.boolean()),
  /** "tăng thêm" / "giảm": a change rather than a level. */
  change: z.optional(z.enum(['increase', 'decrease'])),
  equivalent: z.optional(z.object({ value: z.number(), unit: z.string().check(z.maxLength(50)) })),
  year: z.optional(intSchema()),
  /** The wording used in the source, kept for display. */
  text: z.optional(label),
});
export type Target = z.infer<typeof TargetSchema>;

export const MeetingSchema = z.object({
  id: idSchema,
  /** "Hội nghị" */
  kind: z.string().check(z.minLength(1), z.maxLength(100)),
  /** 2 for "lần thứ 2". */
  session: z.optional(intSchema(1)),
  /** "Ban Chấp hành Đảng bộ Thành phố" */
  body: label,
  term: z.optional(termSchema),
  startAt: isoDateTimeSchema,
  location: z.optional(label),
  chairIds: z.array(idSchema),
  attendeeIds: z.array(idSchema),
  /** Attendance described by group rather than by name: "lãnh đạo các sở, ngành Thành phố". */
  attendeeGroups: z.optional(z.array(label)),
  agenda: z.array(AgendaItemSchema),
  targets: z.array(TargetSchema),
  articleId: z.optional(idSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;
