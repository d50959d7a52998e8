import { IncidentRetroButton } from "@/components/alerts/incident-retro-button";
import { IncidentRetroLinks } from "@/components/alerts/incident-retro-links";
import { ProjectLink } from "@/components/shell/project-link";
import type { IncidentRow } from "@/lib/forms/alert-form";
import { formatMetricValue, formatScope, METRIC_LABELS } from "@/lib/format/alerts";
import { formatDuration } from "@/lib/format/duration";
import { formatTimestamp } from "@/lib/format/time";
import type { IncidentRetro } from "@/lib/retro/collab/retro-types";

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;
const head = "px-2 py-1 font-medium";

/** Open or resolved incidents: when, which rule, the value against its limit, example traces, notifications. */
export function IncidentTable({
  incidents,
  state,
  nowMs,
  testId,
  retros,
  retrosOf,
}: {
  incidents: IncidentRow[];
  state: "open" | "resolved";
  /** Render time, for "open for". */ nowMs: number;
  testId: string;
  /** Set for callers who may write: each incident gets a "Create retro" button. */
  retros?: { projectSlug: string };
  /** The retros made from each incident, by incident id: listed on its row for everyone who may read. */
  retrosOf: ReadonlyMap<string, IncidentRetro[]>;
}) {
  if (incidents.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-line p-4 text-center text-sm text-fg-muted" data-testid={testId}>
        {state === "open" ? "No open incidents: every rule is within its limits." : "No resolved incidents yet."}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="bg-surface text-xs text-fg-muted">
          <tr>
            <th scope="col" className={`${head} text-left`}>
              Rule
            </th>
            <th scope="col" className={`${head} text-left`}>
              Metric
            </th>
            <th scope="col" className={`${head} text-left`}>
              Started
            </th>
            <th scope="col" className={`${head} text-right`}>
              {state === "open" ? "Open for" : "Lasted"}
            </th>
            <th scope="col" className={`${head} text-right`}>
              Value
            </th>
            <th scope="col" className={`${head} text-right`}>
              Peak
            </th>
            <th scope="col" className={`${head} text-right`}>
              Limit
            </th>
            <th scope="col" className={`${head} text-right`}>
              Baseline
            </th>
            <th scope="col" className={`${head} text-left`}>
              Example traces
            </th>
            <th scope="col" className={`${head} text-left`}>
              Webhook
            </th>
            <th scope="col" className={`${head} text-left`}>
              Retros
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {incidents.map((i) => (
            <tr key={i.id} id={`incident-${i.id}`} className="target:bg-accent/10 hover:bg-surface" data-testid="incident-row" data-state={i.state}>
              <td className={`${cell} max-w-56 truncate font-medium`} title={i.ruleName}>
                {state === "open" ? (
                  <span className="mr-1 text-danger" aria-label="firing">
                    ●
                  </span>
                ) : null}
                {i.ruleName}
              </td>
              <td className={`${cell} text-fg-muted`}>
                {METRIC_LABELS[i.metric] ?? i.metric} · {formatScope(i.scope, i.scopeValue)}
              </td>
              <td className={`${cell} text-fg-muted tabular-nums`}>{formatTimestamp(i.startedAt).slice(0, 19)}</td>
              <td className={num}>
                {i.endedAt ? formatDuration(Date.parse(i.endedAt) - Date.parse(i.startedAt)) : formatDuration(Math.max(0, nowMs - Date.parse(i.startedAt)))}
              </td>
              <td className={num}>{formatMetricValue(i.metric, i.value)}</td>
              <td className={`${num} font-medium`}>{formatMetricValue(i.metric, i.peakValue)}</td>
              <td className={num}>{formatMetricValue(i.metric, i.threshold)}</td>
              <td className={`${num} text-fg-muted`}>{formatMetricValue(i.metric, i.baseline)}</td>
              <td className={cell}>
                {i.exampleTraceIds.length === 0 ? <span className="text-fg-muted">—</span> : null}
                {i.exampleTraceIds.slice(0, 3).map((traceId, n) => (
                  <ProjectLink key={traceId} href={`/traces/${traceId}`} className="mr-2 font-mono text-xs text-accent hover:underline" title={traceId}>
                    #{n + 1}
                  </ProjectLink>
                ))}
              </td>
              <td className={`${cell} text-xs`}>
                {i.deliveries.ok + i.deliveries.failed === 0 ? <span className="text-fg-muted">—</span> : null}
                {i.deliveries.ok > 0 ? <span className="text-ok">{i.deliveries.ok} delivered </span> : null}
                {i.deliveries.failed > 0 ? <span className="text-danger">{i.deliveries.failed} failed</span> : null}
              </td>
              <td className={cell}>
                <IncidentRetroLinks retros={retrosOf.get(i.id) ?? []} />
                {retros ? <IncidentRetroButton projectSlug={retros.projectSlug} incident={i} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
