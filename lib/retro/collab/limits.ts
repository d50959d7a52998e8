// Limits of comments and tags, without zod, so client components can show them.
export const MAX_COMMENT_CHARS = 10_000;
export const MAX_TAGS_PER_TRACE = 50;
export const MAX_TAG_CHARS = 64;
