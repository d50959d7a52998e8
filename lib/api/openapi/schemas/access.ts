// Response schemas of projects, API keys, members and the audit log.
// tests/unit/lib/api/openapi/schema-types.test.ts holds them equal to lib/data/access's types.
import { z } from "zod";
import { KEY_SCOPES, ROLES } from "@/lib/access/permissions";
import { DETECTOR_NAMES, MAX_PATTERN_LENGTH, MAX_PATTERNS } from "@/lib/redaction";
import { isoTime, jsonObject } from "./common";

export const roleSchema = z
  .enum(ROLES)
  .meta({ id: "Role", description: "viewer reads; member also writes (alert rules, …); admin also manages prices, keys, members and retention." });
export const keyScopeSchema = z
  .enum(KEY_SCOPES)
  .meta({ id: "KeyScope", description: "ingest: the OTLP endpoints only; read: GET /api/v1/*; write and admin: as the roles." });

const slug = z.string().meta({ description: "The project's name in URLs.", example: "default" });

export const projectListSchema = z
  .strictObject({
    data: z.array(
      z.strictObject({
        id: z.string(),
        slug,
        name: z.string(),
        role: roleSchema.nullable().meta({ description: "The signed-in user's role; null for an API key." }),
      }),
    ),
  })
  .meta({ id: "ProjectList" });

export const projectCreatedSchema = z.strictObject({ id: z.string(), slug, name: z.string() }).meta({ id: "ProjectCreated" });

export const projectSettingsAnswerSchema = z
  .strictObject({
    id: z.string(),
    slug,
    name: z.string(),
    retentionDays: z.int().nullable().meta({ description: "Null keeps traces forever." }),
    loopThreshold: z.int().meta({ description: "Identical calls from which a tool loop or repeated LLM call is a finding (default 3)." }),
  })
  .meta({ id: "ProjectSettings" });

export const apiKeySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The key's first characters, to recognise it; the key itself is stored hashed." }),
    scopes: z.array(keyScopeSchema),
    createdAt: isoTime,
    lastUsedAt: isoTime.nullable().meta({ description: "Kept up to date within about a minute, not per request." }),
    expiresAt: isoTime.nullable(),
  })
  .meta({ id: "ApiKey" });

export const apiKeyListSchema = z.strictObject({ data: z.array(apiKeySchema) }).meta({ id: "ApiKeyList" });

export const apiKeyCreatedSchema = z
  .strictObject({
    id: z.string(),
    key: z.string().meta({ description: "The key: shown this once, store it now.", example: "hs_4lJ1f…" }),
    prefix: z.string(),
    name: z.string(),
    scopes: z.array(keyScopeSchema),
    expiresAt: isoTime.nullable(),
  })
  .meta({ id: "ApiKeyCreated" });

const member = { userId: z.string(), email: z.email(), name: z.string(), role: roleSchema };
export const memberSchema = z.strictObject(member).meta({ id: "Member" });
export const memberListSchema = z.strictObject({ data: z.array(memberSchema) }).meta({ id: "MemberList" });

export const memberInvitedSchema = z
  .strictObject({
    ...member,
    inviteUrl: z.string().nullable().meta({ description: "One-time link for a new user (or one who never signed in) to set a password; send it to them." }),
    inviteExpiresAt: isoTime.nullable(),
  })
  .meta({ id: "MemberInvited" });

export const auditEntrySchema = z
  .strictObject({
    time: isoTime,
    actor: z.string().meta({ description: "Who acted: an email, a key's name and prefix, or `system`." }),
    actorType: z.enum(["user", "key", "system", "anonymous"]),
    action: z.string().meta({ example: "api_key.create" }),
    target: z.string().nullable(),
    details: jsonObject,
    ip: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

export const auditPageSchema = z
  .strictObject({
    data: z.array(auditEntrySchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last one." }),
  })
  .meta({ id: "AuditLogPage" });

export const redactionConfigSchema = z
  .strictObject({
    detectors: z.array(z.enum(DETECTOR_NAMES)).meta({
      description:
        "Built-in detectors: email, phone, credit_card (Luhn-checked), secret (API keys and tokens of the common providers, JWTs, private keys), ip_address.",
    }),
    patterns: z
      .array(
        z.strictObject({
          name: z.string().meta({ description: "Letters, digits, `_`, `.`, `-` (1–64); matches are stored as `[REDACTED:<name>]`." }),
          regex: z.string().meta({
            description: `A JavaScript regular expression (at most ${MAX_PATTERN_LENGTH} characters); repetitions must be bounded and backreferences are refused, so no pattern can take super-linear time.`,
          }),
        }),
      )
      .max(MAX_PATTERNS),
  })
  .meta({ id: "RedactionConfig", description: "What ingest replaces before anything of a span or log is stored." });
