// The app's route handlers as the file system defines them: every app/**/route.ts with the HTTP
// methods it exports (read from its syntax tree, so nothing is imported or run). Route groups
// `(name)` are dropped; `[param]` and `[...param]` stay as written.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteFile = { route: string; file: string; methods: string[] };

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Names of the HTTP methods a route module exports (`export const GET`, `export function GET`, `export { x as GET }`). */
export function exportedMethods(source: string, fileName = "route.ts"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
      names.push(statement.name.text);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    }
  }
  return names.filter((name) => (HTTP_METHODS as readonly string[]).includes(name));
}

/** Every route.ts under `appDir`, with its URL path and methods, sorted by path. */
export function listRouteFiles(appDir: string): RouteFile[] {
  const routes: RouteFile[] = [];
  for (const entry of readdirSync(appDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^route\.(ts|tsx|js)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const segments = path
      .relative(appDir, entry.parentPath)
      .split(path.sep)
      .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
    routes.push({ route: `/${segments.join("/")}`, file, methods: exportedMethods(readFileSync(file, "utf8"), file) });
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/** `/a/[id]/[...rest]` → `/a/{id}/{rest}`, the OpenAPI way of writing it. */
export const toOpenApiPath = (route: string) => route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
