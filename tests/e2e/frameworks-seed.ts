// Seeds the framework traces for tests/e2e/frameworks.spec.ts: the payloads captured from the real libraries
// (tests/fixtures/otlp/*.json) posted through the OTLP receiver as OTLP/JSON, exactly as those libraries'
// exporters sent them, with their times moved to the last hour so they also show in the default trace list.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SeedTarget } from "./otlp-seed";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/otlp");

type JsonSpan = { traceId: string; spanId: string; name: string; startTimeUnixNano: string; endTimeUnixNano: string };
type JsonRequest = { resourceSpans: { scopeSpans: { spans: JsonSpan[] }[] }[] };

export const FRAMEWORK_FIXTURES = [
  "openinference-anthropic",
  "traceloop-anthropic",
  "anthropic-sdk",
  "langgraph",
  "mastra",
  "vercel-ai",
  "vercel-ai-approval",
  "openai-agents",
  "mcp-openllmetry",
] as const;
export type FrameworkFixture = (typeof FRAMEWORK_FIXTURES)[number];

const spansOf = (request: JsonRequest) => request.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));

/** The fixture with every span shifted by the same amount so that its last span ends a minute before `nowMs`. */
export function loadRetimed(name: FrameworkFixture, nowMs = Date.now()): JsonRequest {
  const request = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as JsonRequest;
  const lastEnd = spansOf(request).reduce((max, span) => (BigInt(span.endTimeUnixNano) > max ? BigInt(span.endTimeUnixNano) : max), 0n);
  const shift = BigInt(nowMs - 60_000) * 1_000_000n - lastEnd;
  for (const span of spansOf(request)) {
    span.startTimeUnixNano = String(BigInt(span.startTimeUnixNano) + shift);
    span.endTimeUnixNano = String(BigInt(span.endTimeUnixNano) + shift);
  }
  return request;
}

/** The spans of a fixture named `name`, in fixture order (ids are kept as captured). */
export function fixtureSpans(name: FrameworkFixture, spanName: string): JsonSpan[] {
  const request = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as JsonRequest;
  const found = spansOf(request).filter((span) => span.name === spanName);
  if (found.length === 0) throw new Error(`${name}: no span named ${spanName}`);
  return found;
}

/** Posts every framework fixture; throws with the receiver's answer when one is refused. */
export async function seedFrameworkTraces(target: SeedTarget): Promise<void> {
  for (const name of FRAMEWORK_FIXTURES) {
    const response = await fetch(`${target.baseUrl}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${target.apiKey}` },
      body: JSON.stringify(loadRetimed(name)),
    });
    if (response.status !== 200) throw new Error(`seeding ${name}: ${response.status} ${await response.text()}`);
  }
}
