"use client";
// How to send the first trace: endpoint, key, snippets, demo data. Shown on a fresh project, after
// /setup (with the key just created) and in Settings. Project admins can create a key right here.
import { useState, useTransition } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { CodeSnippet } from "@/components/ui/code-snippet";
import { getEnvSnippet, getNodeSnippet, getPythonSnippet } from "@/components/onboarding/snippets";
import { createOnboardingKey } from "@/lib/actions/api-keys";

type Props = {
  endpoint: string;
  /** A key created a moment ago for this person (shown once). */
  apiKey?: string | null;
  /** With a project and the admin role, a button creates an ingest key. */
  projectSlug?: string;
  canCreateKey?: boolean;
};

export function SendFirstTrace({ endpoint, apiKey: initialKey = null, projectSlug, canCreateKey = false }: Props) {
  const [apiKey, setApiKey] = useState<string | null>(initialKey);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const createKey = () =>
    startTransition(async () => {
      const state = await createOnboardingKey(projectSlug!);
      if (state.status === "ok") setApiKey(state.key);
      else if (state.status === "error") setError(state.message);
    });
  return (
    <div className="flex max-w-3xl flex-col gap-5 text-sm" data-testid="onboarding">
      <ol className="flex list-decimal flex-col gap-3 pl-5">
        <li>
          <span className="font-medium">Endpoint.</span> Hindsight receives OTLP/HTTP at{" "}
          <code className="rounded bg-muted px-1 font-mono">{endpoint}/v1/traces</code> (protobuf or JSON), so{" "}
          <code className="rounded bg-muted px-1 font-mono">OTEL_EXPORTER_OTLP_ENDPOINT={endpoint}</code> works with any OpenTelemetry SDK.
        </li>
        <li>
          <span className="font-medium">API key.</span>{" "}
          {apiKey ? (
            <span className="inline-flex flex-wrap items-center gap-2" data-testid="onboarding-key">
              Your key (shown only this once, store it now): <code className="rounded bg-muted px-1 font-mono">{apiKey}</code>
              <CopyButton text={apiKey} />
            </span>
          ) : (
            <>
              Send a key with the <code className="font-mono">ingest</code> scope as{" "}
              <code className="rounded bg-muted px-1 font-mono">Authorization: Bearer &lt;key&gt;</code> (or <code className="font-mono">x-api-key</code>).
              Project admins create keys under Settings → API keys.{" "}
              {canCreateKey && projectSlug ? (
                <button
                  type="button"
                  onClick={createKey}
                  disabled={isPending}
                  className="text-accent underline disabled:opacity-60"
                  data-testid="create-onboarding-key"
                >
                  Create a key now
                </button>
              ) : null}
              {error ? <span className="text-danger"> {error}</span> : null}
            </>
          )}
        </li>
        <li>
          <span className="font-medium">Send traces</span> with one of these, or try it with realistic demo data:{" "}
          <code className="rounded bg-muted px-1 font-mono">HINDSIGHT_API_KEY=… npm run demo</code>.
        </li>
      </ol>
      <CodeSnippet title="Any OpenTelemetry SDK (environment)" code={getEnvSnippet(endpoint, apiKey)} />
      <CodeSnippet title="Node.js" code={getNodeSnippet(endpoint)} />
      <CodeSnippet title="Python" code={getPythonSnippet(endpoint)} />
    </div>
  );
}
