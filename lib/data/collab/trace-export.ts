import "server-only";
// A stored trace in the units OTLP speaks, for the OTLP/JSON export: nanosecond times, span kinds,
// instrumentation scopes, resources and links exactly as they were received.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
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
  const rows = await prisma.span.findMany({ where: { projectId: scope.projectId, traceId }, orderBy: [{ startNs: "asc" }, { spanId: "asc" }] });
  if (rows.length === 0) return null;
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
      events: JSON.parse(row.events) as StoredEvent[],
      links: row.links ? (JSON.parse(row.links) as StoredLink[]) : [],
    }),
  );
  return { spans, resources };
}
