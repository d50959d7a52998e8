// The OpenAPI document as a Markdown reference (docs/api.md): operations by tag with their parameters,
// bodies and answers, then every named schema as a table of fields. Pure; scripts/generate-api-docs.ts
// writes the file and checks it is current.
import type { OpenApiDocument } from "./document";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Media = Record<string, { schema?: Schema }>;
type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Media };
  responses?: Record<string, { description?: string; content?: Media; headers?: Record<string, unknown> }>;
  externalDocs?: { url: string; description?: string };
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as dashes. */
export const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);
const link = (name: string) => `[${name}](#${anchorOf(name)})`;
const cell = (text: string) => text.replace(/\s*\n+\s*/g, " ").replace(/\|/g, "\\|");
const code = (value: unknown) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

function range(s: Schema): string | null {
  const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : undefined);
  if (low !== undefined && s.maximum !== undefined) return typeof low === "number" ? `${low}–${s.maximum}` : `${low}, ≤ ${s.maximum}`;
  if (low !== undefined) return typeof low === "number" ? `≥ ${low}` : low;
  if (s.maximum !== undefined) return `≤ ${s.maximum}`;
  return null;
}

function constraints(s: Schema): string[] {
  const out: string[] = [];
  const r = range(s);
  if (r) out.push(r);
  if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`);
  if (s.minItems) out.push(`≥ ${s.minItems} items`);
  if (s.pattern) out.push(`pattern ${code(s.pattern)}`);
  return out;
}

/** A schema's type in a few words, named schemas as links. */
export function typeOf(s: Schema | undefined): string {
  if (!s || Object.keys(s).length === 0 || (Object.keys(s).length === 1 && s.description !== undefined)) return "any JSON";
  if (s.$ref) return link(refName(s.$ref));
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map(typeOf).join(" or ");
  if (s.allOf) return s.allOf.map(typeOf).join(" and ");
  if (s.const !== undefined) return code(s.const);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length === 1 && types[0] === "null") return "null";
  const nullable = types.includes("null");
  let base: string;
  if (s.enum)
    base = s.enum
      .filter((v) => v !== null)
      .map(code)
      .join(", ");
  else if (types.includes("array")) {
    const item = typeOf(s.items);
    base = /^[\w[\]()#-]+$/.test(item) ? `${item}[]` : `list of (${item})`;
  } else if (types.includes("object") && !s.properties && typeof s.additionalProperties === "object")
    base = `map of ${typeOf(s.additionalProperties) === "any JSON" ? "JSON values" : typeOf(s.additionalProperties)}`;
  else {
    const named = types.filter((t) => t !== "null");
    base = named.length ? named.join(" or ") : "any JSON";
    if (s.format) base += ` (${s.format})`;
  }
  const extra = constraints(s);
  return [base + (nullable ? " or null" : ""), ...extra].join(", ");
}

type Row = { name: string; type: string; required: boolean; description: string };

/** Fields of an object schema; fields that are inline objects (or lists of them) add their own, dotted. */
function fieldRows(s: Schema, prefix = ""): Row[] {
  const rows: Row[] = [];
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    const path = `${prefix}${name}`;
    const inline = field.properties ? field : field.items?.properties ? field.items : null;
    rows.push({
      name: path,
      type: inline ? (inline === field ? "object" : "object[]") : typeOf(field),
      required: s.required?.includes(name) ?? false,
      description: field.description ?? "",
    });
    if (inline) rows.push(...fieldRows(inline, `${path}${inline === field ? "" : "[]"}.`));
  }
  return rows;
}

function fieldTable(s: Schema): string[] {
  const rows = fieldRows(s);
  if (rows.length === 0) return [`Type: ${typeOf(s)}.`];
  return [
    "| field | type | required | description |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| \`${r.name}\` | ${cell(r.type)} | ${r.required ? "yes" : "no"} | ${cell(r.description)} |`),
    ...(s.additionalProperties === false ? [] : ["", "Other fields may appear."]),
  ];
}

function media(content: Media | undefined): string {
  if (!content) return "";
  return Object.entries(content)
    .map(([type, m]) => (m.schema ? `\`${type}\`: ${typeOf(m.schema)}` : `\`${type}\``))
    .join("; ");
}

function operationSection(method: string, path: string, op: Operation): string[] {
  const lines = [`### ${method.toUpperCase()} ${path}`, "", `**${op.summary ?? ""}**`, ""];
  if (op.description) lines.push(op.description, "");
  if (op.externalDocs) lines.push(`See also: [${op.externalDocs.description ?? op.externalDocs.url}](${op.externalDocs.url}).`, "");
  if (op.parameters?.length) {
    lines.push("| parameter | in | type | required | description |", "| --- | --- | --- | --- | --- |");
    for (const p of op.parameters) {
      lines.push(`| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? "yes" : "no"} | ${cell(p.description ?? "")} |`);
    }
    lines.push("");
  }
  if (op.requestBody) lines.push(`Request body: ${media(op.requestBody.content)}.`, "");
  lines.push("| status | body | meaning |", "| --- | --- | --- |");
  for (const [status, answer] of Object.entries(op.responses ?? {})) {
    const headers = answer.headers
      ? ` Headers: ${Object.keys(answer.headers)
          .map((h) => `\`${h}\``)
          .join(", ")}.`
      : "";
    lines.push(`| ${status} | ${cell(media(answer.content)) || "none"} | ${cell((answer.description ?? "") + headers)} |`);
  }
  return [...lines, ""];
}

export function renderMarkdown(doc: OpenApiDocument): string {
  const operations: { tag: string; method: string; path: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) operations.push({ tag: op.tags?.[0] ?? "Other", method, path, op });
    }
  }
  const tags = doc.tags ?? [];
  const lines = [
    `# ${doc.info.title}`,
    "",
    "<!-- Generated from the OpenAPI document (lib/api/openapi/) by `npm run docs:api`: edit the schemas there, not this file. -->",
    "",
    doc.info.description ?? "",
    "",
    "The same document, machine-readable: [openapi.json](openapi.json), also served by every Hindsight at `GET /api/openapi.json`.",
    "",
  ];
  const schemes = Object.entries(doc.components?.securitySchemes ?? {}) as [string, { description?: string }][];
  lines.push("## Credentials", "", "| scheme | how |", "| --- | --- |", ...schemes.map(([name, s]) => `| \`${name}\` | ${cell(s.description ?? "")} |`), "");
  lines.push("## Operations", "");
  for (const tag of tags) {
    const own = operations.filter((o) => o.tag === tag.name);
    lines.push(`- **${tag.name}**: ${own.map((o) => `[${o.method.toUpperCase()} ${o.path}](#${anchorOf(`${o.method} ${o.path}`)})`).join(", ")}`);
  }
  lines.push("");
  for (const tag of tags) {
    lines.push(`## ${tag.name}`, "", tag.description ?? "", "");
    for (const o of operations.filter((x) => x.tag === tag.name)) lines.push(...operationSection(o.method, o.path, o.op));
  }
  lines.push("## Schemas", "");
  for (const [name, schema] of Object.entries((doc.components?.schemas ?? {}) as Record<string, Schema>)) {
    lines.push(`### ${name}`, "");
    if (schema.description) lines.push(schema.description, "");
    lines.push(...fieldTable(schema), "");
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}
