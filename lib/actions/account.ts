"use server";
// The signed-in user's own account: change password (other sessions of the user end with it).
import { headers } from "next/headers";
import { APIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/better-auth";
import { authorizeUserAction } from "@/lib/auth/require-action";
import { clientAddress } from "@/lib/auth/client-address";
import { recordInstanceEvent } from "@/lib/data/access/audit-log";
import { changePasswordSchema, firstError } from "@/lib/forms/access-forms";
import { type FormState } from "@/lib/forms/form-state";

export async function changePassword(_previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeUserAction();
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = changePasswordSchema.safeParse({
    currentPassword: form.get("currentPassword") ?? "",
    newPassword: form.get("newPassword") ?? "",
    confirm: form.get("confirm") ?? "",
  });
  if (!parsed.success) return { status: "error", ...firstError(parsed.error) };
  const requestHeaders = await headers();
  try {
    await (
      await getAuth()
    ).api.changePassword({
      body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, revokeOtherSessions: true },
      headers: requestHeaders,
    });
  } catch (error) {
    if (error instanceof APIError && error.statusCode === 400)
      return { status: "error", field: "currentPassword", message: "currentPassword: is not your current password" };
    if (error instanceof APIError) return { status: "error", message: error.body?.message ?? "The password could not be changed." };
    throw error;
  }
  await recordInstanceEvent({
    actor: { type: "user", id: auth.user.id, label: auth.user.email },
    action: "auth.password_change",
    details: {},
    ip: clientAddress(requestHeaders),
  });
  return { status: "ok", message: "Password changed. Your other sessions were signed out." };
}
