// The app's entry points, found by walking app/ (pages and route handlers) and the build's server-action
// manifest, so the authorisation tests cover whatever someone adds next month.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { listRouteFiles } from "../../support/route-tree";

const APP = "app";

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** "app/(dashboard)/projects/[project]/traces/page.tsx" → "/projects/[project]/traces". */
export function routePathOf(file: string): string {
  const segments = path.dirname(path.relative(APP, file)).split(path.sep);
  const kept = segments.filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${kept.join("/")}`;
}

export type RouteHandler = { path: string; file: string; methods: string[] };

export const listPages = (): string[] =>
  [...walk(APP)]
    .filter((f) => f.endsWith(`${path.sep}page.tsx`))
    .map(routePathOf)
    .sort();

export const listRouteHandlers = (): RouteHandler[] => listRouteFiles(APP).map(({ route, file, methods }) => ({ path: route, file, methods }));

/** Values for a path's dynamic segments. */
export function concretePath(route: string, values: Record<string, string>): string {
  return route
    .replace(/\/\[\[\.\.\.\w+\]\]/g, "")
    .replace(/\[\.\.\.(\w+)\]/g, (_, name: string) => values[name] ?? "x")
    .replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(values[name] ?? "x"));
}

export type ServerAction = { id: string; file: string; exportedName: string; pages: string[] };

/** Every server action of the production build the test server runs (.next/server/server-reference-manifest.json). */
export function listServerActions(buildDir = ".next"): ServerAction[] {
  const manifest = path.join(buildDir, "server", "server-reference-manifest.json");
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: the integration run builds the app first`);
  const { node } = JSON.parse(readFileSync(manifest, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    exportedName: entry.exportedName,
    pages: Object.keys(entry.workers).map((w) => routePathOf(`${w}.tsx`)),
  }));
}

/** Source files that declare server actions ("use server" at the top). */
export const listActionFiles = (): string[] =>
  [...walk("lib"), ...walk(APP)].filter((f) => /\.tsx?$/.test(f) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(f, "utf8"))).sort();
