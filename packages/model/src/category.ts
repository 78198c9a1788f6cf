import * as z from 'zod/mini';
import { idSchema, linkUrlSchema, slugSchema } from './primitives.js';

export const CategorySchema = z.object({
  id: idSchema,
  slug: slugSchema,
  /** As shown on the page: "Tin tức thành phố Hà Nội". */
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.optional(linkUrlSchema),
  parentId: z.optional(z.nullable(idSchema)),
});
export type Category = z.infer<typeof CategorySchema>;
