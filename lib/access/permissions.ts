// Who may do what, as data. Users hold a role per project; API keys hold scopes. Both resolve to the
// same permissions, which every entry point asks for (lib/auth/caller.ts). Pure.

export const ROLES = ["viewer", "member", "admin"] as const;
/** A user's role in one project (instance admins act as `admin` everywhere). */
export type Role = (typeof ROLES)[number];

export const KEY_SCOPES = ["ingest", "read", "write", "admin"] as const;
/** What an API key may do: `ingest` the OTLP endpoints only, `read` GET /api/v1/*, `write` and `admin` as the roles below. */
export type KeyScope = (typeof KEY_SCOPES)[number];

/**
 * - read: everything in the project (viewer and up)
 * - write: comments, tags, scores, shares, datasets, retros, alert rules, evaluators (member and up)
 * - admin: prices, keys, members, retention, redaction, deletion (project admin)
 * - ingest: sending spans and logs (API keys only)
 */
export type Permission = KeyScope;

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  member: ["read", "write"],
  admin: ["read", "write", "admin"],
};

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);
export const isKeyScope = (value: unknown): value is KeyScope => typeof value === "string" && (KEY_SCOPES as readonly string[]).includes(value);

export const roleAllows = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);
export const scopesAllow = (scopes: readonly KeyScope[], permission: Permission): boolean => scopes.includes(permission);

/** The permissions a role grants, for display. */
export const permissionsOf = (role: Role): readonly Permission[] => ROLE_PERMISSIONS[role];

/** Stored scopes ("ingest read") → the known ones, in canonical order. */
export function parseStoredScopes(text: string): KeyScope[] {
  const given = new Set(text.split(/\s+/));
  return KEY_SCOPES.filter((scope) => given.has(scope));
}

export const formatScopes = (scopes: readonly KeyScope[]): string => KEY_SCOPES.filter((s) => scopes.includes(s)).join(" ");
