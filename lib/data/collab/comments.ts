import "server-only";
// Comments on a trace or one of its spans, within the caller's project.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";
import { mentionedUserIds, mentionNeedle } from "@/lib/retro/collab/mentions";
import type { TraceComment } from "@/lib/retro/collab/types";

/** Who wrote a comment: a user, or an API key acting for a script. */
export type CommentAuthorRef = { type: "user" | "key"; id: string; name: string };

type CommentRow = {
  id: string;
  traceId: string;
  spanId: string | null;
  authorType: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
};

export type StoredComment = TraceComment & { authorType: string };

function toComment(row: CommentRow): StoredComment {
  return {
    id: row.id,
    traceId: row.traceId,
    spanId: row.spanId,
    author: { id: row.authorId, name: row.authorName },
    authorType: row.authorType,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Whether the project holds spans of this trace (comments and tags attach only to stored traces). */
export async function traceExists(scope: ProjectScope, traceId: string): Promise<boolean> {
  const row = await getPrisma().trace.findUnique({ where: { projectId_traceId: { projectId: scope.projectId, traceId } }, select: { traceId: true } });
  return row !== null;
}

export async function spanExists(scope: ProjectScope, traceId: string, spanId: string): Promise<boolean> {
  const row = await getPrisma().span.findUnique({
    where: { projectId_traceId_spanId: { projectId: scope.projectId, traceId, spanId } },
    select: { spanId: true },
  });
  return row !== null;
}

/** Every comment of a trace, oldest first (the thread's reading order). */
export async function listComments(scope: ProjectScope, traceId: string): Promise<StoredComment[]> {
  const rows = await getPrisma().traceComment.findMany({ where: { projectId: scope.projectId, traceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toComment);
}

/** Comments of several traces (for retros and exports), oldest first. */
export async function listCommentsOfTraces(scope: ProjectScope, traceIds: readonly string[]): Promise<StoredComment[]> {
  if (traceIds.length === 0) return [];
  const rows = await getPrisma().traceComment.findMany({
    where: { projectId: scope.projectId, traceId: { in: [...traceIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toComment);
}

export async function createComment(
  scope: ProjectScope,
  input: { traceId: string; spanId: string | null; author: CommentAuthorRef; body: string },
): Promise<StoredComment> {
  const now = new Date();
  const row = await getPrisma().traceComment.create({
    data: {
      projectId: scope.projectId,
      id: randomUUID(),
      traceId: input.traceId,
      spanId: input.spanId,
      authorType: input.author.type,
      authorId: input.author.id,
      authorName: input.author.name,
      body: input.body,
      createdAt: now,
      updatedAt: now,
    },
  });
  return toComment(row);
}

export async function findComment(scope: ProjectScope, id: string): Promise<StoredComment | null> {
  const row = await getPrisma().traceComment.findUnique({ where: { projectId_id: { projectId: scope.projectId, id } } });
  return row ? toComment(row) : null;
}

export async function updateCommentBody(scope: ProjectScope, id: string, body: string): Promise<StoredComment | null> {
  const { count } = await getPrisma().traceComment.updateMany({ where: { projectId: scope.projectId, id }, data: { body, updatedAt: new Date() } });
  return count === 0 ? null : findComment(scope, id);
}

export async function deleteComment(scope: ProjectScope, id: string): Promise<boolean> {
  const { count } = await getPrisma().traceComment.deleteMany({ where: { projectId: scope.projectId, id } });
  return count > 0;
}

/** The latest comments that mention `userId` (newest first, at most `limit`). */
export async function listCommentsMentioning(scope: ProjectScope, userId: string, limit = 100): Promise<StoredComment[]> {
  const rows = await getPrisma().traceComment.findMany({
    where: { projectId: scope.projectId, body: { contains: mentionNeedle(userId) } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  // LIKE is only the coarse filter (its wildcards and case rules differ by database): the mention decides.
  return rows.filter((row) => mentionedUserIds(row.body).includes(userId)).map(toComment);
}
