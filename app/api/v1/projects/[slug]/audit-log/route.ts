// GET /api/v1/projects/{slug}/audit-log?from&to&cursor → { data: [{ time, actor, action, target, details }], nextCursor }
// (project admins): newest first.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listAuditEvents } from "@/lib/data/access/audit-log";

export const dynamic = "force-dynamic";

const isoMs = (value: string | null) => (value === null ? undefined : Date.parse(value));

export const GET = withApi<{ slug: string }>(
  "admin",
  async (request, { caller }) => {
    const params = queryParams(request);
    const fromMs = isoMs(params.get("from"));
    const toMs = isoMs(params.get("to"));
    if (Number.isNaN(fromMs)) return badParameter("from", "must be an ISO 8601 time");
    if (Number.isNaN(toMs)) return badParameter("to", "must be an ISO 8601 time");
    const cursor = params.get("cursor") ?? undefined;
    if (cursor !== undefined && !/^\d{1,16}_[0-9a-f-]{36}$/.test(cursor)) return badParameter("cursor", "is not a cursor this endpoint gave");
    const page = await listAuditEvents(caller.scope, { fromMs, toMs, cursor });
    return Response.json({
      data: page.data.map(({ time, actor, actorType, action, target, details, ip }) => ({ time, actor, actorType, action, target, details, ip })),
      nextCursor: page.nextCursor,
    });
  },
  { projectParam: "slug" },
);
