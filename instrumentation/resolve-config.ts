/**
 * Where and how to export, decided once from options and environment. Pure (the
 * environment is a parameter) so precedence is testable without touching
 * process.env. Precedence, highest first:
 *
 *   endpoint: options.endpoint → OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (used as-is,
 *             as the OTel spec says for signal-specific URLs) →
 *             OTEL_EXPORTER_OTLP_ENDPOINT → HINDSIGHT_URL → http://127.0.0.1:3000
 *   auth:     options.apiKey → an authorization/x-api-key already in the
 *             OTEL_EXPORTER_OTLP_(TRACES_)HEADERS → HINDSIGHT_API_KEY
 *
 * Empty variables count as unset, as in the OTel SDK environment spec.
 */

export type Env = Readonly<Record<string, string | undefined>>;

export type ConfigOptions = {
  /** Server base URL (`http://host:3000`); traces go to `${endpoint}/v1/traces`. A URL already ending in /v1/traces is kept. */
  endpoint?: string;
  /** Sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  serviceName?: string;
  /** Extra export headers; they override headers from the environment. */
  headers?: Record<string, string>;
  /** Record prompts, completions and tool payloads (default true). */
  captureContent?: boolean;
};

export type ResolvedConfig = {
  tracesUrl: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Undefined leaves the SDK's default (OTEL_RESOURCE_ATTRIBUTES, then unknown_service). */
  serviceName: string | undefined;
  captureContent: boolean;
};

export const DEFAULT_ENDPOINT = "http://127.0.0.1:3000";
const TRACES_PATH = "/v1/traces";

function readEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseUrl(url: string, source: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // Reported below with the variable's name.
  }
  // "localhost:3000" parses as a URL with the scheme "localhost:", so the scheme is checked too.
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new Error(`Hindsight: ${source} is not a valid http(s) URL: "${url}"`);
  }
  return parsed;
}

/** Appends `/v1/traces` to a base URL, tolerating trailing slashes and a path already there. */
export function buildTracesUrl(endpoint: string, source = "endpoint"): string {
  const url = parseUrl(endpoint, source);
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith(TRACES_PATH) ? path : `${path}${TRACES_PATH}`;
  return url.toString();
}

function resolveTracesUrl(options: ConfigOptions, env: Env): string {
  if (options.endpoint) return buildTracesUrl(options.endpoint, "endpoint option");
  const signalUrl = readEnv(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  if (signalUrl) return parseUrl(signalUrl, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").toString();
  const otlpBase = readEnv(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (otlpBase) return buildTracesUrl(otlpBase, "OTEL_EXPORTER_OTLP_ENDPOINT");
  const hindsightBase = readEnv(env, "HINDSIGHT_URL");
  if (hindsightBase) return buildTracesUrl(hindsightBase, "HINDSIGHT_URL");
  return buildTracesUrl(DEFAULT_ENDPOINT);
}

/**
 * Parses the OTEL_EXPORTER_OTLP_HEADERS format: `k1=v1,k2=v2`, values
 * percent-encoded. Malformed entries are skipped rather than failing startup.
 */
export function parseOtlpHeaders(raw: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const entry of raw?.split(",") ?? []) {
    const separator = entry.indexOf("=");
    if (separator <= 0) continue;
    const key = entry.slice(0, separator).trim().toLowerCase();
    let value = entry.slice(separator + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // Keep the raw text: a stray "%" is more likely literal than an encoding error.
    }
    if (key && value) headers[key] = value;
  }
  return headers;
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
}

function resolveHeaders(options: ConfigOptions, env: Env): Record<string, string> {
  const headers = {
    ...parseOtlpHeaders(readEnv(env, "OTEL_EXPORTER_OTLP_HEADERS")),
    ...parseOtlpHeaders(readEnv(env, "OTEL_EXPORTER_OTLP_TRACES_HEADERS")),
  };
  const envKey = readEnv(env, "HINDSIGHT_API_KEY");
  const hasEnvAuth = "authorization" in headers || "x-api-key" in headers;
  if (envKey && !hasEnvAuth) headers.authorization = `Bearer ${envKey}`;
  Object.assign(headers, lowerCaseKeys(options.headers));
  if (options.apiKey) {
    // An explicit key replaces any credential from the environment, whichever header carried it.
    delete headers["x-api-key"];
    headers.authorization = `Bearer ${options.apiKey}`;
  }
  return headers;
}

function parseBoolean(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined;
  const value = raw.toLowerCase();
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/**
 * Resolves the export URL, headers, service name and content capture from
 * explicit options (which win) and OTEL_* / HINDSIGHT_* variables. Throws a
 * descriptive Error for an unparseable URL.
 */
export function resolveHindsightConfig(options: ConfigOptions = {}, env: Env = process.env): ResolvedConfig {
  return {
    tracesUrl: resolveTracesUrl(options, env),
    headers: resolveHeaders(options, env),
    serviceName: options.serviceName ?? readEnv(env, "OTEL_SERVICE_NAME"),
    captureContent:
      options.captureContent ??
      parseBoolean(readEnv(env, "HINDSIGHT_CAPTURE_CONTENT")) ??
      // The OTel GenAI opt-in flag is honoured only as an explicit "false": capture is what Hindsight is for.
      (parseBoolean(readEnv(env, "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT")) === false ? false : true),
  };
}
