"use server";
// The API keys page (project admins): create a key (shown once), revoke a key; and the onboarding's
// "create a key" button.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { createProjectKey, revokeProjectKey } from "@/lib/admin/api-keys";
import { authorizeAction } from "@/lib/auth/require-action";
import { projectPath } from "@/lib/format/project-path";
import { apiKeyInputSchema, firstError } from "@/lib/forms/access-forms";
import { submittedValues, type FormState } from "@/lib/forms/form-state";

export type KeyState = FormState<{ key: string }>;

const keysPath = (slug: string) => projectPath(slug, "/settings/api-keys");

/** "2026-12-31" (a date field) as the end of that day in UTC; "" as no expiry. */
const expiryOf = (raw: FormDataEntryValue | null) => {
  const text = typeof raw === "string" ? raw.trim() : "";
  return text === "" ? null : /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.999Z` : text;
};

export async function createKeyAction(projectSlug: string, _previous: KeyState, form: FormData): Promise<KeyState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = apiKeyInputSchema.safeParse({ name: form.get("name") ?? "", scopes: form.getAll("scopes"), expiresAt: expiryOf(form.get("expiresAt")) });
  if (!parsed.success) return { status: "error", ...firstError(parsed.error), values: submittedValues(form, ["name", "expiresAt"], ["scopes"]) };
  const { key, info } = await createProjectKey(auth.caller, { ...parsed.data, expiresAt: parsed.data.expiresAt ?? null }, await headers());
  revalidatePath(keysPath(projectSlug));
  return { status: "ok", message: `Created "${info.name}". Copy the key now: it is shown only this once.`, key };
}

export async function revokeKeyAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  if (!(await revokeProjectKey(auth.caller, String(form.get("id") ?? ""), await headers())))
    return { status: "error", message: "This key does not exist or was revoked already." };
  revalidatePath(keysPath(projectSlug));
  return { status: "ok", message: "Key revoked: it stops working on every server within 5 seconds." };
}

/** The onboarding's button: an ingest + read key named for the first trace. */
export async function createOnboardingKey(projectSlug: string): Promise<KeyState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const { key } = await createProjectKey(auth.caller, { name: "First trace", scopes: ["ingest", "read"], expiresAt: null }, await headers());
  return { status: "ok", message: "Key created: copy it now, it is shown only this once.", key };
}
