"use client";
// /setup: the first instance admin. Once created (and signed in), the page turns into the onboarding,
// with an ingest key made for them.
import Link from "next/link";
import { useActionState } from "react";
import { SendFirstTrace } from "@/components/onboarding/send-first-trace";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { completeSetup, type SetupState } from "@/lib/actions/setup";
import { projectPath } from "@/lib/format/project-path";
import { MIN_PASSWORD } from "@/lib/forms/form-state";

export function SetupForm({ endpoint, isSetUp }: { endpoint: string; isSetUp: boolean }) {
  const [state, action, isPending] = useActionState<SetupState, FormData>(completeSetup, { status: "idle" });
  if (state.status === "ok") {
    return (
      <div className="flex flex-col gap-4" data-testid="setup-done">
        <p className="text-sm">{state.message} No traces yet: send your first one.</p>
        <SendFirstTrace endpoint={endpoint} apiKey={state.apiKey} />
        <Link
          href={projectPath(state.projectSlug, "/traces")}
          className="self-start rounded bg-accent px-3 py-1.5 text-sm font-medium text-white hover:opacity-90"
        >
          Open the dashboard
        </Link>
      </div>
    );
  }
  if (isSetUp) {
    return (
      <p className="text-sm">
        Hindsight is set up already.{" "}
        <Link href="/login" className="text-accent hover:underline">
          Sign in
        </Link>
      </p>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="setup-form" noValidate>
      <Field label="Your name" error={errorFor(state, "name")}>
        <input name="name" autoComplete="name" required defaultValue={submitted(state, "name")} className={inputClass} />
      </Field>
      <Field label="Email" error={errorFor(state, "email")}>
        <input name="email" type="email" autoComplete="username" required defaultValue={submitted(state, "email")} className={inputClass} />
      </Field>
      <Field label="Password" error={errorFor(state, "password")} hint={`At least ${MIN_PASSWORD} characters.`}>
        <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required className={inputClass} />
      </Field>
      <Field label="Password again" error={errorFor(state, "confirm")}>
        <input name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      {state.status === "error" && !state.field ? <FormMessage state={state} /> : null}
      <SubmitButton isPending={isPending}>Create the admin account</SubmitButton>
    </form>
  );
}
