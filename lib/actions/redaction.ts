"use server";
// The Redaction section of Settings (project admins): built-in detectors and custom patterns.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { getRedactionConfig, setRedactionConfig } from "@/lib/data/access/redaction-settings";
import { projectPath } from "@/lib/format/project-path";
import { submittedValues, type FormState } from "@/lib/forms/form-state";
import { parsePatternLines } from "@/lib/forms/redaction-form";
import { compileRedaction, parseRedactionConfig, RedactionConfigError } from "@/lib/redaction";

export async function saveRedactionAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const values = submittedValues(form, ["patterns"], ["detectors"]);
  const lines = parsePatternLines(String(form.get("patterns") ?? ""));
  if (!lines.ok) return { status: "error", field: "patterns", message: lines.message, values };
  let config;
  try {
    config = parseRedactionConfig({ detectors: form.getAll("detectors"), patterns: lines.patterns });
    compileRedaction(config);
  } catch (error) {
    if (error instanceof RedactionConfigError) return { status: "error", field: "patterns", message: error.message, values };
    throw error;
  }
  const before = await getRedactionConfig(auth.caller.scope);
  await setRedactionConfig(auth.caller.scope, config);
  await audit(auth.caller, "redaction.update", projectSlug, { before, after: config }, await headers());
  revalidatePath(projectPath(projectSlug, "/settings"));
  const active = config.detectors.length + config.patterns.length;
  return {
    status: "ok",
    message: active ? `Saved: ${active} rule${active === 1 ? "" : "s"} applied to everything sent from now on.` : "Saved: redaction is off.",
  };
}
