// PUT /api/v1/prices/{model}: add or override a model's price in the project; DELETE removes the
// override. Both recompute the stored costs of that model and answer with how many spans changed.
import { badParameter, jsonError, readJsonBody } from "@/lib/api/respond";
import { withApi } from "@/lib/api/with-api";
import { audit } from "@/lib/auth/audit";
import { deletePriceOverride, setPriceOverride } from "@/lib/data/prices/price-overrides";
import { modelKeySchema, priceInputSchema } from "@/lib/pricing/price-input";

export const dynamic = "force-dynamic";
type Params = { model: string };

const modelOf = (params: Params) => modelKeySchema.safeParse(decodeURIComponent(params.model));

export const PUT = withApi<Params>("admin", async (request, { caller, params }) => {
  const model = modelOf(params);
  if (!model.success) return badParameter("model", model.error.issues[0]?.message ?? "is invalid");
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const price = priceInputSchema.safeParse(body.value);
  if (!price.success) {
    const issue = price.error.issues[0]!;
    return jsonError(400, `${issue.path.join(".") || "body"}: ${issue.message}`, { parameter: issue.path.join(".") || "body" });
  }
  const recomputedSpans = await setPriceOverride(caller.scope, model.data, price.data);
  await audit(caller, "price.set", model.data, { ...price.data, recomputedSpans }, request.headers);
  return Response.json({ model: model.data, ...price.data, recomputedSpans });
});

export const DELETE = withApi<Params>("admin", async (request, { caller, params }) => {
  const model = modelOf(params);
  if (!model.success) return badParameter("model", model.error.issues[0]?.message ?? "is invalid");
  const recomputedSpans = await deletePriceOverride(caller.scope, model.data);
  if (recomputedSpans === null) return jsonError(404, `no override for ${model.data}`);
  await audit(caller, "price.reset", model.data, { recomputedSpans }, request.headers);
  return Response.json({ model: model.data, recomputedSpans });
});
