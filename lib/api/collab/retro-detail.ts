import "server-only";
// A retro as GET /api/v1/retros/{id} answers it: its traces' summaries, their comments, and a timeline
// built from the alert incident it came from, the first failing run, the comments and its closing.
import { listCommentsOfTraces } from "@/lib/data/collab/comments";
import { findIncidentForRetro, traceSummariesOf, type StoredRetro } from "@/lib/data/collab/retros";
import { listTraceFindings } from "@/lib/data/findings/trace-findings";
import type { ProjectScope } from "@/lib/data/scope";
import type { Finding } from "@/lib/retro/finding-kinds";
import type { RetroDetail } from "@/lib/retro/collab/retro-types";
import { buildTimeline } from "@/lib/retro/collab/retro-timeline";
import { publicComment } from "./comment-access";

export async function retroDetail(scope: ProjectScope, retro: StoredRetro): Promise<RetroDetail> {
  return (await retroDetailWithFindings(scope, retro)).detail;
}

/** The retro, and each of its traces' findings (for the Markdown export, which lists them under their trace). */
export async function retroDetailWithFindings(
  scope: ProjectScope,
  retro: StoredRetro,
): Promise<{ detail: RetroDetail; findingsByTrace: Map<string, Finding[]> }> {
  const [traces, comments, incident, findingLists] = await Promise.all([
    traceSummariesOf(scope, retro.traceIds),
    listCommentsOfTraces(scope, retro.traceIds),
    retro.alertIncidentId ? findIncidentForRetro(scope, retro.alertIncidentId) : Promise.resolve(null),
    Promise.all(retro.traceIds.map((traceId) => listTraceFindings(scope, traceId))),
  ]);
  const findingsByTrace = new Map(retro.traceIds.map((traceId, i) => [traceId, findingLists[i] ?? []]));
  const visible = comments.map(publicComment);
  const detail: RetroDetail = {
    id: retro.id,
    title: retro.title,
    severity: retro.severity,
    status: retro.status,
    summary: retro.summary,
    alertIncidentId: retro.alertIncidentId,
    incident:
      incident && retro.alertIncidentId
        ? {
            id: retro.alertIncidentId,
            ruleName: incident.ruleName,
            startedAt: new Date(incident.startMs).toISOString(),
            endedAt: incident.endMs === null ? null : new Date(incident.endMs).toISOString(),
          }
        : null,
    traces,
    findings: findingLists.flat(),
    comments: visible,
    timeline: buildTimeline({ incident, traces, comments: visible, closedAt: retro.closedAt }),
    createdBy: retro.createdBy,
    createdAt: retro.createdAt,
    updatedAt: retro.updatedAt,
  };
  return { detail, findingsByTrace };
}
