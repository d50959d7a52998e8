// The project a data-layer call acts on. Every function in lib/data that reads or writes project data
// takes one as its first argument, so a call that forgets the project does not compile. Scopes are made
// only where the caller's project is known for certain: lib/auth (from the session or the API key) and
// background jobs that walk every project (lib/jobs); ESLint keeps projectScope() out of other folders.

declare const scopeBrand: unique symbol;

/** The caller's project, as established by lib/auth or a background job. */
export type ProjectScope = { readonly projectId: string; readonly [scopeBrand]: true };

/** A scope for a project whose id is known to be the caller's. */
export const projectScope = (projectId: string): ProjectScope => ({ projectId }) as ProjectScope;

/** The project every existing trace belongs to after the upgrade; HINDSIGHT_INIT_API_KEY registers its key here. */
export const DEFAULT_PROJECT_ID = "default";
