"use client";
// Sign-in with email and password (or SSO) against Better Auth's endpoints. A full page load follows a
// successful sign-in, so every server component renders with the new session.
import { useState, type FormEvent } from "react";
import { Field, FormMessage, inputClass, SubmitButton } from "@/components/ui/form-parts";

type Props = { next: string; isSsoEnabled: boolean; initialError: string | null };

async function readMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  if (response.status === 401) return "Wrong email or password.";
  if (response.status === 429) return body?.message ?? "Too many failed sign-ins: try again later.";
  return body?.message ?? `Sign-in failed (HTTP ${response.status}).`;
}

export function LoginForm({ next, isSsoEnabled, initialError }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [isPending, setIsPending] = useState(false);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password"), rememberMe: true }),
    }).catch(() => null);
    if (response?.ok) return window.location.assign(next);
    setIsPending(false);
    setError(response ? await readMessage(response) : "The server did not answer: check your connection.");
  }

  async function signInWithSso() {
    setIsPending(true);
    // Better Auth answers with the provider's authorization URL (state, PKCE challenge and nonce in it).
    const response = await fetch("/api/auth/sign-in/social", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "oidc", callbackURL: next, errorCallbackURL: "/login?error=sso", disableRedirect: true }),
    }).catch(() => null);
    const body = response?.ok ? ((await response.json()) as { url?: string }) : null;
    if (body?.url) return window.location.assign(body.url);
    setIsPending(false);
    setError("Single sign-on is unavailable right now.");
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={(e) => void signIn(e)} className="flex flex-col gap-3" data-testid="login-form">
        <Field label="Email">
          <input name="email" type="email" autoComplete="username" required className={inputClass} />
        </Field>
        <Field label="Password">
          <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
        </Field>
        <FormMessage state={error ? { status: "error", message: error } : { status: "idle" }} />
        <SubmitButton isPending={isPending}>Sign in</SubmitButton>
      </form>
      {isSsoEnabled ? (
        <button
          type="button"
          onClick={() => void signInWithSso()}
          disabled={isPending}
          className="rounded border border-line px-3 py-1.5 text-sm font-medium hover:bg-muted disabled:opacity-60"
        >
          Sign in with SSO
        </button>
      ) : null}
    </div>
  );
}
