import "server-only";
// A stored trace in the units OTLP speaks, for the OTLP/JSON export: nanosecond times, span kinds,
// instrumentation scopes, resources and links exactly as they were received, and the span's log records
// (content sent only as OTLP log events) as marked span events that /v1/traces stores as logs again.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { logAsSpanEvent } from "@/lib/ingest/exported-log-events";
import type { ExportableSpan } from "@/lib/retro/collab/otlp-json";

type StoredEvent = { name: string; timeNs: string; attributes: Record<string, unknown> };
type StoredLink = { traceId: string; spanId: string; attributes?: Record<string, unknown> };

const NO_RESOURCE = "";

/** The trace's spans (start order) and their resources, or null when the project holds no such trace. */
export async function getExportableTrace(
  scope: ProjectScope,
  traceId: string,
): Promise<{ spans: ExportableSpan[]; resources: Map<string, Record<string, unknown>> } | null> {
  const prisma = getPrisma();
  const where = { projectId: scope.projectId, traceId };
  const [rows, logRows] = await Promise.all([
    prisma.span.findMany({ where, orderBy: [{ startNs: "asc" }, { spanId: "asc" }] }),
    prisma.spanLog.findMany({ where, orderBy: [{ timeNs: "asc" }, { id: "asc" }] }),
  ]);
  if (rows.length === 0) return null;
  const logsBySpan = new Map<string, StoredEvent[]>();
  for (const log of logRows) {
    const event = logAsSpanEvent({
      eventName: log.eventName,
      timeNs: log.timeNs.toString(),
      body: log.body === null ? null : JSON.parse(log.body),
      attributes: JSON.parse(log.attributes) as Record<string, unknown>,
    });
    logsBySpan.set(log.spanId, [...(logsBySpan.get(log.spanId) ?? []), event]);
  }
  const resourceIds = [...new Set(rows.map((r) => r.resourceId).filter((r): r is string => r !== null))];
  const found = await prisma.resource.findMany({ where: { projectId: scope.projectId, id: { in: resourceIds } } });
  const resources = new Map(found.map((r) => [r.id, JSON.parse(r.attributes) as Record<string, unknown>]));
  const spans = rows.map(
    (row): ExportableSpan => ({
      traceId: row.traceId,
      spanId: row.spanId,
      parentSpanId: row.parentSpanId,
      name: row.name,
      spanKind: row.spanKind,
      scopeName: row.scopeName,
      resourceKey: row.resourceId ?? NO_RESOURCE,
      startNs: row.startNs.toString(),
      endNs: row.endNs.toString(),
      status: row.status as ExportableSpan["status"],
      statusMessage: row.statusMessage,
      attributes: JSON.parse(row.attributes) as Record<string, unknown>,
      events: [...(JSON.parse(row.events) as StoredEvent[]), ...(logsBySpan.get(row.spanId) ?? [])],
      links: row.links ? (JSON.parse(row.links) as StoredLink[]) : [],
    }),
  );
  return { spans, resources };
}
