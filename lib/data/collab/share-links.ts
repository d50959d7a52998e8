import "server-only";
// Share links: read-only links to one trace that open without signing in. The token exists in clear
// only in the creator's answer; the table keeps its SHA-256, so a copy of the database opens nothing.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";

/** `hsshare_` + 43 URL-safe characters (256 random bits). */
export const generateShareToken = () => `hsshare_${randomBytes(32).toString("base64url")}`;
export const SHARE_TOKEN_PATTERN = /^hsshare_[A-Za-z0-9_-]{43}$/;
export const hashShareToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type ShareLinkInfo = { id: string; traceId: string; hideContent: boolean; createdBy: string; createdAt: string; expiresAt: string };

/** A live link as the public page sees it: which project and trace it opens. */
export type ResolvedShareLink = ShareLinkInfo & { projectId: string };

export async function createShareLink(
  scope: ProjectScope,
  input: { traceId: string; hideContent: boolean; expiresAt: Date; createdBy: string },
): Promise<{ token: string; info: ShareLinkInfo }> {
  const token = generateShareToken();
  const row = await getPrisma().shareLink.create({
    data: {
      projectId: scope.projectId,
      id: randomUUID(),
      tokenHash: hashShareToken(token),
      traceId: input.traceId,
      hideContent: input.hideContent,
      createdBy: input.createdBy,
      createdAt: new Date(),
      expiresAt: input.expiresAt,
    },
  });
  return { token, info: toInfo(row) };
}

type Row = { id: string; traceId: string; hideContent: boolean; createdBy: string; createdAt: Date; expiresAt: Date };
const toInfo = (row: Row): ShareLinkInfo => ({
  id: row.id,
  traceId: row.traceId,
  hideContent: row.hideContent,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/**
 * The link a token opens, or null when the token is malformed, unknown, revoked or expired. Looked up
 * by hash across projects: the token is the only credential the anonymous visitor has.
 */
export async function resolveShareToken(token: string, now = new Date()): Promise<ResolvedShareLink | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const row = await getPrisma().shareLink.findUnique({ where: { tokenHash: hashShareToken(token) } });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return { ...toInfo(row), projectId: row.projectId };
}

/**
 * Revokes the project's live link named by its token (what the creator was given) or its id (what the
 * trace page lists); null when the project holds no such live link.
 */
export async function revokeShareLink(scope: ProjectScope, tokenOrId: string): Promise<ShareLinkInfo | null> {
  const prisma = getPrisma();
  const row = SHARE_TOKEN_PATTERN.test(tokenOrId)
    ? await prisma.shareLink.findUnique({ where: { tokenHash: hashShareToken(tokenOrId) } })
    : await prisma.shareLink.findUnique({ where: { projectId_id: { projectId: scope.projectId, id: tokenOrId } } });
  if (!row || row.projectId !== scope.projectId || row.revokedAt) return null;
  await prisma.shareLink.updateMany({ where: { projectId: scope.projectId, id: row.id }, data: { revokedAt: new Date() } });
  return toInfo(row);
}

/** The trace's live links (for the trace page's share dialog). */
export async function listShareLinks(scope: ProjectScope, traceId: string, now = new Date()): Promise<ShareLinkInfo[]> {
  const rows = await getPrisma().shareLink.findMany({
    where: { projectId: scope.projectId, traceId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toInfo);
}
