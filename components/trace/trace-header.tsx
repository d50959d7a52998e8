import type { ReactNode } from "react";
import { CompareControls } from "@/components/retro/compare-controls";
import { FindingBadges } from "@/components/retro/finding-badges";
import { ScoreList } from "@/components/quality/score-list";
import { ProjectLink } from "@/components/shell/project-link";
import { CopyButton } from "@/components/ui/copy-button";
import { CostText } from "@/components/ui/cost-text";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDuration } from "@/lib/format/duration";
import { describeTimeByKind } from "@/lib/format/findings";
import type { CriticalPathView } from "@/lib/trace/critical-path-view";
import { formatTimestamp } from "@/lib/format/time";
import { formatTokensExact } from "@/lib/format/tokens";
import type { Score } from "@/lib/quality/score-types";
import type { TraceSummary } from "@/lib/trace/types";

/**
 * Summary of one trace: what ran, when, how long, how big, how much, for whom, where the wall-clock went, and
 * how it was scored. `linksIntoProject` off (a shared trace's page): no links to pages the visitor cannot open.
 */
export function TraceHeader({
  trace,
  criticalPath,
  scores = [],
  linksIntoProject = true,
}: {
  trace: TraceSummary;
  criticalPath?: CriticalPathView | null;
  scores?: readonly Score[];
  linksIntoProject?: boolean;
}) {
  const traceScores = scores.filter((s) => s.spanId === null);
  const spanScoreCount = scores.length - traceScores.length;
  const stats: [string, ReactNode][] = [
    ["Start", formatTimestamp(trace.startTime)],
    ["Duration", formatDuration(trace.durationMs)],
    ["Spans", `${trace.spanCount} (${trace.llmCallCount} LLM, ${trace.toolCallCount} tool)`],
    ["Tokens", `${formatTokensExact(trace.inputTokens)} in / ${formatTokensExact(trace.outputTokens)} out`],
    ["Cost", trace.llmCallCount === 0 && trace.costUsd == null ? "—" : <CostText usd={trace.costUsd} hasUnpriced={trace.hasUnpricedCalls} />],
  ];
  return (
    <header className="flex flex-col gap-2 p-4 pb-3" data-testid="trace-header">
      <div className="flex items-center gap-3">
        {linksIntoProject ? (
          <ProjectLink href="/traces" className="text-sm text-fg-muted hover:text-fg" aria-label="Back to traces">
            ← Traces
          </ProjectLink>
        ) : null}
        <h1 className="min-w-0 truncate text-lg font-semibold" title={trace.name}>
          {trace.name}
        </h1>
        <StatusBadge status={trace.status} count={trace.errorCount} />
        <FindingBadges failureMode={trace.failureMode} findingCounts={trace.findingCounts} />
        <div className="ml-auto flex items-center gap-3">
          <ProjectLink href={`/traces/${trace.traceId}/map`} className="text-sm text-accent hover:underline">
            Pipeline map
          </ProjectLink>
          <CompareControls traceId={trace.traceId} />
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {stats.map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-fg-muted">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
        {trace.sessionId ? (
          <div className="flex gap-1.5">
            <dt className="text-fg-muted">Session</dt>
            <dd>
              {linksIntoProject ? (
                <ProjectLink className="text-accent hover:underline" href={`/sessions/${encodeURIComponent(trace.sessionId)}`} data-testid="session-link">
                  {trace.sessionId}
                </ProjectLink>
              ) : (
                trace.sessionId
              )}
            </dd>
          </div>
        ) : null}
        {trace.userId ? (
          <div className="flex gap-1.5">
            <dt className="text-fg-muted">User</dt>
            <dd>
              {linksIntoProject ? (
                <ProjectLink className="text-accent hover:underline" href={`/traces?range=all&userId=${encodeURIComponent(trace.userId)}`}>
                  {trace.userId}
                </ProjectLink>
              ) : (
                trace.userId
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      {scores.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="trace-scores">
          <span className="text-fg-muted">Scores</span>
          <ScoreList scores={traceScores} testId="trace-score-list" />
          {spanScoreCount > 0 ? <span className="text-xs text-fg-muted">{spanScoreCount} on spans (shown with the span)</span> : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
        <span className="font-mono">trace {trace.traceId}</span>
        <CopyButton text={trace.traceId} label="Copy id" />
        {trace.serviceName ? <span>service {trace.serviceName}</span> : null}
        {trace.agentName ? <span>agent {trace.agentName}</span> : null}
        {trace.models.length > 0 ? <span>models {trace.models.join(", ")}</span> : null}
      </div>
      {criticalPath && criticalPath.totalMs > 0 ? <PathByKind path={criticalPath} /> : null}
    </header>
  );
}

/** Where the wall-clock went: time on the critical path by kind of span. */
function PathByKind({ path }: { path: CriticalPathView }) {
  const kinds = describeTimeByKind(path.byKind, path.totalMs);
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" data-testid="critical-path-summary">
      <span className="font-medium">Critical path {formatDuration(path.totalMs)}:</span>
      {kinds.map((k) => (
        <span key={k.kind} data-kind={k.kind} className="tabular-nums">
          <span className="text-fg-muted">{k.label}</span> {formatDuration(k.ms)} ({Math.round(k.share * 100)} %)
        </span>
      ))}
    </p>
  );
}
