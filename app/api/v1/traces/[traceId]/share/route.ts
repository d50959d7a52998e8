// POST /api/v1/traces/{traceId}/share: a read-only link to this trace that opens without signing in,
// until it expires or is revoked. GET: the trace's live links (without their tokens, which are shown once).
import { readBody } from "@/lib/api/bodies";
import { badParameter, jsonError } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { traceExists } from "@/lib/data/collab/comments";
import { createShareLink, listShareLinks } from "@/lib/data/collab/share-links";
import { getEnv } from "@/lib/env";
import { getRequestOrigin } from "@/lib/format/request-origin";
import { publicBaseUrl } from "@/lib/jobs/alerts/run-rule";
import { newShareSchema } from "@/lib/retro/collab/share-schemas";
import { traceIdSchema } from "@/lib/trace/trace-params";

export const dynamic = "force-dynamic";

type Params = { traceId: string };

const HOUR_MS = 3_600_000;

export const GET = withApi<Params>("read", async (_request, { caller, params }) => {
  const id = traceIdSchema.safeParse(params.traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const traceId = params.traceId.toLowerCase();
  if (!(await traceExists(caller.scope, traceId))) return jsonError(404, `trace ${traceId} not found`);
  return Response.json({ data: await listShareLinks(caller.scope, traceId) });
});

export const POST = withApi<Params>("write", async (request, { caller, params }) => {
  const id = traceIdSchema.safeParse(params.traceId);
  if (!id.success) return badParameter("traceId", id.error.issues[0]?.message ?? "is invalid");
  const traceId = params.traceId.toLowerCase();
  const body = await readBody(request, newShareSchema);
  if (!body.ok) return body.response;
  if (!(await traceExists(caller.scope, traceId))) return jsonError(404, `trace ${traceId} not found`);
  const expiresAt = new Date(Date.now() + body.value.expiresInHours * HOUR_MS);
  const hideContent = body.value.hideContent ?? false;
  const { token, info } = await createShareLink(caller.scope, { traceId, hideContent, expiresAt, createdBy: caller.actor.label });
  await audit(caller, "share.create", traceId, { linkId: info.id, expiresAt: info.expiresAt, hideContent }, request.headers);
  const base = publicBaseUrl(getRequestOrigin(request.headers, getEnv().PORT)).replace(/\/$/, "");
  return Response.json({ id: info.id, token, url: `${base}/share/${token}`, expiresAt: info.expiresAt, hideContent }, { status: 201 });
});
