import "server-only";
// Projects: the unit every piece of data belongs to. Looking a project up by slug is how lib/auth
// establishes a caller's scope; nothing here returns another project's data to a scoped caller.
import { randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/access/permissions";
import { projectScope, type ProjectScope } from "@/lib/data/scope";

export type Project = { id: string; slug: string; name: string; retentionDays: number | null; loopThreshold: number; createdAt: string };
export type ProjectWithRole = Project & { role: Role };

type ProjectRow = { id: string; slug: string; name: string; retentionDays: number | null; loopThreshold: number; createdAt: Date };
const toProject = (row: ProjectRow): Project => ({ ...row, createdAt: row.createdAt.toISOString() });

export async function findProjectBySlug(slug: string): Promise<Project | null> {
  const row = await getPrisma().project.findUnique({ where: { slug } });
  return row ? toProject(row) : null;
}

export async function findProjectById(id: string): Promise<Project | null> {
  const row = await getPrisma().project.findUnique({ where: { id } });
  return row ? toProject(row) : null;
}

export async function getProject(scope: ProjectScope): Promise<Project> {
  return toProject(await getPrisma().project.findUniqueOrThrow({ where: { id: scope.projectId } }));
}

/** The projects a user can open, with their role in each; instance admins see every project as admin. */
export async function listProjectsOfUser(userId: string, isInstanceAdmin: boolean): Promise<ProjectWithRole[]> {
  const prisma = getPrisma();
  if (isInstanceAdmin) {
    const rows = await prisma.project.findMany({ orderBy: [{ createdAt: "asc" }, { slug: "asc" }] });
    return rows.map((row) => ({ ...toProject(row), role: "admin" as const }));
  }
  const rows = await prisma.projectMember.findMany({ where: { userId }, include: { project: true }, orderBy: [{ project: { createdAt: "asc" } }] });
  return rows.map((m) => ({ ...toProject(m.project), role: m.role as Role }));
}

export class SlugTakenError extends Error {}

/** Creates a project; the creator (if any) becomes its admin. Throws SlugTakenError for a slug in use. */
export async function createProject(input: { name: string; slug: string }, creatorUserId: string | null): Promise<Project> {
  const prisma = getPrisma();
  if (await prisma.project.findUnique({ where: { slug: input.slug } })) throw new SlugTakenError(`slug "${input.slug}" is taken`);
  // Short ids: every stored span carries its project's id.
  const id = randomBytes(8).toString("base64url");
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.project.create({ data: { id, slug: input.slug, name: input.name } });
    if (creatorUserId) await tx.projectMember.create({ data: { projectId: id, userId: creatorUserId, role: "admin" } });
    return created;
  });
  return toProject(row);
}

export async function updateProject(
  scope: ProjectScope,
  changes: { name?: string; retentionDays?: number | null; loopThreshold?: number },
): Promise<Project> {
  return toProject(await getPrisma().project.update({ where: { id: scope.projectId }, data: changes }));
}

/** Every project, for background jobs that work project by project (alert evaluation, retention). */
export async function listProjectScopesForJobs(): Promise<ProjectScope[]> {
  const rows = await getPrisma().project.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => projectScope(row.id));
}

/** The scope of the project a background job's record names (a rule, a key). */
export const scopeOfRecord = (record: { projectId: string }): ProjectScope => projectScope(record.projectId);
