// A retro as Markdown, to paste into a post-mortem document as is: title, severity and status, summary,
// timeline, each trace with its link, cost, failure mode and findings, then the comments. Text that came
// from spans (names, messages) is escaped, so it reads as text wherever the Markdown is rendered.
import type { RetroDetail } from "./retro-types";

/** Escapes Markdown punctuation and HTML in untrusted one-line text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|>~]/g, (c) => `\\${c}`)
    .replace(/</g, "&lt;")
    .replace(/\r?\n/g, " ");
}

const usd = (value: number | null) => (value === null ? "unpriced" : `$${value.toFixed(4)}`);
const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

type FindingLike = { type?: unknown; count?: unknown; toolName?: unknown; failureMode?: unknown; message?: unknown };

function findingLine(finding: FindingLike): string {
  const parts = [String(finding.type ?? "finding")];
  if (typeof finding.toolName === "string") parts.push(`tool ${escapeMarkdown(finding.toolName)}`);
  if (typeof finding.failureMode === "string") parts.push(finding.failureMode);
  if (typeof finding.count === "number" && finding.count > 1) parts.push(`×${finding.count}`);
  if (typeof finding.message === "string" && finding.message) parts.push(escapeMarkdown(finding.message));
  return `  - ${parts.join(", ")}`;
}

/** `traceUrl` makes the absolute link of a trace in the dashboard. */
export function retroMarkdown(
  retro: RetroDetail,
  traceUrl: (traceId: string) => string,
  findingsByTrace: ReadonlyMap<string, readonly FindingLike[]> = new Map(),
): string {
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(retro.title)}`, "");
  lines.push(`**Severity:** ${retro.severity} · **Status:** ${retro.status} · **Created:** ${when(retro.createdAt)} by ${escapeMarkdown(retro.createdBy)}`, "");
  lines.push("## Summary", "", retro.summary.trim() ? retro.summary.trim().replace(/</g, "&lt;") : "_No summary yet._", "");
  lines.push("## Timeline", "");
  if (retro.timeline.length === 0) lines.push("_Nothing recorded._");
  for (const entry of retro.timeline) lines.push(`- ${when(entry.time)}: ${escapeMarkdown(entry.text)}`);
  lines.push("", `## Traces (${retro.traces.length})`, "");
  for (const trace of retro.traces) {
    const failure = trace.failureMode ?? (trace.status === "error" ? "error" : "none");
    lines.push(
      `- [${escapeMarkdown(trace.name)}](${traceUrl(trace.traceId)}) · ${when(trace.startTime)} · ${trace.status} · ${(trace.durationMs / 1000).toFixed(1)} s · ${usd(trace.costUsd)} · failure mode: ${failure}`,
    );
    for (const finding of findingsByTrace.get(trace.traceId) ?? []) lines.push(findingLine(finding));
  }
  lines.push("", "## Comments", "");
  if (retro.comments.length === 0) lines.push("_No comments._");
  for (const comment of retro.comments) {
    const where = comment.spanId ? `span ${comment.spanId} of ` : "";
    lines.push(
      `**${escapeMarkdown(comment.author.name)}** on ${where}[${comment.traceId.slice(0, 8)}](${traceUrl(comment.traceId)}), ${when(comment.createdAt)}:`,
      "",
    );
    for (const line of comment.body.replace(/</g, "&lt;").split("\n")) lines.push(`> ${line}`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
