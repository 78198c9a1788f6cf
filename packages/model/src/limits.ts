// Length limits of what readers submit. Apart from comment.ts, which builds zod schemas, so
// that browser code (a textarea's maxlength, a character counter) can import them without zod.
export const COMMENT_MAX_LENGTH = 2_000;
/**
 * Longest comment a server may store and return: comments brought from an old system
 * (`bantin-server import comments`) come whole, even past what the reader form allows.
 */
export const STORED_COMMENT_MAX_LENGTH = 100_000;
export const AUTHOR_NAME_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;
