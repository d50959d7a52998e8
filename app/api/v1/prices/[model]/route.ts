// PUT /api/v1/prices/{model}: add or override a model's price; DELETE removes the override.
// Both recompute the stored costs of that model and answer with how many spans changed.
import { jsonError, readJsonBody, requireApiKey } from "@/lib/api/respond";
import { deletePriceOverride, modelKeySchema, priceInputSchema, setPriceOverride } from "@/lib/data/prices/price-overrides";

export const dynamic = "force-dynamic";
type Context = { params: Promise<{ model: string }> };

async function modelOf(context: Context) {
  return modelKeySchema.safeParse(decodeURIComponent((await context.params).model));
}

export async function PUT(request: Request, context: Context): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const model = await modelOf(context);
  if (!model.success) return jsonError(400, `model: ${model.error.issues[0]?.message}`, { parameter: "model" });
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const price = priceInputSchema.safeParse(body.value);
  if (!price.success) {
    const issue = price.error.issues[0]!;
    return jsonError(400, `${issue.path.join(".") || "body"}: ${issue.message}`, { parameter: issue.path.join(".") });
  }
  const recomputedSpans = await setPriceOverride(model.data, price.data);
  return Response.json({ model: model.data, ...price.data, recomputedSpans });
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  const denied = await requireApiKey(request);
  if (denied) return denied;
  const model = await modelOf(context);
  if (!model.success) return jsonError(400, `model: ${model.error.issues[0]?.message}`, { parameter: "model" });
  const recomputedSpans = await deletePriceOverride(model.data);
  return recomputedSpans === null ? jsonError(404, `no override for ${model.data}`) : Response.json({ model: model.data, recomputedSpans });
}
