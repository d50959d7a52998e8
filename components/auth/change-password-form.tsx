"use client";

import { useActionState } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form-parts";
import { changePassword } from "@/lib/actions/account";
import { IDLE, MIN_PASSWORD, type FormState } from "@/lib/forms/form-state";

/** Change password: the current one, then the new one twice. */
export function ChangePasswordForm() {
  const [state, action, isPending] = useActionState<FormState, FormData>(changePassword, IDLE);
  return (
    <form action={action} className="flex max-w-sm flex-col gap-3" data-testid="change-password-form" noValidate>
      <Field label="Current password" error={errorFor(state, "currentPassword")}>
        <input name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <Field label="New password" error={errorFor(state, "newPassword")} hint={`At least ${MIN_PASSWORD} characters.`}>
        <input name="newPassword" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required className={inputClass} />
      </Field>
      <Field label="New password again" error={errorFor(state, "confirm")}>
        <input name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      {state.status !== "error" || !state.field ? <FormMessage state={state} /> : null}
      <SubmitButton isPending={isPending}>Change password</SubmitButton>
    </form>
  );
}
