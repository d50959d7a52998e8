"use server";
// Mutations of the price table from Settings: the same validation and recompute as PUT and DELETE
// /api/v1/prices/{model}. Like every page of the dashboard, these actions are as open as the UI itself.
import { revalidatePath } from "next/cache";
import { deletePriceOverride, modelKeySchema, priceInputSchema, setPriceOverride } from "@/lib/data/prices/price-overrides";
import { describeRecompute, readPriceForm, readPriceFormValues, toFieldErrors, type PriceActionState } from "@/lib/forms/price-form";

/** Adds or overrides a model's price; stored costs of that model are recomputed. */
export async function savePrice(_previous: PriceActionState, form: FormData): Promise<PriceActionState> {
  const { model: rawModel, body } = readPriceForm(form);
  const model = modelKeySchema.safeParse(rawModel);
  const price = priceInputSchema.safeParse(body);
  if (!model.success || !price.success) {
    const fieldErrors = { ...(model.success ? {} : toFieldErrors(model.error.issues, "model")), ...(price.success ? {} : toFieldErrors(price.error.issues)) };
    return { status: "error", message: "Check the highlighted fields.", fieldErrors, values: readPriceFormValues(form) };
  }
  const recomputedSpans = await setPriceOverride(model.data, price.data);
  revalidatePath("/settings");
  return { status: "ok", model: model.data, recomputedSpans, message: `Saved ${model.data}: ${describeRecompute(recomputedSpans)}.` };
}

/** Removes a model's override: its built-in price applies again (or it becomes unpriced). */
export async function resetPrice(_previous: PriceActionState, form: FormData): Promise<PriceActionState> {
  const model = modelKeySchema.safeParse(form.get("model"));
  if (!model.success) return { status: "error", message: model.error.issues[0]?.message ?? "Invalid model", fieldErrors: {} };
  const recomputedSpans = await deletePriceOverride(model.data);
  if (recomputedSpans === null) return { status: "error", message: `${model.data} has no override.`, fieldErrors: {} };
  revalidatePath("/settings");
  return { status: "ok", model: model.data, recomputedSpans, message: `Reset ${model.data}: ${describeRecompute(recomputedSpans)}.` };
}
