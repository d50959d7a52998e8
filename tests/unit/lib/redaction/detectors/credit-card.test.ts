import { describe, expect, it } from "vitest";
import { redactorFor } from "../support";

const card = redactorFor("credit_card");

describe("credit_card detector", () => {
  it.each([
    ["visa 4111 1111 1111 1111 exp 12/29", "visa [REDACTED:credit_card] exp 12/29"],
    ["mc 5555-5555-5555-4444.", "mc [REDACTED:credit_card]."],
    ["amex 3782 822463 10005", "amex [REDACTED:credit_card]"],
    ["plain 4012888888881881", "plain [REDACTED:credit_card]"],
    ["4111 1111 1111 1111 2024", "[REDACTED:credit_card] 2024"],
  ])("redacts %j", (text, expected) => {
    expect(card.redactText(text)).toBe(expected);
  });

  it.each([
    "order 4111111111111112 shipped", // 16 digits failing the Luhn checksum
    "order 1234567812345670", // passes Luhn, but no card brand starts with 1
    "ts 1793491219810000000",
    "call_c5ee6712492748268b80f653", // a digit run inside a hex id that passes Luhn
    "uuid 12345678-1234-1234-1234-123456789012",
    "4111 1111", // too short
  ])("leaves %j", (text) => {
    expect(card.redactText(text)).toBe(text);
  });
});

describe("credit_card detector beside other numbers", () => {
  it("finds a card that shares a run of digit groups with a phone number", () => {
    expect(card.redactText("call +1 415 555 2671 4111 1111 1111 1111 now")).toBe("call +1 415 555 [REDACTED:credit_card] now");
  });
});
