// What a new retro starts with when it is made from a selection of runs or from an alert incident: a
// title that names what it is about and, for an incident, a summary stating the incident's figures and
// time range, so the retro reads on its own before anyone edits it. Pure.
import { formatMetricValue, formatScope, METRIC_LABELS } from "@/lib/format/alerts";

const MAX_TITLE_CHARS = 200;
const minute = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** "Retro: <first run>" and how many more runs. */
export function selectionRetroTitle(runNames: readonly string[]): string {
  const [first, ...rest] = runNames;
  return `Retro: ${first ?? "selected runs"}${rest.length > 0 ? ` and ${rest.length} more` : ""}`.slice(0, MAX_TITLE_CHARS);
}

export type IncidentForDraft = {
  ruleName: string;
  metric: string;
  scope: string;
  scopeValue: string | null;
  startedAt: string;
  endedAt: string | null;
  value: number;
  peakValue: number;
  threshold: number;
  exampleTraceIds: readonly string[];
};

export function incidentRetroTitle(incident: IncidentForDraft): string {
  return `Incident: ${incident.ruleName} (${minute(incident.startedAt)})`.slice(0, MAX_TITLE_CHARS);
}

/** Markdown: what fired, from when to when, how far over its limit, and which example runs came along. */
export function incidentRetroSummary(incident: IncidentForDraft): string {
  const metric = METRIC_LABELS[incident.metric] ?? incident.metric;
  const figure = (value: number) => formatMetricValue(incident.metric, value);
  const until = incident.endedAt ? `until ${minute(incident.endedAt)}` : "still open when this retro was started";
  const examples = incident.exampleTraceIds.length;
  return [
    `Alert rule **${escapeInline(incident.ruleName)}** (${metric}, ${escapeInline(formatScope(incident.scope, incident.scopeValue))}) fired at ${minute(incident.startedAt)}, ${until}.`,
    `It opened at ${figure(incident.value)} against a limit of ${figure(incident.threshold)} and peaked at ${figure(incident.peakValue)}.`,
    examples > 0 ? `The incident's ${examples} example ${examples === 1 ? "run is" : "runs are"} below.` : "The incident recorded no example runs.",
  ].join("\n\n");
}

/** Rule names and scope values are typed by people: kept as text inside the Markdown summary. */
const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
