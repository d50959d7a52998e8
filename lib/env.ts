// Environment variables, validated once. A bad value stops the server at start with a message that
// names the variable, instead of failing later in a request.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^(postgres(ql)?:\/\/|file:)/.test(v), "must start with postgresql:// (PostgreSQL) or file: (SQLite)"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HINDSIGHT_INIT_API_KEY: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^hs_[A-Za-z0-9_-]{16,}$/.test(v), "must look like hs_ followed by at least 16 letters, digits, _ or -"),
  HINDSIGHT_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  HINDSIGHT_MAX_QUEUED_SPANS: z.coerce.number().int().min(100).default(50_000),
  HINDSIGHT_PROJECT_NAME: z.string().trim().min(1).default("Default project"),
  HINDSIGHT_SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
});

export type Env = z.infer<typeof schema> & { database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string } };

let cached: Env | undefined;

/** Parsed environment; throws an Error naming each bad variable. */
export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const url = parsed.data.DATABASE_URL;
  const database: Env["database"] =
    url && !url.startsWith("file:")
      ? { kind: "postgres", url }
      : { kind: "sqlite", file: path.resolve(url ? url.slice("file:".length) : path.join("data", "hindsight.db")) };
  const env = { ...parsed.data, database };
  if (source === process.env) cached = env;
  return env;
}
