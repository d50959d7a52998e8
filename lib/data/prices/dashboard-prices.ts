import "server-only";
// The price table as Settings shows it: every price in force, and for overrides the built-in price
// that "reset" would bring back.
import type { PriceRow } from "@/lib/forms/price-form";
import { BUILT_IN_PRICES } from "@/lib/pricing/compute";
import { listPrices } from "@/lib/data/prices/price-overrides";
import type { ProjectScope } from "@/lib/data/scope";

/** Prices in force, overrides first, then by model name. */
export async function listPriceRows(scope: ProjectScope): Promise<PriceRow[]> {
  const prices = await listPrices(scope);
  return prices
    .map((p) => {
      const builtIn = BUILT_IN_PRICES.get(p.model);
      return { ...p, builtIn: builtIn ? { inputPerMTokUsd: builtIn.input, outputPerMTokUsd: builtIn.output } : null };
    })
    .sort((a, b) => (a.source === b.source ? a.model.localeCompare(b.model) : a.source === "override" ? -1 : 1));
}
