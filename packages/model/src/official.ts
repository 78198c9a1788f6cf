import * as z from 'zod/mini';
import { idSchema, isoDateSchema, termSchema, intSchema } from './primitives.js';

/**
 * One title held over a span of time. Titles are time-bound: Nguyễn Văn Phong was
 * "Phó Bí thư Thành ủy" in 2020 and "Phó Bí thư Thường trực Thành ủy" in 2025.
 */
export const PositionSchema = z.object({
  /** As written in the news: "Phó Bí thư Thành ủy", "Ủy viên Bộ Chính trị". */
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  organisation: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  term: z.optional(termSchema),
  from: z.optional(isoDateSchema),
  /** null or absent: still held. */
  to: z.optional(z.nullable(isoDateSchema)),
  /** Lower sorts first when a chain of titles is written out; 0 is the primary title. */
  rank: z.optional(intSchema(0)),
});
export type Position = z.infer<typeof PositionSchema>;

export const OfficialSchema = z.object({
  id: idSchema,
  /** The name alone, without "đồng chí" or titles: "Vương Đình Huệ". */
  fullName: z.string().check(z.minLength(1), z.maxLength(200)),
  positions: z.array(PositionSchema),
});
export type Official = z.infer<typeof OfficialSchema>;
