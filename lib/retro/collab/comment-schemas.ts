// What a comment and a tag list may hold, validated once for the JSON API (and read by the OpenAPI
// document). Comment bodies are Markdown written by people; they are stored as sent and rendered
// without raw HTML, so no character needs to be refused beyond the size limit.
import { z } from "zod";
import { MAX_COMMENT_CHARS, MAX_TAG_CHARS, MAX_TAGS_PER_TRACE } from "./limits";

/** Counted in code points, so a comment of emoji is not cut at half its length. */
const characterCount = (text: string) => [...text].length;

export const commentBodyText = z
  .string({ message: "must be a string" })
  .refine((v) => v.trim().length > 0, "must not be empty")
  .refine((v) => characterCount(v) <= MAX_COMMENT_CHARS, `must be at most ${MAX_COMMENT_CHARS.toLocaleString("en")} characters`);

export const spanIdText = z
  .string({ message: "must be a string" })
  .regex(/^[0-9a-fA-F]{16}$/, "must be 16 hexadecimal characters")
  .transform((v) => v.toLowerCase());

export const newCommentSchema = z.object({ body: commentBodyText, spanId: spanIdText.nullish() }).strict();
export const editCommentSchema = z.object({ body: commentBodyText }).strict();

// Control characters (C0, DEL, C1) and line/paragraph separators would break CSV exports, issue trackers
// that count tags, and the list filter in a URL; tags are short labels, so they are refused outright.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const tagText = z
  .string({ message: "must be a string" })
  .refine((v) => !CONTROL.test(v), "must not contain control characters")
  .transform((v) => v.trim())
  .refine((v) => v.length > 0, "must not be empty")
  .refine((v) => characterCount(v) <= MAX_TAG_CHARS, `must be at most ${MAX_TAG_CHARS} characters`);

export const putTagsSchema = z
  .object({
    tags: z.array(tagText, { message: "must be an array of strings" }).max(MAX_TAGS_PER_TRACE, `at most ${MAX_TAGS_PER_TRACE} tags per trace`),
  })
  .strict();

/** The tags to store: trimmed, duplicates dropped, in the order given. */
export const normaliseTags = (tags: readonly string[]): string[] => [...new Set(tags)];

/** GET /api/v1/comments/mentions: whose mentions (a user id; the signed-in caller's when absent). */
export const mentionsQuerySchema = z
  .object({
    userId: z
      .string({ message: "must be a string" })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a user id")
      .optional(),
  })
  .strict();
