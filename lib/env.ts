// Environment variables, validated once. A bad value stops the server at start with a message that
// names the variable, instead of failing later in a request.
import path from "node:path";
import { z } from "zod";

/** An optional variable: empty means unset (VAR= in a shell or a .env file). */
const unsetIfEmpty = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === "" ? undefined : v), inner.optional());

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
  HINDSIGHT_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  HINDSIGHT_MAX_QUEUED_SPANS: z.coerce.number().int().min(100).default(50_000),
  HINDSIGHT_PROJECT_NAME: z.string().trim().min(1).default("Default project"),
  HINDSIGHT_SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  // Worker threads that parse and normalise OTLP bodies (0: in the request thread). Unset: one per
  // core beyond the second, at most four (none on 1–2 cores).
  HINDSIGHT_INGEST_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  // SQLite only: commit in a writer thread of its own (on) or in the request thread (off).
  HINDSIGHT_SQLITE_WRITER_THREAD: z
    .enum(["on", "off"], { message: "must be on or off" })
    .default("on")
    .transform((v) => v === "on"),
  // The pipeline map's ingest-time rollups (lib/data/graph): off stops keeping them (the map then shows
  // nothing new; for measuring what they cost ingest).
  HINDSIGHT_PIPELINE_MAP: z
    .enum(["on", "off"], { message: "must be on or off" })
    .default("on")
    .transform((v) => v === "on"),
  // Alerts (lib/alerts): seconds between scheduled rule evaluations (0 turns the scheduler off), the
  // first webhook retry delay (doubling after), and the base of links in notifications (unset: the
  // requesting origin for "evaluate now", else http://localhost:PORT).
  HINDSIGHT_ALERT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  // Data lifecycle (lib/jobs/lifecycle): seconds between retention purges and pending user deletions (0
  // turns the job off), and spans per purge transaction (small, so ingest commits in between).
  HINDSIGHT_LIFECYCLE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  HINDSIGHT_PURGE_BATCH_SPANS: z.coerce.number().int().min(10).max(100_000).default(2000),
  // Hours a delivered or given-up alert notification stays in the outbox before the lifecycle job
  // deletes it (0: at its next round); its attempts stay recorded on the incident.
  HINDSIGHT_OUTBOX_KEEP_HOURS: z.coerce.number().int().min(0).max(87_600).default(168),
  HINDSIGHT_ALERT_RETRY_BASE_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  HINDSIGHT_PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v), "must be an http:// or https:// URL"),
  // Retro analysis (lib/jobs/findings): findings kept at all (off: for benchmarks), how long a trace must
  // be quiet before it is analysed, and how long a trace that keeps growing may wait at most.
  HINDSIGHT_FINDINGS: z
    .enum(["on", "off"], { message: "must be on or off" })
    .default("on")
    .transform((v) => v === "on"),
  HINDSIGHT_FINDINGS_SETTLE_MS: z.coerce.number().int().min(0).max(3_600_000).default(3000),
  HINDSIGHT_FINDINGS_MAX_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(30_000),
  // Online evaluators (lib/jobs/evaluators): how long a trace must be quiet before they run on it, and
  // the OpenAI-compatible endpoint LLM judges call (with its key and a per-call timeout).
  HINDSIGHT_EVAL_SETTLE_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
  HINDSIGHT_JUDGE_BASE_URL: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, "must be an http(s) URL, e.g. https://api.openai.com/v1"),
  ),
  HINDSIGHT_JUDGE_API_KEY: unsetIfEmpty(z.string().trim().min(1)),
  HINDSIGHT_JUDGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // Access (lib/auth): the headless first admin, and single sign-on with OpenID Connect.
  HINDSIGHT_ADMIN_EMAIL: unsetIfEmpty(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ message: "must be an email address" })),
  ),
  HINDSIGHT_ADMIN_PASSWORD: unsetIfEmpty(z.string().min(12, "must be at least 12 characters").max(256, "must be at most 256 characters")),
  HINDSIGHT_OIDC_ISSUER: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, "must be the issuer's http(s) URL"),
  ),
  HINDSIGHT_OIDC_CLIENT_ID: unsetIfEmpty(z.string().trim().min(1)),
  HINDSIGHT_OIDC_CLIENT_SECRET: unsetIfEmpty(z.string().trim().min(1)),
  HINDSIGHT_OIDC_ALLOWED_DOMAINS: z
    .string()
    .trim()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
            .filter(Boolean)
        : [],
    )
    .refine((domains) => domains.every((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d)), "must be a comma-separated list of domains such as example.com"),
  // How often each server writes API keys' lastUsedAt (at most once per key per interval, off the request path).
  HINDSIGHT_KEY_USAGE_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // This server's name among several on one database (job leases, claimed notifications, logs); unset:
  // host name and process id.
  HINDSIGHT_NODE_ID: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^[\w.:-]{1,64}$/, "must be 1–64 letters, digits, '.', ':', '_' or '-'"),
  ),
  // Alert webhooks may target loopback and private addresses (tests, on-premises receivers).
  HINDSIGHT_WEBHOOK_ALLOW_PRIVATE: z
    .enum(["0", "1"], { message: "must be 0 or 1" })
    .default("0")
    .transform((v) => v === "1"),
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
  const { HINDSIGHT_ADMIN_EMAIL: adminEmail, HINDSIGHT_ADMIN_PASSWORD: adminPassword } = parsed.data;
  if (Boolean(adminEmail) !== Boolean(adminPassword))
    throw new Error("Invalid environment:\n  HINDSIGHT_ADMIN_EMAIL and HINDSIGHT_ADMIN_PASSWORD go together: set both or neither");
  const oidc = [parsed.data.HINDSIGHT_OIDC_ISSUER, parsed.data.HINDSIGHT_OIDC_CLIENT_ID, parsed.data.HINDSIGHT_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new Error(
      "Invalid environment:\n  HINDSIGHT_OIDC_ISSUER, HINDSIGHT_OIDC_CLIENT_ID and HINDSIGHT_OIDC_CLIENT_SECRET go together: set all three or none",
    );
  }
  const env = { ...parsed.data, database };
  if (source === process.env) cached = env;
  return env;
}
