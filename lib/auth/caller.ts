import "server-only";
// Who is calling, in which project, allowed to do what: the one answer every page, route handler,
// server action and the OTLP receiver work from. A caller is a signed-in user acting in one of their
// projects, or an API key acting in its own. `scope` is what the data layer takes.
import { roleAllows, scopesAllow, type KeyScope, type Permission, type Role } from "@/lib/access/permissions";
import type { AuditActor } from "@/lib/data/access/audit-log";
import { findRole } from "@/lib/data/access/members";
import { findProjectById, findProjectBySlug, listProjectsOfUser, type Project } from "@/lib/data/access/projects";
import type { StoredApiKey } from "@/lib/data/access/api-keys";
import { projectScope, type ProjectScope } from "@/lib/data/scope";

export type SessionUser = { id: string; email: string; name: string; isAdmin: boolean };
export type CallerKey = { id: string; name: string; prefix: string; scopes: KeyScope[] };

export type Caller = {
  project: Project;
  scope: ProjectScope;
  actor: AuditActor;
} & ({ kind: "user"; user: SessionUser; role: Role; key: null } | { kind: "key"; user: null; role: null; key: CallerKey });

/** Whether the caller may do `permission` in its project. */
export function can(caller: Caller, permission: Permission): boolean {
  return caller.kind === "user" ? roleAllows(caller.role, permission) : scopesAllow(caller.key.scopes, permission);
}

/**
 * The user acting in the project `slug` (default: their first project), or null when there is no such
 * project or they are not a member of it (callers answer 404: another project's existence is not theirs
 * to learn). Instance admins are admin of every project.
 */
export async function callerForUser(user: SessionUser, slug: string | null): Promise<Caller | null> {
  const project = slug ? await findProjectBySlug(slug) : ((await listProjectsOfUser(user.id, user.isAdmin))[0] ?? null);
  if (!project) return null;
  const role: Role | null = user.isAdmin ? "admin" : await findRole(project.id, user.id);
  if (!role) return null;
  return { kind: "user", user, role, key: null, project, scope: projectScope(project.id), actor: { type: "user", id: user.id, label: user.email } };
}

/** The key acting in its own project. */
export async function callerForKey(key: StoredApiKey): Promise<Caller | null> {
  const project = await findProjectById(key.projectId);
  if (!project) return null;
  return {
    kind: "key",
    user: null,
    role: null,
    key: { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes },
    project,
    scope: projectScope(project.id),
    actor: { type: "key", id: key.id, label: `${key.name} (${key.prefix}…)` },
  };
}
