// Validation of the access forms (setup, invitation, password, projects, members, keys) and of the
// matching API bodies. Server side only in practice: client components import ./form-state instead.
import { z } from "zod";
import { KEY_SCOPES, ROLES } from "@/lib/access/permissions";
import { SLUG_PATTERN } from "@/lib/access/slug";
import { loopThresholdSchema } from "@/lib/forms/retro-forms";

import { MIN_PASSWORD } from "./form-state";

const password = z.string().min(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`).max(256, "must be at most 256 characters");

export const setupSchema = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    email: z.email({ message: "must be an email address" }).trim().toLowerCase(),
    password,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });

export const acceptInvitationSchema = z
  .object({ name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "is required"), newPassword: password, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "does not match the new password" });

export const projectInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  slug: z.string().trim().regex(SLUG_PATTERN, "must be lower-case letters, digits and dashes (1–48), starting and ending with a letter or digit").optional(),
});

/** PATCH /api/v1/projects/{slug}: a new name, a retention in days (null keeps traces forever), or both. */
export const projectSettingsSchema = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
    retentionDays: z
      .number({ message: "must be a number of days, or null" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(3650, "must be at most 3650")
      .nullable()
      .optional(),
    loopThreshold: loopThresholdSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.retentionDays !== undefined || v.loopThreshold !== undefined, {
    message: "must change name, retentionDays or loopThreshold",
    path: ["body"],
  });

export const memberInputSchema = z.object({
  email: z.email({ message: "must be an email address" }).trim().toLowerCase(),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }),
});

export const roleSchema = z.object({ role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }) });

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  scopes: z
    .array(z.enum(KEY_SCOPES, { message: `each scope must be one of ${KEY_SCOPES.join(", ")}` }), {
      message: `must be a list of scopes (${KEY_SCOPES.join(", ")})`,
    })
    .min(1, `must name at least one scope (${KEY_SCOPES.join(", ")})`)
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 time" })
    .nullish()
    .refine((v) => v === null || v === undefined || Date.parse(v) > Date.now(), "must be in the future"),
});

/** The first issue of a zod error as a field and message. */
export function firstError(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]!;
  const field = issue.path.join(".") || "body";
  return { field, message: `${field}: ${issue.message}` };
}
