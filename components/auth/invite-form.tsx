"use client";
// /invite/{token}: an invited user chooses their name and password, then goes to their project.
import { useActionState } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { acceptInvite, type AcceptState } from "@/lib/actions/invitations";
import { MIN_PASSWORD } from "@/lib/forms/form-state";

export function InviteForm({ token, email }: { token: string; email: string }) {
  const [state, action, isPending] = useActionState<AcceptState, FormData>(acceptInvite.bind(null, token), { status: "idle" });
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="invite-form" noValidate>
      <Field label="Email">
        <input value={email} readOnly className={`${inputClass} text-fg-muted`} autoComplete="username" />
      </Field>
      <Field label="Your name" error={errorFor(state, "name")}>
        <input name="name" autoComplete="name" required defaultValue={submitted(state, "name")} className={inputClass} />
      </Field>
      <Field label="Choose a password" error={errorFor(state, "password")} hint={`At least ${MIN_PASSWORD} characters.`}>
        <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required className={inputClass} />
      </Field>
      <Field label="Password again" error={errorFor(state, "confirm")}>
        <input name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      {state.status === "error" && !state.field ? <FormMessage state={state} /> : null}
      <SubmitButton isPending={isPending}>Join</SubmitButton>
    </form>
  );
}
