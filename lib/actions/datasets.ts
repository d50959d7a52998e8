"use server";
// The dataset pages: create a dataset, add an item from a run (its input, and its actual output as the
// expected output, edited first), and import JSONL. Checked by the same schemas as the API.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { findSourceSpan } from "@/lib/data/quality/dataset-from-run";
import { addDatasetItems, createDataset, DatasetNameTakenError, getDataset } from "@/lib/data/quality/datasets";
import { projectPath } from "@/lib/format/project-path";
import { firstError } from "@/lib/forms/access-forms";
import { jsonToText, textToJson, type RunItemPreview } from "@/lib/forms/dataset-form";
import { submittedValues, type FormState } from "@/lib/forms/form-state";
import { datasetCreateSchema, MAX_IMPORT_BYTES, parseDatasetJsonl } from "@/lib/quality/dataset-schema";
import { traceIdSchema } from "@/lib/trace/trace-params";

export async function createDatasetAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const values = submittedValues(form, ["name", "description"]);
  const parsed = datasetCreateSchema.safeParse({ name: values.name, ...(values.description ? { description: values.description } : {}) });
  if (!parsed.success) return { status: "error", ...firstError(parsed.error), values };
  try {
    const dataset = await createDataset(auth.caller.scope, parsed.data);
    await audit(auth.caller, "dataset.create", dataset.id, { name: dataset.name }, await headers());
  } catch (error) {
    if (error instanceof DatasetNameTakenError) return { status: "error", field: "name", message: error.message, values };
    throw error;
  }
  revalidatePath(projectPath(projectSlug, "/datasets"));
  return { status: "ok", message: `Dataset ${parsed.data.name} created.` };
}

/** The run's input and actual output (of `spanId`, else the root span), to edit before adding. */
export async function previewRunItem(projectSlug: string, traceId: string, spanId: string | null): Promise<RunItemPreview> {
  const auth = await authorizeAction(projectSlug, "read");
  if (!auth.ok) return { ok: false, message: auth.message };
  const span = await findSourceSpan(auth.caller.scope, traceId, spanId ?? undefined);
  if (!span) return { ok: false, message: "This run or span is no longer stored." };
  return { ok: true, spanId: span.spanId, spanName: span.name, input: jsonToText(span.input), expectedOutput: jsonToText(span.output) };
}

/** Adds the edited item to a dataset (`datasetId`, or a new one named `newDataset`). */
export async function addToDatasetAction(projectSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const values = submittedValues(form, ["datasetId", "newDataset", "input", "expectedOutput"]);
  const traceId = traceIdSchema.safeParse(form.get("traceId"));
  const spanId = String(form.get("spanId") ?? "");
  if (!traceId.success || !/^[0-9a-f]{16}$/.test(spanId)) return { status: "error", message: "This run can no longer be added.", values };
  const input = textToJson(String(values.input));
  if (input === null) return { status: "error", field: "input", message: "input: must not be empty", values };
  let datasetId = String(values.datasetId);
  const newName = String(values.newDataset).trim();
  if (newName) {
    const parsed = datasetCreateSchema.safeParse({ name: newName });
    if (!parsed.success) return { status: "error", field: "newDataset", message: firstError(parsed.error).message, values };
    try {
      datasetId = (await createDataset(auth.caller.scope, parsed.data)).id;
    } catch (error) {
      if (error instanceof DatasetNameTakenError) return { status: "error", field: "newDataset", message: error.message, values };
      throw error;
    }
  }
  const dataset = datasetId ? await getDataset(auth.caller.scope, datasetId) : null;
  if (!dataset) return { status: "error", field: "datasetId", message: "datasetId: choose a dataset or name a new one", values };
  await addDatasetItems(auth.caller.scope, dataset.id, [
    { input, expectedOutput: textToJson(String(values.expectedOutput)), metadata: null, sourceTraceId: traceId.data.toLowerCase(), sourceSpanId: spanId },
  ]);
  revalidatePath(projectPath(projectSlug, `/datasets/${dataset.id}`));
  return { status: "ok", message: `Added to ${dataset.name}.` };
}

/** Items from a JSONL file (or pasted text), all or none. */
export async function importJsonlAction(projectSlug: string, datasetId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const auth = await authorizeAction(projectSlug, "write");
  if (!auth.ok) return { status: "error", message: auth.message };
  const file = form.get("file");
  const text = file instanceof File && file.size > 0 ? (file.size > MAX_IMPORT_BYTES ? null : await file.text()) : String(form.get("text") ?? "");
  if (text === null) return { status: "error", field: "file", message: `file: must be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` };
  const parsed = parseDatasetJsonl(text);
  if (!parsed.ok) return { status: "error", field: "file", message: parsed.message };
  const items = await addDatasetItems(auth.caller.scope, datasetId, parsed.items);
  if (!items) return { status: "error", message: "This dataset no longer exists." };
  await audit(auth.caller, "dataset.import", datasetId, { items: items.length }, await headers());
  revalidatePath(projectPath(projectSlug, `/datasets/${datasetId}`));
  return { status: "ok", message: `Imported ${items.length} item${items.length === 1 ? "" : "s"}.` };
}
