import "server-only";
// How many runs in a window used a model without a price. The rollups add such calls as $0 (their cost
// is unknown, not zero), so the cost dashboard says how many runs its figures leave out.
import { getPrisma } from "@/lib/db";

export type UnpricedRuns = { unpriced: number; total: number };

export async function countUnpricedRuns(fromMs: number, toMs: number): Promise<UnpricedRuns> {
  const startNs = { gte: BigInt(Math.trunc(fromMs)) * 1_000_000n, lt: BigInt(Math.trunc(toMs)) * 1_000_000n };
  const [unpriced, total] = await Promise.all([
    getPrisma().trace.count({ where: { startNs, hasUnpriced: true } }),
    getPrisma().trace.count({ where: { startNs } }),
  ]);
  return { unpriced, total };
}
