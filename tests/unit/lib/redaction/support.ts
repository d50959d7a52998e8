// Shared by the redaction tests: one compiled redactor per detector, and format-valid fake credentials.
import { compileRedaction } from "@/lib/redaction";
import type { DetectorName } from "@/lib/redaction/types";

export const redactorFor = (...detectors: DetectorName[]) => compileRedaction({ detectors, patterns: [] });
export const ALL = redactorFor("email", "phone", "credit_card", "secret", "ip_address");

/** Deterministic filler of token characters, so fake keys look random without being real. */
export function filler(length: number, alphabet = "A1b2C3d4E5f6G7h8J9k0LmNpQrStUvWxYz"): string {
  let out = "";
  for (let i = 0; out.length < length; i++) out += alphabet[(i * 7 + 3) % alphabet.length];
  return out;
}
