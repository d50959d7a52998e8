// The pipeline map's JavaScript alone, without a database: the bench:ingest workload's traces, each
// through MapStep as a new trace and its contributions into RollupDeltas, as ingest does per commit.
// Prints µs per span for several rounds (the first ones warm the JIT up). CPU work only, so the figure
// is steadier than an ingest run's:
//   npx tsx scripts/bench/map-step-cpu.ts [--spans N] [--rounds R]
import { parseArgs } from "node:util";
import { toGraphSpan, type GraphSummarySpan } from "../../lib/analytics/graph/graph-change";
import { graphContributions } from "../../lib/analytics/graph/graph-contributions";
import { emptyMapState } from "../../lib/analytics/graph/map-state";
import { MapStep } from "../../lib/analytics/graph/map-step";
import { RollupDeltas } from "../../lib/analytics/rollup-delta";
import { normaliseTraceRequest } from "../../lib/ingest/normalise";
import { decodeTraceRequestProtobuf } from "../../lib/ingest/otlp-trace-decoder";
import { buildPriceBook } from "../../lib/pricing/compute";
import { buildWorkload } from "./encode";

const { values } = parseArgs({ options: { spans: { type: "string" }, rounds: { type: "string" } } });
const workload = buildWorkload(Number(values.spans ?? 100_000), 512, 20261121);
const prices = buildPriceBook();
const byTrace = new Map<string, { task: string; spans: GraphSummarySpan[] }>();
let spans = 0;
for (const body of workload.bodies) {
  for (const span of normaliseTraceRequest(decodeTraceRequestProtobuf(body), prices).spans) {
    spans++;
    const trace = byTrace.get(span.traceId) ?? { task: span.name, spans: [] };
    if (span.parentSpanId === null) trace.task = span.name;
    trace.spans.push(span);
    byTrace.set(span.traceId, trace);
  }
}
for (let round = 1; round <= Number(values.rounds ?? 8); round++) {
  const started = performance.now();
  const rollups = new RollupDeltas();
  for (const { task, spans: traceSpans } of byTrace.values()) {
    const result = new MapStep(emptyMapState(task), task, traceSpans.map(toGraphSpan), [], []).finish([]);
    rollups.addAll(graphContributions(task, result.after), 1);
  }
  const ms = performance.now() - started;
  console.log(
    `round ${round}: ${ms.toFixed(0)} ms for ${spans.toLocaleString("en-US")} spans in ${byTrace.size.toLocaleString("en-US")} traces → ${((ms * 1000) / spans).toFixed(2)} µs/span`,
  );
}
