// The body of PUT /api/v1/projects/{slug}/write-tools and the Settings form's list: tool names as calls carry
// them (gen_ai.tool.name), at most 500, each at most 200 characters. Pure.
import { z } from "zod";

export const MAX_WRITE_TOOLS = 500;

const toolName = z
  .string({ message: "must be a list of tool names" })
  .trim()
  .min(1, "must not hold an empty name")
  .max(200, "must hold names of at most 200 characters")
  .refine((v) => !v.includes("\u0000"), "must not contain NUL characters");

export const writeToolsSchema = z.strictObject({
  tools: z.array(toolName, { message: "is required: a list of tool names" }).max(MAX_WRITE_TOOLS, `must hold at most ${MAX_WRITE_TOOLS} names`),
});

/** One name a line (or comma-separated), blanks dropped: what the Settings form's text area holds. */
export const splitToolNames = (text: string) =>
  text
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean);
