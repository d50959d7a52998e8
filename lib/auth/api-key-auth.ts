import "server-only";
// API key authentication for every request that carries a key (the OTLP receiver's hot path among them).
// Answers are cached for under 5 seconds, so a key revoked on any server stops working everywhere within
// 5 s; a revocation through this process takes effect here at once. Use is noted in memory and written
// to lastUsedAt once per HINDSIGHT_KEY_USAGE_FLUSH_SECONDS (a minute) per key, never on the request path.
import { findApiKeyByHash, hashApiKey, recordKeysUsed, type StoredApiKey } from "@/lib/data/access/api-keys";
import { getEnv } from "@/lib/env";

const CACHE_MS = 4_000;

export type KeyCheck = { ok: true; key: StoredApiKey } | { ok: false; message: string };

type Cached = { key: StoredApiKey | null; loadedMs: number };
type State = { cache: Map<string, Cached>; lastUse: Map<string, number>; flushTimer: NodeJS.Timeout | null };
const globalForKeys = globalThis as unknown as { hindsightKeyAuth?: State };
const state = (): State => (globalForKeys.hindsightKeyAuth ??= { cache: new Map(), lastUse: new Map(), flushTimer: null });

/** Whether a stored key works at `nowMs`, with the reason it does not. */
export function checkKey(key: StoredApiKey | null, nowMs: number): KeyCheck {
  if (!key) return { ok: false, message: "unknown API key" };
  if (key.revokedAt) return { ok: false, message: `API key ${key.prefix}… was revoked` };
  if (key.expiresAt && Date.parse(key.expiresAt) <= nowMs) return { ok: false, message: `API key ${key.prefix}… expired at ${key.expiresAt}` };
  return { ok: true, key };
}

/** The key behind `text`, if it works now. */
export async function authenticateApiKey(text: string, nowMs = Date.now()): Promise<KeyCheck> {
  const { cache } = state();
  const hash = hashApiKey(text);
  let entry = cache.get(hash);
  if (!entry || nowMs - entry.loadedMs >= CACHE_MS) {
    entry = { key: await findApiKeyByHash(hash), loadedMs: nowMs };
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, entry);
  }
  const check = checkKey(entry.key, nowMs);
  if (check.ok) noteUse(check.key.id, nowMs);
  return check;
}

/** Drops this process's cached answer for a key (after revoking it here). */
export function forgetApiKey(id: string): void {
  for (const [hash, entry] of state().cache) if (entry.key?.id === id) state().cache.delete(hash);
}

function noteUse(id: string, nowMs: number): void {
  const s = state();
  s.lastUse.set(id, nowMs);
  if (s.flushTimer) return;
  s.flushTimer = setTimeout(() => void flushKeyUse(), getEnv().HINDSIGHT_KEY_USAGE_FLUSH_SECONDS * 1000);
  s.flushTimer.unref();
}

/** Writes the noted uses (also called at shutdown and by tests). */
export async function flushKeyUse(): Promise<void> {
  const s = state();
  s.flushTimer = null;
  if (s.lastUse.size === 0) return;
  const uses = new Map(s.lastUse);
  s.lastUse.clear();
  try {
    await recordKeysUsed(uses);
  } catch (error) {
    console.error("[hindsight] noting API key use failed:", (error as Error).message);
  }
}

/** The key of a request: `Authorization: Bearer`, `x-api-key`, or HTTP Basic's password when allowed (Langfuse SDKs). */
export function readApiKey(headers: Headers, allowBasic = false): string | null {
  const authorization = headers.get("authorization")?.trim() ?? "";
  const bearer = /^bearer\s+(.+)$/i.exec(authorization);
  if (bearer) return bearer[1]!.trim();
  const headerKey = headers.get("x-api-key")?.trim();
  if (headerKey) return headerKey;
  const basic = /^basic\s+(.+)$/i.exec(authorization);
  if (basic && allowBasic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? decoded.slice(colon + 1) || null : null;
  }
  return null;
}
