// Writes docs/openapi.json and docs/api.md from the OpenAPI document (lib/api/openapi/). `--check`
// fails when either is stale (npm test), so the docs in the repository are the API the code serves.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { renderMarkdown } from "@/lib/api/openapi/render-markdown";

const root = path.resolve(import.meta.dirname, "..");
const jsonPath = path.join(root, "docs/openapi.json");
const markdownPath = path.join(root, "docs/api.md");

const doc = buildOpenApiDocument();
// Formatted as `prettier --check` expects it (JSON is checked; Markdown is not).
const json = await prettier.format(JSON.stringify(doc), { ...(await prettier.resolveConfig(jsonPath)), filepath: jsonPath, plugins: [] });
const outputs: [string, string][] = [
  [jsonPath, json],
  [markdownPath, renderMarkdown(doc)],
];

if (process.argv.includes("--check")) {
  const stale = outputs.filter(([file, text]) => !existsSync(file) || readFileSync(file, "utf8") !== text).map(([file]) => path.relative(root, file));
  if (stale.length > 0) {
    console.error(`${stale.join(" and ")} ${stale.length > 1 ? "are" : "is"} stale: run \`npm run docs:api\``);
    process.exit(1);
  }
} else {
  for (const [file, text] of outputs) {
    writeFileSync(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
