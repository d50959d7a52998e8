// The OpenAPI 3.1 document of Hindsight's HTTP API, generated from the zod schemas the routes validate
// with (lib/trace, lib/analytics, lib/alerts, lib/pricing, lib/forms, lib/access) and the response
// schemas beside this file. Served at GET /api/openapi.json and rendered to docs/api.md
// (`npm run docs:api`). Built once per process.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import packageJson from "@/package.json";
import { SCHEMES, type ApiOperation } from "./operations";
import { alertOperations, priceOperations } from "./paths/alerts-prices";
import { lifecycleOperations } from "./paths/lifecycle";
import { collabOperations } from "./paths/collab";
import { bulkTagOperations } from "./paths/bulk-tags";
import { graphOperations } from "./paths/graph";
import { otlpOperations } from "./paths/otlp";
import { projectOperations } from "./paths/projects";
import { scoreOperations } from "./paths/quality";
import { evaluatorOperations } from "./paths/evaluators";
import { readOperations } from "./paths/read";
import { retroOperations } from "./paths/retro";
import { governanceOperations } from "./paths/governance";
import { datasetOperations, reviewOperations } from "./paths/review-datasets";
import { experimentOperations } from "./paths/experiments";
import { systemOperations } from "./paths/system";

/** Every operation of the API, in the order the document lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...otlpOperations,
  ...readOperations,
  ...governanceOperations,
  ...collabOperations,
  ...bulkTagOperations,
  ...retroOperations,
  ...scoreOperations,
  ...evaluatorOperations,
  ...graphOperations,
  ...alertOperations,
  ...priceOperations,
  ...projectOperations,
  ...lifecycleOperations,
  ...reviewOperations,
  ...datasetOperations,
  ...experimentOperations,
  ...systemOperations,
];

const DESCRIPTION = `Observability for AI agent pipelines: OTLP/HTTP in, normalised traces, metrics, drift and alerts out.

**Credentials.** API keys go in \`Authorization: Bearer <key>\` or \`x-api-key: <key>\` (the Langfuse-compatible endpoint also takes HTTP Basic with the key as password). A key belongs to one project and reads and writes only that one; its scopes (\`ingest\`, \`read\`, \`write\`, \`admin\`) say what it may do. The dashboard's session cookie works too: then \`?project=<slug>\` picks the project (default: the user's first), and mutations need a same-origin \`Origin\`. Each operation says which permission it needs, in words and as \`x-hindsight-permission\`.

**Answers.** 400 names the bad parameter or body field (\`{ "error", "parameter" }\`), 401 without valid credentials, 403 when the scope or role does not allow the operation, 404 for what the caller's project does not hold (never another project's data). JSON bodies are at most 64 KiB. Times are ISO 8601 with milliseconds, in UTC; numbers are JSON numbers.`;

/** The document as the generator builds it (an OpenAPI 3.1 object). */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

const TAGS = [
  { name: "Ingest", description: "OTLP/HTTP receivers for any OpenTelemetry SDK or Collector." },
  { name: "Traces", description: "Normalised traces and spans." },
  { name: "Analytics", description: "Latency, cost and drift from rollups kept at ingest." },
  { name: "Governance", description: "Approvals, the tool-call audit, model changes and the project's write tools." },
  { name: "Quality", description: "Scores of traces and spans from the API, OpenTelemetry evaluation events, evaluators and reviews." },
  { name: "Evaluators", description: "Online evaluators (rules and LLM judges) that score new traces once they settle, and their backfills." },
  { name: "Collaboration", description: "Comments, tags, share links and exports for retros." },
  { name: "Alerts", description: "Budget, latency and error-rate rules with signed webhooks." },
  { name: "Prices", description: "The price table: built-in prices and the project's overrides." },
  { name: "Projects", description: "Projects, API keys, members and the audit log." },
  { name: "Data lifecycle", description: "Deleting traces: one, or every trace of one end user; retention is a project setting." },
  { name: "Review queues", description: "Seeded samples of runs for people to label; each review is a score with source `review`." },
  { name: "Datasets", description: "Test cases from production runs, imports or by hand; JSON and JSONL export." },
  { name: "Experiments", description: "Runs of your own code over a dataset (the SDK's runExperiment), compared item by item." },
  { name: "System", description: "Health, this document and sign-in." },
];

export function buildOpenApiDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", SCHEMES.bearer, { type: "http", scheme: "bearer", description: "An API key: `Authorization: Bearer hs_…`." });
  registry.registerComponent("securitySchemes", SCHEMES.header, {
    type: "apiKey",
    in: "header",
    name: "x-api-key",
    description: "An API key: `x-api-key: hs_…`.",
  });
  registry.registerComponent("securitySchemes", SCHEMES.basic, {
    type: "http",
    scheme: "basic",
    description: "Langfuse-compatible: any user name, the API key as password.",
  });
  registry.registerComponent("securitySchemes", SCHEMES.session, {
    type: "apiKey",
    in: "cookie",
    name: "hindsight.session_token",
    description: "The dashboard's session after sign-in (`__Secure-hindsight.session_token` when HINDSIGHT_PUBLIC_URL is https).",
  });
  for (const route of API_OPERATIONS) registry.registerPath(route);
  return new OpenApiGeneratorV31(registry.definitions, { sortComponents: "alphabetically" }).generateDocument({
    openapi: "3.1.0",
    info: { title: "Hindsight API", version: packageJson.version, description: DESCRIPTION },
    tags: TAGS,
  });
}

let built: OpenApiDocument | undefined;

/** The document, built on first use. */
export function getOpenApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
