import "server-only";
// The project's list of write tools: tool calls of these names count as writes in the audit unless the span
// declares its own effect. Applied when the audit is read, so a change covers past calls too.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";

/** The names, sorted. */
export async function getWriteTools(scope: ProjectScope): Promise<string[]> {
  const rows = await getPrisma().writeTool.findMany({ where: { projectId: scope.projectId }, select: { toolName: true }, orderBy: { toolName: "asc" } });
  return rows.map((r) => r.toolName);
}

/** Replaces the list (validated by the caller) and answers what it was before, for the audit log. */
export async function setWriteTools(scope: ProjectScope, tools: readonly string[]): Promise<{ before: string[]; after: string[] }> {
  const after = [...new Set(tools)].sort();
  return getPrisma().$transaction(async (tx) => {
    const before = (await tx.writeTool.findMany({ where: { projectId: scope.projectId }, select: { toolName: true }, orderBy: { toolName: "asc" } })).map(
      (r) => r.toolName,
    );
    await tx.writeTool.deleteMany({ where: { projectId: scope.projectId } });
    if (after.length) await tx.writeTool.createMany({ data: after.map((toolName) => ({ projectId: scope.projectId, toolName })) });
    return { before, after };
  });
}
