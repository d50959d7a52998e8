import "server-only";
// Authorisation for pages (server components): every page under app/(dashboard) starts with
// requirePageCaller (or requireUser for pages outside a project). Anonymous visitors are sent to
// /login (or /setup while no user exists), with the page they wanted in `next`; a project the user
// cannot open, or a section their role does not reach, answers 404.
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Permission } from "@/lib/access/permissions";
import { listProjectsOfUser } from "@/lib/data/access/projects";
import { countUsers } from "@/lib/data/access/users";
import { projectPath } from "@/lib/format/project-path";
import { buildHref, type SearchParamsRecord } from "@/lib/trace/url-state";
import { REQUEST_PATH_HEADER } from "@/lib/server/request-path";
import { callerForUser, can, type Caller, type SessionUser } from "./caller";
import { getSessionUser } from "./session";

/** The signed-in user of this request (looked up once per request however many components ask). */
export const currentUser = cache(async (): Promise<SessionUser | null> => getSessionUser(await headers()));

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  if ((await countUsers()) === 0) redirect("/setup");
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
  redirect(`/login?next=${encodeURIComponent(path)}`);
}

const callerFor = cache(async (slug: string): Promise<Caller | null> => callerForUser(await requireUser(), slug));

/** The signed-in user acting in project `slug` with `permission`; redirects or 404s otherwise. */
export async function requirePageCaller(slug: string, permission: Permission = "read"): Promise<Caller> {
  const caller = await callerFor(decodeURIComponent(slug));
  if (!caller || !can(caller, permission)) notFound();
  return caller;
}

/**
 * Links from before projects (/traces/…, /dashboards/…) open the same page in the user's first project,
 * so bookmarks and old alert notifications keep working.
 */
export async function redirectIntoFirstProject(path: string, searchParams: SearchParamsRecord): Promise<never> {
  const user = await requireUser();
  const [first] = await listProjectsOfUser(user.id, user.isAdmin);
  redirect(first ? buildHref(projectPath(first.slug, path), searchParams, {}) : "/projects");
}
