// A retro's timeline: when the alert fired, when the first run failed, what people said, when it was
// resolved. Built from what is stored, in time order (ties keep the order above).
import type { TraceSummary } from "@/lib/trace/types";
import type { TimelineEntry } from "./retro-types";
import type { TraceComment } from "./types";

export type TimelineIncident = { ruleName: string; startMs: number; endMs: number | null; startValue: number; threshold: number };

export function buildTimeline(input: {
  incident: TimelineIncident | null;
  traces: readonly TraceSummary[];
  comments: readonly TraceComment[];
  closedAt: string | null;
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const { incident } = input;
  if (incident) {
    entries.push({
      time: new Date(incident.startMs).toISOString(),
      kind: "alert_fired",
      text: `Alert "${incident.ruleName}" fired (value ${incident.startValue}, threshold ${incident.threshold})`,
    });
  }
  const failing = input.traces.filter((t) => t.status === "error").sort((a, b) => a.startTime.localeCompare(b.startTime))[0];
  if (failing) entries.push({ time: failing.startTime, kind: "first_failure", text: `First failing run: ${failing.name}`, traceId: failing.traceId });
  for (const comment of input.comments) {
    const firstLine = comment.body.split("\n").find((line) => line.trim()) ?? "";
    entries.push({
      time: comment.createdAt,
      kind: "comment",
      text: `${comment.author.name}: ${firstLine.length > 140 ? `${firstLine.slice(0, 139)}…` : firstLine}`,
      traceId: comment.traceId,
    });
  }
  if (incident?.endMs) entries.push({ time: new Date(incident.endMs).toISOString(), kind: "alert_resolved", text: `Alert "${incident.ruleName}" resolved` });
  if (input.closedAt) entries.push({ time: input.closedAt, kind: "retro_closed", text: "Retro closed" });
  const order = (e: TimelineEntry) => entries.indexOf(e);
  return [...entries].sort((a, b) => a.time.localeCompare(b.time) || order(a) - order(b));
}
