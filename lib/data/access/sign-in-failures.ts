import "server-only";
// Failed sign-ins, counted per email and per client address over a sliding window, in the database so
// every server process of a deployment sees the same count.
import { getPrisma } from "@/lib/db/prisma";

export type FailureCounts = { byEmail: number; byIp: number; oldestEmailMs: number | null; oldestIpMs: number | null };

export async function countRecentFailures(email: string, ip: string, sinceMs: number): Promise<FailureCounts> {
  const prisma = getPrisma();
  const since = BigInt(sinceMs);
  const [byEmail, byIp] = await Promise.all([
    prisma.signInFailure.aggregate({ where: { email, atMs: { gte: since } }, _count: { _all: true }, _min: { atMs: true } }),
    prisma.signInFailure.aggregate({ where: { ip, atMs: { gte: since } }, _count: { _all: true }, _min: { atMs: true } }),
  ]);
  const ms = (v: bigint | null) => (v === null ? null : Number(v));
  return { byEmail: byEmail._count._all, byIp: byIp._count._all, oldestEmailMs: ms(byEmail._min.atMs), oldestIpMs: ms(byIp._min.atMs) };
}

export async function recordFailure(email: string, ip: string, nowMs = Date.now()): Promise<void> {
  await getPrisma().signInFailure.create({ data: { email, ip, atMs: BigInt(nowMs) } });
}

/** A successful sign-in clears its email's failures; old rows of everyone are pruned on the way. */
export async function clearFailures(email: string, olderThanMs: number): Promise<void> {
  await getPrisma().signInFailure.deleteMany({ where: { OR: [{ email }, { atMs: { lt: BigInt(olderThanMs) } }] } });
}
