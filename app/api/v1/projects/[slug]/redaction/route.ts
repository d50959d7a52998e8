// GET/PUT /api/v1/projects/{slug}/redaction { detectors, patterns: [{ name, regex }] }: what ingest replaces
// with [REDACTED:<name>] before anything of a span or log is stored (project admins). PUT takes effect on
// this server at once and on every other within 5 s; data stored earlier is not rewritten.
import { jsonError, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { getRedactionConfig, setRedactionConfig } from "@/lib/data/access/redaction-settings";
import { compileRedaction, parseRedactionConfig, RedactionConfigError } from "@/lib/redaction";

export const dynamic = "force-dynamic";
type Params = { slug: string };

const parameterOf = (message: string) =>
  /must be an object/.test(message) ? "body" : /pattern/i.test(message) ? "patterns" : /detector/i.test(message) ? "detectors" : "body";

export const GET = withApi<Params>("read", async (_request, { caller }) => Response.json(await getRedactionConfig(caller.scope)), { projectParam: "slug" });

export const PUT = withApi<Params>(
  "admin",
  async (request, { caller }) => {
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    let config;
    try {
      config = parseRedactionConfig(body.value);
      compileRedaction(config); // every regex is compiled and checked before anything is saved
    } catch (error) {
      if (error instanceof RedactionConfigError) return jsonError(400, error.message, { parameter: parameterOf(error.message) });
      throw error;
    }
    const before = await getRedactionConfig(caller.scope);
    await setRedactionConfig(caller.scope, config);
    await audit(caller, "redaction.update", caller.project.slug, { before, after: config }, request.headers);
    return Response.json(config);
  },
  { projectParam: "slug" },
);
