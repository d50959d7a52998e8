// Signed webhooks: X-Hindsight-Signature is "sha256=" + the hex HMAC-SHA256, keyed with the rule's
// secret, of "<X-Hindsight-Timestamp>.<raw body>". Receivers recompute it and compare in constant time,
// and refuse timestamps older than a few minutes.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new signing secret for a rule ("whsec_" + 32 URL-safe characters). */
export const generateWebhookSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

export function signWebhook(secret: string, body: string, atMs: number): { timestamp: string; signature: string } {
  const timestamp = String(Math.floor(atMs / 1000));
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { timestamp, signature: `sha256=${digest}` };
}

/** What a receiver does: true when the signature matches and the timestamp is within `toleranceS` of now. */
export function verifyWebhookSignature(secret: string, body: string, timestamp: string, signature: string, nowMs: number, toleranceS = 300): boolean {
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, body, Number(timestamp) * 1000).signature);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
