// `npm run bench:retro`: how long retro analysis takes on two generated runs of the same task
// (tests/unit/lib/retro/generate-trace.ts), in this process, without a server: the median of several runs
// after a warm-up, per function. Also prints what was found, so a regression in the result shows too.
//
//   npm run bench:retro                         two 10,000-span traces, 15 runs
//   npm run bench:retro -- --spans 50000 --runs 5
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { criticalPath } from "@/lib/retro/critical-path";
import { detectFindings } from "@/lib/retro/detect-findings";
import { diffTraces } from "@/lib/retro/diff-traces";
import { retroSpanFromStored, type StoredSpanFields } from "@/lib/retro/from-stored-span";
import { stepSequence, stepSequenceSimilarity } from "@/lib/retro/step-similarity";
import { textDiff } from "@/lib/retro/text-diff";
import { indexTrace } from "@/lib/retro/trace-index";
import type { RetroSpan } from "@/lib/retro/types";
import { generateAgentTrace } from "../tests/unit/lib/retro/generate-trace";

const { values } = parseArgs({ options: { spans: { type: "string", default: "10000" }, runs: { type: "string", default: "15" } } });
const targetSpans = Number(values.spans);
const runs = Number(values.runs);
if (!Number.isInteger(targetSpans) || targetSpans < 10 || !Number.isInteger(runs) || runs < 1) throw new Error("--spans and --runs take positive integers");

const median = (samples: number[]) => [...samples].sort((x, y) => x - y)[Math.floor(samples.length / 2)]!;

/** Median wall time and median CPU time of this process (the CPU figure is steadier on a shared machine). */
function time(label: string, fn: () => unknown): void {
  fn(); // warm-up: compile and reach steady state before timing
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  console.log(`${label.padEnd(44)} wall median ${fmt(median(wall))}  min ${fmt(Math.min(...wall))}   cpu median ${fmt(median(cpu))}`);
}

function stored(span: RetroSpan): StoredSpanFields {
  return {
    ...span,
    input: span.input === null ? null : JSON.stringify(span.input),
    output: span.output === null ? null : JSON.stringify(span.output),
    attributes: JSON.stringify(span.attributes),
    events: JSON.stringify(span.events.map((e) => ({ ...e, timeNs: "0" }))),
  };
}

const a = generateAgentTrace(targetSpans, "a");
const b = generateAgentTrace(targetSpans, "b");
const storedA = a.spans.map(stored);
const contentBytes = storedA.reduce((n, s) => n + (s.input?.length ?? 0) + (s.output?.length ?? 0) + s.attributes.length, 0);
console.log(
  `trace a: ${a.spans.length} spans (${(contentBytes / 1e6).toFixed(1)} MB of input, output and attributes as JSON text); trace b: ${b.spans.length} spans`,
);
console.log(`Node ${process.version}, ${runs} runs after a warm-up, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs\n`);

const findings = detectFindings(a.spans);
const byType = findings.reduce<Record<string, number>>((counts, f) => ({ ...counts, [f.type]: (counts[f.type] ?? 0) + 1 }), {});
console.log(`findings in a: ${JSON.stringify(byType)} (planted: ${a.plantedToolLoops} tool loops, ${a.plantedCycles} agent cycles)`);
const path = criticalPath(a.spans);
console.log(
  `critical path of a: ${path.segments.length} segments, ${(path.totalMs / 1000).toFixed(1)} s, by kind ${JSON.stringify(
    Object.fromEntries(
      Object.entries(path.byKind)
        .filter(([, ms]) => ms > 0)
        .map(([k, ms]) => [k, Math.round(ms)]),
    ),
  )}`,
);
const diff = diffTraces(a.spans, b.spans);
const statuses = diff.steps.reduce<Record<string, number>>((counts, s) => ({ ...counts, [s.status]: (counts[s.status] ?? 0) + 1 }), {});
console.log(`diff a → b: ${JSON.stringify(statuses)}, totals ${JSON.stringify(diff.totals)}\n`);

const sequenceA = stepSequence(a.spans);
const sequenceB = stepSequence(b.spans);
time("retroSpanFromStored (JSON text → RetroSpan)", () => storedA.map(retroSpanFromStored));
time("indexTrace", () => indexTrace(a.spans));
time("detectFindings", () => detectFindings(a.spans));
time("criticalPath", () => criticalPath(a.spans));
time("diffTraces (a, b)", () => diffTraces(a.spans, b.spans));
time("stepSequence (a)", () => stepSequence(a.spans));
time("stepSequenceSimilarity (stored sequences)", () => stepSequenceSimilarity(sequenceA, sequenceB));
// Two consecutive LLM inputs of run a: the same prompt with another topic and tool result.
const [first, second] = a.spans.filter((s) => s.kind === "llm" && s.input !== null).map((s) => s.input);
time("textDiff (two LLM inputs, line level)", () => textDiff(first, second));
