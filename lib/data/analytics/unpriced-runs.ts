import "server-only";
// How many runs in a window used a model without a price. The rollups add such calls as $0 (their cost
// is unknown, not zero), so the cost dashboard says how many of its runs its figures leave out.
import { getPrisma } from "@/lib/db/prisma";
import type { ProjectScope } from "@/lib/data/scope";


export async function countUnpricedRuns(scope: ProjectScope, fromMs: number, toMs: number): Promise<number> {
  const startNs = { gte: BigInt(Math.trunc(fromMs)) * 1_000_000n, lt: BigInt(Math.trunc(toMs)) * 1_000_000n };
  return getPrisma().trace.count({ where: { projectId: scope.projectId, startNs, hasUnpriced: true } });
}
