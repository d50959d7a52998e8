/**
 * A pre-flight request before tracing: exporters fail in the background, so a
 * wrong URL or key otherwise shows up only as an empty dashboard. An empty
 * body is a valid, empty protobuf ExportTraceServiceRequest, which an OTLP
 * receiver must accept, so the check stores nothing.
 */
import { resolveHindsightConfig } from "./resolve-config.js";
import type { ConfigOptions, Env } from "./resolve-config.js";

export type ConnectionCheck =
  | { ok: true; url: string; status: number }
  | { ok: false; url: string; reason: "unreachable"; message: string }
  | { ok: false; url: string; reason: "unauthorized" | "http_error"; status: number; message: string };

/**
 * POSTs an empty OTLP request to the resolved traces URL with the resolved
 * headers and reports whether the server is reachable and accepts the key.
 * Never throws.
 */
export async function checkHindsightConnection(options: ConfigOptions & { timeoutMs?: number } = {}, env: Env = process.env): Promise<ConnectionCheck> {
  let url = options.endpoint ?? "(unresolved)";
  try {
    const config = resolveHindsightConfig(options, env);
    url = config.tracesUrl;
    const response = await fetch(url, {
      method: "POST",
      headers: { ...config.headers, "content-type": "application/x-protobuf" },
      body: new Uint8Array(0),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    // Drain the body so the socket is released promptly.
    const text = await response.text();
    if (response.ok) return { ok: true, url, status: response.status };
    const detail = text.slice(0, 200);
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        url,
        reason: "unauthorized",
        status: response.status,
        message: `the server refused the API key (HTTP ${response.status}) ${detail}`.trim(),
      };
    }
    return { ok: false, url, reason: "http_error", status: response.status, message: `HTTP ${response.status} ${detail}`.trim() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { ok: false, url, reason: "unreachable", message };
  }
}
