import { describe, expect, it } from "vitest";
import { buildTracesUrl, parseOtlpHeaders, resolveHindsightConfig } from "../../../instrumentation/index";
import type { ConfigOptions, Env, ResolvedConfig } from "../../../instrumentation/index";

type Case = { name: string; options?: ConfigOptions; env?: Env; expected: Partial<ResolvedConfig> };

const cases: Case[] = [
  {
    name: "defaults to the local server without credentials",
    expected: { tracesUrl: "http://127.0.0.1:3000/v1/traces", headers: {}, serviceName: undefined, captureContent: true },
  },
  {
    name: "falls back to HINDSIGHT_URL and HINDSIGHT_API_KEY",
    env: { HINDSIGHT_URL: "http://hindsight:4000", HINDSIGHT_API_KEY: "hs_env" },
    expected: { tracesUrl: "http://hindsight:4000/v1/traces", headers: { authorization: "Bearer hs_env" } },
  },
  {
    name: "prefers OTEL_EXPORTER_OTLP_ENDPOINT over HINDSIGHT_URL and appends the signal path",
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/", HINDSIGHT_URL: "http://hindsight:4000" },
    expected: { tracesUrl: "http://collector:4318/v1/traces" },
  },
  {
    name: "uses OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as-is, above the generic endpoint",
    env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://custom:9999/ingest", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" },
    expected: { tracesUrl: "http://custom:9999/ingest" },
  },
  {
    name: "lets the endpoint option beat every variable",
    options: { endpoint: "http://option:3000/" },
    env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://custom:9999/ingest", HINDSIGHT_URL: "http://hindsight:4000" },
    expected: { tracesUrl: "http://option:3000/v1/traces" },
  },
  {
    name: "keeps a base path and does not double /v1/traces",
    options: { endpoint: "https://example.com/hindsight/v1/traces/" },
    expected: { tracesUrl: "https://example.com/hindsight/v1/traces" },
  },
  {
    name: "treats empty variables as unset",
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: "", HINDSIGHT_URL: "  ", HINDSIGHT_API_KEY: "" },
    expected: { tracesUrl: "http://127.0.0.1:3000/v1/traces", headers: {} },
  },
  {
    name: "keeps an Authorization from OTEL_EXPORTER_OTLP_HEADERS over HINDSIGHT_API_KEY",
    env: { OTEL_EXPORTER_OTLP_HEADERS: "Authorization=Bearer%20from-otel,X-Tenant=acme", HINDSIGHT_API_KEY: "hs_env" },
    expected: { headers: { authorization: "Bearer from-otel", "x-tenant": "acme" } },
  },
  {
    name: "does not add a Bearer key when the headers already carry x-api-key",
    env: { OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=hs_header", HINDSIGHT_API_KEY: "hs_env" },
    expected: { headers: { "x-api-key": "hs_header" } },
  },
  {
    name: "lets the apiKey option replace credentials from the environment",
    options: { apiKey: "hs_option" },
    env: { OTEL_EXPORTER_OTLP_HEADERS: "x-api-key=hs_header,authorization=Basic%20abc", HINDSIGHT_API_KEY: "hs_env" },
    expected: { headers: { authorization: "Bearer hs_option" } },
  },
  {
    name: "merges trace-specific headers over generic ones",
    env: { OTEL_EXPORTER_OTLP_HEADERS: "x-team=a,x-keep=1", OTEL_EXPORTER_OTLP_TRACES_HEADERS: "X-Team=b" },
    expected: { headers: { "x-team": "b", "x-keep": "1" } },
  },
  {
    name: "applies header options over environment headers",
    options: { headers: { "X-Team": "option" } },
    env: { OTEL_EXPORTER_OTLP_HEADERS: "x-team=env" },
    expected: { headers: { "x-team": "option" } },
  },
  {
    name: "reads OTEL_SERVICE_NAME",
    env: { OTEL_SERVICE_NAME: "billing-bot" },
    expected: { serviceName: "billing-bot" },
  },
  {
    name: "prefers the serviceName option",
    options: { serviceName: "support-bot" },
    env: { OTEL_SERVICE_NAME: "billing-bot" },
    expected: { serviceName: "support-bot" },
  },
  {
    name: "turns content capture off on the GenAI opt-out flag",
    env: { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: "false" },
    expected: { captureContent: false },
  },
  {
    name: "ignores the GenAI flag's default-off semantics unless explicitly false",
    env: { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: "" },
    expected: { captureContent: true },
  },
  {
    name: "lets HINDSIGHT_CAPTURE_CONTENT override the GenAI flag",
    env: { OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: "false", HINDSIGHT_CAPTURE_CONTENT: "TRUE" },
    expected: { captureContent: true },
  },
  {
    name: "lets the captureContent option win",
    options: { captureContent: false },
    env: { HINDSIGHT_CAPTURE_CONTENT: "true" },
    expected: { captureContent: false },
  },
];

describe("resolveHindsightConfig", () => {
  it.each(cases)("$name", ({ options, env, expected }) => {
    const config = resolveHindsightConfig(options, env ?? {});
    expect(config).toMatchObject(expected);
    // toMatchObject ignores extra keys; credentials must match exactly.
    if (expected.headers) expect(config.headers).toEqual(expected.headers);
  });

  it.each([
    { source: "endpoint option", options: { endpoint: "not a url" }, env: {} },
    { source: "HINDSIGHT_URL", options: {}, env: { HINDSIGHT_URL: "localhost:3000" } },
    { source: "OTEL_EXPORTER_OTLP_ENDPOINT", options: {}, env: { OTEL_EXPORTER_OTLP_ENDPOINT: "ftp://collector" } },
    { source: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", options: {}, env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "::" } },
  ])("names $source when its URL is invalid", ({ source, options, env }) => {
    expect(() => resolveHindsightConfig(options, env)).toThrow(source);
  });

  it("reads process.env when no environment is passed", () => {
    const previous = process.env.HINDSIGHT_URL;
    process.env.HINDSIGHT_URL = "http://from-process-env:1234";
    try {
      expect(resolveHindsightConfig().tracesUrl).toBe("http://from-process-env:1234/v1/traces");
    } finally {
      if (previous === undefined) delete process.env.HINDSIGHT_URL;
      else process.env.HINDSIGHT_URL = previous;
    }
  });
});

describe("parseOtlpHeaders", () => {
  it.each([
    { raw: undefined, expected: {} },
    { raw: "", expected: {} },
    { raw: "a=1,b=2", expected: { a: "1", b: "2" } },
    { raw: " Key = spaced value ", expected: { key: "spaced value" } },
    { raw: "list=a%2Cb,auth=Bearer%20x", expected: { list: "a,b", auth: "Bearer x" } },
    { raw: "novalue,=orphan,empty=,ok=1", expected: { ok: "1" } },
    { raw: "eq=a=b", expected: { eq: "a=b" } },
    { raw: "pct=100%", expected: { pct: "100%" } },
  ])("parses $raw", ({ raw, expected }) => {
    expect(parseOtlpHeaders(raw)).toEqual(expected);
  });
});

describe("buildTracesUrl", () => {
  it.each([
    { endpoint: "http://h:3000", expected: "http://h:3000/v1/traces" },
    { endpoint: "http://h:3000///", expected: "http://h:3000/v1/traces" },
    { endpoint: "https://h/base", expected: "https://h/base/v1/traces" },
    { endpoint: "https://h/base/v1/traces", expected: "https://h/base/v1/traces" },
    { endpoint: "http://h:3000?x=1", expected: "http://h:3000/v1/traces?x=1" },
  ])("$endpoint → $expected", ({ endpoint, expected }) => {
    expect(buildTracesUrl(endpoint)).toBe(expected);
  });
});
