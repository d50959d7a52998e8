// GET /api/v1/prices: the price table in force in the caller's project (built-in prices and overrides).
import { withApi } from "@/lib/api/with-api";
import { listPrices } from "@/lib/data/prices/price-overrides";

export const dynamic = "force-dynamic";

export const GET = withApi("read", async (_request, { caller }) => Response.json({ data: await listPrices(caller.scope) }));
