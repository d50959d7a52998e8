"use server";
// The project's write tools from the Settings form (project admins; audited like the API's PUT).
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { setWriteTools } from "@/lib/data/governance/write-tools";
import { projectPath } from "@/lib/format/project-path";
import { submittedValues, type FormState } from "@/lib/forms/form-state";
import { splitToolNames, writeToolsSchema } from "@/lib/trace/write-tools-schema";

export async function saveWriteToolsAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message };
  const parsed = writeToolsSchema.safeParse({ tools: splitToolNames(String(form.get("tools") ?? "")) });
  if (!parsed.success)
    return { status: "error", field: "tools", message: `Tools ${parsed.error.issues[0]?.message ?? "are invalid"}`, values: submittedValues(form, ["tools"]) };
  const change = await setWriteTools(auth.caller.scope, parsed.data.tools);
  await audit(auth.caller, "write_tools.update", projectSlug, change, await headers());
  revalidatePath(projectPath(projectSlug, "/settings"));
  return { status: "ok", message: change.after.length ? `${change.after.length} write tools saved.` : "No write tools: only declared effects count." };
}
