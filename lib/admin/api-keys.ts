import "server-only";
// Creating and revoking a project's API keys (project admins), from the API and the API keys page.
import type { KeyScope } from "@/lib/access/permissions";
import { forgetApiKey } from "@/lib/auth/api-key-auth";
import { audit } from "@/lib/auth/audit";
import type { Caller } from "@/lib/auth/caller";
import { createApiKey, revokeApiKey, type ApiKeyInfo } from "@/lib/data/access/api-keys";

/** A new key; `key` is its only appearance in clear. */
export async function createProjectKey(
  caller: Caller,
  input: { name: string; scopes: readonly KeyScope[]; expiresAt: string | null },
  headers?: Headers,
): Promise<{ key: string; info: ApiKeyInfo }> {
  const created = await createApiKey(caller.scope, {
    name: input.name,
    scopes: input.scopes,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    createdById: caller.user?.id ?? null,
  });
  await audit(
    caller,
    "api_key.create",
    `${created.info.name} (${created.info.prefix}…)`,
    { scopes: created.info.scopes, expiresAt: created.info.expiresAt },
    headers,
  );
  return created;
}

/** Revokes a key: it fails on this server at once and on every other within 5 s. */
export async function revokeProjectKey(caller: Caller, id: string, headers?: Headers): Promise<boolean> {
  const revoked = await revokeApiKey(caller.scope, id);
  if (!revoked) return false;
  forgetApiKey(id);
  await audit(caller, "api_key.revoke", `${revoked.name} (${revoked.prefix}…)`, {}, headers);
  return true;
}
