"use server";
// Editing a dataset's items on its page: change an item's input, expected output and metadata (each JSON,
// checked with a clear error), or delete the item. The same data functions as PATCH and DELETE
// /api/v1/datasets/{id}/items/{itemId}.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { deleteDatasetItem, updateDatasetItem } from "@/lib/data/quality/datasets";
import { projectPath } from "@/lib/format/project-path";
import { parseItemField } from "@/lib/forms/dataset-form";
import { submittedValues, type FormState } from "@/lib/forms/form-state";

const FIELDS = ["input", "expectedOutput", "metadata"] as const;

/** Saves the edited item (`itemId` in the form); its three fields replace the stored ones. */
export async function updateDatasetItemAction(projectSlug: string, datasetId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const values = submittedValues(form, ["itemId", ...FIELDS]);
  const change: Record<(typeof FIELDS)[number], unknown> = { input: null, expectedOutput: null, metadata: null };
  for (const field of FIELDS) {
    const parsed = parseItemField(String(values[field]), field);
    if (!parsed.ok) return { status: "error", field, message: parsed.message, values };
    change[field] = parsed.value;
  }
  if (change.input === null) return { status: "error", field: "input", message: "input: must not be empty", values };
  const item = await updateDatasetItem(auth.caller.scope, datasetId, String(values.itemId), {
    input: change.input,
    expectedOutput: change.expectedOutput,
    metadata: change.metadata as Record<string, unknown> | null,
  });
  if (!item) return { status: "error", message: "This item no longer exists.", values };
  revalidatePath(projectPath(projectSlug, `/datasets/${datasetId}`));
  return { status: "ok", message: "Item saved." };
}

/** Deletes the item named by `itemId` in the form. */
export async function deleteDatasetItemAction(projectSlug: string, datasetId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const itemId = String(form.get("itemId") ?? "");
  if (!(await deleteDatasetItem(auth.caller.scope, datasetId, itemId))) return { status: "error", message: "This item no longer exists." };
  await audit(auth.caller, "dataset_item.delete", itemId, { datasetId }, await headers());
  revalidatePath(projectPath(projectSlug, `/datasets/${datasetId}`));
  return { status: "ok", message: "Item deleted." };
}
