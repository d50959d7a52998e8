// GET /api/v1/comments/mentions?userId=: the project's latest comments that mention a member, newest
// first. Without userId: the signed-in caller's own mentions (an API key has none, so it must name one).
import { publicComment } from "@/lib/api/collab/comment-access";
import { badParameter, queryParams } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { listCommentsMentioning } from "@/lib/data/collab/comments";
import { mentionsQuerySchema } from "@/lib/retro/collab/comment-schemas";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (request, { caller }) => {
  const params = queryParams(request);
  for (const key of params.keys()) if (key !== "userId") return badParameter(key, "unknown parameter; allowed: userId");
  const query = mentionsQuerySchema.safeParse({ userId: params.get("userId") ?? undefined });
  if (!query.success) return badParameter("userId", query.error.issues[0]?.message ?? "is invalid");
  const userId = query.data.userId ?? (caller.kind === "user" ? caller.user.id : null);
  if (!userId) return badParameter("userId", "is required with an API key (mentions belong to a signed-in member)");
  const comments = await listCommentsMentioning(caller.scope, userId);
  return Response.json({ data: comments.map(publicComment) });
});
