// Length limits of what readers submit. Apart from comment.ts, which builds zod schemas, so
// that browser code (a textarea's maxlength, a character counter) can import them without zod.
export const COMMENT_MAX_LENGTH = 2_000;
export const AUTHOR_NAME_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;
