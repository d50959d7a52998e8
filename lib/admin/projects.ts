import "server-only";
// Creating projects (instance admins) and changing a project's settings (project admins).
import { slugify } from "@/lib/access/slug";
import { audit } from "@/lib/auth/audit";
import type { Caller, SessionUser } from "@/lib/auth/caller";
import { recordInstanceEvent } from "@/lib/data/access/audit-log";
import { createProject, findProjectBySlug, SlugTakenError, updateProject, type Project } from "@/lib/data/access/projects";
import { markProjectTracesDirty } from "@/lib/data/findings/findings-queue";

/** A loop threshold change re-analyses the traces of this many days back (what the dashboards show). */
const REANALYSE_DAYS = 30;

export type CreateResult = { ok: true; project: Project } | { ok: false; field: "slug" | "name"; message: string };

/** A new project; its slug comes from the name when not given (made unique with a number). */
export async function createNewProject(user: SessionUser, input: { name: string; slug?: string }): Promise<CreateResult> {
  let slug = input.slug;
  if (!slug) {
    const base = slugify(input.name);
    if (!base) return { ok: false, field: "name", message: "name: needs a letter or digit to make a URL from (or give a slug)" };
    slug = base;
    for (let n = 2; await findProjectBySlug(slug); n++) slug = `${base.slice(0, 44)}-${n}`;
  }
  try {
    const project = await createProject({ name: input.name, slug }, user.id);
    await recordInstanceEvent({
      actor: { type: "user", id: user.id, label: user.email },
      action: "project.create",
      target: project.slug,
      details: { name: project.name },
    });
    return { ok: true, project };
  } catch (error) {
    if (error instanceof SlugTakenError) return { ok: false, field: "slug", message: `slug: ${error.message}` };
    throw error;
  }
}

export type ProjectSettingsChange = { name?: string; retentionDays?: number | null; loopThreshold?: number };

export async function updateProjectSettings(caller: Caller, changes: ProjectSettingsChange, headers?: Headers): Promise<Project> {
  const project = await updateProject(caller.scope, changes);
  if (changes.name !== undefined && changes.name !== caller.project.name)
    await audit(caller, "project.rename", project.slug, { from: caller.project.name, to: changes.name }, headers);
  if (changes.retentionDays !== undefined && changes.retentionDays !== caller.project.retentionDays) {
    await audit(caller, "project.retention_change", project.slug, { from: caller.project.retentionDays, to: changes.retentionDays }, headers);
  }
  if (changes.loopThreshold !== undefined && changes.loopThreshold !== caller.project.loopThreshold) {
    await audit(caller, "project.loop_threshold_change", project.slug, { from: caller.project.loopThreshold, to: changes.loopThreshold }, headers);
    await markProjectTracesDirty(caller.scope, Date.now() - REANALYSE_DAYS * 86_400_000);
  }
  return project;
}
