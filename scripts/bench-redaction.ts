/**
 * `npm run bench:redaction`: what redaction at ingest costs per span, on the ingest benchmark's own
 * workload (scripts/bench/: GenAI agent traces, ~2 KB spans), next to what decoding and normalising the
 * same spans costs in this process. Each configuration runs on fresh copies of the normalised records
 * (redaction rewrites them in place); the figure is the best of --rounds passes, in µs of one core per span.
 *
 *   npm run bench:redaction -- [--spans N] [--rounds R] [--seed S] [--pii P]
 *
 * --pii P plants an email, a phone number, a card number and a GitHub token in the first chat message
 * of a fraction P of the spans (default 0.05), for the "with hits" rows.
 */
import { parseArgs } from "node:util";
import { normaliseTraceRequest } from "../lib/ingest/normalise";
import { decodeTraceRequestProtobuf } from "../lib/ingest/otlp-trace-decoder";
import type { OtlpTraceRequest } from "../lib/ingest/otlp-types";
import type { SpanRecord } from "../lib/ingest/span-record";
import { buildPriceBook } from "../lib/pricing/compute";
import { compileRedaction, redactSpanRecord, type RedactionConfig } from "../lib/redaction";
import { createRandom } from "./demo/random";
import { buildWorkload } from "./bench/encode";

const { values } = parseArgs({ options: { spans: { type: "string" }, rounds: { type: "string" }, seed: { type: "string" }, pii: { type: "string" } } });
const spanCount = Number(values.spans ?? 20_000);
const rounds = Number(values.rounds ?? 5);
const seed = Number(values.seed ?? 20261121);
const piiRate = Number(values.pii ?? 0.05);

const PII = "Reach me at maya.lee@example.com or +1 415 555 2671, card 4111 1111 1111 1111, token ghp_R8mKx2VqLw9TzN4bYc7HdJ3sFp6GtA1eXu5Q. ";
const ALL: RedactionConfig = { detectors: ["email", "phone", "credit_card", "secret", "ip_address"], patterns: [] };
const CUSTOM = { name: "employee_id", regex: String.raw`\bEMP-\d{6}\b` };

/** Plants PII in the first message text of a span's gen_ai.input.messages, so attributes and input carry it. */
function plant(request: OtlpTraceRequest, rate: number, rng: ReturnType<typeof createRandom>): void {
  for (const rs of request.resourceSpans)
    for (const ss of rs.scopeSpans)
      for (const span of ss.spans) {
        const messages = span.attributes["gen_ai.input.messages"];
        if (typeof messages === "string" && rng.chance(rate)) span.attributes["gen_ai.input.messages"] = messages.replace('"content":"', `"content":"${PII}`);
      }
}

function normalise(withPii: boolean): { spans: SpanRecord[]; microsPerSpan: number } {
  const workload = buildWorkload(spanCount, 512, seed);
  const prices = buildPriceBook();
  const rng = createRandom(seed);
  const spans: SpanRecord[] = [];
  let best = Infinity;
  for (let round = 0; round < (withPii ? 1 : rounds); round++) {
    spans.length = 0;
    const started = performance.now();
    for (const body of workload.bodies) {
      const request = decodeTraceRequestProtobuf(body);
      if (withPii) plant(request, piiRate, rng);
      spans.push(...normaliseTraceRequest(request, prices).spans);
    }
    best = Math.min(best, performance.now() - started);
  }
  return { spans, microsPerSpan: (best * 1000) / spans.length };
}

type Row = { label: string; config: RedactionConfig; spans: SpanRecord[]; content: string; best: number; changed: number };

/** One pass of redaction over fresh copies of the row's spans; keeps the fastest pass and how many spans it changed. */
function pass(row: Row): void {
  const redactor = compileRedaction(row.config);
  const copies = row.spans.map((span) => ({ ...span }));
  const started = performance.now();
  for (const span of copies) redactSpanRecord(redactor, span);
  row.best = Math.min(row.best, performance.now() - started);
  row.changed = copies.filter((copy, i) => copy.attributes !== row.spans[i]!.attributes || copy.input !== row.spans[i]!.input).length;
}

const clean = normalise(false);
const planted = normalise(true);
const textBytes = clean.spans.reduce((sum, s) => sum + s.attributes.length + (s.input?.length ?? 0) + (s.output?.length ?? 0) + s.events.length, 0);
console.log(
  `${clean.spans.length} spans, ${Math.round(textBytes / clean.spans.length)} characters of text each on average (attributes, input, output, events)`,
);
console.log(`decode + normalise in this process: ${clean.microsPerSpan.toFixed(1)} µs/span (best of ${rounds})\n`);
const row = (label: string, config: RedactionConfig, spans: SpanRecord[], content = "benchmark"): Row => ({
  label,
  config,
  spans,
  content,
  best: Infinity,
  changed: 0,
});
const rows: Row[] = [
  row("none", { detectors: [], patterns: [] }, clean.spans),
  ...ALL.detectors.map((d) => row(d, { detectors: [d], patterns: [] }, clean.spans)),
  row("all five detectors", ALL, clean.spans),
  row("all five detectors", ALL, planted.spans, `PII in ${Math.round(piiRate * 100)} % of spans`),
  row("all five + 1 custom pattern", { ...ALL, patterns: [CUSTOM] }, clean.spans),
];
// Configurations take turns round after round, so a busy moment of the machine does not favour one.
for (let round = 0; round < rounds; round++) for (const r of rows) pass(r);
console.log("| configuration | content | µs/span | spans changed |\n|---|---|---:|---:|");
for (const r of rows) console.log(`| ${r.label} | ${r.content} | ${((r.best * 1000) / r.spans.length).toFixed(2)} | ${r.changed} |`);
