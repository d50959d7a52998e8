"use server";
// /setup: creates the first instance admin while no user exists, signs them in, and creates an ingest
// key for the default project, shown once on the onboarding that follows.
import { headers } from "next/headers";
import { hashPassword } from "better-auth/crypto";
import { getAuth } from "@/lib/auth/better-auth";
import { callerForUser } from "@/lib/auth/caller";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { recordInstanceEvent } from "@/lib/data/access/audit-log";
import { createFirstAdmin } from "@/lib/data/access/users";
import { DEFAULT_PROJECT_ID } from "@/lib/data/scope";
import { createProjectKey } from "@/lib/admin/api-keys";
import { firstError, setupSchema } from "@/lib/forms/access-forms";
import { submittedValues, type FormState } from "@/lib/forms/form-state";

export type SetupState = FormState<{ apiKey: string; projectSlug: string }>;

export async function completeSetup(_previous: SetupState, form: FormData): Promise<SetupState> {
  const requestHeaders = await headers();
  if (!isSameOrigin(requestHeaders)) return { status: "error", message: "Setup must be completed from Hindsight's own page." };
  const parsed = setupSchema.safeParse(Object.fromEntries(["name", "email", "password", "confirm"].map((k) => [k, form.get(k) ?? ""])));
  if (!parsed.success) return { status: "error", ...firstError(parsed.error), values: submittedValues(form, ["name", "email"]) };
  const { name, email, password } = parsed.data;
  const user = await createFirstAdmin({ name, email, passwordHash: await hashPassword(password), defaultProjectId: DEFAULT_PROJECT_ID });
  if (!user) return { status: "error", message: "Hindsight is set up already: sign in instead." };
  await (await getAuth()).api.signInEmail({ body: { email, password }, headers: requestHeaders });
  await recordInstanceEvent({ actor: { type: "user", id: user.id, label: user.email }, action: "auth.setup", details: {} });
  const caller = await callerForUser(user, DEFAULT_PROJECT_ID);
  if (!caller) return { status: "error", message: "The default project is missing: restart the server with `npm start`." };
  const { key } = await createProjectKey(caller, { name: "Created at setup", scopes: ["ingest", "read"], expiresAt: null }, requestHeaders);
  return { status: "ok", message: "Your admin account is ready.", apiKey: key, projectSlug: caller.project.slug };
}
