import "server-only";
// The one wrapper every /api/v1 route handler is made with: it decides who is calling (an API key, or a
// signed-in user's session with ?project=<slug>), checks the permission the handler needs, refuses
// cross-site browser mutations, and turns failures into JSON answers (503 with Retry-After when the
// database is unavailable, never a stack trace). A handler cannot run without a caller.
import type { Permission } from "@/lib/access/permissions";
import { authenticateApiKey, readApiKey } from "@/lib/auth/api-key-auth";
import { callerForKey, callerForUser, can, type Caller, type SessionUser } from "@/lib/auth/caller";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { getSessionUser } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { jsonError } from "./respond";

type RouteContext<P> = { params: Promise<P> };
export type ApiContext<P> = { caller: Caller; params: P };
type Handler<P> = (request: Request, context: ApiContext<P>) => Promise<Response>;

const RETRY_AFTER_SECONDS = 5;
const isRead = (method: string) => method === "GET" || method === "HEAD";

type Resolved = { ok: true; caller: Caller } | { ok: false; response: Response };

/** The caller of an API request; `projectSlug` is the project the URL names, if any. */
export async function resolveApiCaller(request: Request, projectSlug: string | null): Promise<Resolved> {
  const keyText = readApiKey(request.headers);
  if (keyText) {
    const check = await authenticateApiKey(keyText);
    if (!check.ok) return { ok: false, response: jsonError(401, check.message) };
    const caller = await callerForKey(check.key);
    // A key reads and writes only its own project; another project's existence is not its to learn.
    if (!caller || (projectSlug !== null && caller.project.slug !== projectSlug)) return { ok: false, response: jsonError(404, "project not found") };
    return { ok: true, caller };
  }
  const user = await getSessionUser(request.headers);
  if (!user) return { ok: false, response: jsonError(401, "authentication required: send Authorization: Bearer <key> or x-api-key, or sign in") };
  if (!isRead(request.method) && !isSameOrigin(request.headers)) return { ok: false, response: jsonError(403, "cross-site request refused") };
  const slug = projectSlug ?? new URL(request.url).searchParams.get("project");
  const caller = await callerForUser(user, slug);
  if (!caller) return { ok: false, response: jsonError(404, slug ? `project ${slug} not found` : "you belong to no project yet") };
  return { ok: true, caller };
}

/** An answer for an error thrown past a handler. */
export function errorResponse(error: unknown): Response {
  if (isDatabaseUnavailable(error)) {
    return jsonError(503, "database unavailable: retry later", {}, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  console.error("[hindsight] API request failed:", error);
  return jsonError(500, "internal error");
}

/**
 * A route handler that runs `handler` for callers allowed `permission`. `projectParam` names the route
 * parameter that holds the project's slug (/api/v1/projects/{slug}/…); other routes act in the key's
 * project or the session's ?project=.
 */
export function withApi<P extends Record<string, string> = Record<string, never>>(
  permission: Permission,
  handler: Handler<P>,
  options: { projectParam?: keyof P & string } = {},
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const params = await context.params;
      const slug = options.projectParam ? decodeURIComponent(params[options.projectParam] ?? "") : null;
      const resolved = await resolveApiCaller(request, slug);
      if (!resolved.ok) return resolved.response;
      const { caller } = resolved;
      if (!can(caller, permission)) {
        const who = caller.kind === "key" ? `this API key lacks the ${permission} scope` : `your role (${caller.role}) does not allow ${permission}`;
        return jsonError(403, `forbidden: ${who}`);
      }
      return await handler(request, { caller, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Who is calling, before any project is chosen: a signed-in user, or an API key (with its project). */
export type Identity = { kind: "user"; user: SessionUser } | { kind: "key"; caller: Caller };

/** For the routes above projects (listing and creating them): authenticates without picking a project. */
export function withIdentity(handler: (request: Request, identity: Identity) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const keyText = readApiKey(request.headers);
      if (keyText) {
        const check = await authenticateApiKey(keyText);
        if (!check.ok) return jsonError(401, check.message);
        const caller = await callerForKey(check.key);
        if (!caller) return jsonError(401, "the key's project no longer exists");
        return await handler(request, { kind: "key", caller });
      }
      const user = await getSessionUser(request.headers);
      if (!user) return jsonError(401, "authentication required: send Authorization: Bearer <key> or x-api-key, or sign in");
      if (!isRead(request.method) && !isSameOrigin(request.headers)) return jsonError(403, "cross-site request refused");
      return await handler(request, { kind: "user", user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
