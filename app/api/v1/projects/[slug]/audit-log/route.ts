// GET /api/v1/projects/{slug}/audit-log?from&to&cursor → { data: [{ time, actor, action, target, details }], nextCursor }
// (project admins): newest first.
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listAuditEvents } from "@/lib/data/access/audit-log";
import { parseAuditLogParams } from "@/lib/access/audit-log-params";

export const dynamic = "force-dynamic";

export const GET = withApi<{ slug: string }>(
  "admin",
  async (request, { caller }) => {
    const query = parseAuditLogParams(queryParams(request));
    if (!query.ok) return badParameter(query.parameter, query.message);
    const page = await listAuditEvents(caller.scope, { fromMs: query.fromMs, toMs: query.toMs, cursor: query.cursor });
    return Response.json({
      data: page.data.map(({ time, actor, actorType, action, target, details, ip }) => ({ time, actor, actorType, action, target, details, ip })),
      nextCursor: page.nextCursor,
    });
  },
  { projectParam: "slug" },
);
