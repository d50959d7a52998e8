// GET /api/v1/prices: the price table in force (built-in prices and user overrides).
import { requireApiKey } from "@/lib/api/respond";
import { listPrices } from "@/lib/data/prices/price-overrides";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return (await requireApiKey(request)) ?? Response.json({ data: await listPrices() });
}
