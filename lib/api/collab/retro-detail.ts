import "server-only";
// A retro as GET /api/v1/retros/{id} answers it: its traces' summaries, their comments, and a timeline
// built from the alert incident it came from, the first failing run, the comments and its closing.
import { listCommentsOfTraces } from "@/lib/data/collab/comments";
import { findIncidentForRetro, traceSummariesOf, type StoredRetro } from "@/lib/data/collab/retros";
import type { ProjectScope } from "@/lib/data/scope";
import type { RetroDetail } from "@/lib/retro/collab/retro-types";
import { buildTimeline } from "@/lib/retro/collab/retro-timeline";
import { publicComment } from "./comment-access";

export async function retroDetail(scope: ProjectScope, retro: StoredRetro): Promise<RetroDetail> {
  const [traces, comments, incident] = await Promise.all([
    traceSummariesOf(scope, retro.traceIds),
    listCommentsOfTraces(scope, retro.traceIds),
    retro.alertIncidentId ? findIncidentForRetro(scope, retro.alertIncidentId) : Promise.resolve(null),
  ]);
  const visible = comments.map(publicComment);
  return {
    id: retro.id,
    title: retro.title,
    severity: retro.severity,
    status: retro.status,
    summary: retro.summary,
    alertIncidentId: retro.alertIncidentId,
    traces,
    findings: [],
    comments: visible,
    timeline: buildTimeline({ incident, traces, comments: visible, closedAt: retro.closedAt }),
    createdBy: retro.createdBy,
    createdAt: retro.createdAt,
    updatedAt: retro.updatedAt,
  };
}
