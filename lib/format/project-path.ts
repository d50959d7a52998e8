// Dashboard URLs name their project (/projects/<slug>/…), so a link copied by one member opens the same
// project for another. Safe on client and server.

/** `/projects/<slug>` followed by `path` (which starts with "/", or is empty for the project's home). */
export const projectPath = (slug: string, path = ""): string => `/projects/${encodeURIComponent(slug)}${path}`;
