// The gates decide which text redaction looks at: they must say "maybe" for exactly the texts in which
// some detector's hint matches (never less, or a secret would be stored), in as few scans as possible.
import { describe, expect, it } from "vitest";
import { buildGates } from "@/lib/redaction/hint-gates";
import { creditCardDetector } from "@/lib/redaction/detectors/credit-card";
import { emailDetector } from "@/lib/redaction/detectors/email";
import { ipAddressDetector } from "@/lib/redaction/detectors/ip-address";
import { phoneDetector } from "@/lib/redaction/detectors/phone";
import { secretDetector } from "@/lib/redaction/detectors/secret";
import { filler } from "./support";

const HINTS = [emailDetector(), phoneDetector(), creditCardDetector(), secretDetector(), ipAddressDetector()].map((d) => d.hint);
const hinted = (text: string) => HINTS.some((hint) => new RegExp(hint).test(text));
const gated = (gates: RegExp[], text: string) => gates.some((gate) => gate.test(text));

const TEXTS = [
  'plain prose without anything to find, and some JSON: {"gen_ai.operation.name":"chat","n":12}',
  "mail maya@example.com",
  "call +1 415 555 2671",
  "card 4111 1111 1111 1111",
  `token ghp_${filler(36)}`,
  `npm token npm_${filler(36)}`,
  "server at 192.168.10.20:8080",
  "ipv6 2001:db8::1",
  "-----BEGIN RSA PRIVATE KEY-----",
  "postgres://user:pw@db/app",
  "a Key word",
  "SG.abc",
  `sk-proj-${filler(30)}T3BlbkFJ${filler(30)}`,
  "hooks.SLACK.com/services",
  "eyJhbGciOi",
  "order 1234-5678 and 2024-01-02",
  "version 1.2.3 and a.b.c",
];

describe("buildGates", () => {
  it("joins every detector's hints into at most two expressions", () => {
    expect(buildGates(HINTS).length).toBeLessThanOrEqual(2);
  });

  it("says maybe exactly when some detector's hint matches", () => {
    const gates = buildGates(HINTS);
    for (const text of TEXTS) expect(gated(gates, text), text).toBe(hinted(text));
    expect(TEXTS.filter(hinted).length).toBeGreaterThan(10);
    expect(TEXTS.filter((text) => !hinted(text)).length).toBeGreaterThan(0);
  });

  it("keeps a custom pattern's literal hint", () => {
    const gates = buildGates([...HINTS, "EMP-"]);
    expect(gated(gates, "employee EMP-123456")).toBe(true);
    expect(gated(gates, "employee emp 123456")).toBe(false);
  });
});
