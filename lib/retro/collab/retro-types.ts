// The retro as the API answers it (GET /api/v1/retros/{id}).
import type { Finding } from "@/lib/retro/finding-kinds";
import type { TraceSummary } from "@/lib/trace/types";
import type { TraceComment } from "./types";

export type Severity = "sev1" | "sev2" | "sev3" | "sev4";
export type RetroStatus = "open" | "closed";

export type TimelineEntry = {
  time: string;
  kind: "alert_fired" | "first_failure" | "comment" | "alert_resolved" | "retro_closed";
  text: string;
  traceId?: string;
};

export type RetroListItem = {
  id: string;
  title: string;
  severity: Severity;
  status: RetroStatus;
  traceCount: number;
  createdBy: string;
  createdAt: string;
};

/** A retro as listed on the alert incident it was made from. */
export type IncidentRetro = { id: string; title: string; status: RetroStatus };

/** The alert incident a retro was made from, as the retro shows it. */
export type RetroIncident = { id: string; ruleName: string; startedAt: string; endedAt: string | null };

export type RetroDetail = {
  id: string;
  title: string;
  severity: Severity;
  status: RetroStatus;
  summary: string;
  alertIncidentId: string | null;
  /** The incident behind `alertIncidentId`; null when there is none (or its rule was deleted). */
  incident: RetroIncident | null;
  traces: TraceSummary[];
  findings: Finding[];
  comments: TraceComment[];
  timeline: TimelineEntry[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};
