"use server";
// Mutations of the price table from Settings: the same validation and recompute as PUT and DELETE
// /api/v1/prices/{model}, for project admins only.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { audit } from "@/lib/auth/audit";
import { authorizeAction } from "@/lib/auth/require-action";
import { deletePriceOverride, setPriceOverride } from "@/lib/data/prices/price-overrides";
import { modelKeySchema, priceInputSchema } from "@/lib/pricing/price-input";
import { projectPath } from "@/lib/format/project-path";
import { describeRecompute, readPriceForm, readPriceFormValues, toFieldErrors, type PriceActionState } from "@/lib/forms/price-form";

/** Adds or overrides a model's price; stored costs of that model are recomputed. */
export async function savePrice(projectSlug: string, _previous: PriceActionState, form: FormData): Promise<PriceActionState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message, fieldErrors: {} };
  const { model: rawModel, body } = readPriceForm(form);
  const model = modelKeySchema.safeParse(rawModel);
  const price = priceInputSchema.safeParse(body);
  if (!model.success || !price.success) {
    const fieldErrors = { ...(model.success ? {} : toFieldErrors(model.error.issues, "model")), ...(price.success ? {} : toFieldErrors(price.error.issues)) };
    return { status: "error", message: "Check the highlighted fields.", fieldErrors, values: readPriceFormValues(form) };
  }
  const recomputedSpans = await setPriceOverride(auth.caller.scope, model.data, price.data);
  await audit(auth.caller, "price.set", model.data, { ...price.data, recomputedSpans }, await headers());
  revalidatePath(projectPath(projectSlug, "/settings"));
  return { status: "ok", model: model.data, recomputedSpans, message: `Saved ${model.data}: ${describeRecompute(recomputedSpans)}.` };
}

/** Removes a model's override: its built-in price applies again (or it becomes unpriced). */
export async function resetPrice(projectSlug: string, _previous: PriceActionState, form: FormData): Promise<PriceActionState> {
  const auth = await authorizeAction(projectSlug, "admin");
  if (!auth.ok) return { status: "error", message: auth.message, fieldErrors: {} };
  const model = modelKeySchema.safeParse(form.get("model"));
  if (!model.success) return { status: "error", message: model.error.issues[0]?.message ?? "Invalid model", fieldErrors: {} };
  const recomputedSpans = await deletePriceOverride(auth.caller.scope, model.data);
  if (recomputedSpans === null) return { status: "error", message: `${model.data} has no override.`, fieldErrors: {} };
  await audit(auth.caller, "price.reset", model.data, { recomputedSpans }, await headers());
  revalidatePath(projectPath(projectSlug, "/settings"));
  return { status: "ok", model: model.data, recomputedSpans, message: `Reset ${model.data}: ${describeRecompute(recomputedSpans)}.` };
}
