import { CodeSnippet } from "@/components/ui/code-snippet";
import { getEnvSnippet, getNodeSnippet, getPythonSnippet } from "@/components/onboarding/snippets";

/** How to send the first trace: endpoint, key, snippets, demo data. Shown on a fresh install and in Settings. */
export function SendFirstTrace({ endpoint }: { endpoint: string }) {
  return (
    <div className="flex max-w-3xl flex-col gap-5 text-sm" data-testid="onboarding">
      <ol className="flex list-decimal flex-col gap-3 pl-5">
        <li>
          <span className="font-medium">Endpoint.</span> Hindsight receives OTLP/HTTP at{" "}
          <code className="rounded bg-muted px-1 font-mono">{endpoint}/v1/traces</code> (protobuf or JSON), so{" "}
          <code className="rounded bg-muted px-1 font-mono">OTEL_EXPORTER_OTLP_ENDPOINT={endpoint}</code> works with any OpenTelemetry SDK.
        </li>
        <li>
          <span className="font-medium">API key.</span> The first start on an empty database prints a key (<code className="font-mono">hs_…</code>) in the
          server log, once. To choose it yourself, start the server with <code className="rounded bg-muted px-1 font-mono">HINDSIGHT_INIT_API_KEY=hs_…</code>.
          Send it as <code className="rounded bg-muted px-1 font-mono">Authorization: Bearer &lt;key&gt;</code> (or <code className="font-mono">x-api-key</code>
          ).
        </li>
        <li>
          <span className="font-medium">Send traces</span> with one of these, or try it with realistic demo data:{" "}
          <code className="rounded bg-muted px-1 font-mono">npm run demo</code>.
        </li>
      </ol>
      <CodeSnippet title="Any OpenTelemetry SDK (environment)" code={getEnvSnippet(endpoint)} />
      <CodeSnippet title="Node.js" code={getNodeSnippet(endpoint)} />
      <CodeSnippet title="Python" code={getPythonSnippet(endpoint)} />
    </div>
  );
}
